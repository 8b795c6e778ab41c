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

    /// Voids a capture: it is kept and shown, marked with the time, @p reason (see captureVoidReasons()) and @p user,
    /// and leaves the session's counts; an outbox row records it in the same transaction. A void is final: voiding
    /// again is refused. Allowed in ended and expired sessions too, as it is a correction.
    QFuture<Result<Capture>> voidCapture(const QString &id, const QString &reason, const QString &user);
    /// Corrects a typed (MANUAL) capture while its create row still waits in the outbox, never tried. The new value
    /// passes the same checks as a new capture; the capture and its waiting outbox payload change together, and
    /// every earlier value is kept (Capture::originalRawValue, the capture_edits history).
    QFuture<Result<Capture>> editManual(const QString &id, const QString &newRawValue, const QString &user = {});

    /// The write behind add(). NOTE: runs on the database thread; sets @p sessionChanged when the session row changed.
    [[nodiscard]] static Result<Capture> insert(
        QSqlDatabase &db, const Capture &capture, bool *sessionChanged = nullptr);
    /// NOTE: runs on the database thread.
    [[nodiscard]] static Result<Done> insertRejection(QSqlDatabase &db, const Rejection &rejection);

private:
    Database *m_db;
};

} // namespace closient::store
