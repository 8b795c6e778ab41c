// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "types.h"

#include <vector>

namespace closient::store {

/** Captures and rejected scans of sessions. add() is the one durable write behind every beep. */
class CaptureRepository
{
public:
    explicit CaptureRepository(Database *db);

    /// Writes @p capture (its id, server id, status and time are given by the store), its outbox row and the session's
    /// activity in one transaction (synchronous=FULL): when the future holds a capture, it is on disk. Refused for
    /// sessions that are not ACTIVE (or idle past the TTL).
    QFuture<Result<Capture>> add(const Capture &capture);
    QFuture<Result<Done>> addRejection(const Rejection &rejection);
    /// Newest first.
    QFuture<std::vector<Capture>> forSession(const QString &sessionId, int limit = 5000);
    QFuture<std::vector<Rejection>> rejectionsForSession(const QString &sessionId, int limit = 5000);
    QFuture<Result<Capture>> get(const QString &id);

    /// The write behind add(). NOTE: runs on the database thread; sets @p sessionChanged when the session row changed.
    [[nodiscard]] static Result<Capture> insert(
        QSqlDatabase &db, const Capture &capture, bool *sessionChanged = nullptr);
    /// NOTE: runs on the database thread.
    [[nodiscard]] static Result<Done> insertRejection(QSqlDatabase &db, const Rejection &rejection);

private:
    Database *m_db;
};

} // namespace closient::store
