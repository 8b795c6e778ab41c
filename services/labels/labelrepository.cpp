// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelrepository.h"

#include "gs1parser.h"
#include "gtin.h"
#include "sqlhelpers.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSysInfo>

using namespace Qt::StringLiterals;
using closient::store::Done;
using closient::store::exec;
using closient::store::newId;
using closient::store::nowIso;
using closient::store::sqlError;
using closient::store::StoreError;
using closient::store::Transaction;

namespace closient::labels {

namespace {
StoreError invalid(const QString &message)
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

/// The lot row for (gtin, lot), made when missing; its id. NOTE: database thread, inside a transaction.
Result<QString> ensureLot(QSqlDatabase &db, const ItemInput &in, bool *created)
{
    *created = false;
    auto q = exec(db, u"SELECT id, expiry FROM lots WHERE gtin = ? AND lot = ?"_s, { in.gtin, in.lot });
    if (q.next()) {
        const QString existingExpiry = q.value(1).toString();
        if (in.expiry.isValid() && !existingExpiry.isEmpty() && existingExpiry != in.expiry.toString(Qt::ISODate))
            return invalid(u"lot %1 of GTIN %2 already exists with expiry %3, not %4"_s.arg(
                in.lot, in.gtin, existingExpiry, in.expiry.toString(Qt::ISODate)));
        return q.value(0).toString();
    }
    ensureLotRun(db, in.lotRunId);
    const QString id = newId();
    const QString now = nowIso();
    bool ok = false;
    auto ins = exec(db,
        u"INSERT INTO lots (id, gtin, lot, expiry, production_date, product_id, lot_run_id, created, modified) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { id, in.gtin, in.lot, dateValue(in.expiry), dateValue(in.productionDate), textOrNull(in.productId),
            textOrNull(in.lotRunId), now, now },
        &ok);
    if (!ok)
        return sqlError(ins.lastError());
    *created = true;
    return id;
}

Result<QString> insertSerial(QSqlDatabase &db, const ItemInput &in, const QString &lotId)
{
    auto dup = exec(db, u"SELECT 1 FROM serials WHERE gtin = ? AND serial = ?"_s, { in.gtin, in.serial });
    if (dup.next())
        return invalid(u"serial %1 of GTIN %2 already exists"_s.arg(in.serial, in.gtin));
    ensureLotRun(db, in.lotRunId);
    const QString id = newId();
    const QString now = nowIso();
    bool ok = false;
    auto ins = exec(db,
        u"INSERT INTO serials (id, gtin, serial, lot_id, product_id, lot_run_id, created, modified) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { id, in.gtin, in.serial, textOrNull(lotId), textOrNull(in.productId), textOrNull(in.lotRunId), now, now },
        &ok);
    if (!ok)
        return sqlError(ins.lastError());
    return id;
}

const QString kLotSelect = u"SELECT l.id, l.gtin, l.lot, l.expiry, l.production_date, l.product_id, l.lot_run_id, "
                           u"l.print_count, l.last_printed FROM lots l WHERE l.active = 1"_s;
const QString kSerialSelect
    = u"SELECT s.id, s.gtin, s.serial, l.lot, l.expiry, l.production_date, s.product_id, "
      u"s.lot_run_id, s.print_count, s.last_printed FROM serials s LEFT JOIN lots l ON l.id = s.lot_id "
      u"WHERE s.active = 1 AND s.voided = 0"_s;
} // namespace

Result<LabelItem> LabelRepository::readBack(QSqlDatabase &db, const QString &scope, const QString &id)
{
    Selection s;
    s.scope = scope;
    s.ids = { id };
    auto rows = select(db, s);
    if (!rows.ok() || rows.value().empty())
        return invalid(u"the new entry could not be read back"_s);
    return rows.value().front();
}

