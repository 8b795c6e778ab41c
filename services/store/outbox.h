// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace closient::store {

/// What an outbox row is about. A proposal is named by the server's id (the server made it); an EPCIS event by
/// the local id of its row in epcis_events.
enum class OutboxEntity { Session, Capture, Proposal, EpcisEvent };
/// What happened to it: Decide (a proposal accepted or rejected, payload {"status"}), Apply (a capture's accepted
/// proposals applied), Create for an EPCIS event (payload {"document": the EPCISDocument}).
enum class OutboxOp { Create, End, UpdateMetadata, Void, Decide, Apply };

[[nodiscard]] QString outboxEntityName(OutboxEntity entity); // "session", "capture", "proposal", "epcis_event"
[[nodiscard]] std::optional<OutboxEntity> outboxEntityFromName(QStringView name);
[[nodiscard]] QString outboxOpName(OutboxOp op); // "create", "end", "update_metadata", "void", "decide", "apply"
[[nodiscard]] std::optional<OutboxOp> outboxOpFromName(QStringView name);

/**
 * One change the Closient server must hear about, written in the same transaction as the change itself. It says
 * what happened in the station's own terms (entity, local id, operation, domain payload with local ids); how that
 * becomes an HTTP request is the sync layer's business (services/sync/restmapping.h), decided when it is sent.
 */
struct OutboxEntry
{
    qint64 seq = 0;
    OutboxEntity entity = OutboxEntity::Session;
    QString entityId; // local id
    OutboxOp op = OutboxOp::Create;
    QJsonObject payload; // domain fields; other entities are named by their local ids (session_id)
    QString idempotencyKey; // the same identity on every retry
    QString state;
    int attempts = 0;
    QDateTime created;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static OutboxEntry make(
        OutboxEntity entity, const QString &entityId, OutboxOp op, const QJsonObject &payload = {});
};

/// Adds @p entry to the outbox. NOTE: runs on the database thread, inside the caller's transaction.
[[nodiscard]] Result<Done> enqueueOutbox(QSqlDatabase &db, const OutboxEntry &entry);

/** Read access to the outbox for the sync engine and for people who want to see what is waiting. */
class OutboxRepository
{
public:
    explicit OutboxRepository(Database *db);
    QFuture<std::vector<OutboxEntry>> pending(int limit = 1000);
    QFuture<int> pendingCount();

private:
    Database *m_db;
};

} // namespace closient::store
