// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelrepository.h"

#include "gs1parser.h"
#include "gtin.h"
#include "sqlhelpers.h"
#include "stationidentity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

using namespace Qt::StringLiterals;
using closient::store::Done;
using closient::store::exec;
using closient::store::newId;
using closient::store::nowIso;
using closient::store::ReusedStatements;
using closient::store::sqlError;
using closient::store::StoreError;
using closient::store::Transaction;

namespace closient::labels {

namespace {
StoreError invalid(const QString &message)
{
    return { u"invalid"_s, message };
}

/// The lot row for (gtin, lot), made when missing; its id. NOTE: database thread, inside a transaction.
Result<QString> ensureLot(QSqlDatabase &db, const ItemInput &in)
{
    auto q = exec(db, u"SELECT id, expiry FROM lots WHERE gtin = ? AND lot = ?"_s, { in.gtin, in.lot });
    if (q.next()) {
        const QString existingExpiry = q.value(1).toString();
        if (in.expiry.isValid() && !existingExpiry.isEmpty() && existingExpiry != in.expiry.toString(Qt::ISODate))
            return invalid(u"lot %1 of GTIN %2 already exists with expiry %3, not %4"_s.arg(
                in.lot, in.gtin, existingExpiry, in.expiry.toString(Qt::ISODate)));
        return q.value(0).toString();
    }
    const QString id = newId();
    if (auto r = LabelImport::insertLot(db, id, in); !r.ok())
        return r.error();
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

LabelRepository::LabelRepository(store::Database *db)
    : m_db(db)
{ }

QFuture<Result<LabelItem>> LabelRepository::addLot(const ItemInput &input)
{
    return m_db->run([store = m_db, input](QSqlDatabase &db) -> Result<LabelItem> {
        const auto in = LabelImport::check(input, false);
        if (!in.ok())
            return in.error();
        Transaction tx(db);
        auto exists = exec(db, u"SELECT 1 FROM lots WHERE gtin = ? AND lot = ?"_s, { in.value().gtin, in.value().lot });
        if (exists.next())
            return invalid(u"lot %1 of GTIN %2 already exists"_s.arg(in.value().lot, in.value().gtin));
        auto id = ensureLot(db, in.value());
        if (!id.ok())
            return id.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifyLabelItemsChanged();
        return readBack(db, u"lots"_s, id.value());
    });
}

QFuture<Result<LabelItem>> LabelRepository::addSerial(const ItemInput &input)
{
    return m_db->run([store = m_db, input](QSqlDatabase &db) -> Result<LabelItem> {
        const auto in = LabelImport::check(input, true);
        if (!in.ok())
            return in.error();
        Transaction tx(db);
        QString lotId;
        if (!in.value().lot.isEmpty()) {
            auto lot = ensureLot(db, in.value());
            if (!lot.ok())
                return lot.error();
            lotId = lot.value();
        }
        const QString id = newId();
        if (auto r = LabelImport::insertSerial(db, id, lotId, in.value()); !r.ok())
            return r.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifyLabelItemsChanged();
        return readBack(db, u"serials"_s, id);
    });
}

QFuture<Result<int>> LabelRepository::addSerialRange(
    const ItemInput &base, const QString &prefix, qint64 first, int count, int width)
{
    return m_db->run([=, store = m_db](QSqlDatabase &db) -> Result<int> {
        if (count < 1 || count > 1000000)
            return invalid(u"a range holds 1 to 1,000,000 serials"_s);
        if (first < 0)
            return invalid(u"the first number cannot be negative"_s);
        Transaction tx(db);
        QString lotId;
        for (int i = 0; i < count; ++i) {
            ItemInput in = base;
            in.serial = prefix + QString::number(first + i).rightJustified(width, u'0');
            const auto n = LabelImport::check(in, true);
            if (!n.ok())
                return invalid(u"serial %1: %2"_s.arg(in.serial, n.error().message));
            if (i == 0 && !n.value().lot.isEmpty()) {
                auto lot = ensureLot(db, n.value());
                if (!lot.ok())
                    return lot.error();
                lotId = lot.value();
            }
            if (auto r = LabelImport::insertSerial(db, newId(), lotId, n.value()); !r.ok())
                return r.error(); // the transaction rolls back: no half range
        }
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifyLabelItemsChanged();
        return count;
    });
}

QFuture<ImportReport> LabelRepository::importCsv(const QString &scope, const QByteArray &csv, bool reuseExisting,
    QChar delimiter, const QHash<QString, QString> &columnMap)
{
    return m_db->run([store = m_db, scope, csv, reuseExisting, delimiter, columnMap](QSqlDatabase &db) {
        ImportReport report;
        const auto failed = [&](const Error &e) {
            report.errors = e.message.split(u'\n');
            return report;
        };
        const auto rows = LabelImport::parse(scope, csv, delimiter, {}, columnMap);
        if (!rows.ok())
            return failed(rows.error());
        Transaction tx(db);
        if (!tx.started())
            return failed(sqlError(tx.lastError()));
        const auto plan = LabelImport::plan(db, rows.value(), reuseExisting);
        if (!plan.ok())
            return failed(plan.error());
        if (auto r = LabelImport::apply(db, plan.value()); !r.ok())
            return failed(r.error());
        if (!tx.commit())
            return failed(sqlError(tx.lastError())); // rolled back: nothing was imported
        store->notifyLabelItemsChanged();
        report.lots = int(plan.value().newLots.size());
        report.serials = int(plan.value().newSerials.size());
        report.unchanged = plan.value().unchanged;
        for (const auto &item : plan.value().items)
            report.ids << item.id;
        return report;
    });
}

QFuture<Result<ImportPlan>> LabelRepository::planImport(const ImportRows &rows, bool reuseExisting)
{
    return m_db->run([rows, reuseExisting](QSqlDatabase &db) { return LabelImport::plan(db, rows, reuseExisting); });
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
        // A lot such as "L_1" is looked for as written: _ and % match only themselves.
        const QString like = store::likeContains(s.search.trimmed());
        if (serials) {
            sql += u" AND (s.gtin LIKE ? ESCAPE '\\' OR s.serial LIKE ? ESCAPE '\\' OR l.lot LIKE ? ESCAPE '\\')"_s;
            values << like << like << like;
        } else {
            sql += u" AND (l.gtin LIKE ? ESCAPE '\\' OR l.lot LIKE ? ESCAPE '\\')"_s;
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

QFuture<Result<Done>> LabelRepository::refuseVoid(const QStringList &serialIds)
{
    return m_db->run([serialIds](QSqlDatabase &db) -> Result<Done> {
        QStringList named;
        for (const auto &id : serialIds) {
            auto q = exec(db, u"SELECT serial, gtin, void_reason FROM serials WHERE id = ? AND voided = 1"_s, { id });
            if (q.next())
                named << u"%1 of GTIN %2 (%3)"_s.arg(
                    q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        }
        if (named.isEmpty())
            return Done {};
        return invalid(
            (named.size() == 1 ? u"serial %1 is void"_s : u"serials %1 are void"_s).arg(named.mid(0, 10).join(u", "_s))
            + u": a void serial is never printed or exported again"_s);
    });
}

namespace {
/// The calibration column: how the print was set up (printer offsets, and the layout the labels were drawn with).
QString printSetup(const PrintLogEntry &entry)
{
    QJsonObject o;
    if (!entry.calibration.isNull())
        o.insert(u"offset_mm"_s, QJsonArray { entry.calibration.x(), entry.calibration.y() });
    if (!entry.layoutName.isEmpty())
        o.insert(u"layout"_s, entry.layoutName);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

/// One print_log row and its items. NOTE: database thread, inside a transaction.
Result<Done> writeLog(QSqlDatabase &db, const QString &action, const PrintLogEntry &entry, const QString &reason,
    const std::vector<LabelItem> &items, bool markPrinted)
{
    if (items.empty())
        return Done {};
    const QString now = nowIso();
    bool ok = false;
    auto q = exec(db,
        u"INSERT INTO print_log (job_id, action, printer, copies, template, start_position, calibration, user_name, "
        u"workstation, reason, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { entry.jobId.isEmpty() ? QVariant() : QVariant(entry.jobId), action, entry.printer, entry.copies,
            entry.templateName, entry.startPosition, printSetup(entry), entry.userName, entry.workstation, reason,
            now },
        &ok);
    if (!ok)
        return sqlError(q.lastError());
    const qint64 logId = q.lastInsertId().toLongLong();
    for (const auto &it : items) {
        auto item = exec(db, u"INSERT INTO print_log_items (print_log_id, entity_type, entity_id) VALUES (?, ?, ?)"_s,
            { logId, it.entityType(), it.id }, &ok);
        if (!ok)
            return sqlError(item.lastError());
        if (markPrinted) {
            const QString table = it.kind == LabelItem::Kind::Lot ? u"lots"_s : u"serials"_s;
            auto mark = exec(db,
                u"UPDATE %1 SET print_count = print_count + 1, last_printed = ?, modified = ? WHERE id = ?"_s.arg(
                    table),
                { now, now, it.id }, &ok);
            if (!ok)
                return sqlError(mark.lastError());
        }
    }
    return Done {};
}
} // namespace

QFuture<Result<Done>> LabelRepository::recordJob(std::optional<ImportPlan> import, std::optional<PrintRecord> print)
{
    return m_db->run([store = m_db, import = std::move(import), print = std::move(print)](
                         QSqlDatabase &db) -> Result<Done> {
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        const ReusedStatements reused(db); // the same few statements for every label
        if (import) {
            if (auto r = LabelImport::apply(db, *import); !r.ok())
                return r;
        }
        if (print) {
            if (print->action == u"test") {
                if (auto r = writeLog(db, u"test"_s, print->entry, print->entry.reason, print->items, false); !r.ok())
                    return r;
            } else {
                // What the store says now decides: a serial printed before is reprinted, and so is a lot printed
                // before when the person gave a reason; everything else is a first print.
                std::vector<LabelItem> first;
                std::vector<LabelItem> again;
                for (const auto &it : print->items) {
                    const QString table = it.kind == LabelItem::Kind::Lot ? u"lots"_s : u"serials"_s;
                    auto q = exec(db, u"SELECT print_count FROM %1 WHERE id = ?"_s.arg(table), { it.id });
                    const bool printedBefore = q.next() && q.value(0).toInt() > 0;
                    const bool reprint = printedBefore
                        && (it.kind == LabelItem::Kind::Serial || !print->entry.reason.trimmed().isEmpty());
                    (reprint ? again : first).push_back(it);
                }
                if (auto r = writeLog(db, u"print"_s, print->entry, {}, first, true); !r.ok())
                    return r;
                const QString reason = print->entry.reason.trimmed().isEmpty()
                    ? u"printed again by a job that started before it was printed"_s
                    : print->entry.reason.trimmed();
                if (auto r = writeLog(db, u"reprint"_s, print->entry, reason, again, true); !r.ok())
                    return r;
            }
        }
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifyLabelItemsChanged();
        store->notifyPrintLogChanged();
        return Done {};
    });
}

QFuture<Result<qint64>> LabelRepository::logPrint(
    const QString &action, const std::vector<LabelItem> &items, const PrintLogEntry &entry, bool markPrinted)
{
    return m_db->run([=, store = m_db](QSqlDatabase &db) -> Result<qint64> {
        Transaction tx(db);
        const ReusedStatements reused(db); // the same few statements for every label
        if (auto r = writeLog(db, action, entry, entry.reason, items, markPrinted); !r.ok())
            return r.error();
        auto last = exec(db, u"SELECT max(id) FROM print_log"_s);
        const qint64 id = last.next() ? last.value(0).toLongLong() : 0;
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifyLabelItemsChanged();
        store->notifyPrintLogChanged();
        return id;
    });
}

QFuture<Result<Done>> LabelRepository::voidSerial(const QString &serialId, const QString &reason, const QString &user)
{
    return m_db->run([=, store = m_db](QSqlDatabase &db) -> Result<Done> {
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
            { user, StationIdentity::current().workstation, reason, now }, &ok);
        if (!ok)
            return sqlError(log.lastError());
        (void)exec(db, u"INSERT INTO print_log_items (print_log_id, entity_type, entity_id) VALUES (?, 'serial', ?)"_s,
            { log.lastInsertId(), serialId }, &ok);
        if (!ok || !tx.commit())
            return invalid(u"the void could not be written"_s);
        store->notifyLabelItemsChanged();
        store->notifyPrintLogChanged();
        return Done {};
    });
}

QFuture<Result<std::pair<QString, QString>>> LabelRepository::productNames(const QString &gtin)
{
    return m_db->run([gtin](QSqlDatabase &db) -> Result<std::pair<QString, QString>> {
        bool ok = false;
        auto q = exec(db, u"SELECT product_name, brand FROM products WHERE gtin = ?"_s, { gtin }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        if (!q.next())
            return std::pair<QString, QString>();
        return std::pair(q.value(0).toString(), q.value(1).toString());
    });
}

QFuture<Result<std::vector<PrintLogEntry>>> LabelRepository::printLog(int limit)
{
    return m_db->run([limit](QSqlDatabase &db) -> Result<std::vector<PrintLogEntry>> {
        std::vector<PrintLogEntry> out;
        bool ok = false;
        auto q = exec(db,
            u"SELECT p.id, p.job_id, p.action, p.printer, p.copies, p.template, p.start_position, p.user_name, "
            u"p.workstation, p.reason, p.created, (SELECT count(*) FROM print_log_items i WHERE i.print_log_id = "
            u"p.id), "
            u"(SELECT coalesce(s.gtin || ' · ' || s.serial, l.gtin || ' · ' || l.lot) FROM print_log_items i "
            u" LEFT JOIN serials s ON i.entity_type = 'serial' AND s.id = i.entity_id "
            u" LEFT JOIN lots l ON i.entity_type = 'lot' AND l.id = i.entity_id "
            u" WHERE i.print_log_id = p.id ORDER BY i.rowid LIMIT 1), p.calibration "
            u"FROM print_log p ORDER BY p.id DESC LIMIT ?"_s,
            { limit }, &ok);
        if (!ok)
            return sqlError(q.lastError());
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
            const QJsonObject setup = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
            e.layoutName = setup.value(u"layout"_s).toString();
            const QJsonArray offset = setup.value(u"offset_mm"_s).toArray();
            if (offset.size() == 2)
                e.calibration = QPointF(offset[0].toDouble(), offset[1].toDouble());
            out.push_back(e);
        }
        return out;
    });
}

QFuture<Result<QHash<QString, QSet<qint64>>>> LabelRepository::printLogItemMatches(const QStringList &words)
{
    return m_db->run([words](QSqlDatabase &db) -> Result<QHash<QString, QSet<qint64>>> {
        QHash<QString, QSet<qint64>> out;
        for (const auto &word : words) {
            bool ok = false;
            auto q = exec(db,
                u"SELECT DISTINCT i.print_log_id FROM print_log_items i WHERE (i.entity_type = 'serial' AND "
                u"i.entity_id IN (SELECT id FROM serials WHERE instr(lower(serial), ?) > 0 OR instr(gtin, ?) > 0)) "
                u"OR (i.entity_type = 'lot' AND i.entity_id IN (SELECT id FROM lots WHERE instr(lower(lot), ?) > 0 "
                u"OR instr(gtin, ?) > 0))"_s,
                { word.toLower(), word.toLower(), word.toLower(), word.toLower() }, &ok);
            if (!ok)
                return sqlError(q.lastError());
            auto &ids = out[word.toLower()];
            while (q.next())
                ids.insert(q.value(0).toLongLong());
        }
        return out;
    });
}

QFuture<Result<QPointF>> LabelRepository::calibration(const QString &printer)
{
    return m_db->run([printer](QSqlDatabase &db) -> Result<QPointF> {
        bool ok = false;
        auto q = exec(db, u"SELECT offset_x_mm, offset_y_mm FROM printers WHERE name = ?"_s, { printer }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        return q.next() ? QPointF(q.value(0).toDouble(), q.value(1).toDouble()) : QPointF();
    });
}

QFuture<Result<Done>> LabelRepository::setCalibration(const QString &printer, QPointF offsetMm)
{
    return m_db->run([=](QSqlDatabase &db) -> Result<Done> {
        if (std::abs(offsetMm.x()) > kCalibrationLimitMm || std::abs(offsetMm.y()) > kCalibrationLimitMm)
            return invalid(u"printer offsets are limited to ±%1 mm; a larger shift means the wrong template"_s.arg(
                kCalibrationLimitMm));
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