std::optional<Selection> Selection::fromJson(const QString &scope, const QJsonObject &filters, QString *error)
{
    if (scope == u"products") {
        *error
            = u"scope \"products\" is reserved for a future per-product export and is rejected by the renderer; use lots or serials"_s;
        return std::nullopt;
    }
    if (scope != u"lots" && scope != u"serials") {
        *error = u"scope must be lots or serials, not \"%1\""_s.arg(scope);
        return std::nullopt;
    }
    Selection s;
    s.scope = scope;
    const auto strings = [&](const QString &key, QStringList *out) {
        const auto v = filters.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isArray()) {
            *error = u"filter %1 must be a list of strings"_s.arg(key);
            return false;
        }
        for (const auto &e : v.toArray())
            *out << e.toString();
        return true;
    };
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        static const QSet<QString> known { u"gtins"_s, u"product_id"_s, u"lot_ids"_s, u"serial_ids"_s, u"lot_run_id"_s,
            u"never_printed"_s };
        if (!known.contains(it.key())) {
            *error
                = u"unknown filter \"%1\" (known: gtins, product_id, lot_ids, serial_ids, lot_run_id, never_printed)"_s
                      .arg(it.key());
            return std::nullopt;
        }
    }
    if (!strings(u"gtins"_s, &s.gtins))
        return std::nullopt;
    for (auto &g : s.gtins) {
        const auto check = gs1::checkGtin(g);
        if (!check.ok()) {
            *error = u"filter gtins: %1: %2"_s.arg(g, check.error);
            return std::nullopt;
        }
        g = check.gtin14;
    }
    const QString idKey = scope == u"lots" ? u"lot_ids"_s : u"serial_ids"_s;
    const QString otherKey = scope == u"lots" ? u"serial_ids"_s : u"lot_ids"_s;
    if (scope == u"lots" && filters.contains(otherKey)) {
        *error = u"filter serial_ids needs scope serials"_s;
        return std::nullopt;
    }
    if (!strings(idKey, &s.ids))
        return std::nullopt;
    if (scope == u"serials" && filters.contains(u"lot_ids"_s)) {
        // Serials of the chosen lots.
        QStringList lots;
        if (!strings(u"lot_ids"_s, &lots))
            return std::nullopt;
        for (const auto &l : lots)
            s.ids << u"lot:"_s + l;
    }
    s.productId = filters.value(u"product_id"_s).toString();
    s.lotRunId = filters.value(u"lot_run_id"_s).toString();
    if (filters.contains(u"never_printed"_s) && !filters.value(u"never_printed"_s).isBool()) {
        *error = u"filter never_printed must be true or false"_s;
        return std::nullopt;
    }
    s.neverPrinted = filters.value(u"never_printed"_s).toBool();
    return s;
}

QJsonObject Selection::filtersJson() const
{
    QJsonObject o;
    if (!gtins.isEmpty())
        o.insert(u"gtins"_s, QJsonArray::fromStringList(gtins));
    if (!productId.isEmpty())
        o.insert(u"product_id"_s, productId);
    if (!ids.isEmpty())
        o.insert(scope == u"lots" ? u"lot_ids"_s : u"serial_ids"_s, QJsonArray::fromStringList(ids));
    if (!lotRunId.isEmpty())
        o.insert(u"lot_run_id"_s, lotRunId);
    if (neverPrinted)
        o.insert(u"never_printed"_s, true);
    return o;
}

LabelRepository::LabelRepository(store::Database *db)
    : m_db(db)
{ }

QDate LabelRepository::parseDate(const QString &text, bool *ok)
{
    const QString t = text.trimmed();
    *ok = true;
    if (t.isEmpty())
        return {};
    QDate d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid() && t.size() == 6 && std::all_of(t.begin(), t.end(), [](QChar c) { return c.isDigit(); })) {
        // GS1 YYMMDD: the century by the GS1 sliding window is close enough for label data; day 00 = month end.
        const int yy = t.left(2).toInt();
        const int mm = t.mid(2, 2).toInt();
        const int dd = t.mid(4, 2).toInt();
        const int year = 2000 + yy;
        d = dd == 0 ? QDate(year, mm, 1) : QDate(year, mm, dd);
        if (dd == 0 && d.isValid())
            d = QDate(year, mm, d.daysInMonth());
    }
    *ok = d.isValid();
    return d;
}

