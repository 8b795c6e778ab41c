// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
int ceilSeconds(qint64 ms)
{
    return int(std::max<qint64>(1, (ms + 999) / 1000));
}
} // namespace

RateLimiter::Decision RateLimiter::take(const QString &caller, const std::vector<Window> &windows, qint64 nowMs)
{
    return evaluate(caller, windows, nowMs, true);
}

RateLimiter::Decision RateLimiter::peek(const QString &caller, const std::vector<Window> &windows, qint64 nowMs)
{
    return evaluate(caller, windows, nowMs, false);
}

RateLimiter::Decision RateLimiter::evaluate(
    const QString &caller, const std::vector<Window> &windows, qint64 nowMs, bool count)
{
    auto &logs = m_log[caller];
    logs.resize(windows.size());
    Decision d;
    QStringList policy;
    for (size_t i = 0; i < windows.size(); ++i) {
        const qint64 spanMs = qint64(windows[i].seconds) * 1000;
        auto &log = logs[i];
        while (!log.empty() && log.front() <= nowMs - spanMs)
            log.pop_front();
        policy << u"%1;w=%2"_s.arg(windows[i].limit).arg(windows[i].seconds);
        if (int(log.size()) >= windows[i].limit) {
            d.allowed = false;
            const int wait = log.empty() ? windows[i].seconds : ceilSeconds(log.front() + spanMs - nowMs);
            d.retryAfter = std::max(d.retryAfter, wait);
        }
    }
    d.policy = policy.join(u", "_s);
    if (d.allowed && count) {
        for (auto &log : logs)
            log.push_back(nowMs);
    }
    // The most restrictive window: the one with the fewest requests left (the shorter one on a tie).
    bool first = true;
    for (size_t i = 0; i < windows.size(); ++i) {
        const auto &log = logs[i];
        const int remaining = std::max(0, windows[i].limit - int(log.size()));
        if (first || remaining < d.remaining) {
            first = false;
            d.limit = windows[i].limit;
            d.remaining = remaining;
            d.reset = log.empty() ? 0 : ceilSeconds(log.front() + qint64(windows[i].seconds) * 1000 - nowMs);
        }
    }
    return d;
}

} // namespace closient::sandbox
