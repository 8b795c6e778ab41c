// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Where a Secret Service runs, the key goes to the desktop keyring (QtKeychain) and no file holds it: a private
// session bus and gnome-keyring-daemon with a throw-away login keyring, the real binary, the real sandbox.
#include "syncsandbox.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::test;

class TestKeyring : public QObject
{
    Q_OBJECT

private:
    SyncSandbox m_sandbox;
    QTemporaryDir m_home;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_busAddress;
    QString m_owner;
    QByteArray m_everything;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"HOME"_s, m_home.path());
        e.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        e.insert(u"XDG_RUNTIME_DIR"_s, m_home.filePath(u"run"_s));
        e.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_busAddress);
        e.remove(u"DISPLAY"_s);
        e.remove(u"CLOSIENT_API_KEY"_s);
        e.remove(u"CLOSIENT_BASE_URL"_s);
        e.remove(u"CLOSIENT_KEY_STORE"_s);
        e.insert(u"QT_LOGGING_RULES"_s, u"closient.*=true"_s);
        return e;
    }
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    Run station(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment());
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
    QString configDir() const { return m_home.filePath(u"config/Closient/closient-station"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString daemon = QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s);
        const QString busDaemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
        if (daemon.isEmpty() || busDaemon.isEmpty())
            QSKIP("needs gnome-keyring and dbus-daemon (scripts/common.sh installs them with the test packages)");
        QVERIFY(m_home.isValid());
        for (const auto &d : { u"run"_s, u"data"_s, u"config"_s })
            QVERIFY(QDir().mkpath(m_home.filePath(d)));
        QFile::setPermissions(
            m_home.filePath(u"run"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        // A session bus of our own; it prints its address first.
        m_bus.setProcessEnvironment(environment());
        m_bus.start(busDaemon, { u"--session"_s, u"--nofork"_s, u"--print-address=1"_s });
        QVERIFY(m_bus.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
        m_busAddress = QString::fromUtf8(m_bus.readLine().trimmed());
        QVERIFY(!m_busAddress.isEmpty());

        // The keyring daemon: it creates and unlocks a login keyring with the password read from stdin.
        m_keyring.setProcessEnvironment(environment());
        m_keyring.start(daemon, { u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s });
        QVERIFY(m_keyring.waitForStarted());
        m_keyring.write("throw-away-password");
        m_keyring.closeWriteChannel();
        QProcess probe;
        probe.setProcessEnvironment(environment());
        // Wait until the Secret Service has its name on the bus.
        bool ready = false;
        for (int i = 0; i < 100 && !ready; ++i) {
            probe.start(u"dbus-send"_s,
                { u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                    u"org.freedesktop.DBus.NameHasOwner"_s, u"string:org.freedesktop.secrets"_s });
            probe.waitForFinished(5000);
            ready = probe.readAllStandardOutput().contains("boolean true");
            if (!ready)
                QTest::qWait(100);
        }
        QVERIFY2(ready, m_keyring.readAllStandardError().constData());

        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
        m_owner = m_sandbox.newKey(
            { { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s }, { u"email"_s, u"ops@acme.test"_s } });
    }

    void keptInTheKeyring()
    {
        const Run set = station(
            { u"account"_s, u"set-key"_s, u"--base-url"_s, m_sandbox.baseUrl().toString() }, m_owner.toUtf8() + '\n');
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QVERIFY2(set.out.contains("kept in the desktop keyring"), set.out.constData());
        QVERIFY(!QFile::exists(configDir() + u"/credentials"_s));

        const Run status = station({ u"account"_s, u"status"_s, u"--json"_s });
        QCOMPARE(status.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(status.out).object();
        QCOMPARE(o.value(u"key_source"_s).toString(), u"keyring"_s);
        QCOMPARE(o.value(u"online"_s).toBool(), true);
        QCOMPARE(o.value(u"organization"_s).toObject().value(u"name"_s).toString(), u"Acme Foods"_s);

        // The key is in the keyring's file (encrypted), not in any file of the station, nor in any output.
        QDirIterator files(m_home.filePath(u"config"_s), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_owner.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(!m_everything.contains(m_owner.toUtf8()));

        const Run forget = station({ u"account"_s, u"forget"_s });
        QCOMPARE(forget.exitCode, 0);
        QVERIFY2(forget.out.contains("desktop keyring"), forget.out.constData());
        const Run after = station({ u"account"_s, u"status"_s, u"--json"_s });
        QCOMPARE(after.exitCode, 1);
    }

    void cleanupTestCase()
    {
        m_sandbox.stop();
        for (QProcess *p : { &m_keyring, &m_bus }) {
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(5000))
                    p->kill();
                p->waitForFinished(2000);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"
