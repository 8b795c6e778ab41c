// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The credentials file (where no Secret Service runs): readable by its owner alone, replaced by rename, never in
// account.json; the environment overrides.
#include "credentials.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace closient::sync;

namespace {
const QString kKey = u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s;

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 0777;
}

ino_t inodeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_ino;
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString folder() const { return m_dir.filePath(u"config/Closient/closient-station"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        // Never the desktop's real keyring from a test.
        qputenv("CLOSIENT_KEY_STORE", "file");
        qunsetenv("CLOSIENT_API_KEY");
        qunsetenv("CLOSIENT_BASE_URL");
        QVERIFY(!CredentialStore::keyringAvailable());
    }

    void init()
    {
        QDir(m_dir.filePath(u"config"_s)).removeRecursively();
        qunsetenv("CLOSIENT_API_KEY");
        qunsetenv("CLOSIENT_BASE_URL");
    }

    void noKeyYet()
    {
        CredentialStore store(folder());
        const auto key = store.loadKey();
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, u"not_found"_s);
        QVERIFY(key.error().message.contains(u"account set-key"_s));
        QCOMPARE(store.baseUrl().value(), QUrl(u"https://www.closient.com"_s));
    }

    void savedInAPrivateFile()
    {
        CredentialStore store(folder());
        const auto where = store.saveKey(kKey);
        QVERIFY2(where.ok(), qPrintable(where.error().message));
        QCOMPARE(where.value(), CredentialStore::Backend::File);
        QCOMPARE(modeOf(store.credentialsFile()), mode_t(0600));
        QCOMPARE(modeOf(folder()), mode_t(0700));
        QVERIFY(contents(store.credentialsFile()).contains(kKey.toUtf8()));
        const auto loaded = store.loadKey();
        QCOMPARE(loaded.value().apiKey, kKey);
        QCOMPARE(loaded.value().source, CredentialStore::Backend::File);
        // Only the two files: no temporary file is left behind.
        QCOMPARE(QDir(folder()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void replacedByRenameNotInPlace()
    {
        CredentialStore store(folder());
        QVERIFY(store.saveKey(kKey).ok());
        const ino_t before = inodeOf(store.credentialsFile());
        const QString other = u"cpk_0123456789abcdefghijABCDEFGHIJxy_00000000"_s;
        QVERIFY(store.saveKey(other).ok());
        QVERIFY(inodeOf(store.credentialsFile()) != before); // a new file took the old one's name
        QCOMPARE(store.loadKey().value().apiKey, other);
        QCOMPARE(modeOf(store.credentialsFile()), mode_t(0600));
    }

    void looseFileIsTightened()
    {
        CredentialStore store(folder());
        QVERIFY(store.saveKey(kKey).ok());
        ::chmod(QFile::encodeName(store.credentialsFile()).constData(), 0644);
        QVERIFY(store.loadKey().ok());
        QCOMPARE(modeOf(store.credentialsFile()), mode_t(0600));
    }

    void settingsHoldNoKey()
    {
        CredentialStore store(folder());
        QVERIFY(store.saveKey(kKey).ok());
        CredentialStore::Settings s;
        s.baseUrl = QUrl(u"http://127.0.0.1:8000"_s);
        s.keyStore = CredentialStore::Backend::File;
        s.identity = { { u"email"_s, u"ops@acme.test"_s } };
        QVERIFY(store.saveSettings(s).ok());
        QVERIFY(!contents(store.settingsFile()).contains(kKey.toUtf8()));
        QVERIFY(!contents(store.settingsFile()).contains("AbCdEfGhIjKlMnOp"));
        const auto loaded = store.loadSettings();
        QCOMPARE(loaded.value().baseUrl, s.baseUrl);
        QCOMPARE(loaded.value().keyStore, CredentialStore::Backend::File);
        QCOMPARE(loaded.value().identity, s.identity);
        QCOMPARE(store.baseUrl().value(), s.baseUrl);
    }

    void forgetKeepsTheServer()
    {
        CredentialStore store(folder());
        QVERIFY(store.saveKey(kKey).ok());
        CredentialStore::Settings s;
        s.baseUrl = QUrl(u"https://www.closient.dev"_s);
        s.identity = { { u"email"_s, u"ops@acme.test"_s } };
        QVERIFY(store.saveSettings(s).ok());
        QVERIFY(store.forget().ok());
        QVERIFY(!QFile::exists(store.credentialsFile()));
        QCOMPARE(store.loadKey().error().code, u"not_found"_s);
        QVERIFY(store.loadSettings().value().identity.isEmpty());
        QCOMPARE(store.baseUrl().value(), s.baseUrl);
        QVERIFY(store.forget().ok()); // twice is fine
    }

    void environmentOverrides()
    {
        CredentialStore store(folder());
        QVERIFY(store.saveKey(kKey).ok());
        const QString other = u"csu_0123456789abcdefghijABCDEFGHIJxy_00000000"_s;
        qputenv("CLOSIENT_API_KEY", other.toUtf8());
        qputenv("CLOSIENT_BASE_URL", "testing");
        QCOMPARE(store.loadKey().value().apiKey, other);
        QCOMPARE(store.loadKey().value().source, CredentialStore::Backend::Environment);
        QCOMPARE(store.baseUrl().value(), QUrl(u"https://www.closient.dev"_s));
        qputenv("CLOSIENT_BASE_URL", "ftp://nowhere");
        QVERIFY(!store.baseUrl().ok());
        QVERIFY(store.baseUrl().error().message.startsWith(u"CLOSIENT_BASE_URL: "_s));
    }

    void brokenFiles()
    {
        CredentialStore store(folder());
        QVERIFY(writeFileAtomically(store.settingsFile(), "not json").ok());
        QCOMPARE(store.loadSettings().error().code, u"invalid"_s);
        QVERIFY(writeFileAtomically(store.credentialsFile(), "{}").ok());
        QCOMPARE(store.loadKey().error().code, u"invalid"_s);
        // A folder where the file should be: refused with the path, nothing else touched.
        CredentialStore blocked(m_dir.filePath(u"config/blocked"_s));
        QVERIFY(QDir().mkpath(blocked.credentialsFile()));
        const auto saved = blocked.saveKey(kKey);
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().message.contains(blocked.credentialsFile()), qPrintable(saved.error().message));
        QVERIFY(!saved.error().message.contains(kKey));
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
