// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The store as files: private folders, and a new store built aside and linked into place.
#include "storefiles.h"

#include "migrations.h"
#include "sqlhelpers.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStorageInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStoreFiles, "closient.db.files")

namespace closient::store {

namespace {

StoreError refuse(const char *code, const QString &message)
{
    return { QString::fromLatin1(code), message };
}

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

bool noSpaceErrno(int err)
{
    return err == ENOSPC || err == EDQUOT;
}

void removeStoreFiles(const QString &file)
{
    for (const auto suffix : { u"", u"-wal", u"-shm", u"-journal" })
        QFile::remove(file + QString::fromUtf16(suffix));
}

bool syncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// Builds a complete new store in @p temp (rollback journal while building, WAL when done), then closes it.
Result<Done> buildStore(const QString &temp, const QString &connectionName)
{
    Result<Done> result = Done {};
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(temp);
        if (!db.open()) {
            result = refuse("io", u"%1 cannot be created: %2"_s.arg(temp, db.lastError().text()));
        } else {
            setThreadStore(temp, sqliteHandle(db));
            QSqlError err;
            (void)scalar(db, u"PRAGMA synchronous=FULL"_s);
            {
                Transaction tx(db);
                if (!tx.started())
                    result = sqlError(tx.lastError());
                else if (auto schema = createFreshSchema(db); !schema.ok())
                    result = schema;
                else if ((void)scalar(db, u"PRAGMA application_id=%1"_s.arg(kStoreApplicationId), &err); err.isValid())
                    result = sqlError(err);
                else if (!tx.commit())
                    result = sqlError(tx.lastError());
            }
            if (result.ok()) {
                const QString mode = scalar(db, u"PRAGMA journal_mode=WAL"_s, &err);
                if (err.isValid())
                    result = sqlError(err);
                else if (mode.toLower() != u"wal")
                    result = refuse("io", u"%1 cannot be switched to write-ahead logging."_s.arg(temp));
            }
            setThreadStore({}, nullptr);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    // Closing the only connection folds the log into the file; a log left over means that did not happen.
    if (result.ok() && QFileInfo(temp + u"-wal"_s).size() > 0)
        result = refuse("io", u"The new store could not be completed (its log was not written back)."_s);
    return result;
}

} // namespace

void removeDirs(const QStringList &made)
{
    for (auto it = made.crbegin(); it != made.crend(); ++it)
        ::rmdir(QFile::encodeName(*it).constData());
}

Result<QStringList> makePrivateDirs(const QString &dir)
{
    QStringList missing;
    for (QString d = QDir::cleanPath(dir); !QFileInfo::exists(d); d = QFileInfo(d).absolutePath()) {
        missing.prepend(d);
        if (QFileInfo(d).absolutePath() == d)
            break;
    }
    QStringList made;
    for (const auto &d : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(d).constData(), 0700) == 0) {
            made << d;
            continue;
        }
        const int err = errno;
        if (err == EEXIST && QFileInfo(d).isDir())
            continue; // another program made it a moment ago
        removeDirs(made);
        if (noSpaceErrno(err))
            return diskFullError(d, u"the folder %1 was not created."_s.arg(d));
        return refuse("io", u"The folder %1 cannot be created: %2."_s.arg(d, systemError(err)));
    }
    return made;
}

Result<Done> createStore(const QString &path, const QString &connectionName)
{
    const QFileInfo fi(path);
    const QString noRoom = u"the new store %1 was not created and nothing was left behind."_s.arg(path);
    QTemporaryFile tmp(fi.absolutePath() + u"/."_s + fi.fileName() + u".XXXXXX.new"_s); // 0600
    tmp.setAutoRemove(false);
    if (!tmp.open()) {
        const QStorageInfo volume(fi.absolutePath());
        if (volume.isValid() && volume.bytesAvailable() == 0)
            return diskFullError(path, noRoom);
        return refuse("io", u"%1 cannot be created: %2."_s.arg(path, tmp.errorString()));
    }
    const QString temp = tmp.fileName();
    tmp.close();
    auto built = buildStore(temp, connectionName);
    if (!built.ok()) {
        removeStoreFiles(temp);
        if (built.error().code == u"disk_full")
            return diskFullError(path, noRoom);
        return refuse(qPrintable(built.error().code),
            u"The new store %1 could not be created: %2 Nothing was left behind."_s.arg(path, built.error().message));
    }
    if (!syncPath(temp, false)) {
        const int err = errno;
        removeStoreFiles(temp);
        return noSpaceErrno(err) ? diskFullError(path, noRoom)
                                 : refuse("io", u"%1 cannot be written: %2."_s.arg(path, systemError(err)));
    }
    const QByteArray from = QFile::encodeName(temp);
    const QByteArray to = QFile::encodeName(path);
    int rc = ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP)) {
        rc = ::link(from.constData(), to.constData()); // file systems without RENAME_NOREPLACE
        if (rc == 0)
            ::unlink(from.constData());
    }
    const int err = errno;
    if (rc != 0) {
        removeStoreFiles(temp);
        if (err == EEXIST)
            return Done {}; // another program created it a moment ago: use theirs
        return noSpaceErrno(err) ? diskFullError(path, noRoom)
                                 : refuse("io", u"%1 cannot be created: %2."_s.arg(path, systemError(err)));
    }
    (void)syncPath(fi.absolutePath(), true);
    qCInfo(lcStoreFiles) << "created a new store at" << path;
    return Done {};
}

} // namespace closient::store
