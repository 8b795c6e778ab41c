// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "migrations.h"
#include "sqlhelpers.h"
#include "storefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTimer>
#include <QUrl>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDb, "closient.db", QtInfoMsg)

namespace closient::store {

namespace {

StoreError refuse(const char *code, const QString &message, bool retryable = false)
{
    return { QString::fromLatin1(code), message, retryable };
}

/// The error for a failed check while opening: a full disk or a busy file is not damage.
StoreError openError(const QString &path, const QSqlError &err)
{
    const auto e = sqlError(err);
    if (e.code == u"not_a_database")
        return refuse("not_a_database", u"%1 is not a Closient Station database. It was left untouched."_s.arg(path));
    if (e.code == u"locked")
        return refuse("locked", u"%1 is locked by another program. Close it and try again."_s.arg(path), true);
    if (e.code == u"disk_full")
        return diskFullError(path, u"open the store again once there is room."_s);
    if (e.code == u"read_only")
        return refuse("read_only", u"%1 is read-only, so scans could not be saved."_s.arg(path));
    if (e.code == u"corrupt")
        return refuse(
            "corrupt", u"%1 is damaged (%2). It was left untouched; restore a backup."_s.arg(path, err.databaseText()));
    return refuse("io", u"%1 cannot be read (%2). It was left untouched."_s.arg(path, err.databaseText()));
}

/// Creates the schema in an empty store inside @p tx, after checking it is still empty.
// WAL with synchronous=FULL: a commit is on disk before it returns. Switching needs the file to ourselves for a
// moment, so another program holding it shows up here.
Result<Done> useWriteAheadLog(QSqlDatabase &db, const QString &path)
{
    QSqlError err;
    const QString mode = scalar(db, u"PRAGMA journal_mode=WAL"_s, &err);
    if (err.isValid())
        return openError(path, err);
    if (mode.toLower() != u"wal")
        return refuse("locked", u"%1 is locked by another program. Close it and try again."_s.arg(path), true);
    (void)scalar(db, u"PRAGMA synchronous=FULL"_s);
    return Done {};
}

Result<Done> createSchema(QSqlDatabase &db, const QString &path, Transaction &tx)
{
    QSqlError err;
    const int appId = scalar(db, u"PRAGMA application_id"_s).toInt();
    const int tables = scalar(db, u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s).toInt();
    if (appId != 0 || tables > 0)
        return refuse("foreign_database",
            u"%1 belongs to another program, not to Closient Station. It was left untouched."_s.arg(path));
    if (auto schema = createFreshSchema(db); !schema.ok())
        return schema.error().code == u"disk_full"
            ? diskFullError(path, u"the new store was not set up; open it again once there is room."_s)
            : refuse("io", u"The new database could not be created: %1"_s.arg(schema.error().message));
    (void)scalar(db, u"PRAGMA application_id=%1"_s.arg(kStoreApplicationId), &err);
    if (err.isValid())
        return openError(path, err);
    if (!tx.commit())
        return openError(path, tx.lastError());
    return Done {};
}

} // namespace

Database::Database(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
    , m_connectionName(u"closient-db-%1"_s.arg(quintptr(this), 0, 16))
{
    qRegisterMetaType<Capture>(); // announced across threads
    m_thread.setObjectName(u"closient-db"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

Database::~Database()
{
    // Close the connection on its own thread, then stop the thread; queued work that never ran is cancelled.
    QMetaObject::invokeMethod(
        m_worker, [this] { closeConnection(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void Database::watchOtherWriters(int intervalMs)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, intervalMs] {
            // data_version changes when another connection commits, never for this connection's own writes.
            auto *timer = new QTimer(m_worker);
            auto last = std::make_shared<qint64>(-1);
            const auto look = [this, last] {
                auto db = connection();
                if (!db.isOpen())
                    return;
                bool ok = false;
                const qint64 version = scalar(db, u"PRAGMA data_version"_s).toLongLong(&ok);
                if (!ok)
                    return;
                if (*last >= 0 && version != *last)
                    Q_EMIT changedElsewhere();
                *last = version;
            };
            QObject::connect(timer, &QTimer::timeout, m_worker, look);
            timer->start(intervalMs);
            look(); // the starting point
        },
        Qt::QueuedConnection);
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/closient-station.sqlite"_s;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::closeConnection()
{
    {
        auto db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    setThreadStore({}, nullptr);
}

QFuture<Result<Done>> Database::open(const QString &path, Access access)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_createdDirs.clear();
    if (access == Access::Exclusive) {
        auto dirs = makePrivateDirs(QFileInfo(absolute).absolutePath());
        if (dirs.ok())
            m_createdDirs = dirs.value();
        m_lock = std::make_unique<QLockFile>(absolute + u".lock"_s);
        m_lock->setStaleLockTime(0); // only a live process holds the lock
        if (!m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            const bool held = m_lock->getLockInfo(&pid, &host, &app);
            const bool denied = m_lock->error() == QLockFile::PermissionError;
            m_lock.reset();
            removeDirs(m_createdDirs);
            QPromise<Result<Done>> p;
            p.start();
            if (!dirs.ok())
                p.addResult(dirs.error());
            else if (held)
                p.addResult(refuse("in_use",
                    u"Closient Station is already running with this database (process %1 on %2). Close it first, "
                    u"or start with --db to use another file."_s.arg(pid)
                        .arg(host)));
            else if (QStorageInfo(QFileInfo(absolute).absolutePath()).bytesAvailable() == 0)
                p.addResult(diskFullError(absolute, u"open the store again once there is room."_s));
            else if (denied || !QFileInfo(QFileInfo(absolute).absolutePath()).isWritable())
                p.addResult(refuse("read_only",
                    u"%1 is in a folder this account cannot write to, so scans could not be saved. Check the "
                    u"permissions of the folder, or start with --db to use another file."_s.arg(absolute)));
            else
                p.addResult(refuse("io", u"%1 cannot be locked for this window."_s.arg(absolute)));
            p.finish();
            return p.future();
        }
    }
    m_path = absolute;
    m_access = access;
    return run([this, absolute, access](QSqlDatabase &) {
        auto r = openOnThread(absolute, access);
        m_open.store(r.ok(), std::memory_order_release);
        if (!r.ok()) { // leave the file alone and unlocked, and take away only what this attempt made
            closeConnection();
            m_lock.reset();
            removeDirs(m_createdDirs);
            if (r.error().message.isEmpty())
                r = refuse(qPrintable(r.error().code.isEmpty() ? u"io"_s : r.error().code),
                    u"%1 cannot be opened (%2)."_s.arg(absolute, r.error().code));
        }
        m_createdDirs.clear();
        return r;
    });
}

Result<QSqlDatabase> Database::openConnection(const QString &path, bool readOnly, bool immutable)
{
    auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (immutable) {
        db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + u"?immutable=1"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s);
    } else {
        db.setDatabaseName(path);
        db.setConnectOptions(
            readOnly ? u"QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"_s : u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    if (!db.open())
        return refuse("io", u"%1 cannot be opened: %2"_s.arg(path, db.lastError().text()));
    setThreadStore(path, sqliteHandle(db));
    return db;
}

Result<Done> Database::openOnThread(const QString &path, Access access)
{
    const bool readOnly = access == Access::ReadOnly;
    // Checks that need no SQLite first: a file that is not ours is never opened for writing.
    if (!QFileInfo::exists(path) && readOnly)
        return refuse("not_found",
            u"There is no store at %1: nothing has been saved there yet. Check the path (--db), or make the store "
            u"with a command that writes, such as sessions create."_s.arg(path));
    if (!QFileInfo::exists(path)) {
        auto dirs = makePrivateDirs(QFileInfo(path).absolutePath());
        if (!dirs.ok())
            return dirs.error();
        m_createdDirs << dirs.value();
        if (auto created = createStore(path, m_connectionName + u"-new"_s); !created.ok())
            return created.error();
    }
    const QFileInfo fi(path);
    if (fi.isDir())
        return refuse("not_a_database", u"%1 is a folder, not a database file."_s.arg(path));
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return refuse("io", u"%1 cannot be read: %2."_s.arg(path, f.errorString()));
        const QByteArray header = f.read(16);
        if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16))
            return refuse("not_a_database",
                u"%1 is not a Closient Station database (it is not an SQLite file). It was left untouched."_s.arg(
                    path));
    }
    if (!readOnly && (!fi.isWritable() || !QFileInfo(fi.absolutePath()).isWritable()))
        return refuse("read_only",
            u"%1 is read-only, so scans could not be saved. Check the permissions of the file and its folder."_s.arg(
                path));

    auto connected = openConnection(path, readOnly);
    if (!connected.ok())
        return connected.error();
    auto db = connected.value();
    connected = Result<QSqlDatabase>(); // one handle on the connection, or closing it later warns it is in use
    if (auto *handle = static_cast<sqlite3 *>(sqliteHandle(db));
        !readOnly && handle && sqlite3_db_readonly(handle, "main") == 1)
        return refuse("read_only", u"%1 is read-only, so scans could not be saved."_s.arg(path));

    QSqlError err;
    QString check = scalar(db, u"PRAGMA quick_check"_s, &err);
    if (err.isValid() && readOnly && !QFileInfo::exists(path + u"-wal"_s)
        && !QFileInfo(fi.absolutePath()).isWritable()) {
        // A read-only folder without the write-ahead log: SQLite cannot make its index file there, and no program
        // can be writing (a writer needs both files). The file is read as it stands.
        qCDebug(lcDb) << "reading" << path << "as immutable:" << err.text();
        db = QSqlDatabase();
        closeConnection();
        auto immutable = openConnection(path, true, true);
        if (!immutable.ok())
            return immutable.error();
        db = immutable.value();
        err = {};
        check = scalar(db, u"PRAGMA quick_check"_s, &err);
    }
    if (err.isValid())
        return openError(path, err);
    if (check != u"ok")
        return refuse("corrupt", u"%1 is damaged (%2). It was left untouched; restore a backup."_s.arg(path, check));

    const int appId = scalar(db, u"PRAGMA application_id"_s).toInt();
    const int tables = scalar(db, u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s).toInt();
    if (appId != kStoreApplicationId && (appId != 0 || tables > 0))
        return refuse("foreign_database",
            u"%1 belongs to another program, not to Closient Station. It was left untouched."_s.arg(path));
    (void)scalar(db, u"PRAGMA foreign_keys=ON"_s);

    if (readOnly) {
        (void)scalar(db, u"PRAGMA query_only=ON"_s);
        const int version = scalar(db, u"SELECT version FROM schema_version"_s).toInt();
        if (appId != kStoreApplicationId || version < latestSchemaVersion()) {
            // Not set up yet, or an older schema: the one write needed before reading, done by a writing connection.
            db = QSqlDatabase();
            closeConnection();
            Result<Done> up = Done {};
            {
                auto writer = openConnection(path, false);
                if (!writer.ok())
                    return writer.error();
                up = appId != kStoreApplicationId ? initialise(writer.value(), path) : upgrade(writer.value(), path);
            }
            closeConnection();
            if (!up.ok() && up.error().code == u"read_only")
                return refuse("read_only",
                    appId != kStoreApplicationId
                        ? u"%1 is empty and read-only, so it cannot be set up as a store."_s.arg(path)
                        : u"%1 was written by an older Closient Station (schema %2) and must be upgraded once by a "
                          u"program that may write it. It was left untouched."_s.arg(path)
                              .arg(version));
            if (!up.ok())
                return up.error();
            auto again = openConnection(path, true);
            if (!again.ok())
                return again.error();
            db = again.value();
            (void)scalar(db, u"PRAGMA query_only=ON"_s);
            (void)scalar(db, u"PRAGMA foreign_keys=ON"_s);
        } else if (version > latestSchemaVersion()) {
            return upgrade(db, path); // refuses a newer schema with its reason; reads nothing else
        }
        qCInfo(lcDb) << "store open read-only at" << path;
        return Done {};
    }

    if (auto wal = useWriteAheadLog(db, path); !wal.ok())
        return wal;
    auto ready = appId == kStoreApplicationId ? upgrade(db, path) : initialise(db, path);
    if (!ready.ok())
        return ready;
    qCInfo(lcDb) << "store open at" << path << "schema" << latestSchemaVersion();
    return Done {};
}

Result<Done> Database::initialise(QSqlDatabase &db, const QString &path)
{
    // An existing empty file (a store is never created in place, but an older version or a person may have left
    // one): set it up under the write lock, after checking again that no other program just did.
    QSqlError err;
    if (auto wal = useWriteAheadLog(db, path); !wal.ok())
        return wal;
    bool setUpMeanwhile = false;
    {
        Transaction tx(db);
        if (!tx.started())
            return openError(path, tx.lastError());
        setUpMeanwhile = scalar(db, u"PRAGMA application_id"_s).toInt() == kStoreApplicationId;
        if (!setUpMeanwhile)
            return createSchema(db, path, tx);
    }
    return upgrade(db, path); // another program set it up meanwhile
}

Result<Done> Database::upgrade(QSqlDatabase &db, const QString &path)
{
    const auto newer = [&](int version) {
        return refuse("newer_schema",
            u"%1 was written by a newer Closient Station (schema %2; this one knows up to %3). It was left "
            u"untouched."_s.arg(path)
                .arg(version)
                .arg(latestSchemaVersion()));
    };
    // Read first: a store at the newest schema needs no write lock, so opening never waits for a busy writer.
    int version = scalar(db, u"SELECT version FROM schema_version"_s).toInt();
    if (version > latestSchemaVersion())
        return newer(version);
    if (version == latestSchemaVersion())
        return Done {};
    // The upgrade is the one write nobody asked for: the store as it was is kept beside it first, once, readable by
    // the user only, so an older Closient Station can still be given its file back.
    const QString backup = u"%1.schema-%2.bak"_s.arg(path).arg(version);
    if (!QFileInfo::exists(backup)) {
        QFile empty(backup);
        if (!empty.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
            return refuse("io",
                u"%1 needs an upgrade, and a copy of it as it is could not be made first (%2): %3. Nothing was "
                u"changed."_s.arg(path, backup, empty.errorString()));
        empty.close();
        QSqlError err;
        (void)scalar(db, u"VACUUM INTO '%1'"_s.arg(QString(backup).replace(u'\'', u"''"_s)), &err);
        if (err.isValid()) {
            QFile::remove(backup);
            return sqlError(err).code == u"disk_full"
                ? diskFullError(
                    path, u"the store was not upgraded and is unchanged; open it again once there is room."_s)
                : refuse("io",
                    u"%1 needs an upgrade, and a copy of it as it is could not be made first: %2. Nothing was "
                    u"changed."_s.arg(path, err.text()));
        }
        qCWarning(lcDb).noquote() << u"%1 is upgraded from schema %2 to %3; the store as it was is kept as %4"_s
                                         .arg(path)
                                         .arg(version)
                                         .arg(latestSchemaVersion())
                                         .arg(backup);
    }
    Transaction tx(db);
    if (!tx.started())
        return openError(path, tx.lastError());
    version = scalar(db, u"SELECT version FROM schema_version"_s).toInt(); // another program may have upgraded it
    if (version > latestSchemaVersion())
        return newer(version);
    auto reached = migrate(db, version);
    if (!reached.ok())
        return reached.error().code == u"disk_full"
            ? diskFullError(path, u"the store was not upgraded and is unchanged; open it again once there is room."_s)
            : refuse(
                "io", u"The database could not be upgraded: %1 Nothing was changed."_s.arg(reached.error().message));
    if (!tx.commit())
        return openError(path, tx.lastError());
    return Done {};
}

} // namespace closient::store
