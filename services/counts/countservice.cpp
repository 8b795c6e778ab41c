// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countservice.h"

#include "countlocation.h"
#include "outbox.h"
#include "sqlhelpers.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::counts {

using store::exec;
using store::sqlError;

namespace {

// NOTE: every function of this namespace runs on the database thread.

QDateTime fromIso(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toLocalTime();
}

Error notFound(const QString &id)
{
    return Error { u"not_found"_s, u"There is no count %1."_s.arg(id.left(60)) };
}

const QString kCountColumns = u"c.id, c.location_gln, c.location_extension, c.location_name, c.description, c.status, "
                              "c.blind, c.created, c.closed, "
                              "(SELECT count(*) FROM count_expected e WHERE e.count_session_id = c.id), "
                              "(SELECT coalesce(sum(quantity), 0) FROM count_lines l WHERE l.count_session_id = c.id "
                              "AND l.status = 'COUNTED'), "
                              "(SELECT count(*) FROM count_lines l WHERE l.count_session_id = c.id)"_s;

Count readCount(const QSqlQuery &q)
{
    Count c;
    c.id = q.value(0).toString();
    c.location = { q.value(1).toString(), q.value(2).toString(), q.value(3).toString() };
    c.description = q.value(4).toString();
    c.status = q.value(5).toString() == u"OPEN" ? Count::Status::Open : Count::Status::Finished;
    c.blind = q.value(6).toBool();
    c.started = fromIso(q.value(7));
    c.finished = fromIso(q.value(8));
    c.hasExpected = q.value(9).toInt() > 0;
    c.counted = q.value(10).toDouble();
    c.lineCount = q.value(11).toInt();
    return c;
}

Result<Count> loadCount(QSqlDatabase &db, const QString &id)
{
    bool ok = false;
    auto q = exec(db, u"SELECT "_s + kCountColumns + u" FROM count_sessions c WHERE c.id = ?"_s, { id }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    if (!q.next())
        return notFound(id);
    return readCount(q);
}

CountLine::Status lineStatus(const QString &s)
{
    if (s == u"REPEATED")
        return CountLine::Status::Repeated;
    if (s == u"UNDONE")
        return CountLine::Status::Undone;
    return CountLine::Status::Counted;
}

const QString kLineColumns
    = u"id, count_session_id, seq, gtin, lot, expiry, coalesce(serial, ''), quantity, status, raw_value, source, "
      "created"_s;

CountLine readLine(const QSqlQuery &q)
{
    CountLine l;
    l.id = q.value(0).toString();
    l.countId = q.value(1).toString();
    l.seq = q.value(2).toInt();
    l.gtin = q.value(3).toString();
    l.lot = q.value(4).toString();
    l.expiry = q.value(5).toString();
    l.serial = q.value(6).toString();
    l.quantity = q.value(7).toDouble();
    l.status = lineStatus(q.value(8).toString());
    l.rawValue = q.value(9).toString();
    l.source = q.value(10).toString();
    l.created = fromIso(q.value(11));
    return l;
}

Result<std::vector<CountLine>> loadLines(QSqlDatabase &db, const QString &id)
{
    bool ok = false;
    auto q = exec(
        db, u"SELECT "_s + kLineColumns + u" FROM count_lines WHERE count_session_id = ? ORDER BY seq"_s, { id }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    std::vector<CountLine> out;
    while (q.next())
        out.push_back(readLine(q));
    return out;
}

Result<std::vector<ExpectedItem>> loadExpected(QSqlDatabase &db, const QString &id)
{
    bool ok = false;
    auto q = exec(db, u"SELECT gtin, lot, quantity FROM count_expected WHERE count_session_id = ? ORDER BY gtin, lot"_s,
        { id }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    std::vector<ExpectedItem> out;
    while (q.next())
        out.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(2).toDouble() });
    return out;
}

Result<std::vector<TallyRow>> loadTally(QSqlDatabase &db, const QString &id)
{
    bool ok = false;
    auto q = exec(db,
        u"SELECT gtin, lot, expiry, sum(quantity), count(serial) FROM count_lines "
        "WHERE count_session_id = ? AND status = 'COUNTED' GROUP BY gtin, lot, expiry ORDER BY gtin, lot, expiry"_s,
        { id }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    std::vector<TallyRow> out;
    while (q.next())
        out.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toDouble(),
            q.value(4).toInt(), std::nullopt });
    return out;
}

Error finishedError(const Count &c)
{
    return Error { u"finished"_s,
        u"The count at %1 is finished and locked; start a new count to count again."_s.arg(c.location.text()) };
}

// The whole write of a change, committed or rolled back; the error of whichever step failed.
template<typename Fn>
auto inTransaction(QSqlDatabase &db, Fn &&fn) -> decltype(fn())
{
    store::Transaction tx(db);
    if (!tx.started())
        return sqlError(tx.lastError());
    auto r = fn();
    if (!r.ok())
        return r;
    if (!tx.commit())
        return sqlError(tx.lastError());
    return r;
}

} // namespace

