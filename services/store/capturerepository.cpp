// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturerepository.h"

#include "outbox.h"
#include "sessionrepository.h"
#include "sqlhelpers.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {

const QString kSelect
    = u"SELECT id, server_id, session_id, capture_type, raw_value, symbology_id, format, source, gtin, "
      u"lot, serial, expiry, gs1, quad, status, error_message, metadata, created, gs1_dl_data FROM captures "_s;

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QVariant jsonOrNull(const QJsonObject &o)
{
    return o.isEmpty() ? QVariant() : QVariant(json(o));
}

Capture fromRow(const QSqlQuery &q)
{
    Capture c;
    c.id = q.value(0).toString();
    c.serverId = q.value(1).toString();
    c.sessionId = q.value(2).toString();
    c.captureType = q.value(3).toString();
    c.rawValue = q.value(4).toString();
    c.symbologyId = q.value(5).toString();
    c.format = q.value(6).toString();
    c.source = q.value(7).toString();
    c.gtin = q.value(8).toString();
    c.lot = q.value(9).toString();
    c.serial = q.value(10).toString();
    c.expiry = q.value(11).toString();
    c.gs1 = QJsonDocument::fromJson(q.value(12).toByteArray()).object();
    c.quad = QJsonDocument::fromJson(q.value(13).toByteArray()).array();
    c.status = q.value(14).toString();
    c.errorMessage = q.value(15).toString();
    c.metadata = QJsonDocument::fromJson(q.value(16).toByteArray()).object();
    c.created = QDateTime::fromString(q.value(17).toString(), Qt::ISODateWithMs);
    c.gs1DlData = QJsonDocument::fromJson(q.value(18).toByteArray()).object();
    return c;
}

Result<Capture> loadCapture(QSqlDatabase &db, const QString &id)
{
    bool ok = false;
    auto q = exec(db, kSelect + u"WHERE id = ?"_s, { id }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    if (!q.next())
        return StoreError { u"not_found"_s, u"There is no capture %1."_s.arg(id) };
    return fromRow(q);
}

} // namespace

CaptureRepository::CaptureRepository(Database *db)
    : m_db(db)
{ }

Result<Capture> CaptureRepository::insert(QSqlDatabase &db, const Capture &c, bool *sessionChanged)
{
    {
        if (!captureTypes().contains(c.captureType))
            return StoreError { u"invalid"_s, u"\"%1\" is not a capture type."_s.arg(c.captureType) };
        if (c.rawValue.isEmpty() || c.rawValue.size() > kMaxRawValueLength)
            return StoreError {
                u"invalid"_s,
                u"A capture holds 1 to %1 characters; this one has %2."_s.arg(kMaxRawValueLength).arg(c.rawValue.size())
            };
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        const bool expired = SessionRepository::expireIdle(db, c.sessionId) > 0;
        auto session = SessionRepository::load(db, c.sessionId);
        if (!session.ok())
            return session.error();
        if (!session.value().isActive()) {
            if (expired && tx.commit() && sessionChanged)
                *sessionChanged = true;
            return StoreError { u"session_closed"_s,
                u"This session is %1; start or pick an active session to keep scanning."_s.arg(
                    session.value().status.toLower()) };
        }
        const QString id = newId();
        const QString now = nowIso();
        bool ok = false;
        auto q = exec(db,
            u"INSERT INTO captures (id, session_id, capture_type, raw_value, symbology_id, format, source, gtin, lot, "
            u"serial, expiry, gs1, gs1_dl_data, quad, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { id, c.sessionId, c.captureType, c.rawValue, c.symbologyId, c.format, c.source, c.gtin, c.lot, c.serial,
                c.expiry, jsonOrNull(c.gs1), jsonOrNull(c.gs1DlData),
                c.quad.isEmpty() ? QVariant()
                                 : QVariant(QString::fromUtf8(QJsonDocument(c.quad).toJson(QJsonDocument::Compact))),
                json(c.metadata), now },
            &ok);
        if (!ok)
            return sqlError(q.lastError());
        auto touched = exec(
            db, u"UPDATE sessions SET last_activity = ?, modified = ? WHERE id = ?"_s, { now, now, c.sessionId }, &ok);
        if (!ok)
            return sqlError(touched.lastError());
        OutboxEntry e;
        e.entityType = u"capture"_s;
        e.entityId = id;
        e.operation = u"create"_s;
        e.method = u"POST"_s;
        e.path = u"/scanner/api/v1/captures"_s;
        e.payload = { { u"session_short_id"_s, u"{session}"_s }, { u"capture_type"_s, c.captureType },
            { u"raw_value"_s, c.rawValue }, { u"gtin"_s, c.gtin }, { u"metadata"_s, c.metadata } };
        if (!c.gs1DlData.isEmpty())
            e.payload.insert(u"gs1_dl_data"_s, c.gs1DlData);
        if (auto queued = enqueueOutbox(db, e); !queued.ok())
            return queued.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        if (sessionChanged)
            *sessionChanged = true;
        return loadCapture(db, id);
    }
}

