// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelimport.h"

#include "csvreader.h"
#include "gs1parser.h"
#include "gtin.h"
#include "sqlhelpers.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using closient::store::exec;
using closient::store::newId;
using closient::store::nowIso;
using closient::store::ReusedStatements;
using closient::store::sqlError;

namespace closient::labels {

namespace {
Error invalid(const QString &message)
{
    return { u"invalid"_s, message };
}

QVariant dateValue(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

/// A lot run named by an import or the API exists before rows point at it (foreign key).
void ensureLotRun(QSqlDatabase &db, const QString &lotRunId)
{
    if (!lotRunId.isEmpty())
        (void)exec(db, u"INSERT OR IGNORE INTO lot_runs (id, name, created) VALUES (?, ?, ?)"_s,
            { lotRunId, lotRunId, nowIso() });
}

const QStringList kColumns { u"gtin"_s, u"lot"_s, u"expiry"_s, u"serial"_s, u"production_date"_s, u"product_id"_s,
    u"lot_run_id"_s };
} // namespace

Result<QDate> LabelImport::parseDate(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QDate();
    QDate d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid() && t.size() == 6 && std::all_of(t.begin(), t.end(), [](QChar c) { return c.isDigit(); })) {
        // GS1 YYMMDD in this century (AI 17 can carry 2000-2099 only); day 00 = the month's last day.
        const int year = 2000 + t.left(2).toInt();
        const int month = t.mid(2, 2).toInt();
        const int day = t.mid(4, 2).toInt();
        d = QDate(year, month, day == 0 ? 1 : day);
        if (day == 0 && d.isValid())
            d = QDate(year, month, d.daysInMonth());
    }
    if (!d.isValid())
        return invalid(u"\"%1\" is not a date (write 2027-12-31 or the GS1 form 271231)"_s.arg(t));
    return d;
}

Result<ItemInput> LabelImport::check(const ItemInput &input, bool serial)
{
    ItemInput n = input;
    n.lot = input.lot.trimmed();
    n.serial = input.serial.trimmed();
    n.productId = input.productId.trimmed();
    n.lotRunId = input.lotRunId.trimmed();
    const auto gtin = gs1::checkGtin(input.gtin.trimmed());
    if (!gtin.ok())
        return invalid(u"GTIN %1: %2"_s.arg(input.gtin.trimmed(), gtin.error));
    n.gtin = gtin.gtin14;
    if (serial && n.serial.isEmpty())
        return invalid(u"a serial needs a serial number"_s);
    if (!serial && n.lot.isEmpty())
        return invalid(u"a lot needs a lot number"_s);
    std::vector<gs1::Element> elements { { u"01"_s, {}, n.gtin, -1 } };
    if (n.productionDate.isValid())
        elements.push_back({ u"11"_s, {}, n.productionDate.toString(u"yyMMdd"_s), -1 });
    if (n.expiry.isValid())
        elements.push_back({ u"17"_s, {}, n.expiry.toString(u"yyMMdd"_s), -1 });
    if (!n.lot.isEmpty())
        elements.push_back({ u"10"_s, {}, n.lot, -1 });
    if (!n.serial.isEmpty())
        elements.push_back({ u"21"_s, {}, n.serial, -1 });
    const auto parsed = gs1::fromElements(elements);
    if (!parsed.isValid())
        return invalid(parsed.errorText());
    if (n.expiry.isValid() && (n.expiry.year() < 2000 || n.expiry.year() > 2099))
        return invalid(
            u"expiry %1 is outside what AI (17) can carry (2000–2099)"_s.arg(n.expiry.toString(Qt::ISODate)));
    return n;
}

const QHash<QString, QString> &LabelImport::columnAliases()
{
    static const QHash<QString, QString> aliases = [] {
        QHash<QString, QString> a;
        const auto add = [&](const QString &field, const QStringList &names) {
            for (const auto &n : names)
                a.insert(n, field);
        };
        add(u"gtin"_s,
            { u"gtin-14"_s, u"gtin14"_s, u"gtin 14"_s, u"gtin-13"_s, u"ean"_s, u"ean-13"_s, u"ean13"_s, u"upc"_s,
                u"item gtin"_s, u"(01)"_s, u"ai 01"_s });
        add(u"lot"_s,
            { u"lot number"_s, u"lot no"_s, u"lot no."_s, u"lot_number"_s, u"batch"_s, u"batch number"_s, u"batch no"_s,
                u"batch/lot"_s, u"lot/batch"_s, u"(10)"_s, u"ai 10"_s });
        add(u"expiry"_s,
            { u"expiry date"_s, u"expiry_date"_s, u"expiration"_s, u"expiration date"_s, u"exp"_s, u"exp date"_s,
                u"best before"_s, u"best before date"_s, u"use by"_s, u"bbd"_s, u"(17)"_s, u"ai 17"_s });
        add(u"serial"_s,
            { u"serial number"_s, u"serial no"_s, u"serial no."_s, u"serial_number"_s, u"sn"_s, u"s/n"_s, u"(21)"_s,
                u"ai 21"_s });
        add(u"production_date"_s,
            { u"production date"_s, u"prod date"_s, u"manufactured"_s, u"manufacturing date"_s,
                u"date of manufacture"_s, u"(11)"_s, u"ai 11"_s });
        return a;
    }();
    return aliases;
}

Result<QHash<QString, QString>> LabelImport::parseColumnMap(const QString &text)
{
    QHash<QString, QString> map;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.lastIndexOf(u'=');
        const QString header = part.left(eq).trimmed().toLower();
        const QString field = part.mid(eq + 1).trimmed().toLower();
        if (eq < 0 || header.isEmpty())
            return invalid(u"\"%1\" is not HEADER=FIELD (such as Charge=lot)"_s.arg(part.trimmed()));
        if (!kColumns.contains(field))
            return invalid(u"\"%1\" is not a column the station reads (%2)"_s.arg(field, kColumns.join(u", "_s)));
        map.insert(header, field);
    }
    return map;
}

