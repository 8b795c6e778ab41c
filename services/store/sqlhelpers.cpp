// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlhelpers.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QUuid>

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

QSqlQuery exec(QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values, bool *ok)
{
    QSqlQuery q(db);
    bool good = q.prepare(sql);
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

StoreError sqlError(const QSqlError &error)
{
    const auto native = error.nativeErrorCode();
    const auto text = error.databaseText();
    // SQLite primary result codes: 5 BUSY, 6 LOCKED, 8 READONLY, 10 IOERR, 11 CORRUPT, 13 FULL, 26 NOTADB.
    const int code = native.toInt() & 0xff;
    switch (code) {
    case 5:
    case 6:
        return { u"locked"_s,
            u"The database is busy: another program is holding it locked. Nothing was saved; try again."_s };
    case 8:
        return { u"read_only"_s,
            u"The database is read-only, so nothing can be saved. Check the file's permissions."_s };
    case 10:
        return { u"io"_s, u"The disk could not be read or written (%1). Nothing was saved."_s.arg(text) };
    case 11:
        return { u"corrupt"_s, u"The database file is damaged. Nothing was saved."_s };
    case 13:
        return { u"disk_full"_s, u"The disk is full. Nothing was saved; free some space and try again."_s };
    case 26:
        return { u"not_a_database"_s, u"The file is not a database."_s };
    default:
        return { u"sql"_s, u"The database refused the change: %1"_s.arg(text.isEmpty() ? error.text() : text) };
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
