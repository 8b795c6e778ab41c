// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "governor.h"

#include <algorithm>
#include <cmath>

namespace closient::sync {

Governor::Governor()
    : Governor(Options {})
{ }

Governor::Governor(Options options)
    : m_options(options)
{
    m_options.maxInFlight = std::max(1, m_options.maxInFlight);
    m_options.reserve = std::max(0, m_options.reserve);
}

int Governor::available() const
{
    // Requests sent after the one whose answer we hold are spent, answered or not.
    return m_remaining - m_options.reserve - int(m_lastSent - m_basis);
}

qint64 Governor::delayMs(qint64 nowMs) const
{
    if (m_inFlight >= m_options.maxInFlight)
        return -1;
    if (nowMs < m_resumeAtMs)
        return m_resumeAtMs - nowMs;
    if (m_unlimited)
        return 0;
    if (!m_known || m_probing) // one request at a time until an answer tells how much room there is
        return m_inFlight == 0 ? 0 : -1;
    if (available() > 0)
        return 0;
    return m_inFlight > 0 ? -1 : 0; // nothing in flight and past the resume time: probe
}

quint64 Governor::onSent(qint64 nowMs)
{
    Q_UNUSED(nowMs)
    ++m_inFlight;
    if (m_known && !m_probing && !m_unlimited && available() <= 0)
        m_probing = true; // past the announced reset: this one finds out
    return ++m_lastSent;
}

void Governor::onAnswered(
    quint64 ticket, int status, const RateLimitInfo &info, std::optional<int> retryAfterSeconds, qint64 nowMs)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    if (status == 429) {
        ++m_throttled;
        qint64 waitMs = m_options.pauseWithoutHintMs;
        if (retryAfterSeconds)
            waitMs = qint64(*retryAfterSeconds) * 1000 + m_options.marginMs;
        else if (info.resetSeconds)
            waitMs = qint64(std::ceil(*info.resetSeconds * 1000)) + m_options.marginMs;
        m_resumeAtMs = std::max(m_resumeAtMs, nowMs + waitMs);
        m_pausedByServer = true;
        m_probing = true;
        if (info.known()) {
            m_known = true;
            m_last = info;
        }
        return;
    }
    if (!info.known()) {
        // A server that sends no headers gives nothing to pace by; answers that once had them keep the old state.
        if (!m_known)
            m_unlimited = true;
        return;
    }
    m_unlimited = false;
    m_last = info;
    if (ticket < m_basis)
        return; // an older answer than the one already read
    m_known = true;
    m_basis = ticket;
    m_remaining = *info.remaining;
    m_pausedByServer = false;
    m_probing = false;
    if (m_remaining - m_options.reserve <= 0) {
        const double reset = info.resetSeconds.value_or(1.0);
        m_resumeAtMs = std::max(m_resumeAtMs, nowMs + qint64(std::ceil(reset * 1000)) + m_options.marginMs);
    }
}

void Governor::onFailed(quint64 ticket, qint64 nowMs)
{
    Q_UNUSED(ticket)
    Q_UNUSED(nowMs)
    m_inFlight = std::max(0, m_inFlight - 1);
}

Governor::State Governor::state(qint64 nowMs) const
{
    State s;
    s.known = m_known;
    s.limit = m_last.limit.value_or(0);
    s.remaining = m_remaining;
    s.available = m_known ? std::max(0, available()) : 0;
    s.waitMs = std::max<qint64>(0, m_resumeAtMs - nowMs);
    s.pausedByServer = m_pausedByServer && s.waitMs > 0;
    s.sustainedRate = m_last.sustainedRate();
    s.throttled = m_throttled;
    s.last = m_last;
    return s;
}

} // namespace closient::sync