QString LabelRepository::check(const ItemInput &input, bool serial, ItemInput *normalised)
{
    *normalised = input;
    normalised->lot = input.lot.trimmed();
    normalised->serial = input.serial.trimmed();
    const auto gtin = gs1::checkGtin(input.gtin.trimmed());
    if (!gtin.ok())
        return u"GTIN %1: %2"_s.arg(input.gtin.trimmed(), gtin.error);
    normalised->gtin = gtin.gtin14;
    if (serial && normalised->serial.isEmpty())
        return u"a serial needs a serial number"_s;
    if (!serial && normalised->lot.isEmpty())
        return u"a lot needs a lot number"_s;
    std::vector<gs1::Element> elements { { u"01"_s, {}, normalised->gtin, -1 } };
    if (input.productionDate.isValid())
        elements.push_back({ u"11"_s, {}, input.productionDate.toString(u"yyMMdd"_s), -1 });
    if (input.expiry.isValid())
        elements.push_back({ u"17"_s, {}, input.expiry.toString(u"yyMMdd"_s), -1 });
    if (!normalised->lot.isEmpty())
        elements.push_back({ u"10"_s, {}, normalised->lot, -1 });
    if (!normalised->serial.isEmpty())
        elements.push_back({ u"21"_s, {}, normalised->serial, -1 });
    const auto parsed = gs1::fromElements(elements);
    if (!parsed.isValid())
        return parsed.errorText();
    if (input.expiry.isValid() && (input.expiry.year() < 2000 || input.expiry.year() > 2099))
        return u"expiry %1 is outside what AI (17) can carry (2000–2099)"_s.arg(input.expiry.toString(Qt::ISODate));
    return {};
}

QFuture<Result<LabelItem>> LabelRepository::addLot(const ItemInput &input)
{
    return m_db->run([input](QSqlDatabase &db) -> Result<LabelItem> {
        ItemInput in;
        if (const QString e = check(input, false, &in); !e.isEmpty())
            return invalid(e);
        Transaction tx(db);
        auto exists = exec(db, u"SELECT 1 FROM lots WHERE gtin = ? AND lot = ?"_s, { in.gtin, in.lot });
        if (exists.next())
            return invalid(u"lot %1 of GTIN %2 already exists"_s.arg(in.lot, in.gtin));
        bool created = false;
        auto id = ensureLot(db, in, &created);
        if (!id.ok())
            return id.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        return readBack(db, u"lots"_s, id.value());
    });
}

QFuture<Result<LabelItem>> LabelRepository::addSerial(const ItemInput &input)
{
    return m_db->run([input](QSqlDatabase &db) -> Result<LabelItem> {
        ItemInput in;
        if (const QString e = check(input, true, &in); !e.isEmpty())
            return invalid(e);
        Transaction tx(db);
        QString lotId;
        if (!in.lot.isEmpty()) {
            bool created = false;
            auto lot = ensureLot(db, in, &created);
            if (!lot.ok())
                return lot.error();
            lotId = lot.value();
        }
        auto id = insertSerial(db, in, lotId);
        if (!id.ok())
            return id.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        return readBack(db, u"serials"_s, id.value());
    });
}

QFuture<Result<int>> LabelRepository::addSerialRange(
    const ItemInput &base, const QString &prefix, qint64 first, int count, int width)
{
    return m_db->run([=](QSqlDatabase &db) -> Result<int> {
        if (count < 1 || count > 1000000)
            return invalid(u"a range holds 1 to 1,000,000 serials"_s);
        if (first < 0)
            return invalid(u"the first number cannot be negative"_s);
        Transaction tx(db);
        QString lotId;
        for (int i = 0; i < count; ++i) {
            ItemInput in = base;
            in.serial = prefix + QString::number(first + i).rightJustified(width, u'0');
            ItemInput n;
            if (const QString e = check(in, true, &n); !e.isEmpty())
                return invalid(u"serial %1: %2"_s.arg(in.serial, e));
            if (i == 0 && !n.lot.isEmpty()) {
                bool created = false;
                auto lot = ensureLot(db, n, &created);
                if (!lot.ok())
                    return lot.error();
                lotId = lot.value();
            }
            auto id = insertSerial(db, n, lotId);
            if (!id.ok())
                return id.error(); // the transaction rolls back: no half range
        }
        if (!tx.commit())
            return sqlError(tx.lastError());
        return count;
    });
}

