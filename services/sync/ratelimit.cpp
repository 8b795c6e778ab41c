// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimit.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::sync {

namespace {
QByteArray header(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[k, v] : headers) {
        if (name.compare(k, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

std::optional<qint64> wholeNumber(const QByteArray &value)
{
    // Structured-field integers; a list ("60, 60") keeps the first item.
    const QByteArray first = value.split(',').value(0).split(';').value(0).trimmed();
    bool ok = false;
    const qint64 n = first.toLongLong(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    return n;
}
} // namespace

std::vector<RateLimitInfo::Window> RateLimitInfo::parsePolicy(const QByteArray &value)
{
    std::vector<Window> out;
    for (const QByteArray &item : value.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        bool ok = false;
        const int limit = parts.value(0).trimmed().toInt(&ok);
        if (!ok || limit < 0)
            continue;
        int seconds = 0;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts[i].trimmed();
            if (p.startsWith("w="))
                seconds = p.mid(2).toInt();
        }
        if (seconds > 0)
            out.push_back({ limit, seconds });
    }
    return out;
}

RateLimitInfo RateLimitInfo::fromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers, double nowUnixSeconds)
{
    RateLimitInfo info;
    info.policy = parsePolicy(header(headers, "RateLimit-Policy"));
    const auto limit = wholeNumber(header(headers, "RateLimit-Limit"));
    const auto remaining = wholeNumber(header(headers, "RateLimit-Remaining"));
    const auto reset = wholeNumber(header(headers, "RateLimit-Reset"));
    if (remaining) {
        info.remaining = int(std::min<qint64>(*remaining, INT_MAX));
        if (limit)
            info.limit = int(std::min<qint64>(*limit, INT_MAX));
        if (reset)
            info.resetSeconds = double(*reset);
        return info;
    }
    const auto xRemaining = wholeNumber(header(headers, "X-RateLimit-Remaining"));
    if (!xRemaining)
        return info;
    info.legacy = true;
    info.remaining = int(std::min<qint64>(*xRemaining, INT_MAX));
    if (const auto xLimit = wholeNumber(header(headers, "X-RateLimit-Limit")))
        info.limit = int(std::min<qint64>(*xLimit, INT_MAX));
    if (const auto xReset = wholeNumber(header(headers, "X-RateLimit-Reset"))) {
        // An absolute Unix time; a small number is taken as already relative (some servers send that).
        const double value = double(*xReset);
        info.resetSeconds = value > 1e9 ? std::max(0.0, value - nowUnixSeconds) : value;
    }
    return info;
}

double RateLimitInfo::sustainedRate() const
{
    double rate = 0;
    for (const auto &w : policy) {
        const double r = double(w.limit) / w.seconds;
        if (rate == 0 || r < rate)
            rate = r;
    }
    return rate;
}

QString RateLimitInfo::describe() const
{
    if (!known())
        return u"no rate-limit headers seen yet"_s;
    QString text
        = limit ? u"%1 of %2 requests left"_s.arg(*remaining).arg(*limit) : u"%1 requests left"_s.arg(*remaining);
    if (resetSeconds)
        text += u", a request frees in %1 s"_s.arg(std::ceil(*resetSeconds));
    QStringList windows;
    for (const auto &w : policy)
        windows << u"%1 per %2 s"_s.arg(w.limit).arg(w.seconds);
    if (!windows.isEmpty())
        text += u" (%1)"_s.arg(windows.join(u", "_s));
    return text;
}

} // namespace closient::sync
