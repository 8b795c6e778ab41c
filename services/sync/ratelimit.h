// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>
#include <vector>

namespace closient::sync {

/** What one answer's rate-limit headers say: the IETF RateLimit-Policy / -Limit / -Remaining / -Reset (reset in
 *  seconds from now) or, when only those are missing, the older X-RateLimit-* (reset as an absolute Unix time). */
struct RateLimitInfo
{
    /** One window of the policy: @c limit requests per @c seconds. */
    struct Window
    {
        int limit = 0;
        int seconds = 0;
    };

    std::vector<Window> policy; // every active window ("300;w=60, 10000;w=86400")
    std::optional<int> limit; // the quota of the most restrictive window
    std::optional<int> remaining; // requests left in it
    std::optional<double> resetSeconds; // seconds (from the answer) until it frees a request
    bool legacy = false; // read from X-RateLimit-*

    [[nodiscard]] bool known() const { return remaining.has_value(); }
    /// The sustained rate the tightest policy window allows, requests per second (0: no policy).
    [[nodiscard]] double sustainedRate() const;

    /// Reads @p headers of one answer; @p nowUnixSeconds converts the legacy absolute reset to relative seconds.
    [[nodiscard]] static RateLimitInfo fromHeaders(
        const QList<QPair<QByteArray, QByteArray>> &headers, double nowUnixSeconds);
    /// "300;w=60, 10000;w=86400" → two windows; unknown parameters are skipped, bad items dropped.
    [[nodiscard]] static std::vector<Window> parsePolicy(const QByteArray &value);
    /// One line for people: "12 of 300 left, a request frees in 41 s (300 per 60 s, 10000 per 86400 s)".
    [[nodiscard]] QString describe() const;
};

} // namespace closient::sync
