// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "labelimport.h"
#include "labelitem.h"
#include "selection.h"
#include "storeresult.h"

#include <QDate>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <QSet>
#include <QStringList>

#include <vector>

namespace closient::labels {

using store::Result;

/** What an import did, or (ok == false) every row that stopped it: nothing is stored then. */
struct ImportReport
{
    int lots = 0;
    int serials = 0;
    int unchanged = 0; // lots that were already there with the same data
    QStringList errors; // "row 4: AI (01) GTIN, position 14: ..."
    QStringList ids; // the lots or serials of the file's rows, in file order
    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

/** One line of the print history. */
struct PrintLogEntry
{
    qint64 id = 0;
    QString jobId;
    QString action; // print, reprint, void, test
    QString printer;
    int copies = 1;
    QString templateName; // the stock's id (Stock::id; a station template's name)
    QString layoutName; // the layout the labels were drawn with; empty for symbol-only labels
    QPointF calibration; // the printer offsets applied, mm
    int startPosition = 1;
    QString userName;
    QString workstation;
    QString reason;
    QDateTime created;
    int items = 0;
    QString firstItem; // "09506000134352 · 100001" of the first item, for the list
};

/** What a job sent to a printer, to be logged: the items on the pages printed, and who, where and why. */
struct PrintRecord
{
    QString action = QStringLiteral("print"); // print | test (an alignment test marks nothing printed)
    PrintLogEntry entry; // its reason goes with the items printed before (the reprints)
    std::vector<LabelItem> items;
};

/// How far a printer's calibration may move the labels (mm, either axis): a larger shift means the wrong template.
/// The screen, the command line and the store all take it from here.
inline constexpr double kCalibrationLimitMm = 10.0;

/** Lots, serials, label jobs and the print log in the store. */
class LabelRepository
{
public:
    explicit LabelRepository(store::Database *db);

    QFuture<Result<LabelItem>> addLot(const ItemInput &input);
    QFuture<Result<LabelItem>> addSerial(const ItemInput &input);
    /// Serials @p prefix + first … first+count-1, zero-padded to @p width digits, for one GTIN (and lot).
    QFuture<Result<int>> addSerialRange(
        const ItemInput &base, const QString &prefix, qint64 first, int count, int width);
    /// Imports CSV text (RFC 4180, LabelImport): every row or none. With @p reuseExisting a serial already in the
    /// store is taken as it is (an export from a file); without, it is an error.
    /// @p columnMap names the file's own headers (LabelImport::parse).
    QFuture<ImportReport> importCsv(const QString &scope, const QByteArray &csv, bool reuseExisting = false,
        QChar delimiter = u',', const QHash<QString, QString> &columnMap = {});
    /// What importing @p rows would do, read from the store without writing (LabelImport::plan).
    QFuture<Result<ImportPlan>> planImport(const ImportRows &rows, bool reuseExisting);
    QFuture<Result<std::vector<LabelItem>>> select(const Selection &selection, int limit = -1);
    /// Refuses the void serials among @p serialIds, naming them: a void serial is never printed or exported again.
    QFuture<Result<store::Done>> refuseVoid(const QStringList &serialIds);
    QFuture<Result<qint64>> logPrint(
        const QString &action, const std::vector<LabelItem> &items, const PrintLogEntry &entry, bool markPrinted);
    /// Stores what a finished job did, in one transaction: the rows of its file (if any), then its print split
    /// into a print entry for items never printed and a reprint entry (with the reason) for items printed before.
    /// Nothing is stored when any part fails.
    QFuture<Result<store::Done>> recordJob(std::optional<ImportPlan> import, std::optional<PrintRecord> print);
    QFuture<Result<store::Done>> voidSerial(const QString &serialId, const QString &reason, const QString &user);
    QFuture<Result<std::vector<PrintLogEntry>>> printLog(int limit = 200);
    /// For each of @p words (lower case), the print log entries with a label whose serial, lot or GTIN holds it:
    /// the history is searched by every label an entry printed, not only the first it lists.
    QFuture<Result<QHash<QString, QSet<qint64>>>> printLogItemMatches(const QStringList &words);
    /// The product's name and brand from the products cache (what a job prints for {product_name} and {brand});
    /// empty when the GTIN is not there.
    QFuture<Result<std::pair<QString, QString>>> productNames(const QString &gtin);
    /// Printer offsets (mm) kept per printer; (0, 0) for a printer never calibrated.
    QFuture<Result<QPointF>> calibration(const QString &printer);
    /// Refused beyond ±kCalibrationLimitMm on either axis.
    QFuture<Result<store::Done>> setCalibration(const QString &printer, QPointF offsetMm);

    /// NOTE: the following run on the database thread.
    static Result<std::vector<LabelItem>> select(QSqlDatabase &db, const Selection &selection, int limit = -1);

private:
    static Result<LabelItem> readBack(QSqlDatabase &db, const QString &scope, const QString &id);
    store::Database *m_db;
};

} // namespace closient::labels
