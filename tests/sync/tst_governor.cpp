// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The governor on a simulated clock against model limiters: the station's own pace draws no 429 and comes within
// 5% of the fastest pace the limiter allows, with either header style and with several requests in flight.
#include "governor.h"

#include <QTest>

#include <algorithm>
#include <deque>
#include <vector>

using namespace Qt::StringLiterals;
using namespace closient::sync;

namespace {

/** A sliding-window-log limiter like the sandbox's (one window), answering with headers as it does. */
struct SlidingLog
{
    int limit;
    int seconds;
    std::deque<qint64> log;

    /// One request arriving at @p nowMs: allowed or not, and the headers of the answer.
    QList<QPair<QByteArray, QByteArray>> take(qint64 nowMs, bool *allowed, bool legacy, double unixBase)
    {
        const qint64 span = qint64(seconds) * 1000;
        while (!log.empty() && log.front() <= nowMs - span)
            log.pop_front();
        *allowed = int(log.size()) < limit;
        if (*allowed)
            log.push_back(nowMs);
        const auto ceilSeconds = [](qint64 ms) { return std::max<qint64>(1, (ms + 999) / 1000); };
        const int remaining = std::max(0, limit - int(log.size()));
        const qint64 reset = log.empty() ? 0 : ceilSeconds(log.front() + span - nowMs);
        QList<QPair<QByteArray, QByteArray>> h;
        if (legacy) {
            h = { { "X-RateLimit-Limit", QByteArray::number(limit) },
                { "X-RateLimit-Remaining", QByteArray::number(remaining) },
                { "X-RateLimit-Reset", QByteArray::number(qint64(unixBase + nowMs / 1000.0) + reset) } };
        } else {
            h = { { "RateLimit-Policy", QByteArray::number(limit) + ";w=" + QByteArray::number(seconds) },
                { "RateLimit-Limit", QByteArray::number(limit) },
                { "RateLimit-Remaining", QByteArray::number(remaining) },
                { "RateLimit-Reset", QByteArray::number(reset) } };
        }
        if (!*allowed)
            h.append({ "Retry-After", QByteArray::number(ceilSeconds(log.front() + span - nowMs)) });
        return h;
    }
};

struct RunResult
{
    qint64 elapsedMs = 0; // first request sent to last answer
    int throttled = 0;
    int answered = 0;
};

/// Sends @p n requests through @p governor to @p limiter; each takes @p latencyMs (the server counts it halfway).
/// @p foreign requests of another program on the same key arrive at the given times.
RunResult run(Governor &governor, SlidingLog &limiter, int n, qint64 latencyMs, bool legacy,
    const std::vector<qint64> &foreign = {})
{
    struct InFlight
    {
        quint64 ticket;
        qint64 doneAt;
        bool allowed;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    const double unixBase = 1'700'000'000.0;
    std::vector<InFlight> inFlight;
    std::deque<qint64> others(foreign.begin(), foreign.end());
    RunResult r;
    qint64 now = 0;
    int sent = 0;
    while (r.answered < n) {
        while (!others.empty() && others.front() <= now) {
            bool ignored = false;
            (void)limiter.take(others.front(), &ignored, legacy, unixBase);
            others.pop_front();
        }
        while (sent < n + r.throttled && governor.delayMs(now) == 0) {
            InFlight f;
            f.ticket = governor.onSent(now);
            f.headers = limiter.take(now + latencyMs / 2, &f.allowed, legacy, unixBase);
            f.doneAt = now + latencyMs;
            inFlight.push_back(f);
            ++sent;
        }
        // The next event: an answer, the governor's wait, or another program's request.
        qint64 next = std::numeric_limits<qint64>::max();
        for (const auto &f : inFlight)
            next = std::min(next, f.doneAt);
        if (const qint64 d = governor.delayMs(now); d > 0 && sent < n + r.throttled)
            next = std::min(next, now + d);
        if (!others.empty())
            next = std::min(next, others.front());
        if (next == std::numeric_limits<qint64>::max())
            break;
        now = std::max(now, next);
        for (auto it = inFlight.begin(); it != inFlight.end();) {
            if (it->doneAt > now) {
                ++it;
                continue;
            }
            const auto info = RateLimitInfo::fromHeaders(it->headers, 1'700'000'000.0 + now / 1000.0);
            std::optional<int> retryAfter;
            for (const auto &[k, v] : it->headers) {
                if (k == "Retry-After")
                    retryAfter = v.toInt();
            }
            governor.onAnswered(it->ticket, it->allowed ? 200 : 429, info, retryAfter, now);
            if (it->allowed) {
                ++r.answered;
                r.elapsedMs = now;
            } else {
                ++r.throttled;
            }
            it = inFlight.erase(it);
        }
    }
    return r;
}

/// The fastest a client with @p inFlight requests on the wire and @p latencyMs each can finish @p n requests under
/// a sliding window of @p limit per @p windowMs: request i leaves no earlier than the answer of request i-inFlight,
/// and no earlier than a window after request i-limit.
qint64 fastestAllowed(int limit, qint64 windowMs, int n, qint64 latencyMs, int inFlight)
{
    std::vector<qint64> t(size_t(n), 0);
    for (int i = 0; i < n; ++i) {
        qint64 at = 0;
        if (i >= inFlight)
            at = std::max(at, t[size_t(i - inFlight)] + latencyMs);
        if (i >= limit)
            at = std::max(at, t[size_t(i - limit)] + windowMs);
        t[size_t(i)] = at;
    }
    return t.back() + latencyMs;
}

} // namespace

class TestGovernor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withinFivePercentAndNo429_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("requests");
        QTest::addColumn<int>("inFlight");
        QTest::addColumn<int>("latency");
        QTest::addColumn<bool>("legacy");
        for (const bool legacy : { false, true }) {
            const char *style = legacy ? "X-RateLimit" : "RateLimit";
            QTest::addRow("%s 300/min, 1500 requests, one at a time", style) << 300 << 1500 << 1 << 40 << legacy;
            QTest::addRow("%s 300/min, 1500 requests, four in flight", style) << 300 << 1500 << 4 << 40 << legacy;
            QTest::addRow("%s 60/min, 301 requests, slow server", style) << 60 << 301 << 2 << 400 << legacy;
            QTest::addRow("%s 20/min, 41 requests", style) << 20 << 41 << 1 << 5 << legacy;
        }
    }
    void withinFivePercentAndNo429()
    {
        QFETCH(int, limit);
        QFETCH(int, requests);
        QFETCH(int, inFlight);
        QFETCH(int, latency);
        QFETCH(bool, legacy);
        Governor::Options options;
        options.maxInFlight = inFlight;
        Governor governor(options);
        SlidingLog limiter { limit, 60, {} };
        const RunResult r = run(governor, limiter, requests, latency, legacy);
        QCOMPARE(r.throttled, 0);
        QCOMPARE(r.answered, requests);
        const qint64 boundMs = fastestAllowed(limit, 60'000, requests, latency, inFlight);
        qInfo("%lld ms for a bound of %lld ms: %.2f%%", r.elapsedMs, boundMs,
            100.0 * double(r.elapsedMs) / double(boundMs));
        QVERIFY2(r.elapsedMs >= boundMs - latency, qPrintable(QString::number(r.elapsedMs)));
        QVERIFY2(r.elapsedMs <= boundMs * 105 / 100,
            qPrintable(u"%1 ms for a bound of %2 ms"_s.arg(r.elapsedMs).arg(boundMs)));
    }

    void firstRequestAloneUntilTheHeadersAreKnown()
    {
        Governor::Options options;
        options.maxInFlight = 4;
        Governor g(options);
        QCOMPARE(g.delayMs(0), 0);
        const auto t = g.onSent(0);
        QCOMPARE(g.delayMs(0), -1); // wait for the first answer
        g.onAnswered(t, 200,
            RateLimitInfo::fromHeaders({ { "RateLimit-Remaining", "3" }, { "RateLimit-Reset", "60" } }, 0), {}, 10);
        QCOMPARE(g.delayMs(10), 0);
        (void)g.onSent(10);
        (void)g.onSent(10);
        (void)g.onSent(10);
        QCOMPARE(g.delayMs(10), -1); // three left, three unanswered: nothing more may leave
        QCOMPARE(g.state(10).available, 0);
    }

    void serverWithoutHeadersIsNotPaced()
    {
        Governor::Options options;
        options.maxInFlight = 3;
        Governor g(options);
        const auto t = g.onSent(0);
        g.onAnswered(t, 200, {}, {}, 5);
        (void)g.onSent(5);
        (void)g.onSent(5);
        QCOMPARE(g.delayMs(5), 0);
        (void)g.onSent(5);
        QCOMPARE(g.delayMs(5), -1); // only the in-flight cap
    }

    void another429PausesForRetryAfter()
    {
        Governor g;
        const auto t = g.onSent(0);
        g.onAnswered(t, 429,
            RateLimitInfo::fromHeaders({ { "RateLimit-Remaining", "0" }, { "RateLimit-Reset", "9" } }, 0), 3, 100);
        QCOMPARE(g.delayMs(100), 3000 + g.options().marginMs);
        QVERIFY(g.state(100).pausedByServer);
        QCOMPARE(g.state(100).throttled, 1);
        QCOMPARE(g.delayMs(3100 + g.options().marginMs), 0); // then one request finds out
        Governor noHint;
        const auto u = noHint.onSent(0);
        noHint.onAnswered(u, 429, {}, std::nullopt, 0);
        QCOMPARE(noHint.delayMs(0), noHint.options().pauseWithoutHintMs);
    }

    void sharedKeyDrawsFew429s()
    {
        // Another program spends 30 of the 60 requests early: the station learns it from the headers and draws
        // at most the one 429 it could not foresee.
        Governor governor;
        SlidingLog limiter { 60, 60, {} };
        std::vector<qint64> foreign;
        for (int i = 0; i < 30; ++i)
            foreign.push_back(100 + i * 10);
        const RunResult r = run(governor, limiter, 100, 20, false, foreign);
        QCOMPARE(r.answered, 100);
        QVERIFY2(r.throttled <= 1, qPrintable(QString::number(r.throttled)));
    }

    void reserveLeavesRoom()
    {
        Governor::Options options;
        options.reserve = 5;
        Governor governor(options);
        SlidingLog limiter { 20, 60, {} };
        const RunResult r = run(governor, limiter, 15, 5, false);
        QCOMPARE(r.throttled, 0);
        QCOMPARE(limiter.log.size(), size_t(15));
        QVERIFY(r.elapsedMs < 1000); // 15 of 20 fit at once when 5 are kept back
        const RunResult more = run(governor, limiter, 1, 5, false);
        QVERIFY(more.elapsedMs >= 60'000); // the 16th would eat into the reserve: it waits for the window
    }
};

QTEST_GUILESS_MAIN(TestGovernor)
#include "tst_governor.moc"