QString outcomeKindName(CountOutcome::Kind kind)
{
    switch (kind) {
    case CountOutcome::Kind::Counted:
        return u"counted"_s;
    case CountOutcome::Kind::Repeated:
        return u"repeated"_s;
    case CountOutcome::Kind::Refused:
        return u"refused"_s;
    }
    return {};
}

QJsonObject CountOutcome::toJson() const
{
    QJsonObject o { { u"outcome"_s, outcomeKindName(kind) }, { u"code"_s, line.rawValue } };
    if (kind == Kind::Refused) {
        o.insert(u"reason_code"_s, reasonCode);
        o.insert(u"reason"_s, reason);
        return o;
    }
    const auto lineJson = line.toJson();
    for (auto it = lineJson.begin(); it != lineJson.end(); ++it)
        o.insert(it.key(), it.value());
    o.insert(u"tally"_s, tally);
    if (kind == Kind::Repeated)
        o.insert(u"reason"_s, reason);
    return o;
}

CountService::CountService(store::Database *db)
    : m_db(db)
{ }

QFuture<Result<Count>> CountService::start(const NewCount &nc)
{
    return m_db->run([nc](QSqlDatabase &db) -> Result<Count> {
        if (auto loc = parseLocation(nc.location.text()); !loc.ok())
            return loc.error();
        if (nc.description.size() > 200)
            return Error { u"invalid"_s, u"A count's description holds at most 200 characters."_s };
        const QString id = store::newId();
        auto r = inTransaction(db, [&]() -> Result<Done> {
            bool ok = false;
            auto q = exec(db,
                u"INSERT INTO count_sessions (id, location_gln, location_extension, location_name, description, "
                "status, blind, created) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)"_s,
                { id, nc.location.gln, nc.location.extension, nc.location.name, nc.description.trimmed(),
                    nc.blind ? 1 : 0, store::nowIso() },
                &ok);
            if (!ok)
                return sqlError(q.lastError());
            for (const auto &e : nc.expected) {
                q = exec(db,
                    u"INSERT INTO count_expected (count_session_id, gtin, lot, quantity) VALUES (?, ?, ?, ?)"_s,
                    { id, e.gtin, e.lot, e.quantity }, &ok);
                if (!ok)
                    return sqlError(q.lastError());
            }
            return Done {};
        });
        if (!r.ok())
            return r.error();
        return loadCount(db, id);
    });
}

QFuture<Result<Count>> CountService::count(const QString &id)
{
    return m_db->run([id](QSqlDatabase &db) { return loadCount(db, id); });
}

QFuture<Result<std::vector<Count>>> CountService::list()
{
    return m_db->run([](QSqlDatabase &db) -> Result<std::vector<Count>> {
        bool ok = false;
        auto q = exec(
            db, u"SELECT "_s + kCountColumns + u" FROM count_sessions c ORDER BY c.created DESC, c.id"_s, {}, &ok);
        if (!ok)
            return sqlError(q.lastError());
        std::vector<Count> out;
        while (q.next())
            out.push_back(readCount(q));
        return out;
    });
}

