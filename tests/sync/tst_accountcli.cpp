// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// closient-station account set-key / status / forget through the real binary against the real sandbox, as a
// person or a script uses them; at the end, the key is looked for in everything the runs left behind.
#include "syncsandbox.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace closient::test;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.trimmed()).object(); }
};
} // namespace

class TestAccountCli : public QObject
{
    Q_OBJECT

private:
    SyncSandbox m_sandbox;
    QTemporaryDir m_home;
    QString m_owner, m_expired, m_revoked;
    QByteArray m_everything; // every byte any run printed
    QStringList m_usedKeys;

    QString configDir() const { return m_home.filePath(u"config/Closient/closient-station"_s); }
    QString credentialsFile() const { return configDir() + u"/credentials"_s; }

    Run station(const QStringList &args, const QByteArray &input = {}, const QMap<QString, QString> &env = {})
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        // A home of its own: no session bus (so no keyring: the file), every log of the station switched on.
        e.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        e.insert(u"XDG_RUNTIME_DIR"_s, m_home.filePath(u"run"_s));
        e.insert(u"HOME"_s, m_home.path());
        e.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        e.remove(u"DISPLAY"_s);
        e.remove(u"CLOSIENT_API_KEY"_s);
        e.remove(u"CLOSIENT_BASE_URL"_s);
        e.remove(u"CLOSIENT_KEY_STORE"_s);
        e.insert(u"QT_LOGGING_RULES"_s, u"closient.*=true"_s);
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        QProcess p;
        p.setProcessEnvironment(e);
        p.start(binaryDir() + u"/closient-station"_s, args);
        p.waitForStarted();
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        Run r { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError() };
        m_everything += r.out + r.err;
        return r;
    }
    Run setKey(const QString &key, const QString &baseUrl = {})
    {
        return station({ u"account"_s, u"set-key"_s, u"--base-url"_s,
                           baseUrl.isEmpty() ? m_sandbox.baseUrl().toString() : baseUrl },
            key.toUtf8() + '\n');
    }
    QString closedPort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost);
        const quint16 port = s.serverPort();
        s.close();
        return u"http://127.0.0.1:%1"_s.arg(port);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QDir().mkpath(m_home.filePath(u"run"_s));
        ::chmod(QFile::encodeName(m_home.filePath(u"run"_s)).constData(), 0700);
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
        m_owner = m_sandbox.newKey(
            { { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s }, { u"email"_s, u"ops@acme.test"_s } });
        m_expired = m_sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s },
            { u"expires_at"_s, u"2020-01-01T00:00:00Z"_s } });
        m_revoked
            = m_sandbox.newKey({ { u"prefix"_s, u"csu"_s }, { u"org"_s, u"Acme Foods"_s }, { u"is_active"_s, false } });
        QVERIFY(!m_owner.isEmpty() && !m_expired.isEmpty() && !m_revoked.isEmpty());
        m_usedKeys = { m_owner, m_expired, m_revoked };
    }

    void badKeysAreRefusedBeforeAnyRequest_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reason");
        QTest::newRow("the docs' own example") << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_1a2b3c4d"_s << u"checksum"_s;
        QTest::newRow("unknown prefix") << u"abc_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s
                                        << u"csb_, csu_ or cpk_"_s;
        QTest::newRow("two parts") << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf"_s << u"three parts"_s;
        QTest::newRow("short body") << u"csb_AbCdEfGhIjKlMnOp_84041098"_s << u"32"_s;
        QTest::newRow("cut short") << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_8404109"_s << u"8 lower-case"_s;
    }
    void badKeysAreRefusedBeforeAnyRequest()
    {
        QFETCH(QString, key);
        QFETCH(QString, reason);
        m_usedKeys << key;
        const qint64 before = m_sandbox.stat(u"requests"_s);
        const Run r = setKey(key);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(reason.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("The key was not sent anywhere."), r.err.constData());
        QCOMPARE(m_sandbox.stat(u"requests"_s), before); // not one request reached the server
        QVERIFY(!QFile::exists(credentialsFile()));
    }

    void keyNeverFromTheCommandLine()
    {
        const qint64 before = m_sandbox.stat(u"requests"_s);
        const Run empty = station({ u"account"_s, u"set-key"_s, u"--base-url"_s, m_sandbox.baseUrl().toString() });
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains("standard input"), empty.err.constData());
        const Run arg = station({ u"account"_s, u"set-key"_s, u"csb_x_y"_s });
        QCOMPARE(arg.exitCode, 2);
        QVERIFY2(arg.err.contains("never from the command line"), arg.err.constData());
        const Run url = station({ u"account"_s, u"set-key"_s, u"--base-url"_s, u"ftp://closient.com"_s }, "x\n");
        QCOMPARE(url.exitCode, 2);
        QVERIFY2(url.err.contains("http:// or https://"), url.err.constData());
        QCOMPARE(m_sandbox.stat(u"requests"_s), before);
        const Run help = station({ u"account"_s, u"set-key"_s, u"--help"_s });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--base-url"));
    }

    void refusedKeysSayWhy_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("words");
        QTest::newRow("unknown") << u"unknown"_s << u"no such key"_s;
        QTest::newRow("expired") << u"expired"_s << u"expired on 2020-01-01"_s;
        QTest::newRow("revoked") << u"revoked"_s << u"revoked"_s;
    }
    void refusedKeysSayWhy()
    {
        QFETCH(QString, which);
        QFETCH(QString, words);
        const QString key = which == u"expired"_s ? m_expired
            : which == u"revoked"_s               ? m_revoked
                                                  : u"cpk_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s;
        m_usedKeys << key;
        const Run r = setKey(key);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("The server refused the API key"), r.err.constData());
        QVERIFY2(r.err.contains(words.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("The key was not stored."), r.err.constData());
        QVERIFY(!QFile::exists(credentialsFile()));
    }

    void forbiddenSaysWhy()
    {
        m_sandbox.faults({ { u"error_next"_s, 1 }, { u"error_next_status"_s, 403 } });
        const Run r = setKey(m_owner);
        m_sandbox.clearFaults();
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("the server answered 403"), r.err.constData());
        QVERIFY(!QFile::exists(credentialsFile()));
    }

    void unreachableServer()
    {
        const Run r = setKey(m_owner, closedPort());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot be reached"), r.err.constData());
        QVERIFY(!QFile::exists(credentialsFile()));
    }

    void setStatusForget()
    {
        const Run set = setKey(m_owner);
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QVERIFY2(set.out.contains("as ops@acme.test, organisation Acme Foods, role owner"), set.out.constData());
        QVERIFY2(set.out.contains(credentialsFile().toUtf8()), set.out.constData());
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(credentialsFile()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));

        const Run status = station({ u"account"_s, u"status"_s });
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.contains("(online)"), status.out.constData());
        QVERIFY(status.out.contains("Acme Foods"));
        QVERIFY(status.out.contains("csb_…"));

        const Run json = station({ u"account"_s, u"status"_s, u"--json"_s });
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = json.json();
        QCOMPARE(o.value(u"connected"_s).toBool(), true);
        QCOMPARE(o.value(u"online"_s).toBool(), true);
        QCOMPARE(o.value(u"email"_s).toString(), u"ops@acme.test"_s);
        QCOMPARE(o.value(u"organization"_s).toObject().value(u"name"_s).toString(), u"Acme Foods"_s);
        QCOMPARE(o.value(u"key_source"_s).toString(), u"file"_s);
        QCOMPARE(o.value(u"key_prefix"_s).toString(), u"csb"_s);
        QCOMPARE(o.value(u"base_url"_s).toString(), m_sandbox.baseUrl().toString());
        QVERIFY(o.value(u"rate_limit"_s).toObject().value(u"limit"_s).toInt() > 0);

        // The server cannot be reached: still connected, offline, the organisation from the last answer.
        const Run offline
            = station({ u"account"_s, u"status"_s, u"--json"_s }, {}, { { u"CLOSIENT_BASE_URL"_s, closedPort() } });
        QCOMPARE(offline.exitCode, 0);
        QCOMPARE(offline.json().value(u"connected"_s).toBool(), true);
        QCOMPARE(offline.json().value(u"online"_s).toBool(), false);
        QCOMPARE(offline.json().value(u"organization"_s).toObject().value(u"name"_s).toString(), u"Acme Foods"_s);

        const Run forget = station({ u"account"_s, u"forget"_s });
        QCOMPARE(forget.exitCode, 0);
        QVERIFY2(forget.out.contains("was removed"), forget.out.constData());
        QVERIFY(!QFile::exists(credentialsFile()));
        const Run after = station({ u"account"_s, u"status"_s, u"--json"_s });
        QCOMPARE(after.exitCode, 1);
        QCOMPARE(after.json().value(u"connected"_s).toBool(), false);
        const Run again = station({ u"account"_s, u"forget"_s });
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("No Closient API key was stored"));
    }

    void environmentOverrides()
    {
        const Run r = station({ u"account"_s, u"status"_s, u"--json"_s }, {},
            { { u"CLOSIENT_API_KEY"_s, m_owner }, { u"CLOSIENT_BASE_URL"_s, m_sandbox.baseUrl().toString() } });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(u"key_source"_s).toString(), u"environment"_s);
        QCOMPARE(r.json().value(u"online"_s).toBool(), true);
        QCOMPARE(r.json().value(u"organization"_s).toObject().value(u"name"_s).toString(), u"Acme Foods"_s);
        const Run expired = station({ u"account"_s, u"status"_s }, {},
            { { u"CLOSIENT_API_KEY"_s, m_expired }, { u"CLOSIENT_BASE_URL"_s, m_sandbox.baseUrl().toString() } });
        QCOMPARE(expired.exitCode, 1);
        QVERIFY2(expired.out.contains("refused the key"), expired.out.constData());
        QVERIFY2(expired.err.contains("expired on 2020-01-01"), expired.err.constData());
        const Run badUrl = station({ u"account"_s, u"status"_s }, {}, { { u"CLOSIENT_BASE_URL"_s, u"nowhere"_s } });
        QCOMPARE(badUrl.exitCode, 2);
        QVERIFY(badUrl.err.contains("CLOSIENT_BASE_URL"));
        // A store used while the key is in the environment, so the database can be searched for it too.
        const Run store = station({ u"--db"_s, m_home.filePath(u"store.sqlite"_s), u"sessions"_s, u"create"_s }, {},
            { { u"CLOSIENT_API_KEY"_s, m_owner } });
        QCOMPARE(store.exitCode, 0);
    }

    /// Last: the keys appear in nothing the runs left, except the credentials file while it held one.
    void keyAppearsNowhere()
    {
        QVERIFY(setKey(m_owner).exitCode == 0);
        QVERIFY(QFile(credentialsFile()).open(QIODevice::ReadOnly));
        QVERIFY(!m_everything.isEmpty());
        QStringList searched;
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (path == credentialsFile())
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            for (const QString &key : std::as_const(m_usedKeys)) {
                QVERIFY2(!bytes.contains(key.toUtf8()), qPrintable(path));
                QVERIFY2(!bytes.contains(key.section(u'_', 1, 1).toUtf8()), qPrintable(path)); // nor its body
            }
            searched << QFileInfo(path).fileName();
        }
        QVERIFY2(searched.contains(u"account.json"_s) && searched.contains(u"store.sqlite"_s),
            qPrintable(searched.join(u", "_s)));
        for (const QString &key : std::as_const(m_usedKeys)) {
            QVERIFY2(!m_everything.contains(key.toUtf8()), qPrintable(key.left(4)));
            QVERIFY(!m_everything.contains(key.section(u'_', 1, 1).toUtf8()));
        }
        // The sandbox keeps hashes only.
        QFile state(m_sandbox.stateFile());
        QVERIFY(state.open(QIODevice::ReadOnly));
        QVERIFY(!state.readAll().contains(m_owner.toUtf8()));
        QFile credentials(credentialsFile());
        QVERIFY(credentials.open(QIODevice::ReadOnly));
        QVERIFY(credentials.readAll().contains(m_owner.toUtf8()));
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_GUILESS_MAIN(TestAccountCli)
#include "tst_accountcli.moc"
