// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The account object the Settings page will bind to: connected, organisation and online, answered without the
// window ever waiting.
#include "httpclient.h"
#include "syncaccount.h"
#include "syncsandbox.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::sync;
using namespace closient::test;

class TestSyncAccount : public QObject
{
    Q_OBJECT

private:
    SyncSandbox m_sandbox;
    QTemporaryDir m_dir;
    QString m_owner;

    /// Does @p action and waits for the account's finished() while this (GUI) thread's event loop runs. The spy
    /// listens before the action: an answer that comes at once (no key to look up) is not missed.
    template<typename Action>
    static bool finish(SyncAccount &account, Action action)
    {
        QSignalSpy spy(&account, &SyncAccount::finished);
        action();
        return spy.count() > 0 || spy.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("CLOSIENT_KEY_STORE", "file"); // never the desktop's keyring from a test
        qunsetenv("CLOSIENT_API_KEY");
        qunsetenv("CLOSIENT_BASE_URL");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
        m_owner = m_sandbox.newKey(
            { { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s }, { u"email"_s, u"ops@acme.test"_s } });
    }

    void connectRefreshForget()
    {
        SyncThread thread;
        auto *client = new HttpClient;
        thread.adopt(client);
        SyncAccount account(client, m_dir.filePath(u"config"_s));
        QSignalSpy busy(&account, &SyncAccount::busyChanged);

        // Busy while it looks (read from the signals: with no key the look can end before refresh() returns).
        QVERIFY(finish(account, [&] { account.refresh(); }));
        QVERIFY(busy.count() >= 2); // on, then off
        QVERIFY(!account.busy());
        QVERIFY(!account.connected());
        QVERIFY(account.lastError().isEmpty()); // no key yet is not an error

        QVERIFY(finish(account, [&] {
            account.connectKey(u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_1a2b3c4d"_s, m_sandbox.baseUrl().toString());
        }));
        QVERIFY(!account.connected());
        QVERIFY2(account.lastError().contains(u"checksum"_s), qPrintable(account.lastError()));

        QVERIFY(finish(account, [&] { account.connectKey(m_owner, m_sandbox.baseUrl().toString()); }));
        QVERIFY2(account.connected(), qPrintable(account.lastError()));
        QCOMPARE(account.organisation(), u"Acme Foods"_s);
        QCOMPARE(account.email(), u"ops@acme.test"_s);
        QCOMPARE(account.role(), u"owner"_s);
        QCOMPARE(account.keySource(), u"file"_s);
        QVERIFY(account.online());
        QCOMPARE(client->baseUrl(), m_sandbox.baseUrl());
        QVERIFY(busy.count() >= 6);

        // A refused second key leaves the connection as it was.
        QVERIFY(finish(account, [&] {
            account.connectKey(u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s, m_sandbox.baseUrl().toString());
        }));
        QVERIFY(account.connected());
        QVERIFY2(account.lastError().contains(u"no such key"_s), qPrintable(account.lastError()));
        QCOMPARE(account.organisation(), u"Acme Foods"_s);

        // A new object (the next start) finds the stored key and asks the server.
        SyncAccount next(client, m_dir.filePath(u"config"_s));
        QVERIFY(finish(next, [&] { next.refresh(); }));
        QVERIFY(next.connected());
        QVERIFY(next.online());
        QCOMPARE(next.organisation(), u"Acme Foods"_s);

        QVERIFY(finish(account, [&] { account.forgetKey(); }));
        QVERIFY(!account.connected());
        QVERIFY(account.organisation().isEmpty());
    }

    void offlineKeepsTheOrganisation()
    {
        SyncThread thread;
        auto *client = new HttpClient;
        thread.adopt(client);
        const QString config = m_dir.filePath(u"offline"_s);
        SyncAccount account(client, config);
        QVERIFY(finish(account, [&] { account.connectKey(m_owner, m_sandbox.baseUrl().toString()); }));
        QVERIFY(account.connected());
        QSignalSpy online(&account, &SyncAccount::onlineChanged);
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString url = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
        closed.close();
        qputenv("CLOSIENT_BASE_URL", url.toUtf8());
        QVERIFY(finish(account, [&] { account.refresh(); }));
        qunsetenv("CLOSIENT_BASE_URL");
        QVERIFY(account.connected());
        QVERIFY(!account.online());
        QVERIFY(online.count() >= 1);
        QCOMPARE(account.organisation(), u"Acme Foods"_s);
        QVERIFY2(account.lastError().contains(u"cannot be reached"_s), qPrintable(account.lastError()));
        QVERIFY(finish(account, [&] { account.refresh(); }));
        QVERIFY(account.online());
    }

    void closingEndsAKeyCheckAtOnce()
    {
        // A server that takes the connection and never answers, and a client that would wait ten minutes for it.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        SyncThread thread;
        HttpClient::Options options;
        options.timeoutMs = 600000;
        auto *client = new HttpClient(options);
        thread.adopt(client);
        const QString config = m_dir.filePath(u"closing"_s);
        SyncAccount account(client, config);
        QVERIFY(finish(account, [&] { account.connectKey(m_owner, m_sandbox.baseUrl().toString()); }));
        QVERIFY(account.connected());
        qputenv("CLOSIENT_BASE_URL", u"http://127.0.0.1:%1"_s.arg(silent.serverPort()).toUtf8());
        QSignalSpy finished(&account, &SyncAccount::finished);
        account.refresh();
        QVERIFY(silent.waitForNewConnection(10000)); // the key check is on the wire
        qunsetenv("CLOSIENT_BASE_URL");
        // Closing (as the window does when it goes) ends it now, and the account's work is over before the client
        // goes; what is sent after ends at once, unsent.
        client->close();
        account.waitForWork();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY(!account.busy());
        auto late = client->send(account::whoamiRequest());
        QVERIFY(late.isFinished());
        QCOMPARE(late.result().delivery, ApiReply::Delivery::NotSent);
        QCOMPARE(late.result().transportError, u"the station is shutting down"_s);
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_GUILESS_MAIN(TestSyncAccount)
#include "tst_syncaccount.moc"
