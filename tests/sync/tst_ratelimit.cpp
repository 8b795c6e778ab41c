// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Rate-limit headers: the IETF RateLimit-* fields (relative reset) and the older X-RateLimit-* (absolute reset).
#include "ratelimit.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::sync;

using Headers = QList<QPair<QByteArray, QByteArray>>;

class TestRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ietf()
    {
        const auto info = RateLimitInfo::fromHeaders(
            { { "RateLimit-Policy", "300;w=60, 10000;w=86400" }, { "ratelimit-limit", "300" },
                { "RateLimit-Remaining", "12" }, { "RateLimit-Reset", "41" } },
            1'700'000'000);
        QVERIFY(info.known());
        QVERIFY(!info.legacy);
        QCOMPARE(info.policy.size(), size_t(2));
        QCOMPARE(info.policy[0].limit, 300);
        QCOMPARE(info.policy[0].seconds, 60);
        QCOMPARE(info.policy[1].seconds, 86400);
        QCOMPARE(info.limit, 300);
        QCOMPARE(info.remaining, 12);
        QCOMPARE(info.resetSeconds, 41.0);
        QCOMPARE(info.sustainedRate(), 10000.0 / 86400.0); // over a day, the daily quota is the tighter
        QCOMPARE(
            info.describe(), u"12 of 300 requests left, a request frees in 41 s (300 per 60 s, 10000 per 86400 s)"_s);
    }

    void legacyAbsoluteReset()
    {
        const double now = 1'700'000'000.5;
        const auto info = RateLimitInfo::fromHeaders(
            { { "X-RateLimit-Limit", "60" }, { "X-RateLimit-Remaining", "0" }, { "X-RateLimit-Reset", "1700000030" } },
            now);
        QVERIFY(info.legacy);
        QCOMPARE(info.limit, 60);
        QCOMPARE(info.remaining, 0);
        QCOMPARE(info.resetSeconds, 29.5);
        // A reset already past is now, not negative.
        const auto past = RateLimitInfo::fromHeaders(
            { { "X-RateLimit-Remaining", "3" }, { "X-RateLimit-Reset", "1699999990" } }, now);
        QCOMPARE(past.resetSeconds, 0.0);
    }

    void ietfWinsOverLegacy()
    {
        const auto info = RateLimitInfo::fromHeaders(
            { { "X-RateLimit-Remaining", "99" }, { "RateLimit-Remaining", "5" }, { "RateLimit-Reset", "2" } },
            1'700'000'000);
        QVERIFY(!info.legacy);
        QCOMPARE(info.remaining, 5);
    }

    void missingAndBroken()
    {
        QVERIFY(!RateLimitInfo::fromHeaders({}, 0).known());
        QVERIFY(!RateLimitInfo::fromHeaders({ { "RateLimit-Remaining", "many" } }, 0).known());
        QVERIFY(!RateLimitInfo::fromHeaders({ { "RateLimit-Remaining", "-1" } }, 0).known());
        QCOMPARE(RateLimitInfo::fromHeaders({}, 0).describe(), u"no rate-limit headers seen yet"_s);
        // Items that are not "N;w=S" are dropped, the rest kept; parameters beyond w are ignored.
        const auto policy = RateLimitInfo::parsePolicy("100;w=60;comment=\"x\", junk, 5, 1000;w=3600");
        QCOMPARE(policy.size(), size_t(2));
        QCOMPARE(policy[0].limit, 100);
        QCOMPARE(policy[1].seconds, 3600);
    }
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
