// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelitem.h"
#include "result.h"

#include <QByteArrayView>
#include <QDate>
#include <QStringList>

#include <vector>

class QSqlDatabase;

namespace closient::labels {

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

/** The rows of a CSV file, each checked by the GS1 core: what an import would store, before the store is asked. */
struct ImportRows
{
    QString scope; // lots | serials
    std::vector<ItemInput> inputs; // normalised (GTIN-14, trimmed)
    QStringList where; // "row 3" of each input
    /// Of each input: the other columns parse() was allowed to keep (a layout's fields), by their header as written.
    std::vector<QHash<QString, QString>> columns;
};

/** What storing the rows will do, found by reading the store only: every row's item, and what is new. */
struct ImportPlan
{
    struct NewRow
    {
        QString id; // given now, so a job can name the item before it is stored
        QString lotId; // serials: their lot (new or existing), or empty
        ItemInput input;
    };
    QString scope;
    std::vector<LabelItem> items; // one per row, in file order
    std::vector<NewRow> newLots;
    std::vector<NewRow> newSerials;
    int unchanged = 0; // rows already in the store with the same data
};

/**
 * Imports lots and serials from CSV in three steps, so that a job can check everything before it writes anything:
 * parse() reads the file (RFC 4180, CsvReader) and checks every row; plan() finds what is new and what already
 * exists; apply() stores the new rows inside the caller's transaction. Every step names every bad row.
 */
class LabelImport
{
public:
    /// Columns are named in the first row: gtin, lot, expiry, serial, production_date, product_id, lot_run_id, and
    /// those of @p otherColumns (the fields a layout prints, case and surrounding spaces ignored), which are kept in
    /// ImportRows::columns. Headers other programs write for the same fields are taken too ("Lot Number", "Batch",
    /// "Best before", "Serial No", "GTIN-14": see columnAliases()), and @p columnMap names a file's own headers
    /// ("Charge" → lot). Any other column is refused by name: a misspelt "expiry" is never silently left out.
    [[nodiscard]] static Result<ImportRows> parse(const QString &scope, QByteArrayView csv, QChar delimiter = u',',
        const QStringList &otherColumns = {}, const QHash<QString, QString> &columnMap = {});
    /// The headers taken for each field without being named (lower case): "lot number" → lot, ...
    [[nodiscard]] static const QHash<QString, QString> &columnAliases();
    /// "Charge=lot,MHD=expiry" as a column map, or why not (a field that is not one of the columns).
    [[nodiscard]] static Result<QHash<QString, QString>> parseColumnMap(const QString &text);
    /// NOTE: runs on the database thread and only reads. With @p reuseExisting a serial already stored is taken
    /// as it is (an export from a file); without, it is an error. A void serial is always an error.
    [[nodiscard]] static Result<ImportPlan> plan(QSqlDatabase &db, const ImportRows &rows, bool reuseExisting);
    /// NOTE: runs on the database thread, inside the caller's transaction. Fails when the store changed since
    /// plan() so that a row now exists.
    [[nodiscard]] static Result<Done> apply(QSqlDatabase &db, const ImportPlan &plan);

    /// Checks an input with the GS1 core and normalises it (GTIN-14, trimmed); the error names the problem.
    [[nodiscard]] static Result<ItemInput> check(const ItemInput &input, bool serial);
    /// "2026-12-31" or the GS1 form "261231" (day 00 = the month's last day); an empty text is no date.
    [[nodiscard]] static Result<QDate> parseDate(const QString &text);

    /// NOTE: the following run on the database thread, inside a transaction.
    [[nodiscard]] static Result<Done> insertLot(QSqlDatabase &db, const QString &id, const ItemInput &in);
    [[nodiscard]] static Result<Done> insertSerial(
        QSqlDatabase &db, const QString &id, const QString &lotId, const ItemInput &in);
};

} // namespace closient::labels