QFuture<Result<Capture>> CaptureRepository::add(const Capture &c)
{
    return m_db->run([store = m_db, c](QSqlDatabase &db) {
        bool changed = false;
        auto r = insert(db, c, &changed);
        if (r.ok())
            store->notifyChanged(u"captures"_s);
        if (changed)
            store->notifyChanged(u"sessions"_s);
        return r;
    });
}

Result<Done> CaptureRepository::insertRejection(QSqlDatabase &db, const Rejection &r)
{
    bool ok = false;
    auto q = exec(db,
        u"INSERT INTO scan_rejections (session_id, raw_value, source, reason_code, reason, created) VALUES (?, ?, ?, ?, ?, ?)"_s,
        { r.sessionId, r.rawValue.left(2000), r.source, r.reasonCode, r.reason, nowIso() }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    return Done {};
}

QFuture<Result<Done>> CaptureRepository::addRejection(const Rejection &r)
{
    return m_db->run([store = m_db, r](QSqlDatabase &db) -> Result<Done> {
        if (auto stored = insertRejection(db, r); !stored.ok())
            return stored.error();
        store->notifyChanged(u"scan_rejections"_s);
        return Done {};
    });
}

QFuture<std::vector<Capture>> CaptureRepository::forSession(const QString &sessionId, int limit)
{
    return m_db->run([sessionId, limit](QSqlDatabase &db) {
        std::vector<Capture> out;
        auto q = exec(
            db, kSelect + u"WHERE session_id = ? ORDER BY created DESC, rowid DESC LIMIT ?"_s, { sessionId, limit });
        while (q.next())
            out.push_back(fromRow(q));
        return out;
    });
}

QFuture<std::vector<Rejection>> CaptureRepository::rejectionsForSession(const QString &sessionId, int limit)
{
    return m_db->run([sessionId, limit](QSqlDatabase &db) {
        std::vector<Rejection> out;
        auto q = exec(db,
            u"SELECT id, session_id, raw_value, source, reason_code, reason, created FROM scan_rejections "
            u"WHERE session_id = ? ORDER BY id DESC LIMIT ?"_s,
            { sessionId, limit });
        while (q.next()) {
            Rejection r;
            r.id = q.value(0).toLongLong();
            r.sessionId = q.value(1).toString();
            r.rawValue = q.value(2).toString();
            r.source = q.value(3).toString();
            r.reasonCode = q.value(4).toString();
            r.reason = q.value(5).toString();
            r.created = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
            out.push_back(std::move(r));
        }
        return out;
    });
}

QFuture<Result<Capture>> CaptureRepository::get(const QString &id)
{
    return m_db->run([id](QSqlDatabase &db) { return loadCapture(db, id); });
}

} // namespace closient::store