QFuture<CountOutcome> CountService::add(const QString &countId, const CountScan &scan)
{
    CountOutcome out;
    const auto checked = checkScan(scan);
    out.line = checked.line;
    out.line.countId = countId;
    if (!checked.ok()) {
        out.reasonCode = checked.reasonCode;
        out.reason = checked.reason;
    }
    return m_db->run([countId, out](QSqlDatabase &db) mutable {
        if (!out.reasonCode.isEmpty())
            return out;
        auto r = inTransaction(db, [&]() -> Result<Done> {
            auto c = loadCount(db, countId);
            if (!c.ok())
                return c.error();
            if (!c->isOpen())
                return finishedError(c.value());
            bool ok = false;
            out.kind = CountOutcome::Kind::Counted;
            if (!out.line.serial.isEmpty()) {
                auto q = exec(db,
                    u"SELECT seq FROM count_lines WHERE count_session_id = ? AND gtin = ? AND serial = ? "
                    "AND status = 'COUNTED'"_s,
                    { countId, out.line.gtin, out.line.serial }, &ok);
                if (!ok)
                    return sqlError(q.lastError());
                if (q.next()) {
                    out.kind = CountOutcome::Kind::Repeated;
                    out.line.quantity = 0;
                    out.reason = u"Serial %1 of GTIN %2 was already counted (line %3); it is not counted again."_s.arg(
                        out.line.serial, out.line.gtin, q.value(0).toString());
                }
            }
            auto seq = exec(db, u"SELECT coalesce(max(seq), 0) + 1 FROM count_lines WHERE count_session_id = ?"_s,
                { countId }, &ok);
            if (!ok || !seq.next())
                return sqlError(seq.lastError());
            out.line.seq = seq.value(0).toInt();
            out.line.id = store::newId();
            out.line.status
                = out.kind == CountOutcome::Kind::Counted ? CountLine::Status::Counted : CountLine::Status::Repeated;
            const QString now = store::nowIso();
            out.line.created = fromIso(now);
            auto q = exec(db,
                u"INSERT INTO count_lines (id, count_session_id, seq, gtin, lot, expiry, serial, quantity, status, "
                "raw_value, source, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                { out.line.id, countId, out.line.seq, out.line.gtin, out.line.lot, out.line.expiry,
                    out.line.serial.isEmpty() ? QVariant() : QVariant(out.line.serial), out.line.quantity,
                    out.kind == CountOutcome::Kind::Counted ? u"COUNTED"_s : u"REPEATED"_s, out.line.rawValue,
                    out.line.source, now },
                &ok);
            if (!ok)
                return sqlError(q.lastError());
            q = exec(db,
                u"SELECT coalesce(sum(quantity), 0) FROM count_lines WHERE count_session_id = ? AND gtin = ? "
                "AND lot = ? AND status = 'COUNTED'"_s,
                { countId, out.line.gtin, out.line.lot }, &ok);
            if (ok && q.next())
                out.tally = q.value(0).toDouble();
            return Done {};
        });
        if (!r.ok()) {
            out.kind = CountOutcome::Kind::Refused;
            out.reasonCode = r.error().code;
            out.reason = r.error().message;
        }
        return out;
    });
}

QFuture<Result<CountLine>> CountService::undo(const QString &countId)
{
    return m_db->run([countId](QSqlDatabase &db) {
        return inTransaction(db, [&]() -> Result<CountLine> {
            auto c = loadCount(db, countId);
            if (!c.ok())
                return c.error();
            if (!c->isOpen())
                return finishedError(c.value());
            bool ok = false;
            auto q = exec(db,
                u"SELECT "_s + kLineColumns
                    + u" FROM count_lines WHERE count_session_id = ? AND status = 'COUNTED' ORDER BY seq DESC LIMIT 1"_s,
                { countId }, &ok);
            if (!ok)
                return sqlError(q.lastError());
            if (!q.next())
                return Error { u"nothing"_s, u"There is no counted line to take back."_s };
            CountLine line = readLine(q);
            q = exec(db, u"UPDATE count_lines SET status = 'UNDONE', undone = ? WHERE id = ?"_s,
                { store::nowIso(), line.id }, &ok);
            if (!ok)
                return sqlError(q.lastError());
            line.status = CountLine::Status::Undone;
            return line;
        });
    });
}