Result<ImportRows> LabelImport::parse(const QString &scope, QByteArrayView csv, QChar delimiter,
    const QStringList &otherColumns, const QHash<QString, QString> &columnMap)
{
    if (scope != u"lots" && scope != u"serials")
        return invalid(u"scope must be lots or serials"_s);
    const bool serials = scope == u"serials";
    auto table = CsvReader::read(csv, delimiter);
    if (!table.ok())
        return table.error();
    QHash<QString, qsizetype> col;
    QList<std::pair<QString, qsizetype>> others; // a layout's columns: header as written, index
    QStringList layoutColumns; // named beside the file's own when a column is unknown
    for (const QString &c : otherColumns) {
        if (!kColumns.contains(c.toLower()))
            layoutColumns << c;
    }
    const QString knownText = kColumns.join(u", "_s)
        + (layoutColumns.isEmpty() ? QString() : u"; the layout's "_s + layoutColumns.join(u", "_s));
    QStringList problems;
    for (qsizetype i = 0; i < table.value().header.size(); ++i) {
        const QString written = table.value().header[i].trimmed().toLower();
        // A layout's own column first (it may be called "batch" on purpose), then the person's map, then the
        // usual names other programs write.
        const bool other = !kColumns.contains(written) && otherColumns.contains(written, Qt::CaseInsensitive);
        const QString name = other || kColumns.contains(written)
            ? written
            : columnMap.value(written, columnAliases().value(written, written));
        if (!kColumns.contains(name) && !other)
            problems << u"row 1: unknown column \"%1\" (known: %2; name it with a column map such as \"%1=lot\")"_s.arg(
                written, knownText);
        else if (col.contains(name))
            problems << u"row 1: the column \"%1\" is named twice"_s.arg(name);
        col.insert(name, i);
        if (other)
            others.append({ table.value().header[i].trimmed(), i });
    }
    if (!col.contains(u"gtin"_s))
        problems << u"row 1: there is no gtin column"_s;
    if (serials && !col.contains(u"serial"_s))
        problems << u"row 1: importing serials needs a serial column"_s;
    if (!serials && !col.contains(u"lot"_s))
        problems << u"row 1: importing lots needs a lot column"_s;
    if (!problems.isEmpty())
        return invalid(problems.join(u'\n'));

    // Every row is checked, so the person gets every problem in one go.
    ImportRows out;
    out.scope = scope;
    QSet<QString> seen;
    for (const auto &row : table.value().rows) {
        const auto cell = [&](const QString &name) {
            const qsizetype i = col.value(name, -1);
            return i >= 0 ? row.fields[i].trimmed() : QString();
        };
        const QString where = row.where() + u": "_s;
        ItemInput in;
        in.gtin = cell(u"gtin"_s);
        in.lot = cell(u"lot"_s);
        in.serial = serials ? cell(u"serial"_s) : QString();
        in.productId = cell(u"product_id"_s);
        in.lotRunId = cell(u"lot_run_id"_s);
        const auto expiry = parseDate(cell(u"expiry"_s));
        const auto production = parseDate(cell(u"production_date"_s));
        if (!expiry.ok() || !production.ok()) {
            problems << where
                    + (expiry.ok() ? u"production_date "_s + production.error().message
                                   : u"expiry "_s + expiry.error().message);
            continue;
        }
        in.expiry = expiry.value();
        in.productionDate = production.value();
        auto n = check(in, serials);
        if (!n.ok()) {
            problems << where + n.error().message;
            continue;
        }
        const QString key = n.value().gtin + u'\x1f' + (serials ? n.value().serial : n.value().lot);
        if (seen.contains(key)) {
            problems << where
                    + u"%1 %2 of GTIN %3 is in the file twice"_s.arg(
                        serials ? u"serial"_s : u"lot"_s, serials ? n.value().serial : n.value().lot, n.value().gtin);
            continue;
        }
        seen.insert(key);
        out.inputs.push_back(n.value());
        out.where << row.where();
        QHash<QString, QString> values;
        for (const auto &[header, i] : others)
            values.insert(header, row.fields[i]);
        out.columns.push_back(std::move(values));
    }
    if (out.inputs.empty() && problems.isEmpty())
        problems << u"the file has a header but no rows"_s;
    if (!problems.isEmpty())
        return invalid(problems.join(u'\n'));
    return out;
}

