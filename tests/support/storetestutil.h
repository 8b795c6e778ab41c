// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFuture>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

namespace closient::test {

/// Waits for a store future in a test (only tests may wait on futures).
template<typename T>
T await(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

/// Waits for a future whose continuation runs on this thread (`.then(this, ...)`): the event loop keeps turning.
template<typename T>
T settle(QFuture<T> f)
{
    while (!f.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return f.result();
}

inline QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// A plain connection of the test's own, for looking at a store file from outside.
class RawDb
{
public:
    explicit RawDb(const QString &path, const QString &name = QStringLiteral("raw"))
        : m_name(name)
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb()
    {
        {
            auto db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql);
    }
    /// Every table, index and trigger with its SQL, whitespace-normalised and sorted: the schema to compare.
    QStringList schema() const
    {
        QStringList out;
        QSqlQuery q(db());
        q.exec(QStringLiteral(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
        while (q.next())
            out << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString().simplified();
        return out;
    }

private:
    QString m_name;
};

} // namespace closient::test
