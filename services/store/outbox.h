// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QJsonObject>

#include <vector>

namespace closient::store {

/** One change the Closient server must hear about, written in the same transaction as the change itself. */
struct OutboxEntry
{
    qint64 seq = 0;
    QString entityType; // session, capture, lot, serial, label_job, epcis_event
    QString entityId; // local id
    QString operation; // create, end, update_metadata, ...
    QString method; // POST, PATCH
    QString path; // API path; {session} stands for the session's server id, filled in when it is sent
    QJsonObject payload;
    QString idempotencyKey; // the same identity on every retry
    QString state;
    int attempts = 0;
    QDateTime created;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static OutboxEntry make(const QString &entityType, const QString &entityId, const QString &operation,
        const QString &method, const QString &path, const QJsonObject &payload = {});
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