QFuture<ImportReport> LabelRepository::importCsv(const QString &scope, const QByteArray &csv, bool reuseExisting)
{
    return m_db->run([scope, csv, reuseExisting](QSqlDatabase &db) {
        ImportReport report;
        if (scope != u"lots" && scope != u"serials") {
            report.errors << u"scope must be lots or serials"_s;
            return report;
        }
        const bool serials = scope == u"serials";
        // RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
        std::vector<QStringList> rows;
        {
            const QString text = QString::fromUtf8(csv).remove(QChar(0xFEFF));
            QStringList row;
            QString field;
            bool quoted = false;
            bool any = false;
            for (qsizetype i = 0; i < text.size(); ++i) {
                const QChar c = text[i];
                if (quoted) {
                    if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                        field += u'"';
                        ++i;
                    } else if (c == u'"') {
                        quoted = false;
                    } else {
                        field += c;
                    }
                } else if (c == u'"') {
                    quoted = true;
                    any = true;
                } else if (c == u',' || c == u';' || c == u'\t') {
                    row << field;
                    field.clear();
                    any = true;
                } else if (c == u'\n' || c == u'\r') {
                    if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                        ++i;
                    if (any || !field.isEmpty()) {
                        row << field;
                        rows.push_back(row);
                    }
                    row.clear();
                    field.clear();
                    any = false;
                } else {
                    field += c;
                    any = true;
                }
            }
            if (any || !field.isEmpty()) {
                row << field;
                rows.push_back(row);
            }
        }
        if (rows.empty()) {
            report.errors << u"the file is empty: the first line must name the columns (gtin, lot, expiry, serial)"_s;
            return report;
        }
        QHash<QString, int> col;
        for (int i = 0; i < rows[0].size(); ++i)
            col.insert(rows[0][i].trimmed().toLower(), i);
        static const QSet<QString> known { u"gtin"_s, u"lot"_s, u"expiry"_s, u"serial"_s, u"production_date"_s,
            u"product_id"_s, u"lot_run_id"_s };
        for (auto it = col.cbegin(); it != col.cend(); ++it) {
            if (!known.contains(it.key()))
                report.errors
                    << u"row 1: unknown column \"%1\" (known: gtin, lot, expiry, serial, production_date, product_id, lot_run_id)"_s
                           .arg(it.key());
        }
        if (!col.contains(u"gtin"_s))
            report.errors << u"row 1: there is no gtin column"_s;
        if (serials && !col.contains(u"serial"_s))
            report.errors << u"row 1: importing serials needs a serial column"_s;
        if (!serials && !col.contains(u"lot"_s))
            report.errors << u"row 1: importing lots needs a lot column"_s;
        if (!report.ok())
            return report;
        const auto cell = [&](const QStringList &r, const QString &name) {
            const int i = col.value(name, -1);
            return i >= 0 && i < r.size() ? r[i].trimmed() : QString();
        };

        // Check every row first, so the person gets every problem in one go.
        std::vector<ItemInput> inputs;
        QSet<QString> seen;
        for (size_t r = 1; r < rows.size(); ++r) {
            const QString where = u"row %1: "_s.arg(r + 1);
            ItemInput in;
            in.gtin = cell(rows[r], u"gtin"_s);
            in.lot = cell(rows[r], u"lot"_s);
            in.serial = serials ? cell(rows[r], u"serial"_s) : QString();
            in.productId = cell(rows[r], u"product_id"_s);
            in.lotRunId = cell(rows[r], u"lot_run_id"_s);
            bool ok = true;
            in.expiry = parseDate(cell(rows[r], u"expiry"_s), &ok);
            if (!ok) {
                report.errors << where
                        + u"expiry \"%1\" is not a date (use 2026-12-31 or 261231)"_s.arg(cell(rows[r], u"expiry"_s));
                continue;
            }
            in.productionDate = parseDate(cell(rows[r], u"production_date"_s), &ok);
            if (!ok) {
                report.errors << where
                        + u"production_date \"%1\" is not a date"_s.arg(cell(rows[r], u"production_date"_s));
                continue;
            }
            ItemInput n;
            if (const QString e = check(in, serials, &n); !e.isEmpty()) {
                report.errors << where + e;
                continue;
            }
            const QString key = n.gtin + u'\x1f' + (serials ? n.serial : n.lot);
            if (seen.contains(key)) {
                report.errors << where
                        + u"%1 %2 of GTIN %3 is in the file twice"_s.arg(
                            serials ? u"serial"_s : u"lot"_s, serials ? n.serial : n.lot, n.gtin);
                continue;
            }
            seen.insert(key);
            inputs.push_back(n);
        }
        if (inputs.empty() && report.ok())
            report.errors << u"the file has a header but no rows"_s;
        if (!report.ok())
            return report;

        Transaction tx(db);
        if (!tx.started()) {
            report.errors << sqlError(tx.lastError()).message;
            return report;
        }
        for (size_t i = 0; i < inputs.size(); ++i) {
            const QString where = u"row %1: "_s.arg(i + 2);
            const auto &in = inputs[i];
            QString lotId;
            if (!in.lot.isEmpty()) {
                bool created = false;
                auto lot = ensureLot(db, in, &created);
                if (!lot.ok()) {
                    report.errors << where + lot.error().message;
                    continue;
                }
                lotId = lot.value();
                if (!serials) {
                    (created ? report.lots : report.unchanged) += 1;
                    report.ids << lotId;
                } else if (created) {
                    report.lots += 1;
                }
            }
            if (serials) {
                if (reuseExisting) {
                    auto existing
                        = exec(db, u"SELECT id FROM serials WHERE gtin = ? AND serial = ?"_s, { in.gtin, in.serial });
                    if (existing.next()) {
                        report.ids << existing.value(0).toString();
                        report.unchanged += 1;
                        continue;
                    }
                }
                auto id = insertSerial(db, in, lotId);
                if (!id.ok()) {
                    report.errors << where + id.error().message;
                    continue;
                }
                report.serials += 1;
                report.ids << id.value();
            }
        }
        if (!report.ok() || !tx.commit()) {
            if (report.ok())
                report.errors << sqlError(tx.lastError()).message;
            report.lots = report.serials = report.unchanged = 0; // rolled back: nothing was imported
            report.ids.clear();
        }
        return report;
    });
}

