// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ratelimit.h"

#include <QString>
#include <QtGlobal>

#include <deque>
#include <optional>

namespace closient::sync {

/** The informed governor: decides when the station's next request may leave, from what the server's rate-limit
 *  headers said, so that the station's own pace never draws a 429 while it uses what the headers allow.
 *
 *  The last answer's RateLimit-Remaining, less every request sent since, is what may still leave. When that runs
 *  out, the governor works out when room comes back from its own requests: each of them stays in the server's
 *  window (RateLimit-Policy's w of the window whose quota RateLimit-Limit names) until W after its answer came
 *  back, at the latest; only requests the server certainly counted are reckoned. Where that tells nothing (no
 *  policy, as with X-RateLimit-* alone, or requests of another program on the same key) it waits the
 *  RateLimit-Reset the server announced, plus a margin, and sends one request to learn the new state. A 429
 *  anyway pauses everything for the Retry-After the answer gives.
 *  Pure logic on a monotonic clock in milliseconds given by the caller, so it is tested without waiting. */
class Governor
{
public:
    struct Options
    {
        int maxInFlight = 1; // requests on the wire at once
        int reserve = 0; // requests of the window left unused (for other programs on the same key)
        qint64 marginMs = 250; // added to every wait the server announces (its clock ticks in whole seconds)
        qint64 modelMarginMs = 50; // added to the moment one of our own requests leaves the window
        qint64 pauseWithoutHintMs = 1000; // a 429 that says nothing about when to come back
    };

    /** What the governor knows, for status lines and the Sync page. */
    struct State
    {
        bool known = false; // an answer with rate-limit headers was seen
        int limit = 0;
        int remaining = 0; // as the last answer said
        int available = 0; // what may leave now
        qint64 waitMs = 0; // until the next request may leave; 0: now
        bool pausedByServer = false; // a 429 paused it
        double sustainedRate = 0; // requests per second the tightest window allows over time
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
    struct Sent
    {
        quint64 ticket = 0;
        qint64 sentAt = 0;
        qint64 answeredAt = -1; // -1: no answer (yet)
        bool counted = true; // false: refused with 429, so not in the server's window
    };

    [[nodiscard]] int available(qint64 nowMs) const;
    /// When the @p n-th of our requests still in the server's window leaves it; -1 when that cannot be told.
    [[nodiscard]] qint64 nthFreeAt(int n, qint64 nowMs) const;
    [[nodiscard]] bool certainlyCounted(const Sent &s) const;
    [[nodiscard]] qint64 resetWaitMs(const RateLimitInfo &info) const;
    Sent *find(quint64 ticket);
    void trim(qint64 nowMs);

    Options m_options;
    std::deque<Sent> m_log; // our requests, oldest first
    quint64 m_lastSent = 0; // tickets are sequence numbers
    quint64 m_basis = 0; // the ticket whose answer m_remaining comes from
    qint64 m_basisAt = 0; // when that answer came
    int m_olderInFlight = 0; // requests sent before the basis, unanswered when it came: maybe not counted in it
    qint64 m_windowMs = 0; // the limiting window's length; 0: unknown
    qint64 m_longestWindowMs = 0;
    int m_inFlight = 0;
    bool m_known = false; // an answer carried headers
    bool m_unlimited = false; // answers carry no rate-limit headers at all
    bool m_probing = false; // one request out to learn the state
    int m_remaining = 0;
    qint64 m_resetAtMs = -1; // when the server said its window frees a request, after it said none was left
    qint64 m_resumeAtMs = 0; // nothing leaves before this (a 429)
    bool m_pausedByServer = false;
    qint64 m_throttled = 0;
    RateLimitInfo m_last;
};

} // namespace closient::sync
