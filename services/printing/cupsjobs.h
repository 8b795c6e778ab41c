// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace closient::printing {

/** Where a CUPS job stands, as lpstat reports it. */
struct CupsJobState
{
    enum class State {
        Pending, // queued, held or printing: not finished yet
        Completed, // the printer took every page
        Failed, // cancelled or aborted: what it held did not print
        Missing, // CUPS does not know the job (the server forgot it, or it never was)
    };
    State state = State::Missing;
    QString jobId; // "Desk-42"
    QString status; // the printer's last message ("The printer may not exist or is unavailable at this time.")
    QString reasons; // CUPS's job-state-reasons ("job-canceled-by-user", "job-printing")

    /// "cancelled (job-canceled-by-user)", "still printing: The printer may not exist ...", in plain words.
    [[nodiscard]] QString describe() const;
};

/// The ids of every job CUPS keeps for @p queue, finished or not ("Desk-41", "Desk-42").
/// NOTE: blocking (runs lpstat); run it off the GUI thread.
/// lpstat's output for @p args, or why it could not run (the command missing, no answer within 15 s).
[[nodiscard]] Result<QString> lpstat(const QStringList &args);
[[nodiscard]] Result<QStringList> cupsJobIds(const QString &queue);
/// The state of job @p jobId on @p queue. NOTE: blocking (runs lpstat).
[[nodiscard]] Result<CupsJobState> cupsJobState(const QString &queue, const QString &jobId);
/**
 * Follows job @p jobId until it completes, fails, or @p timeoutMs pass (then it is still Pending: stalled, e.g. a
 * printer out of paper or unplugged). @p keepWaiting is asked between looks; returning false stops early.
 * NOTE: blocking; run it off the GUI thread.
 */
[[nodiscard]] Result<CupsJobState> waitForCupsJob(
    const QString &queue, const QString &jobId, int timeoutMs, const std::function<bool()> &keepWaiting = {});

} // namespace closient::printing
