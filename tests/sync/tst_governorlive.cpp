// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The governor against the sandbox's real limiter: a queue of requests twice the per-minute quota draws no 429
// and finishes within 5% of the fastest time the limiter allows.
#include "httpclient.h"
#include "syncsandbox.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::sync;
using namespace closient::test;

class TestGovernorLive : public QObject
{
    Q_OBJECT

private:
    SyncSandbox m_sandbox;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start({ u"--rate-limit"_s, u"20"_s }), qPrintable(m_sandbox.error())); }

    void paceWithinFivePercentOfTheLimit()
    {
        const int limit = 20;
        const int requests = 2 * limit; // the second half must wait for the window
        const QString key = m_sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s } });
        m_sandbox.admin("DELETE", u"/__sandbox/stats"_s);
        SyncThread thread;
        auto *client = new HttpClient;
        thread.adopt(client);
        client->setAccount(m_sandbox.baseUrl(), key);

        QElapsedTimer clock;
        clock.start();
        QList<QFuture<ApiReply>> futures;
        for (int i = 0; i < requests; ++i)
            futures << client->send(ApiRequest::get(u"/account/api/v1/whoami"_s));
        qint64 wire = 0;
        for (auto &f : futures) {
            f.waitForFinished();
            QCOMPARE(f.result().status, 200);
            wire += f.result().elapsedMs;
        }
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(m_sandbox.stat(u"rate_limited"_s), 0);
        QCOMPARE(m_sandbox.stat(u"requests"_s), requests);
        QCOMPARE(client->governorState().throttled, 0);

        // The fastest the limiter allows: the first window's requests at once, the rest a minute after them, one
        // after another at the time each takes on the wire.
        const qint64 perRequest = wire / requests;
        const qint64 bound = 60'000 + limit * perRequest;
        qInfo("%d requests at %d per minute: %lld ms for a bound of %lld ms (%.2f%%)", requests, limit, elapsed, bound,
            100.0 * double(elapsed) / double(bound));
        QVERIFY2(elapsed >= 60'000, qPrintable(QString::number(elapsed))); // else the limiter was not reached
        QVERIFY2(elapsed <= bound * 105 / 100, qPrintable(u"%1 ms, bound %2 ms"_s.arg(elapsed).arg(bound)));
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_GUILESS_MAIN(TestGovernorLive)
#include "tst_governorlive.moc"
