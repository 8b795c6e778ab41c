// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ratelimit.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace closient::sync {

/** The informed governor: decides when the station's next request may leave, from what the server's rate-limit
 *  headers said, so that the station's own pace never draws a 429 while it uses what the headers allow. While the
 *  window has room requests go at once; when the last answer says none is left it waits until the server says one
 *  frees (RateLimit-Reset, plus a small margin), then sends one request to learn the new state. Requests it sent but
 *  whose answers have not come back count as spent. A 429 anyway (another program on the same key) pauses
 *  everything for the Retry-After the answer gives.
 *  Pure logic on a monotonic clock in milliseconds given by the caller, so it is tested without waiting. */
class Governor
{
public:
    struct Options
    {
        int maxInFlight = 1; // requests on the wire at once
        int reserve = 0; // requests of the window left unused (for other programs on the same key)
        qint64 marginMs = 250; // added to every wait the server announces (its clock ticks in whole seconds)
        qint64 pauseWithoutHintMs = 1000; // a 429 that says nothing about when to come back
    };

    /** What the governor knows, for status lines and the Sync page. */
    struct State
    {
        bool known = false; // an answer with rate-limit headers was seen
        int limit = 0;
        int remaining = 0; // as the last answer said
        int available = 0; // what may still leave now (remaining less the requests still unanswered)
        qint64 waitMs = 0; // until the next request may leave; 0: now
        bool pausedByServer = false; // a 429 paused it
        double sustainedRate = 0; // requests per second the tightest window allows
        qint64 throttled = 0; // 429 answers seen
        RateLimitInfo last;
    };

    Governor();
    explicit Governor(Options options);

    /// Milliseconds until the next request may leave (0: now); -1: not before an unanswered request comes back.
    [[nodiscard]] qint64 delayMs(qint64 nowMs) const;
    /// A request leaves now; the ticket goes back with its answer.
    [[nodiscard]] quint64 onSent(qint64 nowMs);
    /// The answer to @p ticket: its status, headers and (for a 429) the seconds the server asked to wait.
    void onAnswered(
        quint64 ticket, int status, const RateLimitInfo &info, std::optional<int> retryAfterSeconds, qint64 nowMs);
    /// @p ticket ended without an answer: the server may have counted it; it stays spent until a later answer.
    void onFailed(quint64 ticket, qint64 nowMs);

    [[nodiscard]] State state(qint64 nowMs) const;
    [[nodiscard]] const Options &options() const { return m_options; }

private:
    [[nodiscard]] int available() const;

    Options m_options;
    quint64 m_lastSent = 0; // tickets are sequence numbers
    quint64 m_basis = 0; // the ticket whose answer m_remaining comes from
    int m_inFlight = 0;
    bool m_known = false; // an answer carried headers
    bool m_unlimited = false; // answers carry no rate-limit headers at all
    bool m_probing = false; // only one request until an answer tells the state
    int m_remaining = 0;
    qint64 m_resumeAtMs = 0; // nothing leaves before this
    bool m_pausedByServer = false;
    qint64 m_throttled = 0;
    RateLimitInfo m_last;
};

} // namespace closient::sync
