// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include "sqlhelpers.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {
constexpr std::pair<OutboxEntity, QStringView> kEntities[] = {
    { OutboxEntity::Session, u"session" },
    { OutboxEntity::Capture, u"capture" },
    { OutboxEntity::Proposal, u"proposal" },
    { OutboxEntity::EpcisEvent, u"epcis_event" },
};
constexpr std::pair<OutboxOp, QStringView> kOps[] = {
    { OutboxOp::Create, u"create" },
    { OutboxOp::End, u"end" },
    { OutboxOp::UpdateMetadata, u"update_metadata" },
    { OutboxOp::Void, u"void" },
    { OutboxOp::Decide, u"decide" },
    { OutboxOp::Apply, u"apply" },
};

template<typename E, std::size_t N>
QString nameOf(const std::pair<E, QStringView> (&table)[N], E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return name.toString();
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::pair<E, QStringView> (&table)[N], QStringView name)
{
    for (const auto &[v, n] : table) {
        if (n == name)
            return v;
    }
    return std::nullopt;
}
} // namespace

QString outboxEntityName(OutboxEntity entity)
{
    return nameOf(kEntities, entity);
}

std::optional<OutboxEntity> outboxEntityFromName(QStringView name)
{
    return valueOf(kEntities, name);
}

QString outboxOpName(OutboxOp op)
{
    return nameOf(kOps, op);
}

std::optional<OutboxOp> outboxOpFromName(QStringView name)
{
    return valueOf(kOps, name);
}

QJsonObject OutboxEntry::toJson() const
{
    return { { u"seq"_s, seq }, { u"entity"_s, outboxEntityName(entity) }, { u"entity_id"_s, entityId },
        { u"op"_s, outboxOpName(op) }, { u"payload"_s, payload }, { u"idempotency_key"_s, idempotencyKey },
        { u"state"_s, state }, { u"attempts"_s, attempts }, { u"created"_s, isoTime(created) } };
}

OutboxEntry OutboxEntry::make(OutboxEntity entity, const QString &entityId, OutboxOp op, const QJsonObject &payload)
{
    OutboxEntry e;
    e.entity = entity;
    e.entityId = entityId;
    e.op = op;
    e.payload = payload;
    return e;
}

Result<Done> enqueueOutbox(QSqlDatabase &db, const OutboxEntry &e)
{
    bool ok = false;
    auto q = exec(db,
        u"INSERT INTO outbox (entity, entity_id, op, payload, idempotency_key, created) VALUES (?, ?, ?, ?, ?, ?)"_s,
        { outboxEntityName(e.entity), e.entityId, outboxOpName(e.op),
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
            u"SELECT seq, entity, entity_id, op, payload, idempotency_key, state, attempts, created FROM outbox "
            u" WHERE state IN ('pending', 'in_flight', 'failed') ORDER BY seq LIMIT ?"_s,
            { limit });
        while (q.next()) {
            const auto entity = outboxEntityFromName(q.value(1).toString());
            const auto op = outboxOpFromName(q.value(3).toString());
            if (!entity || !op) { // the schema version keeps newer rows out; a hand-made row is skipped, said
                qWarning("outbox row %lld is %s/%s, which this version does not know; left waiting",
                    q.value(0).toLongLong(), qUtf8Printable(q.value(1).toString()),
                    qUtf8Printable(q.value(3).toString()));
                continue;
            }
            OutboxEntry e;
            e.seq = q.value(0).toLongLong();
            e.entity = *entity;
            e.entityId = q.value(2).toString();
            e.op = *op;
            e.payload = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
            e.idempotencyKey = q.value(5).toString();
            e.state = q.value(6).toString();
            e.attempts = q.value(7).toInt();
            e.created = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
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
