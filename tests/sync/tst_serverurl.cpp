// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverurl.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::sync;

class TestServerUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        QCOMPARE(ServerUrl::parse(u"production"_s).value(), QUrl(u"https://www.closient.com"_s));
        QCOMPARE(ServerUrl::parse(u" testing "_s).value(), QUrl(u"https://www.closient.dev"_s));
        QCOMPARE(ServerUrl::parse(u"local"_s).value(), QUrl(u"http://localhost:8000"_s));
        QCOMPARE(ServerUrl::defaultUrl(), QUrl(u"https://www.closient.com"_s));
        QCOMPARE(ServerUrl::describe(QUrl(u"https://www.closient.dev"_s)), u"testing (https://www.closient.dev)"_s);
    }

    void urls()
    {
        QCOMPARE(ServerUrl::parse(u"http://127.0.0.1:43771/"_s).value(), QUrl(u"http://127.0.0.1:43771"_s));
        QCOMPARE(
            ServerUrl::parse(u"https://proxy.example/closient//"_s).value(), QUrl(u"https://proxy.example/closient"_s));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("words");
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("ftp") << u"ftp://closient.com"_s << u"http:// or https://"_s;
        QTest::newRow("no scheme") << u"www.closient.com"_s << u"http:// or https://"_s;
        QTest::newRow("no host") << u"http://"_s << u"host"_s;
        QTest::newRow("user") << u"https://me:secret@closient.com"_s << u"user name"_s;
        QTest::newRow("query") << u"https://closient.com/?x=1"_s << u"query"_s;
        QTest::newRow("a typo of a name") << u"prodution"_s << u"http:// or https://"_s;
    }
    void refused()
    {
        QFETCH(QString, text);
        QFETCH(QString, words);
        const auto url = ServerUrl::parse(text);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, u"invalid"_s);
        QVERIFY2(url.error().message.contains(words), qPrintable(url.error().message));
        QVERIFY(url.error().message.contains(u"production, testing, local"_s));
    }

    void keyInClear()
    {
        QVERIFY(!ServerUrl::sendsKeyInClear(QUrl(u"https://www.closient.com"_s)));
        QVERIFY(!ServerUrl::sendsKeyInClear(QUrl(u"http://localhost:8000"_s)));
        QVERIFY(!ServerUrl::sendsKeyInClear(QUrl(u"http://127.0.0.1:9000"_s)));
        QVERIFY(!ServerUrl::sendsKeyInClear(QUrl(u"http://[::1]:9000"_s)));
        QVERIFY(ServerUrl::sendsKeyInClear(QUrl(u"http://closient.lan:8000"_s)));
        QVERIFY(ServerUrl::sendsKeyInClear(QUrl(u"http://192.168.1.20:8000"_s)));
    }
};

QTEST_GUILESS_MAIN(TestServerUrl)
#include "tst_serverurl.moc"
