// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrepository.h"

#include "metadata.h"
#include "outbox.h"
#include "settingsrepository.h"
#include "sqlhelpers.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {

const QString kSelect = u"SELECT s.id, s.server_id, s.status, s.capture_mode, s.metadata, s.created, s.modified, "
                        u"s.last_activity, s.ended, "
                        u"(SELECT count(*) FROM captures c WHERE c.session_id = s.id), "
                        u"(SELECT count(*) FROM photos p WHERE p.session_id = s.id), "
                        u"(SELECT count(*) FROM scan_rejections r WHERE r.session_id = s.id), "
                        u"(SELECT count(*) FROM captures c JOIN capture_voids v ON v.capture_id = c.id "
                        u"WHERE c.session_id = s.id) "
                        u"FROM sessions s "_s;

QDateTime parseTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

Session fromRow(const QSqlQuery &q)
{
    Session s;
    s.id = q.value(0).toString();
    s.serverId = q.value(1).toString();
    s.status = q.value(2).toString();
    s.captureMode = q.value(3).toString();
    s.metadata = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
    s.created = parseTime(q.value(5));
    s.modified = parseTime(q.value(6));
    s.lastActivity = parseTime(q.value(7));
    s.ended = parseTime(q.value(8));
    s.voidedCount = q.value(12).toInt();
    s.captureCount = q.value(9).toInt() - s.voidedCount;
    s.photoCount = q.value(10).toInt();
    s.rejectedCount = q.value(11).toInt();
    return s;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

StoreError notFound(const QString &id)
{
    return { u"not_found"_s, u"There is no session %1."_s.arg(id) };
}

} // namespace

SessionRepository::SessionRepository(Database *db)
    : m_db(db)
{ }