Result<std::vector<LabelItem>> LabelRepository::select(QSqlDatabase &db, const Selection &s, int limit)
{
    const bool serials = s.scope == u"serials";
    QString sql = serials ? kSerialSelect : kLotSelect;
    const QString t = serials ? u"s"_s : u"l"_s;
    QVariantList values;
    const auto inList = [&](const QString &column, const QStringList &items) {
        QStringList marks;
        for (const auto &i : items) {
            marks << u"?"_s;
            values << i;
        }
        sql += u" AND %1 IN (%2)"_s.arg(column, marks.join(u',')); // NOLINT
    };
    if (!s.gtins.isEmpty())
        inList(t + u".gtin"_s, s.gtins);
    if (!s.productId.isEmpty()) {
        sql += u" AND %1.product_id = ?"_s.arg(t);
        values << s.productId;
    }
    QStringList ids;
    QStringList lotIds;
    for (const auto &i : s.ids)
        (i.startsWith(u"lot:"_s) ? lotIds : ids) << (i.startsWith(u"lot:"_s) ? i.mid(4) : i);
    if (!ids.isEmpty())
        inList(t + u".id"_s, ids);
    if (!lotIds.isEmpty())
        inList(u"s.lot_id"_s, lotIds);
    if (!s.lotRunId.isEmpty()) {
        sql += u" AND %1.lot_run_id = ?"_s.arg(t);
        values << s.lotRunId;
    }
    if (s.neverPrinted)
        sql += u" AND %1.print_count = 0"_s.arg(t);
    if (!s.search.trimmed().isEmpty()) {
        const QString like = u"%"_s + s.search.trimmed() + u"%"_s;
        if (serials) {
            sql += u" AND (s.gtin LIKE ? OR s.serial LIKE ? OR l.lot LIKE ?)"_s;
            values << like << like << like;
        } else {
            sql += u" AND (l.gtin LIKE ? OR l.lot LIKE ?)"_s;
            values << like << like;
        }
    }
    sql += serials ? u" ORDER BY s.gtin, length(s.serial), s.serial"_s : u" ORDER BY l.gtin, l.lot"_s;
    if (limit > 0)
        sql += u" LIMIT %1"_s.arg(limit);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError());
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec())
        return sqlError(q.lastError());
    std::vector<LabelItem> out;
    while (q.next()) {
        LabelItem it;
        it.id = q.value(0).toString();
        it.gtin = q.value(1).toString();
        if (serials) {
            it.kind = LabelItem::Kind::Serial;
            it.serial = q.value(2).toString();
            it.lot = q.value(3).toString();
            it.expiry = QDate::fromString(q.value(4).toString(), Qt::ISODate);
            it.productionDate = QDate::fromString(q.value(5).toString(), Qt::ISODate);
            it.productId = q.value(6).toString();
            it.lotRunId = q.value(7).toString();
            it.printCount = q.value(8).toInt();
            it.lastPrinted = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        } else {
            it.kind = LabelItem::Kind::Lot;
            it.lot = q.value(2).toString();
            it.expiry = QDate::fromString(q.value(3).toString(), Qt::ISODate);
            it.productionDate = QDate::fromString(q.value(4).toString(), Qt::ISODate);
            it.productId = q.value(5).toString();
            it.lotRunId = q.value(6).toString();
            it.printCount = q.value(7).toInt();
            it.lastPrinted = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
        }
        out.push_back(std::move(it));
    }
    return out;
}

