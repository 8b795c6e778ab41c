// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <deque>
#include <vector>

namespace closient::sandbox {

/** A sliding-window-log limiter: per caller, every window (e.g. 300 per 60 s and 10,000 per day) keeps the times
 *  of the requests it let through, so a request passes only while every window has room. Rejected requests are
 *  not counted. */
class RateLimiter
{
public:
    struct Window
    {
        int limit = 0;
        int seconds = 0;
    };

    /** What the limiter decided, with what the headers need. */
    struct Decision
    {
        bool allowed = true;
        int retryAfter = 0; // seconds, when not allowed
        QString policy; // "300;w=60, 10000;w=86400"
        int limit = 0; // the most restrictive window's quota
        int remaining = 0;
        int reset = 0; // seconds until that window frees a request (relative)
    };

    /// Counts one request of @p caller at @p nowMs against @p windows.
    [[nodiscard]] Decision take(const QString &caller, const std::vector<Window> &windows, qint64 nowMs);
    /// The state of @p caller without counting a request.
    [[nodiscard]] Decision peek(const QString &caller, const std::vector<Window> &windows, qint64 nowMs);
    void clear() { m_log.clear(); }

private:
    Decision evaluate(const QString &caller, const std::vector<Window> &windows, qint64 nowMs, bool count);

    QHash<QString, std::vector<std::deque<qint64>>> m_log; // caller → one log per window
};

} // namespace closient::sandbox
