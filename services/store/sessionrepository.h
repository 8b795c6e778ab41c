// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "types.h"

#include <QJsonValue>

#include <vector>

namespace closient::store {

/** Scan sessions: create, list, end, edit metadata, expire when idle. Every change also lands in the outbox. */
class SessionRepository
{
public:
    explicit SessionRepository(Database *db);

    QFuture<Result<Session>> create(
        const QString &captureMode, const QJsonObject &metadata, const QString &userAgent = {});
    QFuture<Result<Session>> get(const QString &id);
    /// Sessions, most recently active first; @p status empty for all.
    QFuture<std::vector<Session>> list(const QString &status = {}, int limit = 500);
    QFuture<Result<Session>> end(const QString &id);
    QFuture<Result<Session>> updateMetadata(const QString &id, const QJsonValue &change);
    /// What the session holds, for "End session": captures that count, voided, refused, by type, first and last
    /// time, distinct GTINs.
    QFuture<Result<SessionSummary>> summary(const QString &id);
    /// Marks ACTIVE sessions idle for longer than the configured TTL as EXPIRED; returns how many.
    QFuture<int> expireIdle();

    /// NOTE: runs on the database thread.
    [[nodiscard]] static Result<Session> load(QSqlDatabase &db, const QString &id);
    /// Expires sessions (or only @p onlyId) idle past the TTL; returns how many. NOTE: runs on the database thread.
    static int expireIdle(QSqlDatabase &db, const QString &onlyId = {});

private:
    Database *m_db;
};

} // namespace closient::store
