// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncengine.h"

#include "database.h"
#include "restmapping.h"
#include "sqlhelpers.h"
#include "syncpull.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimeZone>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "closient.sync")

namespace closient::sync {

namespace {

using store::OutboxEntity;
using store::OutboxOp;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

/// One row of sync_state; written inside the caller's transaction.
bool putState(QSqlDatabase &db, const QString &key, const QJsonObject &value)
{
    bool ok = false;
    auto q = store::exec(db,
        u"INSERT INTO sync_state (key, value, modified) VALUES (?, ?, ?) "
        u"ON CONFLICT (key) DO UPDATE SET value = excluded.value, modified = excluded.modified"_s,
        { key, compact(value), store::nowIso() }, &ok);
    return ok;
}

QJsonObject rateLimitJson(const RateLimitInfo &r)
{
    QJsonObject o { { u"time"_s, store::nowIso() }, { u"legacy"_s, r.legacy } };
    if (r.limit)
        o.insert(u"limit"_s, *r.limit);
    if (r.remaining)
        o.insert(u"remaining"_s, *r.remaining);
    if (r.resetSeconds)
        o.insert(u"reset_seconds"_s, *r.resetSeconds);
    QJsonArray policy;
    for (const auto &w : r.policy)
        policy.append(QJsonObject { { u"limit"_s, w.limit }, { u"seconds"_s, w.seconds } });
    o.insert(u"policy"_s, policy);
    o.insert(u"describe"_s, r.describe());
    return o;
}

QString kindOf(const store::OutboxEntry &e)
{
    return store::outboxEntityName(e.entity) + u' ' + store::outboxOpName(e.op);
}

struct Loaded
{
    std::vector<store::OutboxEntry> entries;
    std::vector<qint64> nextAttempt;
    QHash<QString, QString> serverIds;
};

Result<Loaded> loadOpenRows(QSqlDatabase &db)
{
    Loaded out;
    bool ok = false;
    auto q = store::exec(db,
        u"SELECT seq, entity, entity_id, op, payload, idempotency_key, state, attempts, created, next_attempt "
        u"FROM outbox WHERE state != 'done' ORDER BY seq"_s,
        {}, &ok);
    if (!ok)
        return store::sqlError(q.lastError());
    QSet<QString> sessions;
    QSet<QString> captures;
    while (q.next()) {
        const auto entity = store::outboxEntityFromName(q.value(1).toString());
        const auto op = store::outboxOpFromName(q.value(3).toString());
        if (!entity || !op) {
            qCWarning(lcSync) << "outbox row" << q.value(0).toLongLong() << "is of a kind this version does not know";
            continue;
        }
        store::OutboxEntry e;
        e.seq = q.value(0).toLongLong();
        e.entity = *entity;
        e.entityId = q.value(2).toString();
        e.op = *op;
        e.payload = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
        e.idempotencyKey = q.value(5).toString();
        e.state = q.value(6).toString();
        e.attempts = q.value(7).toInt();
        e.created = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
        const QString next = q.value(9).toString();
        out.nextAttempt.push_back(
            next.isEmpty() ? 0 : QDateTime::fromString(next, Qt::ISODateWithMs).toMSecsSinceEpoch());
        if (e.entity == OutboxEntity::Session)
            sessions.insert(e.entityId);
        else if (e.entity == OutboxEntity::Capture) {
            captures.insert(e.entityId);
            const QString s = e.payload.value(u"session_id"_s).toString();
            if (!s.isEmpty())
                sessions.insert(s);
        }
        out.entries.push_back(std::move(e));
    }
    const auto lookup = [&](const QString &table, const QString &prefix, const QSet<QString> &ids) -> bool {
        for (const auto &id : ids) {
            bool good = false;
            auto s = store::exec(db, u"SELECT server_id FROM %1 WHERE id = ?"_s.arg(table), { id }, &good);
            if (!good)
                return false;
            if (s.next() && !s.value(0).toString().isEmpty())
                out.serverIds.insert(prefix + id, s.value(0).toString());
        }
        return true;
    };
    if (!lookup(u"sessions"_s, u"session:"_s, sessions) || !lookup(u"captures"_s, u"capture:"_s, captures))
        return store::sqlError(db.lastError());
    return out;
}

} // namespace

QJsonObject ParkedRow::toJson() const
{
    return { { u"seq"_s, seq }, { u"entity"_s, entity }, { u"entity_id"_s, entityId }, { u"op"_s, op },
        { u"error"_s, error } };
}

SyncEngine::SyncEngine(store::Database *db, HttpClient *client, SyncOptions options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_client(client)
    , m_options(std::move(options))
    , m_backoff(m_options.backoff, m_options.backoffSeed)
{
    qRegisterMetaType<DrainReport>();
    m_timer.setParent(this); // moves to the sync thread with the engine
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::pass);
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::start(bool once)
{
    if (m_running)
        return;
    m_running = true;
    m_once = once;
    m_stopRequested = false;
    m_report = {};
    m_notSentInARow = 0;
    // A drain that was stopped or killed may have left the key's window nearly spent, with requests the server
    // counted and this run never saw answered: when the last answer left little and the window has not reset yet,
    // the first request waits for the reset rather than draw a 429.
    if (const qint64 wait = lastWindowWaitMs(); wait > 0) {
        m_timer.start(int(wait));
        return;
    }
    pass();
}

qint64 SyncEngine::lastWindowWaitMs() const
{
    const auto status = SyncStatus::read(m_db);
    return status.ok() ? windowWaitMs(status.value().rateLimit, QDateTime::currentMSecsSinceEpoch()) : 0;
}

qint64 SyncEngine::windowWaitMs(const QJsonObject &rate, qint64 nowMs)
{
    if (!rate.contains(u"remaining"_s) || !rate.contains(u"reset_seconds"_s))
        return 0;
    const QDateTime at = QDateTime::fromString(rate.value(u"time"_s).toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        return 0;
    // Requests a stopped drain may have had counted after its last recorded answer: the one on the wire, and those
    // whose answers were lost (each costs a timeout, so only a few fit).
    constexpr int kUnseen = 8;
    const qint64 resetAt = at.toMSecsSinceEpoch() + qint64(rate.value(u"reset_seconds"_s).toDouble() * 1000) + 250;
    const qint64 left = resetAt - nowMs;
    if (left <= 0 || rate.value(u"remaining"_s).toInt() > kUnseen)
        return 0;
    return std::min<qint64>(left, kMaxWindowWaitMs);
}

void SyncEngine::stop()
{
    if (!m_running)
        return;
    m_stopRequested = true;
    if (!m_busy) { // idle between passes: nothing on the wire
        m_timer.stop();
        stopWith(u"stopped"_s, u"Stopped."_s);
    }
}

void SyncEngine::wake()
{
    if (!m_running || m_busy || m_stopRequested)
        return; // a pass under way starts again by itself when it changed anything
    m_timer.stop();
    pass();
}

QString SyncEngine::key(OutboxEntity entity, const QString &localId)
{
    return store::outboxEntityName(entity) + u':' + localId;
}

QString SyncEngine::serverId(OutboxEntity entity, const QString &localId) const
{
    return m_serverIds.value(key(entity, localId));
}

QString SyncEngine::idFrom(const QJsonObject &o) const
{
    for (const auto &field : m_options.idFields) {
        const auto v = o.value(field);
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    return {};
}

void SyncEngine::pass()
{
    if (!m_running)
        return;
    if (m_stopRequested)
        return stopWith(u"stopped"_s, u"Stopped."_s);
    auto loaded = m_db->run([](QSqlDatabase &db) { return loadOpenRows(db); }).result();
    if (!loaded.ok())
        return stopWith(u"store"_s, loaded.error().message);
    m_rows.clear();
    auto &l = loaded.value();
    for (std::size_t i = 0; i < l.entries.size(); ++i)
        m_rows.push_back(Row { std::move(l.entries[i]), l.nextAttempt[i] });
    m_serverIds = std::move(l.serverIds);
    m_index = 0;
    m_blocked.clear();
    m_openCaptures.clear();
    m_progressInPass = 0;
    m_earliestDue.reset();
    m_busy = true;
    walk();
}

void SyncEngine::rowNotDone(const Row &row)
{
    m_blocked.insert(key(row.entry.entity, row.entry.entityId));
    if (row.entry.entity == OutboxEntity::Capture && row.entry.op == OutboxOp::Create)
        m_openCaptures[row.entry.payload.value(u"session_id"_s).toString()] += 1;
}

void SyncEngine::walk()
{
    const qint64 now = nowMs();
    while (m_index < m_rows.size()) {
        if (m_stopRequested)
            return stopWith(u"stopped"_s, u"Stopped."_s);
        const Row row = m_rows[m_index++];
        const auto &e = row.entry;
        const QString k = key(e.entity, e.entityId);
        if (e.state == u"failed"_s) { // parked: what depends on it waits, the rest goes on
            m_blocked.insert(k);
            continue;
        }
        if (m_blocked.contains(k)) {
            rowNotDone(row);
            continue;
        }
        if (row.nextAttemptMs > now) {
            m_earliestDue = std::min(m_earliestDue.value_or(row.nextAttemptMs), row.nextAttemptMs);
            rowNotDone(row);
            continue;
        }
        if (e.entity == OutboxEntity::Capture && e.op == OutboxOp::Create
            && serverId(OutboxEntity::Session, e.payload.value(u"session_id"_s).toString()).isEmpty()) {
            rowNotDone(row);
            continue;
        }
        if (e.entity == OutboxEntity::Session && e.op == OutboxOp::End && m_openCaptures.value(e.entityId) > 0) {
            rowNotDone(row); // its end after its captures
            continue;
        }
        process(row);
        return; // continues when the answer is recorded
    }
    finishPass();
}

void SyncEngine::process(const Row &row)
{
    const auto &e = row.entry;
    if (e.state == u"in_flight"_s) {
        // Sent before without a clear answer (no answer, a 5xx, the station stopped in between): look first.
        if (e.entity == OutboxEntity::Capture && e.op == OutboxOp::Create)
            return readBackCapture(row);
        if (e.entity == OutboxEntity::Session && e.op == OutboxOp::End)
            return readBackEnd(row);
        // A session create cannot be looked up (Closient documents no session list); metadata, decisions and
        // apply are safe to repeat; an EPCIS duplicate is refused by its hash (409, taken as done).
    }
    send(row, false);
}

void SyncEngine::send(const Row &row, bool afterReadBack)
{
    const auto &e = row.entry;
    const auto call = toRestCall(e, [this](OutboxEntity entity, const QString &id) { return serverId(entity, id); });
    if (!call.ok()) {
        const auto &err = call.error();
        if (err.code == u"waiting"_s) {
            rowNotDone(row);
            return walk();
        }
        if (err.code == u"no_endpoint"_s && e.entity == OutboxEntity::Capture && e.op == OutboxOp::Void) {
            // Closient has no request for a void: the void is kept here (capture_voids) and the row is closed so
            // it neither blocks nor repeats. Its note says why.
            markDone(row, {}, err.message, nullptr);
            return walk();
        }
        park(row, err.message);
        return walk();
    }
    RestCall c = call.value();
    if (e.op == OutboxOp::Create && (e.entity == OutboxEntity::Session || e.entity == OutboxEntity::Capture)) {
        QJsonObject metadata = c.body.value(u"metadata"_s).toObject();
        metadata.insert(u"station_id"_s, e.entityId);
        c.body.insert(u"metadata"_s, metadata);
    }
    bool ok = false;
    const auto marked = m_db->run([seq = e.seq](QSqlDatabase &db) -> Result<Done> {
                                bool good = false;
                                auto q = store::exec(db,
                                    u"UPDATE outbox SET state = 'in_flight', attempts = attempts + 1 WHERE seq = ?"_s,
                                    { seq }, &good);
                                if (!good)
                                    return store::sqlError(q.lastError());
                                return Done {};
                            })
                            .result();
    ok = marked.ok();
    if (!ok)
        return stopWith(u"store"_s, marked.error().message);
    Row sent = row;
    sent.entry.state = u"in_flight"_s;
    sent.entry.attempts += 1;
    if (afterReadBack)
        m_report.resent += 1;

    ApiRequest request;
    request.method = c.method;
    request.path = c.path;
    if (!c.body.isEmpty())
        request.body = QJsonDocument(c.body).toJson(QJsonDocument::Compact);
    request.headers.append({ "Idempotency-Key", e.idempotencyKey.toUtf8() });
    m_client->send(std::move(request)).then(this, [this, sent](const ApiReply &reply) { onReply(sent, reply, false); });
}

bool SyncEngine::readBackFailed(const Row &row, const ApiReply &reply)
{
    if (reply.ok())
        return false;
    if (reply.disposition() == ApiReply::Disposition::Permanent) {
        park(row, reply.message());
        walk();
    } else if (reply.disposition() == ApiReply::Disposition::AuthFailure) {
        stopWith(u"unauthorized"_s, reply.message());
    } else {
        retryLater(row, reply, true); // still in flight: read back again next time
        walk();
    }
    return true;
}

void SyncEngine::readBackCapture(const Row &row)
{
    const QString sessionId = serverId(OutboxEntity::Session, row.entry.payload.value(u"session_id"_s).toString());
    m_client->send(ApiRequest::get(u"/scanner/api/v1/sessions/"_s + sessionId))
        .then(this, [this, row](const ApiReply &reply) {
            if (readBackFailed(row, reply))
                return;
            m_notSentInARow = 0;
            const auto captures = reply.json().value(u"captures"_s).toArray();
            for (const auto &v : captures) {
                const auto c = v.toObject();
                if (c.value(u"metadata"_s).toObject().value(u"station_id"_s).toString() != row.entry.entityId)
                    continue;
                const QString id = idFrom(c);
                m_report.foundByReadBack += 1;
                if (id.isEmpty())
                    park(row,
                        u"Closient has this capture but names no id for it (looked for %1)."_s.arg(
                            m_options.idFields.join(u", "_s)));
                else
                    markDone(row, id, u"found on the server by reading back"_s, &reply);
                return walk();
            }
            send(row, true); // the server does not have it: send it (again)
        });
}

void SyncEngine::readBackEnd(const Row &row)
{
    const QString sessionId = serverId(OutboxEntity::Session, row.entry.entityId);
    m_client->send(ApiRequest::get(u"/scanner/api/v1/sessions/"_s + sessionId))
        .then(this, [this, row](const ApiReply &reply) {
            if (readBackFailed(row, reply))
                return;
            m_notSentInARow = 0;
            const QString status = reply.json().value(u"status"_s).toString();
            if (!status.isEmpty() && status != u"ACTIVE"_s) {
                m_report.foundByReadBack += 1;
                markDone(row, {}, u"the session is %1 on the server"_s.arg(status), &reply);
                return walk();
            }
            send(row, true);
        });
}

void SyncEngine::onReply(const Row &row, const ApiReply &reply, bool)
{
    const auto &e = row.entry;
    if (reply.delivery == ApiReply::Delivery::NotSent)
        m_notSentInARow += 1;
    else
        m_notSentInARow = 0;
    switch (reply.disposition()) {
    case ApiReply::Disposition::Success: {
        QString id;
        if (e.op == OutboxOp::Create && (e.entity == OutboxEntity::Session || e.entity == OutboxEntity::Capture)) {
            id = idFrom(reply.json());
            if (id.isEmpty()) {
                park(row,
                    u"Closient accepted this %1 but its answer names no id (looked for %2); it is not sent again."_s
                        .arg(store::outboxEntityName(e.entity), m_options.idFields.join(u", "_s)));
                break;
            }
        }
        markDone(row, id, {}, &reply);
        break;
    }
    case ApiReply::Disposition::Permanent: {
        const QJsonObject details = reply.problem.details.toObject();
        if (reply.status == 409 && e.entity == OutboxEntity::Session && e.op == OutboxOp::End
            && !details.value(u"session_status"_s).toString().isEmpty()
            && details.value(u"session_status"_s).toString() != u"ACTIVE"_s) {
            // Ending is not idempotent: a retried end after a lost answer meets its own earlier success.
            markDone(
                row, {}, u"the session was already %1"_s.arg(details.value(u"session_status"_s).toString()), &reply);
            break;
        }
        if (reply.status == 409 && e.entity == OutboxEntity::EpcisEvent) {
            markDone(row, {}, u"Closient already has this event: "_s + reply.message(), &reply);
            break;
        }
        park(row, reply.message());
        break;
    }
    case ApiReply::Disposition::AuthFailure: {
        // Refused before anything was done: the row is as if never sent.
        auto r = m_db->run([seq = e.seq](QSqlDatabase &db) {
                         bool ok = false;
                         auto q = store::exec(
                             db, u"UPDATE outbox SET state = 'pending' WHERE seq = ? AND attempts > 0"_s, { seq }, &ok);
                         Q_UNUSED(q);
                         return ok;
                     })
                     .result();
        Q_UNUSED(r);
        return stopWith(u"unauthorized"_s,
            u"Closient refused the API key: %1 Set another key (closient-station account set-key, or Settings)."_s.arg(
                reply.message()));
    }
    case ApiReply::Disposition::Retry:
        retryLater(row, reply, false);
        if (m_once && m_notSentInARow >= m_options.offlineAfter)
            return stopWith(u"offline"_s,
                u"Closient cannot be reached (%1); the records stay queued and go when it can."_s.arg(reply.message()));
        break;
    case ApiReply::Disposition::ReadBackFirst:
        retryLater(row, reply, true);
        break;
    }
    if (!m_running)
        return;
    QMetaObject::invokeMethod(this, &SyncEngine::walk, Qt::QueuedConnection);
}

void SyncEngine::markDone(const Row &row, const QString &serverIdValue, const QString &note, const ApiReply *reply)
{
    const auto &e = row.entry;
    const std::optional<RateLimitInfo> rate
        = reply && reply->rateLimit.known() ? std::optional(reply->rateLimit) : std::nullopt;
    auto r
        = m_db->run([e, serverIdValue, note, rate](QSqlDatabase &db) -> Result<Done> {
                  store::Transaction tx(db);
                  bool ok = false;
                  const QString now = store::nowIso();
                  auto q = store::exec(db,
                      u"UPDATE outbox SET state = 'done', done = ?, next_attempt = NULL, last_error = ? WHERE seq = ?"_s,
                      { now, note.isEmpty() ? QVariant() : QVariant(note), e.seq }, &ok);
                  if (ok && !serverIdValue.isEmpty()) {
                      const QString table = e.entity == OutboxEntity::Session ? u"sessions"_s : u"captures"_s;
                      q = store::exec(db, u"UPDATE %1 SET server_id = ? WHERE id = ?"_s.arg(table),
                          { serverIdValue, e.entityId }, &ok);
                  }
                  if (ok)
                      ok = putState(db, u"last_success"_s,
                          { { u"time"_s, now }, { u"entity"_s, store::outboxEntityName(e.entity) },
                              { u"op"_s, store::outboxOpName(e.op) }, { u"seq"_s, e.seq } });
                  if (ok && rate)
                      ok = putState(db, u"rate_limit"_s, rateLimitJson(*rate));
                  if (!ok)
                      return store::sqlError(q.lastError().isValid() ? q.lastError() : db.lastError());
                  if (!tx.commit())
                      return store::sqlError(tx.lastError());
                  return Done {};
              })
              .result();
    if (!r.ok())
        return stopWith(u"store"_s, r.error().message);
    if (!serverIdValue.isEmpty())
        m_serverIds.insert(key(e.entity, e.entityId), serverIdValue);
    m_report.sent += 1;
    m_progressInPass += 1;
    Q_EMIT progress(m_report.sent, int(m_rows.size() - m_index));
    Q_EMIT changed();
}

void SyncEngine::park(const Row &row, const QString &message)
{
    const auto &e = row.entry;
    qCInfo(lcSync) << "parked outbox row" << e.seq << kindOf(e) << ":" << message;
    auto r = m_db->run([e, message](QSqlDatabase &db) -> Result<Done> {
                     store::Transaction tx(db);
                     bool ok = false;
                     auto q = store::exec(db,
                         u"UPDATE outbox SET state = 'failed', next_attempt = NULL, last_error = ? WHERE seq = ?"_s,
                         { message, e.seq }, &ok);
                     if (ok)
                         ok = putState(db, u"last_error"_s,
                             { { u"time"_s, store::nowIso() }, { u"message"_s, message },
                                 { u"entity"_s, store::outboxEntityName(e.entity) },
                                 { u"op"_s, store::outboxOpName(e.op) }, { u"seq"_s, e.seq } });
                     if (!ok)
                         return store::sqlError(q.lastError());
                     if (!tx.commit())
                         return store::sqlError(tx.lastError());
                     return Done {};
                 })
                 .result();
    if (!r.ok())
        return stopWith(u"store"_s, r.error().message);
    m_blocked.insert(key(e.entity, e.entityId));
    m_progressInPass += 1; // a decision was made: what waited on it may now know
    Q_EMIT changed();
}

void SyncEngine::retryLater(const Row &row, const ApiReply &reply, bool keepInFlight)
{
    const auto &e = row.entry;
    const auto asked = reply.retryAfterSeconds();
    const qint64 delay = m_backoff.delayMs(
        std::max(1, e.attempts), asked ? std::optional<qint64>(qint64(*asked) * 1000) : std::nullopt);
    const qint64 due = nowMs() + delay;
    const QString message = reply.message();
    const std::optional<RateLimitInfo> rate = reply.rateLimit.known() ? std::optional(reply.rateLimit) : std::nullopt;
    // In flight stays in flight (the write may have happened: read back next time); a request that certainly was
    // not carried out goes back to pending.
    const QString state = keepInFlight ? u"in_flight"_s : u"pending"_s;
    auto r = m_db->run([e, due, message, state, rate](QSqlDatabase &db) -> Result<Done> {
                     store::Transaction tx(db);
                     bool ok = false;
                     auto q = store::exec(db,
                         u"UPDATE outbox SET state = ?, next_attempt = ?, last_error = ? WHERE seq = ?"_s,
                         { state, store::isoTime(QDateTime::fromMSecsSinceEpoch(due, Qt::UTC)), message, e.seq }, &ok);
                     if (ok)
                         ok = putState(db, u"last_error"_s,
                             { { u"time"_s, store::nowIso() }, { u"message"_s, message },
                                 { u"entity"_s, store::outboxEntityName(e.entity) },
                                 { u"op"_s, store::outboxOpName(e.op) }, { u"seq"_s, e.seq }, { u"retry"_s, true } });
                     if (ok && rate)
                         ok = putState(db, u"rate_limit"_s, rateLimitJson(*rate));
                     if (!ok)
                         return store::sqlError(q.lastError());
                     if (!tx.commit())
                         return store::sqlError(tx.lastError());
                     return Done {};
                 })
                 .result();
    if (!r.ok())
        return stopWith(u"store"_s, r.error().message);
    qCInfo(lcSync) << "outbox row" << e.seq << kindOf(e) << "again in" << delay << "ms:" << message;
    m_earliestDue = std::min(m_earliestDue.value_or(due), due);
    rowNotDone(row);
}

void SyncEngine::finishPass()
{
    m_busy = false;
    if (m_stopRequested)
        return stopWith(u"stopped"_s, u"Stopped."_s);
    if (m_progressInPass > 0) { // something changed: what waited on it may go now
        QMetaObject::invokeMethod(this, &SyncEngine::pass, Qt::QueuedConnection);
        return;
    }
    if (m_once) {
        if (m_earliestDue) {
            m_timer.start(int(std::clamp<qint64>(*m_earliestDue - nowMs(), 0, 24 * 3600 * 1000)));
            return;
        }
        if (!m_options.pull)
            return endRun();
        return pullRound([this] { endRun(); });
    }
    const auto again = [this] {
        qint64 wait = m_options.pollIntervalMs;
        if (m_earliestDue)
            wait = std::min(wait, std::max<qint64>(0, *m_earliestDue - nowMs()));
        m_timer.start(int(wait));
    };
    if (!m_options.pull)
        return again();
    pullRound(again);
}

void SyncEngine::pullRound(const std::function<void()> &then)
{
    auto *pull = new SyncPull(m_db, m_client, m_options, this);
    m_busy = true;
    connect(pull, &SyncPull::finished, this, [this, pull, then](int changedRows, const QString &error) {
        pull->deleteLater();
        m_busy = false;
        if (!error.isEmpty())
            qCInfo(lcSync) << "pull:" << error;
        if (changedRows > 0)
            Q_EMIT changed();
        if (m_stopRequested)
            return stopWith(u"stopped"_s, u"Stopped."_s);
        then();
    });
    pull->start();
}

void SyncEngine::stopWith(const QString &reason, const QString &message)
{
    m_report.stopReason = reason;
    m_report.message = message;
    m_timer.stop();
    endRun();
}

void SyncEngine::endRun()
{
    if (!m_running)
        return;
    m_running = false;
    m_busy = false;
    const auto status = SyncStatus::read(m_db);
    if (status.ok()) {
        m_report.parked = status.value().parked;
        m_report.remaining = 0;
        for (const auto &c : status.value().byKind)
            m_report.remaining += c.pending + c.inFlight;
    }
    if (m_report.stopReason.isEmpty() && m_report.remaining > 0) {
        m_report.stopReason = u"waiting"_s;
        m_report.message = u"%1 record(s) wait for a parked record."_s.arg(m_report.remaining);
    }
    Q_EMIT finished(m_report);
}

int SyncStatus::open() const
{
    int n = 0;
    for (const auto &c : byKind)
        n += c.pending + c.inFlight;
    return n;
}

QJsonObject SyncStatus::toJson() const
{
    QJsonObject kinds;
    int pending = 0, inFlight = 0, parkedCount = 0;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        kinds.insert(it.key(),
            QJsonObject {
                { u"pending"_s, it->pending }, { u"in_flight"_s, it->inFlight }, { u"parked"_s, it->parked } });
        pending += it->pending;
        inFlight += it->inFlight;
        parkedCount += it->parked;
    }
    QJsonArray parkedRows;
    for (const auto &p : parked)
        parkedRows.append(p.toJson());
    return { { u"pending"_s, pending }, { u"in_flight"_s, inFlight }, { u"parked"_s, parkedCount },
        { u"by_kind"_s, kinds }, { u"parked_rows"_s, parkedRows }, { u"last_success"_s, lastSuccess },
        { u"last_error"_s, lastError }, { u"rate_limit"_s, rateLimit } };
}

QFuture<Result<SyncStatus>> SyncStatus::load(store::Database *db)
{
    return db->run([](QSqlDatabase &db) -> Result<SyncStatus> {
        SyncStatus s;
        bool ok = false;
        auto q = store::exec(db,
            u"SELECT entity, op, state, count(*) FROM outbox WHERE state != 'done' GROUP BY entity, op, state"_s, {},
            &ok);
        if (!ok)
            return store::sqlError(q.lastError());
        while (q.next()) {
            auto &c = s.byKind[q.value(0).toString() + u' ' + q.value(1).toString()];
            const QString state = q.value(2).toString();
            const int n = q.value(3).toInt();
            if (state == u"failed"_s)
                c.parked += n;
            else if (state == u"in_flight"_s)
                c.inFlight += n;
            else
                c.pending += n;
        }
        q = store::exec(db,
            u"SELECT seq, entity, entity_id, op, coalesce(last_error, '') FROM outbox WHERE state = 'failed' ORDER BY seq"_s,
            {}, &ok);
        if (!ok)
            return store::sqlError(q.lastError());
        while (q.next())
            s.parked.push_back(ParkedRow { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString(), q.value(4).toString() });
        q = store::exec(db, u"SELECT key, value FROM sync_state"_s, {}, &ok);
        if (!ok)
            return store::sqlError(q.lastError());
        while (q.next()) {
            const auto v = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
            const QString k = q.value(0).toString();
            if (k == u"last_success"_s)
                s.lastSuccess = v;
            else if (k == u"last_error"_s)
                s.lastError = v;
            else if (k == u"rate_limit"_s)
                s.rateLimit = v;
        }
        return s;
    });
}

Result<int> retryParked(store::Database *db, qint64 seq)
{
    return db
        ->run([seq](QSqlDatabase &db) -> Result<int> {
            bool ok = false;
            auto q = seq > 0
                ? store::exec(db,
                    u"UPDATE outbox SET state = 'pending', next_attempt = NULL WHERE state = 'failed' AND seq = ?"_s,
                    { seq }, &ok)
                : store::exec(
                    db, u"UPDATE outbox SET state = 'pending', next_attempt = NULL WHERE state = 'failed'"_s, {}, &ok);
            if (!ok)
                return store::sqlError(q.lastError());
            return q.numRowsAffected();
        })
        .result();
}

Result<Done> discardParked(store::Database *db, qint64 seq)
{
    return db
        ->run([seq](QSqlDatabase &db) -> Result<Done> {
            bool ok = false;
            // Kept as done with the reason, so what was given up stays visible in `outbox list`.
            auto q = store::exec(db,
                u"UPDATE outbox SET state = 'done', done = ?, last_error = 'discarded at this station: ' || "
                u"coalesce(last_error, '') WHERE state = 'failed' AND seq = ?"_s,
                { store::nowIso(), seq }, &ok);
            if (!ok)
                return store::sqlError(q.lastError());
            if (q.numRowsAffected() != 1)
                return Error { u"not_found"_s, u"No parked record %1."_s.arg(seq) };
            return Done {};
        })
        .result();
}

} // namespace closient::sync
