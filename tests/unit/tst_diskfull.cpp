// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A full disk is a full disk: never "damaged", never "restore a backup", nothing saved is lost, and the store
// carries on once there is room again.
#include "capturerepository.h"
#include "captureservice.h"
#include "database.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QDir>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <sched.h>
#include <sys/mount.h>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::store;
using closient::test::await;

class TestDiskFull : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_mount; // a small tmpfs of our own, when this process may mount one
    QString m_noMountReason;
    int m_n = 0;

    /// Fills the small file system to the last byte.
    bool fillDisk()
    {
        QFile f(m_mount + u"/filler"_s);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
            return false;
        const QByteArray block(4096, 'x');
        while (f.write(block) == block.size() && f.flush()) { }
        const QByteArray byte(1, 'x');
        while (f.write(byte) == 1 && f.flush()) { }
        f.close();
        return QStorageInfo(m_mount).bytesAvailable() == 0;
    }
    void freeDisk() { QFile::remove(m_mount + u"/filler"_s); }

    static void verifyDiskFullError(const StoreError &e, const QString &volume)
    {
        QCOMPARE(e.code, u"disk_full"_s);
        QVERIFY(e.retryable);
        QVERIFY2(e.message.contains(u"The disk is full"_s), qPrintable(e.message));
        QVERIFY2(e.message.contains(u"free some space on %1"_s.arg(volume)), qPrintable(e.message));
        QVERIFY2(e.message.contains(u"Nothing already saved is lost"_s), qPrintable(e.message));
        QVERIFY2(!e.message.contains(u"damaged"_s) && !e.message.contains(u"backup"_s), qPrintable(e.message));
    }

    QString newSession(Database &db)
    {
        auto s = await(SessionRepository(&db).create(u"barcode_scan"_s, {}));
        return s.ok() ? s.value().id : QString();
    }

    static CaptureOutcome capture(Database &db, const QString &session, int n)
    {
        CaptureRequest r;
        r.sessionId = session;
        r.rawValue = u"(01)09506000134352(21)S%1"_s.arg(n, 6, 10, QChar(u'0'));
        r.metadata = { { u"note"_s, QString(400, u'n') } };
        return await(CaptureService(&db).submit(r));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A real full file system: a private mount namespace with a 2 MiB tmpfs (room, once freed, for the store an
        // earlier step left and a new store with its journal). Threads started from here on (the
        // database thread) inherit the namespace. Without the right to mount, only the SQLite-limit tests run.
        m_mount = m_dir.filePath(u"small-disk"_s);
        QVERIFY(QDir().mkpath(m_mount));
        if (::unshare(CLONE_NEWNS) != 0) {
            m_noMountReason = u"cannot make a mount namespace: %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
        } else if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
            || ::mount("tmpfs", QFile::encodeName(m_mount).constData(), "tmpfs", 0, "size=2m,mode=0700") != 0) {
            m_noMountReason = u"cannot mount a tmpfs: %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
        }
        if (!m_noMountReason.isEmpty())
            m_mount.clear();
    }

    void cleanupTestCase()
    {
        if (!m_mount.isEmpty())
            ::umount2(QFile::encodeName(m_mount).constData(), MNT_DETACH);
    }

    void writeBeyondTheLimitIsDiskFullAndTheStoreCarriesOn()
    {
        // SQLite's own page limit gives a genuine SQLITE_FULL on any file system.
        const auto file = m_dir.filePath(u"limit%1.sqlite"_s.arg(++m_n));
        Database db;
        QVERIFY(await(db.open(file)).ok());
        const auto session = newSession(db);
        QVERIFY(!session.isEmpty());
        QVERIFY(capture(db, session, 0).captured);
        // Cap the file at its current size.
        QVERIFY(await(db.run([](QSqlDatabase &c) {
            QSqlQuery q(c);
            if (!q.exec(u"PRAGMA page_count"_s) || !q.next())
                return false;
            const int pages = q.value(0).toInt();
            QSqlQuery cap(c);
            return cap.exec(u"PRAGMA max_page_count = %1"_s.arg(pages));
        })));
        CaptureOutcome refused;
        int n = 1;
        for (; n < 500; ++n) {
            refused = capture(db, session, n);
            if (!refused.captured)
                break;
        }
        QVERIFY2(!refused.captured, "the page limit is reached");
        QCOMPARE(refused.reasonCode, u"disk_full"_s);
        const auto volume = QStorageInfo(m_dir.path()).rootPath();
        verifyDiskFullError({ refused.reasonCode, refused.reason, true }, volume);
        // The repository's own error says the same and may be retried.
        auto direct = await(SessionRepository(&db).create(u"barcode_scan"_s, { { u"n"_s, QString(400, u'x') } }));
        int tries = 0;
        while (direct.ok() && ++tries < 100)
            direct = await(SessionRepository(&db).create(u"barcode_scan"_s, { { u"n"_s, QString(400, u'x') } }));
        QVERIFY(!direct.ok());
        verifyDiskFullError(direct.error(), volume);

        // Reads still work and hold everything acknowledged.
        const auto stored = await(CaptureRepository(&db).forSession(session));
        QCOMPARE(int(stored.size()), n);
        // Room again: the next write succeeds.
        QVERIFY(await(db.run([](QSqlDatabase &c) { return QSqlQuery(c).exec(u"PRAGMA max_page_count = 1000000"_s); })));
        const auto after = capture(db, session, n);
        QVERIFY2(after.captured, qPrintable(after.reason));
        QCOMPARE(await(CaptureRepository(&db).forSession(session)).size(), size_t(n + 1));
    }

    void fullFileSystemWhileOpen()
    {
        if (m_mount.isEmpty())
            QSKIP(qPrintable(m_noMountReason));
        const auto file = m_mount + u"/open.sqlite"_s;
        Database db;
        QVERIFY(await(db.open(file)).ok());
        const auto session = newSession(db);
        QVERIFY(!session.isEmpty());
        QVERIFY(capture(db, session, 0).captured);
        QVERIFY(fillDisk());
        CaptureOutcome refused;
        int n = 1;
        for (; n < 2000; ++n) {
            refused = capture(db, session, n);
            if (!refused.captured)
                break;
        }
        QVERIFY2(!refused.captured, "a full disk refuses writes");
        verifyDiskFullError({ refused.reasonCode, refused.reason, true }, m_mount);
        QCOMPARE(await(CaptureRepository(&db).forSession(session)).size(), size_t(n)); // reads work
        freeDisk();
        const auto after = capture(db, session, n);
        QVERIFY2(after.captured, qPrintable(after.reason));
        QCOMPARE(await(CaptureRepository(&db).forSession(session)).size(), size_t(n + 1));
        QVERIFY(await(db.run([](QSqlDatabase &c) {
            QSqlQuery q(c);
            return q.exec(u"PRAGMA integrity_check"_s) && q.next() && q.value(0).toString() == u"ok";
        })));
        QFile::remove(file);
    }

    void openingAStoreOnAFullDiskSaysSo()
    {
        if (m_mount.isEmpty())
            QSKIP(qPrintable(m_noMountReason));
        const auto file = m_mount + u"/closed.sqlite"_s;
        {
            Database db;
            QVERIFY(await(db.open(file)).ok());
            const auto session = newSession(db);
            QVERIFY(capture(db, session, 1).captured);
        }
        QVERIFY(!QFile::exists(file + u"-wal"_s)); // closed cleanly
        const auto before = test::fileHash(file);
        QVERIFY(fillDisk());
        {
            Database db;
            const auto r = await(db.open(file));
            QVERIFY(!r.ok());
            verifyDiskFullError(r.error(), m_mount);
        }
        QCOMPARE(test::fileHash(file), before);
        freeDisk();
        Database db;
        const auto r = await(db.open(file));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(await(SessionRepository(&db).list()).size(), size_t(1));
    }

    void creatingAStoreOnAFullDiskLeavesNothingBehind()
    {
        if (m_mount.isEmpty())
            QSKIP(qPrintable(m_noMountReason));
        const QStringList before = QDir(m_mount).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QVERIFY(fillDisk());
        const auto file = m_mount + u"/sub/new.sqlite"_s;
        {
            Database db;
            const auto r = await(db.open(file));
            QVERIFY(!r.ok());
            verifyDiskFullError(r.error(), m_mount);
            QVERIFY2(!r.error().message.contains(u"locked"_s), qPrintable(r.error().message));
        }
        QStringList after = QDir(m_mount).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        after.removeAll(u"filler"_s);
        QCOMPARE(after, before); // no file, no half-made folder
        freeDisk();
        Database db;
        const auto r = await(db.open(file));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