QFuture<Result<Count>> CountService::setBlind(const QString &countId, bool blind)
{
    return m_db->run([countId, blind](QSqlDatabase &db) -> Result<Count> {
        auto c = loadCount(db, countId);
        if (!c.ok())
            return c;
        if (!c->isOpen())
            return finishedError(c.value());
        bool ok = false;
        auto q = exec(db, u"UPDATE count_sessions SET blind = ? WHERE id = ?"_s, { blind ? 1 : 0, countId }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        return loadCount(db, countId);
    });
}

QFuture<Result<std::vector<CountLine>>> CountService::lines(const QString &countId)
{
    return m_db->run([countId](QSqlDatabase &db) -> Result<std::vector<CountLine>> {
        if (auto c = loadCount(db, countId); !c.ok())
            return c.error();
        return loadLines(db, countId);
    });
}

QFuture<Result<std::vector<TallyRow>>> CountService::tally(const QString &countId)
{
    return m_db->run([countId](QSqlDatabase &db) -> Result<std::vector<TallyRow>> {
        auto c = loadCount(db, countId);
        if (!c.ok())
            return c.error();
        auto rows = loadTally(db, countId);
        if (!rows.ok() || (c->blind && c->isOpen()))
            return rows;
        auto expected = loadExpected(db, countId);
        if (!expected.ok())
            return expected.error();
        for (auto &row : rows.value()) {
            for (const auto &e : expected.value()) {
                if (e.gtin == row.gtin && e.lot == row.lot)
                    row.expected = e.quantity;
            }
        }
        return rows;
    });
}

QFuture<Result<std::vector<ExpectedItem>>> CountService::expected(const QString &countId)
{
    return m_db->run([countId](QSqlDatabase &db) -> Result<std::vector<ExpectedItem>> {
        auto c = loadCount(db, countId);
        if (!c.ok())
            return c.error();
        if (c->blind && c->isOpen())
            return Error { u"blind"_s, u"This is a blind count: the expected quantities show once it is finished."_s };
        return loadExpected(db, countId);
    });
}

QFuture<Result<Variance>> CountService::variance(const QString &countId)
{
    return m_db->run([countId](QSqlDatabase &db) -> Result<Variance> {
        auto c = loadCount(db, countId);
        if (!c.ok())
            return c.error();
        if (c->blind && c->isOpen())
            return Error { u"blind"_s, u"This is a blind count: its variance shows once it is finished."_s };
        auto rows = loadTally(db, countId);
        if (!rows.ok())
            return rows.error();
        auto expected = loadExpected(db, countId);
        if (!expected.ok())
            return expected.error();
        return computeVariance(c.value(), rows.value(), expected.value());
    });
}

QFuture<Result<Count>> CountService::finish(const QString &countId, const QDateTime &time)
{
    return m_db->run([countId, time](QSqlDatabase &db) -> Result<Count> {
        auto r = inTransaction(db, [&]() -> Result<Done> {
            auto c = loadCount(db, countId);
            if (!c.ok())
                return c.error();
            if (!c->isOpen())
                return finishedError(c.value());
            auto lines = loadLines(db, countId);
            if (!lines.ok())
                return lines.error();
            auto expected = loadExpected(db, countId);
            if (!expected.ok())
                return expected.error();
            auto doc = buildCountDocument(c->location, lines.value(), expected.value(), time);
            if (!doc.ok())
                return doc.error();
            const QString now = store::nowIso();
            bool ok = false;
            auto q = exec(db, u"UPDATE count_sessions SET status = 'CLOSED', closed = ?, document = ? WHERE id = ?"_s,
                { store::isoTime(time), QString::fromUtf8(QJsonDocument(doc->document).toJson(QJsonDocument::Compact)),
                    countId },
                &ok);
            if (!ok)
                return sqlError(q.lastError());
            for (size_t i = 0; i < doc->events.size(); ++i) {
                const QString eventId = store::newId();
                const auto &single = doc->singleEventDocuments.at(i);
                q = exec(db,
                    u"INSERT INTO epcis_events (id, event_hash, event_type, event_time, document, count_session_id, "
                    "created) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                    { eventId, doc->eventHashes.at(qsizetype(i)), doc->events.at(i).value(u"type"_s).toString(),
                        doc->events.at(i).value(u"eventTime"_s).toString(),
                        QString::fromUtf8(QJsonDocument(single).toJson(QJsonDocument::Compact)), countId, now },
                    &ok);
                if (!ok)
                    return sqlError(q.lastError());
                auto queued = store::enqueueOutbox(db,
                    store::OutboxEntry::make(store::OutboxEntity::EpcisEvent, eventId, store::OutboxOp::Create,
                        { { u"document"_s, single } }));
                if (!queued.ok())
                    return queued.error();
            }
            return Done {};
        });
        if (!r.ok())
            return r.error();
        return loadCount(db, countId);
    });
}