QFuture<Result<std::vector<LabelItem>>> LabelRepository::select(const Selection &selection, int limit)
{
    return m_db->run([selection, limit](QSqlDatabase &db) { return select(db, selection, limit); });
}

QFuture<Result<qint64>> LabelRepository::logPrint(
    const QString &action, const std::vector<LabelItem> &items, const PrintLogEntry &entry, bool markPrinted)
{
    return m_db->run([=](QSqlDatabase &db) -> Result<qint64> {
        Transaction tx(db);
        const QString now = nowIso();
        bool ok = false;
        auto q = exec(db,
            u"INSERT INTO print_log (job_id, action, printer, copies, template, start_position, calibration, "
            u"user_name, "
            u"workstation, reason, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { textOrNull(entry.jobId), action, entry.printer, entry.copies, entry.templateName, entry.startPosition,
                u"{}"_s, entry.userName, entry.workstation, entry.reason, now },
            &ok);
        if (!ok)
            return sqlError(q.lastError());
        const qint64 logId = q.lastInsertId().toLongLong();
        for (const auto &it : items) {
            (void)exec(db, u"INSERT INTO print_log_items (print_log_id, entity_type, entity_id) VALUES (?, ?, ?)"_s,
                { logId, it.entityType(), it.id }, &ok);
            if (!ok)
                return invalid(u"the print log could not be written"_s);
            if (markPrinted) {
                const QString table = it.kind == LabelItem::Kind::Lot ? u"lots"_s : u"serials"_s;
                (void)exec(db,
                    u"UPDATE %1 SET print_count = print_count + 1, last_printed = ?, modified = ? WHERE id = ?"_s.arg(
                        table),
                    { now, now, it.id }, &ok);
                if (!ok)
                    return invalid(u"the printed mark could not be written"_s);
            }
        }
        if (!tx.commit())
            return sqlError(tx.lastError());
        return logId;
    });
}

