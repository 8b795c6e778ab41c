// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <QTest>

#include <set>

using namespace closient::sync;

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void growsAndCaps()
    {
        const Backoff b({ 500, 2.0, 8000, 0.5 });
        QCOMPARE(b.ceilingMs(0), 0);
        QCOMPARE(b.ceilingMs(1), 500);
        QCOMPARE(b.ceilingMs(2), 1000);
        QCOMPARE(b.ceilingMs(4), 4000);
        QCOMPARE(b.ceilingMs(5), 8000);
        QCOMPARE(b.ceilingMs(500), 8000); // no overflow after many failures
    }

    void jitterStaysInItsBand()
    {
        Backoff b({ 1000, 2.0, 60000, 0.5 }, 42);
        std::set<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 d = b.delayMs(3); // step 4000: between 2000 and 4000
            QVERIFY2(d >= 2000 && d <= 4000, qPrintable(QString::number(d)));
            seen.insert(d);
        }
        QVERIFY(seen.size() > 50); // spread, so stations that failed together do not return together
    }

    void sameSeedSameWaits()
    {
        Backoff a({}, 7);
        Backoff b({}, 7);
        for (int i = 1; i < 10; ++i)
            QCOMPARE(a.delayMs(i), b.delayMs(i));
    }

    void serverIsAFloor()
    {
        Backoff b({ 1000, 2.0, 60000, 1.0 }, 3);
        for (int i = 0; i < 50; ++i)
            QVERIFY(b.delayMs(1, 30000) >= 30000);
        Backoff none({ 1000, 2.0, 60000, 0.0 }, 3);
        QCOMPARE(none.delayMs(2), 2000); // without jitter: exactly the step
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