QFuture<Result<QJsonObject>> CountService::document(const QString &countId)
{
    return m_db->run([countId](QSqlDatabase &db) -> Result<QJsonObject> {
        bool ok = false;
        auto q = exec(db, u"SELECT status, document FROM count_sessions WHERE id = ?"_s, { countId }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        if (!q.next())
            return notFound(countId);
        if (q.value(1).isNull())
            return Error { u"open"_s, u"The count is not finished yet: finish it to get its EPCIS document."_s };
        return QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    });
}

QFuture<Result<std::vector<CountLocation>>> CountService::places()
{
    return m_db->run([](QSqlDatabase &db) -> Result<std::vector<CountLocation>> {
        bool ok = false;
        auto q = exec(db, u"SELECT gln, extension, name FROM count_places ORDER BY name"_s, {}, &ok);
        if (!ok)
            return sqlError(q.lastError());
        std::vector<CountLocation> out;
        while (q.next())
            out.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString() });
        return out;
    });
}

QFuture<Result<Done>> CountService::savePlace(const CountLocation &place)
{
    return m_db->run([place](QSqlDatabase &db) -> Result<Done> {
        const QString name = place.name.trimmed();
        if (name.isEmpty() || name.size() > 80)
            return Error { u"invalid"_s, u"A place needs a name of 1 to 80 characters."_s };
        if (auto loc = parseLocation(place.text()); !loc.ok())
            return loc.error();
        bool ok = false;
        auto q = exec(db,
            u"INSERT INTO count_places (name, gln, extension, created) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET gln = excluded.gln, extension = excluded.extension"_s,
            { name, place.gln, place.extension, store::nowIso() }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        return Done {};
    });
}

QFuture<Result<CountLocation>> CountService::resolveLocation(const QString &text)
{
    return m_db->run([text](QSqlDatabase &db) -> Result<CountLocation> {
        const QString t = text.trimmed();
        const bool looksLikeGln = !t.isEmpty() && t.at(0).isDigit();
        if (looksLikeGln)
            return parseLocation(t);
        bool ok = false;
        auto q = exec(db, u"SELECT gln, extension, name FROM count_places WHERE name = ?"_s, { t }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        if (!q.next())
            return Error { u"not_found"_s,
                u"\"%1\" is neither a GLN nor a named place; give a GLN (13 digits), optionally with .EXTENSION."_s.arg(
                    t.left(60)) };
        return CountLocation { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() };
    });
}

} // namespace closient::counts
