// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "governor.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace closient::sync {

namespace {
constexpr size_t kMaxLog = 20000; // a day at the default 10,000 per day fits
}

Governor::Governor()
    : Governor(Options {})
{ }

Governor::Governor(Options options)
    : m_options(options)
{
    m_options.maxInFlight = std::max(1, m_options.maxInFlight);
    m_options.reserve = std::max(0, m_options.reserve);
}

qint64 Governor::resetWaitMs(const RateLimitInfo &info) const
{
    // X-RateLimit-Reset is a whole Unix second: the moment itself may be up to a second later.
    const qint64 rounding = info.legacy ? 1000 : 0;
    return qint64(std::ceil(info.resetSeconds.value_or(1.0) * 1000)) + rounding + m_options.marginMs;
}

bool Governor::certainlyCounted(const Sent &s) const
{
    // Counted in the basis answer for sure: answered before it, and sent less than a window before it came (the
    // server counted it between sending and answering, so it was still in the window then).
    return s.counted && s.ticket <= m_basis && s.answeredAt >= 0 && s.answeredAt <= m_basisAt
        && s.sentAt + m_windowMs > m_basisAt;
}

qint64 Governor::nthFreeAt(int n, qint64 nowMs) const
{
    if (m_windowMs <= 0 || n <= 0)
        return -1;
    // Each of them leaves the window W after the server counted it, which was before its answer came back.
    std::vector<qint64> frees;
    for (const Sent &s : m_log) {
        if (!certainlyCounted(s))
            continue;
        const qint64 at = s.answeredAt + m_windowMs + m_options.modelMarginMs;
        if (at > nowMs)
            frees.push_back(at);
    }
    if (int(frees.size()) < n)
        return -1;
    std::nth_element(frees.begin(), frees.begin() + (n - 1), frees.end());
    return frees[size_t(n - 1)];
}

int Governor::available(qint64 nowMs) const
{
    // The basis answer's remaining, less what left after it (answered or not) and what may have reached the
    // server after it was counted, plus our requests that have left the window since.
    int freed = 0;
    if (m_windowMs > 0) {
        for (const Sent &s : m_log) {
            if (certainlyCounted(s) && s.answeredAt + m_windowMs + m_options.modelMarginMs <= nowMs)
                ++freed;
        }
    }
    return m_remaining - m_options.reserve - int(m_lastSent - m_basis) - m_olderInFlight + freed;
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
    const int left = available(nowMs);
    if (left > 0)
        return 0;
    qint64 wait = -1;
    if (const qint64 at = nthFreeAt(1 - left, nowMs); at >= 0)
        wait = at - nowMs;
    // What our own requests cannot tell, the server's reset can: then one request finds out.
    if (m_inFlight == 0) {
        const qint64 resetWait = m_resetAtMs >= 0 ? std::max<qint64>(0, m_resetAtMs - nowMs) : 0;
        wait = wait < 0 ? resetWait : std::min(wait, resetWait);
    }
    return wait;
}

quint64 Governor::onSent(qint64 nowMs)
{
    ++m_inFlight;
    if (m_known && !m_probing && !m_unlimited && available(nowMs) <= 0)
        m_probing = true; // sent on the server's reset: this one finds out
    m_log.push_back({ m_lastSent + 1, nowMs, -1, true });
    trim(nowMs);
    return ++m_lastSent;
}

Governor::Sent *Governor::find(quint64 ticket)
{
    if (m_log.empty() || ticket < m_log.front().ticket)
        return nullptr;
    const size_t index = size_t(ticket - m_log.front().ticket);
    return index < m_log.size() && m_log[index].ticket == ticket ? &m_log[index] : nullptr;
}

void Governor::trim(qint64 nowMs)
{
    const qint64 keep = std::max<qint64>(m_longestWindowMs, 60'000) + 10'000;
    while (!m_log.empty()
        && (m_log.size() > kMaxLog || (m_log.front().answeredAt >= 0 && m_log.front().sentAt < nowMs - keep)))
        m_log.pop_front();
}

void Governor::onAnswered(
    quint64 ticket, int status, const RateLimitInfo &info, std::optional<int> retryAfterSeconds, qint64 nowMs)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    Sent *sent = find(ticket);
    if (sent)
        sent->answeredAt = nowMs;
    if (status == 429) {
        if (sent)
            sent->counted = false; // a refused request does not count against the window
        ++m_throttled;
        qint64 waitMs = m_options.pauseWithoutHintMs;
        if (retryAfterSeconds)
            waitMs = qint64(*retryAfterSeconds) * 1000 + m_options.marginMs;
        else if (info.resetSeconds)
            waitMs = resetWaitMs(info);
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
    m_basisAt = nowMs;
    m_remaining = *info.remaining;
    m_pausedByServer = false;
    m_probing = false;
    m_olderInFlight = 0;
    for (const Sent &s : m_log) {
        if (s.ticket < ticket && s.answeredAt < 0)
            ++m_olderInFlight;
    }
    // The window whose quota the server named as the tightest now.
    m_windowMs = 0;
    m_longestWindowMs = 0;
    for (const auto &w : info.policy) {
        m_longestWindowMs = std::max<qint64>(m_longestWindowMs, qint64(w.seconds) * 1000);
        if (info.limit && w.limit == *info.limit && (m_windowMs == 0 || w.seconds * 1000 < m_windowMs))
            m_windowMs = qint64(w.seconds) * 1000;
    }
    m_resetAtMs = -1;
    if (m_remaining - m_options.reserve <= 0)
        m_resetAtMs = nowMs + resetWaitMs(info);
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
    s.available = m_known ? std::max(0, available(nowMs)) : 0;
    s.waitMs = std::max<qint64>(0, delayMs(nowMs));
    s.pausedByServer = m_pausedByServer && nowMs < m_resumeAtMs;
    s.sustainedRate = m_last.sustainedRate();
    s.throttled = m_throttled;
    s.last = m_last;
    return s;
}

} // namespace closient::sync
