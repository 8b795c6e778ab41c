// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturerepository.h"

#include "captureservice.h"
#include "outbox.h"
#include "sessionrepository.h"
#include "sqlhelpers.h"
#include "stationidentity.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {

const QString kSelect
    = u"SELECT c.id, c.server_id, c.session_id, c.capture_type, c.raw_value, c.symbology_id, c.format, c.source, "
      u"c.gtin, c.lot, c.serial, c.expiry, c.gs1, c.quad, c.status, c.error_message, c.metadata, c.created, "
      u"c.gs1_dl_data, v.created, v.reason, v.voided_by, "
      u"(SELECT e.previous_raw_value FROM capture_edits e WHERE e.capture_id = c.id ORDER BY e.id LIMIT 1), "
      u"(SELECT e.created FROM capture_edits e WHERE e.capture_id = c.id ORDER BY e.id DESC LIMIT 1) "
      u"FROM captures c LEFT JOIN capture_voids v ON v.capture_id = c.id "_s;

QDateTime parseTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

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
    c.created = parseTime(q.value(17));
    c.gs1DlData = QJsonDocument::fromJson(q.value(18).toByteArray()).object();
    c.voided = parseTime(q.value(19));
    c.voidReason = q.value(20).toString();
    c.voidedBy = q.value(21).toString();
    c.originalRawValue = q.value(22).toString();
    c.edited = parseTime(q.value(23));
    return c;
}

Result<Capture> loadCapture(QSqlDatabase &db, const QString &id)
{
    bool ok = false;
    auto q = exec(db, kSelect + u"WHERE c.id = ?"_s, { id }, &ok);
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
        // The session by its local id: the sync layer puts the server's id in when it sends.
        auto e = OutboxEntry::make(OutboxEntity::Capture, id, OutboxOp::Create);
        e.payload = { { u"session_id"_s, c.sessionId }, { u"capture_type"_s, c.captureType },
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
            store->notifyCaptureAdded(r.value());
        if (changed)
            store->notifySessionChanged(c.sessionId);
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
        store->notifyCaptureRefused(r.sessionId);
        store->notifySessionChanged(r.sessionId); // its refused count
        return Done {};
    });
}

