// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlhelpers.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QStorageInfo>
#include <QUuid>

#include <sqlite3.h>

#include <cerrno>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSql, "closient.db.sql")

namespace closient::store {

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString nowIso()
{
    return isoTime(QDateTime::currentDateTimeUtc());
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString likeContains(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

namespace {
thread_local ReusedStatements *t_reused = nullptr;
}

ReusedStatements::ReusedStatements(QSqlDatabase &db)
    : m_connection(db.connectionName())
    , m_outer(t_reused)
{
    t_reused = this;
}

ReusedStatements::~ReusedStatements()
{
    for (auto &q : m_queries)
        q.finish();
    t_reused = m_outer;
}

QSqlQuery *ReusedStatements::prepared(QSqlDatabase &db, const QString &sql)
{
    ReusedStatements *scope = t_reused;
    if (!scope || scope->m_connection != db.connectionName())
        return nullptr;
    if (const auto it = scope->m_queries.find(sql); it != scope->m_queries.end())
        return &it.value();
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return nullptr;
    return &scope->m_queries.insert(sql, std::move(q)).value();
}

QSqlQuery exec(QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values, bool *ok)
{
    QSqlQuery *reused = ReusedStatements::prepared(db, sql);
    // A reused statement is handed out as a second handle on the same prepared query (QSqlQuery's copies share
    // it): running it again through either is running the one statement.
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    QSqlQuery q = reused ? *reused : QSqlQuery(db);
    QT_WARNING_POP
    bool good = reused || q.prepare(sql);
    if (good) {
        int i = 0;
        for (const auto &v : values) {
            // A null QString is "no text", not SQL NULL; pass QVariant() for NULL.
            if (v.typeId() == QMetaType::QString && v.toString().isNull())
                q.bindValue(i++, QString(u""_s));
            else
                q.bindValue(i++, v);
        }
        good = q.exec();
    }
    if (!good)
        qCWarning(lcSql) << "statement failed:" << q.lastError().text() << sql;
    if (ok)
        *ok = good;
    return q;
}

QString scalar(QSqlDatabase &db, const QString &sql, QSqlError *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError();
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

namespace {
struct ThreadStore
{
    QString path;
    sqlite3 *handle = nullptr;
};
thread_local ThreadStore t_store;
} // namespace

void setThreadStore(const QString &path, void *handle)
{
    t_store = { path, static_cast<sqlite3 *>(handle) };
}

void *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

QString volumeOf(const QString &path)
{
    // The file may not exist yet: ask about the nearest folder that does.
    QString dir = QFileInfo(path).absolutePath();
    while (!QFileInfo::exists(dir) && dir != QFileInfo(dir).absolutePath())
        dir = QFileInfo(dir).absolutePath();
    const QStorageInfo volume(dir);
    return volume.isValid() ? volume.rootPath() : dir;
}

bool lastFailureWasNoSpace()
{
    if (!t_store.handle)
        return false;
    const int e = sqlite3_system_errno(t_store.handle);
    if (e == ENOSPC || e == EDQUOT)
        return true;
    // Some failures (the -shm index growing, fsync) do not keep errno: a volume with no room left is the cause.
    const QStorageInfo volume(QFileInfo(t_store.path).absolutePath());
    return volume.isValid() && volume.bytesAvailable() >= 0 && volume.bytesAvailable() < 64 * 1024;
}

StoreError diskFullError(const QString &path, const QString &advice)
{
    const QString where = path.isEmpty() ? u"the disk that holds the store"_s : volumeOf(path);
    return { u"disk_full"_s,
        u"The disk is full: free some space on %1. Nothing already saved is lost; %2"_s.arg(
            where, advice.isEmpty() ? u"only this change was not saved, so do it again once there is room."_s : advice),
        true };
}

StoreError sqlError(const QSqlError &error)
{
    const auto native = error.nativeErrorCode();
    const auto text = error.databaseText();
    // SQLite primary result codes: 5 BUSY, 6 LOCKED, 8 READONLY, 10 IOERR, 11 CORRUPT, 13 FULL, 14 CANTOPEN,
    // 26 NOTADB. Qt reports the extended code; the primary code is its low byte.
    const int code = native.toInt() & 0xff;
    if (code == 13 || ((code == 10 || code == 14) && lastFailureWasNoSpace()))
        return diskFullError(t_store.path);
    switch (code) {
    case 5:
    case 6:
        return { u"locked"_s,
            u"The database is busy: another program is holding it locked. Nothing was saved; try again."_s, true };
    case 8:
        return { u"read_only"_s,
            u"The database is read-only, so nothing can be saved. Check the file's permissions."_s };
    case 10:
        return { u"io"_s, u"The disk could not be read or written (%1). Nothing was saved."_s.arg(text) };
    case 11:
        return { u"corrupt"_s, u"The database file is damaged. Nothing was saved."_s };
    case 26:
        return { u"not_a_database"_s, u"The file is not a database."_s };
    default: {
        const QString reason = text.isEmpty() ? error.text() : text;
        return { u"sql"_s,
            u"The database refused the change: %1"_s.arg(
                reason.isEmpty() ? u"no reason given (code %1)"_s.arg(native) : reason) };
    }
    }
}

Transaction::Transaction(QSqlDatabase &db)
    : m_db(db)
{
    // IMMEDIATE takes the write lock now, so a busy database fails here and not halfway through.
    QSqlQuery q(m_db);
    m_started = q.exec(u"BEGIN IMMEDIATE"_s);
    if (!m_started)
        m_error = q.lastError();
    if (!m_started)
        qCWarning(lcSql) << "cannot begin a transaction:" << q.lastError().text();
}

Transaction::~Transaction()
{
    if (m_started && !m_done) {
        QSqlQuery q(m_db);
        (void)q.exec(u"ROLLBACK"_s);
    }
}

bool Transaction::commit()
{
    if (!m_started)
        return false;
    QSqlQuery q(m_db);
    m_done = q.exec(u"COMMIT"_s);
    if (!m_done)
        m_error = q.lastError();
    return m_done;
}

} // namespace closient::store