Result<ImportPlan> LabelImport::plan(QSqlDatabase &db, const ImportRows &rows, bool reuseExisting)
{
    const bool serials = rows.scope == u"serials";
    const ReusedStatements reused(db); // the same few statements for every row
    ImportPlan plan;
    plan.scope = rows.scope;
    QStringList problems;
    QHash<QString, QString> lotIds; // gtin + lot → id, for lots this file adds (serials of one lot share it)
    for (size_t i = 0; i < rows.inputs.size(); ++i) {
        const ItemInput &in = rows.inputs[i];
        const QString where = rows.where.value(qsizetype(i)) + u": "_s;
        LabelItem item;
        item.kind = serials ? LabelItem::Kind::Serial : LabelItem::Kind::Lot;
        item.gtin = in.gtin;
        item.lot = in.lot;
        item.serial = in.serial;
        item.expiry = in.expiry;
        item.productionDate = in.productionDate;
        item.productId = in.productId;
        item.lotRunId = in.lotRunId;

        // The lot: stored already (its expiry must agree), added by an earlier row, or new.
        QString lotId;
        if (!in.lot.isEmpty()) {
            const QString key = in.gtin + u'\x1f' + in.lot;
            auto q = exec(db,
                u"SELECT id, expiry, production_date, product_id, lot_run_id, print_count, last_printed FROM lots "
                u"WHERE gtin = ? AND lot = ?"_s,
                { in.gtin, in.lot });
            if (q.next()) {
                const QString storedExpiry = q.value(1).toString();
                if (in.expiry.isValid() && !storedExpiry.isEmpty() && storedExpiry != in.expiry.toString(Qt::ISODate)) {
                    problems << where
                            + u"lot %1 of GTIN %2 is stored with expiry %3, not %4"_s.arg(
                                in.lot, in.gtin, storedExpiry, in.expiry.toString(Qt::ISODate));
                    continue;
                }
                lotId = q.value(0).toString();
                item.expiry = QDate::fromString(storedExpiry, Qt::ISODate);
                item.productionDate = QDate::fromString(q.value(2).toString(), Qt::ISODate);
                if (!serials) {
                    item.id = lotId;
                    item.productId = q.value(3).toString();
                    item.lotRunId = q.value(4).toString();
                    item.printCount = q.value(5).toInt();
                    item.lastPrinted = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
                    plan.unchanged += 1;
                }
            } else if (lotIds.contains(key)) {
                lotId = lotIds.value(key);
            } else {
                lotId = newId();
                lotIds.insert(key, lotId);
                plan.newLots.push_back({ lotId, {}, in });
            }
            if (!serials && item.id.isEmpty())
                item.id = lotId;
        }

        if (serials) {
            auto q = exec(db,
                u"SELECT s.id, s.voided, s.void_reason, s.print_count, s.last_printed, l.lot, l.expiry, "
                u"l.production_date, s.product_id, s.lot_run_id FROM serials s LEFT JOIN lots l ON l.id = s.lot_id "
                u"WHERE s.gtin = ? AND s.serial = ?"_s,
                { in.gtin, in.serial });
            if (q.next()) {
                if (q.value(1).toBool()) {
                    problems << where
                            + u"serial %1 of GTIN %2 is void (%3): a void serial is never printed again"_s.arg(
                                in.serial, in.gtin, q.value(2).toString());
                    continue;
                }
                if (!reuseExisting) {
                    problems << where + u"serial %1 of GTIN %2 already exists"_s.arg(in.serial, in.gtin);
                    continue;
                }
                const QString storedLot = q.value(5).toString();
                if (!in.lot.isEmpty() && storedLot != in.lot) {
                    problems << where
                            + u"serial %1 of GTIN %2 is stored with lot \"%3\", not \"%4\""_s.arg(
                                in.serial, in.gtin, storedLot, in.lot);
                    continue;
                }
                item.id = q.value(0).toString();
                item.printCount = q.value(3).toInt();
                item.lastPrinted = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
                item.lot = storedLot;
                item.expiry = QDate::fromString(q.value(6).toString(), Qt::ISODate);
                item.productionDate = QDate::fromString(q.value(7).toString(), Qt::ISODate);
                item.productId = q.value(8).toString();
                item.lotRunId = q.value(9).toString();
                plan.unchanged += 1;
            } else {
                item.id = newId();
                plan.newSerials.push_back({ item.id, lotId, in });
            }
        }
        plan.items.push_back(std::move(item));
    }
    if (!problems.isEmpty())
        return invalid(problems.join(u'\n'));
    return plan;
}

