// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include "sqlhelpers.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::store {

QJsonObject OutboxEntry::toJson() const
{
    return { { u"seq"_s, seq }, { u"entity_type"_s, entityType }, { u"entity_id"_s, entityId },
        { u"operation"_s, operation }, { u"method"_s, method }, { u"path"_s, path }, { u"payload"_s, payload },
        { u"idempotency_key"_s, idempotencyKey }, { u"state"_s, state }, { u"attempts"_s, attempts },
        { u"created"_s, isoTime(created) } };
}

OutboxEntry OutboxEntry::make(const QString &entityType, const QString &entityId, const QString &operation,
    const QString &method, const QString &path, const QJsonObject &payload)
{
    OutboxEntry e;
    e.entityType = entityType;
    e.entityId = entityId;
    e.operation = operation;
    e.method = method;
    e.path = path;
    e.payload = payload;
    return e;
}

Result<Done> enqueueOutbox(QSqlDatabase &db, const OutboxEntry &e)
{
    bool ok = false;
    auto q = exec(db,
        u"INSERT INTO outbox (entity_type, entity_id, operation, method, path, payload, idempotency_key, created) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { e.entityType, e.entityId, e.operation, e.method, e.path,
            QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact)),
            e.idempotencyKey.isEmpty() ? newId() : e.idempotencyKey, nowIso() },
        &ok);
    if (!ok)
        return sqlError(q.lastError());
    return Done {};
}

OutboxRepository::OutboxRepository(Database *db)
    : m_db(db)
{ }

QFuture<std::vector<OutboxEntry>> OutboxRepository::pending(int limit)
{
    return m_db->run([limit](QSqlDatabase &db) {
        std::vector<OutboxEntry> out;
        auto q = exec(db,
            u"SELECT seq, entity_type, entity_id, operation, method, path, payload, idempotency_key, state, attempts, "
            u"created FROM outbox WHERE state IN ('pending', 'in_flight', 'failed') ORDER BY seq LIMIT ?"_s,
            { limit });
        while (q.next()) {
            OutboxEntry e;
            e.seq = q.value(0).toLongLong();
            e.entityType = q.value(1).toString();
            e.entityId = q.value(2).toString();
            e.operation = q.value(3).toString();
            e.method = q.value(4).toString();
            e.path = q.value(5).toString();
            e.payload = QJsonDocument::fromJson(q.value(6).toByteArray()).object();
            e.idempotencyKey = q.value(7).toString();
            e.state = q.value(8).toString();
            e.attempts = q.value(9).toInt();
            e.created = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
            out.push_back(std::move(e));
        }
        return out;
    });
}

QFuture<int> OutboxRepository::pendingCount()
{
    return m_db->run([](QSqlDatabase &db) {
        auto q = exec(db, u"SELECT count(*) FROM outbox WHERE state != 'done'"_s);
        return q.next() ? q.value(0).toInt() : 0;
    });
}

} // namespace closient::store