QFuture<std::vector<Capture>> CaptureRepository::forSession(const QString &sessionId, int limit)
{
    return m_db->run([sessionId, limit](QSqlDatabase &db) {
        std::vector<Capture> out;
        auto q = exec(db, kSelect + u"WHERE c.session_id = ? ORDER BY c.created DESC, c.rowid DESC LIMIT ?"_s,
            { sessionId, limit });
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

QFuture<Result<Capture>> CaptureRepository::voidCapture(const QString &id, const QString &reason, const QString &user)
{
    return m_db->run([store = m_db, id, reason, user](QSqlDatabase &db) -> Result<Capture> {
        const auto why = normalizeVoidReason(reason);
        if (!why.ok())
            return why.error();
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        const auto current = loadCapture(db, id);
        if (!current.ok())
            return current.error();
        if (current.value().isVoided())
            return StoreError { u"already_voided"_s,
                u"This capture was already voided on %1 (%2); a void is final."_s.arg(
                    current.value().voided.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s), current.value().voidReason) };
        // Voiding is a correction, so it is allowed in an ended or expired session too.
        const QString now = nowIso();
        const QString station = StationIdentity::current().workstation;
        bool ok = false;
        auto q = exec(db,
            u"INSERT INTO capture_voids (capture_id, reason, voided_by, workstation, created) VALUES (?, ?, ?, ?, ?)"_s,
            { id, why.value(), user, station, now }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        // Closient documents no way to void a capture: the row says what happened and the sync layer decides (hold
        // it, or drop both rows when the capture itself was never sent).
        const auto e = OutboxEntry::make(OutboxEntity::Capture, id, OutboxOp::Void,
            { { u"reason"_s, why.value() }, { u"voided_at"_s, now }, { u"voided_by"_s, user },
                { u"station_id"_s, station } });
        if (auto queued = enqueueOutbox(db, e); !queued.ok())
            return queued.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        auto voided = loadCapture(db, id);
        if (voided.ok()) {
            store->notifyCaptureChanged(voided.value());
            store->notifySessionChanged(voided.value().sessionId); // the counts changed
        }
        return voided;
    });
}

QFuture<Result<Capture>> CaptureRepository::editManual(
    const QString &id, const QString &newRawValue, const QString &user)
{
    return m_db->run([store = m_db, id, newRawValue, user](QSqlDatabase &db) -> Result<Capture> {
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        const auto found = loadCapture(db, id);
        if (!found.ok())
            return found.error();
        const Capture &current = found.value();
        if (current.captureType != u"MANUAL")
            return StoreError { u"not_editable"_s,
                u"Only a typed capture can be corrected; this one was read as %1. Void it and capture it again."_s.arg(
                    current.captureType.toLower()) };
        if (current.isVoided())
            return StoreError { u"not_editable"_s, u"This capture is voided; capture the code again instead."_s };
        // Only while its create row waits in the outbox and was never tried: after that Closient has it.
        bool ok = false;
        auto pending = exec(db,
            u"SELECT seq, payload FROM outbox WHERE entity = 'capture' AND entity_id = ? AND op = 'create' "
            u"AND state = 'pending' AND attempts = 0"_s,
            { id }, &ok);
        if (!ok)
            return sqlError(pending.lastError());
        const auto alreadySent = StoreError { u"already_sent"_s,
            u"This capture was already sent to Closient: void it and capture it again."_s };
        if (!pending.next())
            return alreadySent;
        const qint64 seq = pending.value(0).toLongLong();
        QJsonObject payload = QJsonDocument::fromJson(pending.value(1).toByteArray()).object();

        // The new value passes the same checks as a new capture; a refused value leaves the old one.
        CaptureRequest request;
        request.sessionId = current.sessionId;
        request.captureType = current.captureType;
        request.rawValue = newRawValue;
        request.source = current.source;
        request.metadata = current.metadata;
        const auto checked = CaptureService::check(request);
        if (!checked.reasonCode.isEmpty())
            return StoreError { checked.reasonCode, checked.reason };
        const Capture c = CaptureService::toCapture(request, checked.parsed);
        if (c.rawValue == current.rawValue && c.symbologyId == current.symbologyId)
            return current; // nothing to change

        const QString now = nowIso();
        auto q = exec(db,
            u"UPDATE captures SET raw_value = ?, symbology_id = ?, gtin = ?, lot = ?, serial = ?, expiry = ?, gs1 = ?, "
            u"gs1_dl_data = ? WHERE id = ?"_s,
            { c.rawValue, c.symbologyId, c.gtin, c.lot, c.serial, c.expiry, jsonOrNull(c.gs1), jsonOrNull(c.gs1DlData),
                id },
            &ok);
        if (!ok)
            return sqlError(q.lastError());
        q = exec(db,
            u"INSERT INTO capture_edits (capture_id, previous_raw_value, new_raw_value, edited_by, created) "
            u"VALUES (?, ?, ?, ?, ?)"_s,
            { id, current.rawValue, c.rawValue, user, now }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        payload.insert(u"raw_value"_s, c.rawValue);
        payload.insert(u"gtin"_s, c.gtin);
        if (c.gs1DlData.isEmpty())
            payload.remove(u"gs1_dl_data"_s);
        else
            payload.insert(u"gs1_dl_data"_s, c.gs1DlData);
        q = exec(db, u"UPDATE outbox SET payload = ? WHERE seq = ? AND state = 'pending' AND attempts = 0"_s,
            { json(payload), seq }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        if (q.numRowsAffected() != 1)
            return alreadySent;
        if (!tx.commit())
            return sqlError(tx.lastError());
        auto edited = loadCapture(db, id);
        if (edited.ok())
            store->notifyCaptureChanged(edited.value());
        return edited;
    });
}

} // namespace closient::store