Result<Done> LabelImport::insertLot(QSqlDatabase &db, const QString &id, const ItemInput &in)
{
    ensureLotRun(db, in.lotRunId);
    const QString now = nowIso();
    bool ok = false;
    auto q = exec(db,
        u"INSERT INTO lots (id, gtin, lot, expiry, production_date, product_id, lot_run_id, created, modified) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { id, in.gtin, in.lot, dateValue(in.expiry), dateValue(in.productionDate), textOrNull(in.productId),
            textOrNull(in.lotRunId), now, now },
        &ok);
    if (!ok)
        return sqlError(q.lastError());
    return Done {};
}

Result<Done> LabelImport::insertSerial(QSqlDatabase &db, const QString &id, const QString &lotId, const ItemInput &in)
{
    auto dup = exec(db, u"SELECT 1 FROM serials WHERE gtin = ? AND serial = ?"_s, { in.gtin, in.serial });
    if (dup.next())
        return invalid(u"serial %1 of GTIN %2 already exists"_s.arg(in.serial, in.gtin));
    ensureLotRun(db, in.lotRunId);
    const QString now = nowIso();
    bool ok = false;
    auto q = exec(db,
        u"INSERT INTO serials (id, gtin, serial, lot_id, product_id, lot_run_id, created, modified) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { id, in.gtin, in.serial, textOrNull(lotId), textOrNull(in.productId), textOrNull(in.lotRunId), now, now },
        &ok);
    if (!ok)
        return sqlError(q.lastError());
    return Done {};
}

Result<Done> LabelImport::apply(QSqlDatabase &db, const ImportPlan &plan)
{
    const ReusedStatements reused(db); // the same few statements for every row
    for (const auto &lot : plan.newLots) {
        auto exists = exec(db, u"SELECT 1 FROM lots WHERE gtin = ? AND lot = ?"_s, { lot.input.gtin, lot.input.lot });
        if (exists.next())
            return invalid(u"lot %1 of GTIN %2 was added by someone else meanwhile: run it again"_s.arg(
                lot.input.lot, lot.input.gtin));
        if (auto r = insertLot(db, lot.id, lot.input); !r.ok())
            return r;
    }
    for (const auto &serial : plan.newSerials) {
        if (auto r = insertSerial(db, serial.id, serial.lotId, serial.input); !r.ok())
            return r;
    }
    return Done {};
}

} // namespace closient::labels