Result<Session> SessionRepository::load(QSqlDatabase &db, const QString &id)
{
    bool ok = false;
    auto q = exec(db, kSelect + u"WHERE s.id = ?"_s, { id }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    if (!q.next())
        return notFound(id);
    return fromRow(q);
}

int SessionRepository::expireIdle(QSqlDatabase &db, const QString &onlyId)
{
    const int ttlMinutes = SettingsRepository::read(db, u"session_ttl_minutes"_s).toInt();
    if (ttlMinutes <= 0)
        return 0;
    const QString cutoff = isoTime(QDateTime::currentDateTimeUtc().addSecs(-60LL * ttlMinutes));
    const QString sql = u"UPDATE sessions SET status = 'EXPIRED', modified = ? "
                        u"WHERE status = 'ACTIVE' AND last_activity < ? AND (? = '' OR id = ?)"_s;
    auto q = exec(db, sql, { nowIso(), cutoff, onlyId, onlyId });
    return q.numRowsAffected();
}

QFuture<Result<Session>> SessionRepository::create(
    const QString &captureMode, const QJsonObject &metadata, const QString &userAgent)
{
    return m_db->run([store = m_db, captureMode, metadata, userAgent](QSqlDatabase &db) -> Result<Session> {
        if (!captureModes().contains(captureMode))
            return StoreError { u"invalid"_s,
                u"\"%1\" is not a capture mode; use barcode_scan, product_photography or both."_s.arg(captureMode) };
        auto checked = mergeMetadata({}, metadata);
        if (!checked.ok())
            return checked.error();
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        const QString id = newId();
        const QString now = nowIso();
        bool ok = false;
        auto q = exec(db,
            u"INSERT INTO sessions (id, status, capture_mode, metadata, user_agent, created, modified, last_activity) "
            u"VALUES (?, 'ACTIVE', ?, ?, ?, ?, ?, ?)"_s,
            { id, captureMode, json(checked.value()), userAgent, now, now, now }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        const auto e = OutboxEntry::make(OutboxEntity::Session, id, OutboxOp::Create,
            { { u"capture_mode"_s, captureMode }, { u"metadata"_s, checked.value() }, { u"user_agent"_s, userAgent },
                { u"device_context"_s, QJsonObject {} } });
        if (auto queued = enqueueOutbox(db, e); !queued.ok())
            return queued.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifySessionChanged(id);
        return load(db, id);
    });
}

QFuture<Result<Session>> SessionRepository::get(const QString &id)
{
    return m_db->run([id](QSqlDatabase &db) { return load(db, id); });
}

QFuture<std::vector<Session>> SessionRepository::list(const QString &status, int limit)
{
    return m_db->run([status, limit](QSqlDatabase &db) {
        std::vector<Session> out;
        auto q = status.isEmpty()
            ? exec(db, kSelect + u"ORDER BY s.last_activity DESC LIMIT ?"_s, { limit })
            : exec(db, kSelect + u"WHERE s.status = ? ORDER BY s.last_activity DESC LIMIT ?"_s, { status, limit });
        while (q.next())
            out.push_back(fromRow(q));
        return out;
    });
}

QFuture<Result<Session>> SessionRepository::end(const QString &id)
{
    return m_db->run([store = m_db, id](QSqlDatabase &db) -> Result<Session> {
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        const bool expired = expireIdle(db, id) > 0;
        auto current = load(db, id);
        if (!current.ok())
            return current.error();
        if (!current.value().isActive()) {
            if (expired)
                (void)tx.commit();
            return StoreError { u"not_active"_s,
                u"This session is already %1; only an active session can be ended."_s.arg(
                    current.value().status.toLower()) };
        }
        const QString now = nowIso();
        bool ok = false;
        auto q = exec(db, u"UPDATE sessions SET status = 'COMPLETED', ended = ?, modified = ? WHERE id = ?"_s,
            { now, now, id }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        const auto e = OutboxEntry::make(OutboxEntity::Session, id, OutboxOp::End);
        if (auto queued = enqueueOutbox(db, e); !queued.ok())
            return queued.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifySessionChanged(id);
        return load(db, id);
    });
}

QFuture<Result<Session>> SessionRepository::updateMetadata(const QString &id, const QJsonValue &change)
{
    return m_db->run([store = m_db, id, change](QSqlDatabase &db) -> Result<Session> {
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        auto current = load(db, id);
        if (!current.ok())
            return current.error();
        auto merged = mergeMetadata(current.value().metadata, change);
        if (!merged.ok())
            return merged.error();
        bool ok = false;
        auto q = exec(db, u"UPDATE sessions SET metadata = ?, modified = ? WHERE id = ?"_s,
            { json(merged.value()), nowIso(), id }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        const auto e = OutboxEntry::make(OutboxEntity::Session, id, OutboxOp::UpdateMetadata,
            { { u"metadata"_s, change.isObject() ? change : QJsonValue(QJsonObject {}) } });
        if (auto queued = enqueueOutbox(db, e); !queued.ok())
            return queued.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifySessionChanged(id);
        return load(db, id);
    });
}

QFuture<Result<SessionSummary>> SessionRepository::summary(const QString &id)
{
    return m_db->run([id](QSqlDatabase &db) -> Result<SessionSummary> {
        auto session = load(db, id);
        if (!session.ok())
            return session.error();
        // Voided captures are counted apart; everything else is about the captures that count.
        bool ok = false;
        auto q = exec(db,
            u"SELECT "
            u"count(*) FILTER (WHERE v.capture_id IS NULL), "
            u"count(*) FILTER (WHERE v.capture_id IS NOT NULL), "
            u"count(*) FILTER (WHERE v.capture_id IS NULL AND c.capture_type = 'BARCODE'), "
            u"count(*) FILTER (WHERE v.capture_id IS NULL AND c.capture_type = 'IMAGE'), "
            u"count(*) FILTER (WHERE v.capture_id IS NULL AND c.capture_type = 'MANUAL'), "
            u"count(DISTINCT c.gtin) FILTER (WHERE v.capture_id IS NULL AND c.gtin != ''), "
            u"min(c.created) FILTER (WHERE v.capture_id IS NULL), "
            u"max(c.created) FILTER (WHERE v.capture_id IS NULL), "
            u"count(*) FILTER (WHERE v.capture_id IS NULL "
            u"AND EXISTS (SELECT 1 FROM capture_edits e WHERE e.capture_id = c.id)) "
            u"FROM captures c LEFT JOIN capture_voids v ON v.capture_id = c.id WHERE c.session_id = ?"_s,
            { id }, &ok);
        if (!ok || !q.next())
            return sqlError(q.lastError());
        SessionSummary s;
        s.sessionId = id;
        s.status = session.value().status;
        s.captures = q.value(0).toInt();
        s.voided = q.value(1).toInt();
        s.barcode = q.value(2).toInt();
        s.image = q.value(3).toInt();
        s.manual = q.value(4).toInt();
        s.distinctGtins = q.value(5).toInt();
        s.first = parseTime(q.value(6));
        s.last = parseTime(q.value(7));
        s.edited = q.value(8).toInt();
        s.rejected = session.value().rejectedCount;
        s.photos = session.value().photoCount;
        return s;
    });
}

QFuture<int> SessionRepository::expireIdle()
{
    return m_db->run([store = m_db](QSqlDatabase &db) {
        const int n = expireIdle(db);
        if (n > 0)
            store->notifySessionsExpired();
        return n;
    });
}

} // namespace closient::store