QFuture<Result<Done>> LabelRepository::voidSerial(const QString &serialId, const QString &reason, const QString &user)
{
    return m_db->run([=](QSqlDatabase &db) -> Result<Done> {
        if (reason.trimmed().isEmpty())
            return invalid(u"say why the label is void (damaged, lost, wrong data, ...)"_s);
        Transaction tx(db);
        const QString now = nowIso();
        bool ok = false;
        auto q = exec(db, u"UPDATE serials SET voided = 1, void_reason = ?, modified = ? WHERE id = ? AND voided = 0"_s,
            { reason, now, serialId }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        if (q.numRowsAffected() != 1)
            return invalid(u"there is no such serial, or it is void already"_s);
        auto log = exec(db,
            u"INSERT INTO print_log (action, printer, user_name, workstation, reason, created) VALUES ('void', '', ?, ?, ?, ?)"_s,
            { user, QSysInfo::machineHostName(), reason, now }, &ok);
        if (!ok)
            return sqlError(log.lastError());
        (void)exec(db, u"INSERT INTO print_log_items (print_log_id, entity_type, entity_id) VALUES (?, 'serial', ?)"_s,
            { log.lastInsertId(), serialId }, &ok);
        if (!ok || !tx.commit())
            return invalid(u"the void could not be written"_s);
        return Done {};
    });
}

QFuture<std::vector<PrintLogEntry>> LabelRepository::printLog(int limit)
{
    return m_db->run([limit](QSqlDatabase &db) {
        std::vector<PrintLogEntry> out;
        auto q = exec(db,
            u"SELECT p.id, p.job_id, p.action, p.printer, p.copies, p.template, p.start_position, p.user_name, "
            u"p.workstation, p.reason, p.created, (SELECT count(*) FROM print_log_items i WHERE i.print_log_id = "
            u"p.id), "
            u"(SELECT coalesce(s.gtin || ' · ' || s.serial, l.gtin || ' · ' || l.lot) FROM print_log_items i "
            u" LEFT JOIN serials s ON i.entity_type = 'serial' AND s.id = i.entity_id "
            u" LEFT JOIN lots l ON i.entity_type = 'lot' AND l.id = i.entity_id "
            u" WHERE i.print_log_id = p.id ORDER BY i.rowid LIMIT 1) "
            u"FROM print_log p ORDER BY p.id DESC LIMIT ?"_s,
            { limit });
        while (q.next()) {
            PrintLogEntry e;
            e.id = q.value(0).toLongLong();
            e.jobId = q.value(1).toString();
            e.action = q.value(2).toString();
            e.printer = q.value(3).toString();
            e.copies = q.value(4).toInt();
            e.templateName = q.value(5).toString();
            e.startPosition = q.value(6).toInt();
            e.userName = q.value(7).toString();
            e.workstation = q.value(8).toString();
            e.reason = q.value(9).toString();
            e.created = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
            e.items = q.value(11).toInt();
            e.firstItem = q.value(12).toString();
            out.push_back(e);
        }
        return out;
    });
}

QFuture<QPointF> LabelRepository::calibration(const QString &printer)
{
    return m_db->run([printer](QSqlDatabase &db) {
        auto q = exec(db, u"SELECT offset_x_mm, offset_y_mm FROM printers WHERE name = ?"_s, { printer });
        return q.next() ? QPointF(q.value(0).toDouble(), q.value(1).toDouble()) : QPointF();
    });
}

QFuture<Result<Done>> LabelRepository::setCalibration(const QString &printer, QPointF offsetMm)
{
    return m_db->run([=](QSqlDatabase &db) -> Result<Done> {
        if (std::abs(offsetMm.x()) > 20 || std::abs(offsetMm.y()) > 20)
            return invalid(u"printer offsets are limited to ±20 mm; a larger shift means the wrong template"_s);
        bool ok = false;
        auto q = exec(db,
            u"INSERT INTO printers (name, offset_x_mm, offset_y_mm, modified) VALUES (?, ?, ?, ?) "
            u"ON CONFLICT(name) DO UPDATE SET offset_x_mm = excluded.offset_x_mm, offset_y_mm = excluded.offset_y_mm, "
            u"modified = excluded.modified"_s,
            { printer, offsetMm.x(), offsetMm.y(), nowIso() }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        return Done {};
    });
}

} // namespace closient::labels
