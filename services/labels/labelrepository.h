// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "labelitem.h"
#include "storeresult.h"

#include <QDate>
#include <QFuture>
#include <QJsonObject>
#include <QPointF>
#include <QStringList>

#include <vector>

namespace closient::labels {

using store::Result;

/** The export's selection, as the Closient API takes it (LabelExportFiltersIn). */
struct Selection
{
    QString scope = QStringLiteral("lots"); // lots | serials (products is refused, as the API does)
    QStringList gtins;
    QString productId;
    QStringList ids; // lot_ids or serial_ids, by scope
    QString lotRunId;
    bool neverPrinted = false;
    QString search; // GUI only: part of a GTIN, lot or serial

    /// Reads the API's filters object; @p error names an unknown key or a wrong type.
    [[nodiscard]] static std::optional<Selection> fromJson(
        const QString &scope, const QJsonObject &filters, QString *error);
    [[nodiscard]] QJsonObject filtersJson() const;
};

/** A lot or serial as the person enters it; checked by the GS1 core before it is stored. */
struct ItemInput
{
    QString gtin; // 8, 12, 13 or 14 digits
    QString lot;
    QString serial;
    QDate expiry;
    QDate productionDate;
    QString productId;
    QString lotRunId;
};

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
    QString templateName;
    int startPosition = 1;
    QString userName;
    QString workstation;
    QString reason;
    QDateTime created;
    int items = 0;
    QString firstItem; // "09506000134352 · 100001" of the first item, for the list
};

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
    /// Imports CSV text (header names the columns: gtin, lot, expiry, serial, production_date, product_id). All rows or
    /// none. With @p reuseExisting a row already in the store is taken as it is (an export from a file); without, a
    /// serial that exists is an error.
    QFuture<ImportReport> importCsv(const QString &scope, const QByteArray &csv, bool reuseExisting = false);
    QFuture<Result<std::vector<LabelItem>>> select(const Selection &selection, int limit = -1);
    QFuture<Result<qint64>> logPrint(
        const QString &action, const std::vector<LabelItem> &items, const PrintLogEntry &entry, bool markPrinted);
    QFuture<Result<store::Done>> voidSerial(const QString &serialId, const QString &reason, const QString &user);
    QFuture<std::vector<PrintLogEntry>> printLog(int limit = 200);
    /// Printer offsets (mm) kept per printer.
    QFuture<QPointF> calibration(const QString &printer);
    QFuture<Result<store::Done>> setCalibration(const QString &printer, QPointF offsetMm);

    /// NOTE: the following run on the database thread.
    static Result<std::vector<LabelItem>> select(QSqlDatabase &db, const Selection &selection, int limit = -1);
    /// Checks an input with the GS1 core; empty when good.
    [[nodiscard]] static QString check(const ItemInput &input, bool serial, ItemInput *normalised);
    /// Parses "2026-12-31", "261231" (GS1, day 00 = end of month) or "12/31/2026"-free ISO only.
    [[nodiscard]] static QDate parseDate(const QString &text, bool *ok);

private:
    static Result<LabelItem> readBack(QSqlDatabase &db, const QString &scope, const QString &id);
    store::Database *m_db;
};

} // namespace closient::labels
