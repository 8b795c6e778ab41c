// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "migrations.h"
#include "sqlhelpers.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDb, "closient.db")

namespace closient::store {

namespace {

constexpr int kApplicationId = 0x434C5354; // "CLST"

StoreError refuse(const char *code, const QString &message)
{
    return { QString::fromLatin1(code), message };
}

QString pragma(QSqlDatabase &db, const QString &sql, QSqlError *error = nullptr)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError();
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace

Database::Database(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
    , m_connectionName(u"closient-db-%1"_s.arg(quintptr(this), 0, 16))
{
    m_thread.setObjectName(u"closient-db"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

Database::~Database()
{
    // Close the connection on its own thread, then stop the thread; queued work that never ran is cancelled.
    QMetaObject::invokeMethod(
        m_worker,
        [name = m_connectionName] {
            {
                auto db = QSqlDatabase::database(name, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(name);
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/closient-station.sqlite"_s;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QFuture<Result<Done>> Database::open(const QString &path, Access access)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (access == Access::Exclusive) {
        QDir().mkpath(QFileInfo(absolute).absolutePath());
        m_lock = std::make_unique<QLockFile>(absolute + u".lock"_s);
        m_lock->setStaleLockTime(0); // only a live process holds the lock
        if (!m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            m_lock->getLockInfo(&pid, &host, &app);
            m_lock.reset();
            QPromise<Result<Done>> p;
            p.start();
            p.addResult(refuse("in_use",
                u"Closient Station is already running with this database (process %1 on %2). Close it first, or "
                u"start with --db to use another file."_s.arg(pid)
                    .arg(host)));
            p.finish();
            return p.future();
        }
    }
    m_path = absolute;
    return run([this, absolute](QSqlDatabase &) {
        auto r = openOnThread(absolute);
        m_open = r.ok();
        if (!r.ok()) { // leave the file alone and unlocked
            {
                auto db = QSqlDatabase::database(m_connectionName, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(m_connectionName);
        }
        return r;
    });
}

Result<Done> Database::openOnThread(const QString &path)
{
    // Checks that need no SQLite first: a file that is not ours is never opened for writing.
    const QFileInfo fi(path);
    if (fi.exists()) {
        if (fi.isDir())
            return refuse("not_a_database", u"%1 is a folder, not a database file."_s.arg(path));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return refuse("io", u"%1 cannot be read: %2."_s.arg(path, f.errorString()));
        const QByteArray header = f.read(16);
        if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16))
            return refuse("not_a_database",
                u"%1 is not a Closient Station database (it is not an SQLite file). It was left untouched."_s.arg(
                    path));
        if (!fi.isWritable() || !QFileInfo(fi.absolutePath()).isWritable())
            return refuse("read_only",
                u"%1 is read-only, so scans could not be saved. Check the permissions of the file and its folder."_s
                    .arg(path));
    } else if (!QDir().mkpath(fi.absolutePath())) {
        return refuse("io", u"The folder %1 cannot be created."_s.arg(fi.absolutePath()));
    }

    auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return refuse("io", u"%1 cannot be opened: %2"_s.arg(path, db.lastError().text()));
    if (auto *handle = *static_cast<sqlite3 **>(db.driver()->handle().data());
        handle && sqlite3_db_readonly(handle, "main") == 1)
        return refuse("read_only", u"%1 is read-only, so scans could not be saved."_s.arg(path));

    QSqlError err;
    const QString check = pragma(db, u"PRAGMA quick_check"_s, &err);
    if (err.isValid()) {
        const auto e = sqlError(err);
        if (e.code == u"not_a_database")
            return refuse(
                "not_a_database", u"%1 is not a Closient Station database. It was left untouched."_s.arg(path));
        if (e.code == u"locked")
            return refuse("locked", u"%1 is locked by another program. Close it and try again."_s.arg(path));
        return refuse(
            "corrupt", u"%1 is damaged (%2). It was left untouched; restore a backup."_s.arg(path, err.databaseText()));
    }
    if (check != u"ok")
        return refuse("corrupt", u"%1 is damaged (%2). It was left untouched; restore a backup."_s.arg(path, check));

    const int appId = pragma(db, u"PRAGMA application_id"_s).toInt();
    const int tables = pragma(db, u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s).toInt();
    const bool ours = appId == kApplicationId;
    if (!ours && (appId != 0 || tables > 0))
        return refuse("foreign_database",
            u"%1 belongs to another program, not to Closient Station. It was left untouched."_s.arg(path));

    if (pragma(db, u"PRAGMA journal_mode=WAL"_s, &err).toLower() != u"wal")
        return refuse("locked", u"%1 is locked by another program. Close it and try again."_s.arg(path));
    (void)pragma(db, u"PRAGMA synchronous=FULL"_s);
    (void)pragma(db, u"PRAGMA foreign_keys=ON"_s);

    Transaction tx(db);
    if (!tx.started())
        return sqlError(tx.lastError());
    if (!ours) {
        if (!createFreshSchema(db))
            return refuse("io", u"The new database could not be created: %1"_s.arg(db.lastError().text()));
        (void)pragma(db, u"PRAGMA application_id=%1"_s.arg(kApplicationId));
    } else {
        const int version = pragma(db, u"SELECT version FROM schema_version"_s).toInt();
        if (version > latestSchemaVersion())
            return refuse("newer_schema",
                u"%1 was written by a newer Closient Station (schema %2; this one knows up to %3). It was left "
                u"untouched."_s.arg(path)
                    .arg(version)
                    .arg(latestSchemaVersion()));
        QString error;
        if (migrate(db, version, &error) != latestSchemaVersion())
            return refuse("io", u"The database could not be upgraded: %1. Nothing was changed."_s.arg(error));
    }
    if (!tx.commit())
        return sqlError(tx.lastError());
    qCInfo(lcDb) << "store open at" << path << "schema" << latestSchemaVersion();
    return Done {};
}

} // namespace closient::store
