// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrations.h"

#include "sqlhelpers.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMigrations, "closient.db.migrations")

namespace closient::store {

namespace {

// Version 1 is the first released schema: databases of version 1 were created from schema.sql as it was then.
// Each later step changes such a database in place; add one here whenever schema.sql changes.
constexpr Migration MIGRATIONS[] = {
    { 1, nullptr },
};

} // namespace

int latestSchemaVersion()
{
    return std::end(MIGRATIONS)[-1].version;
}

bool runSqlFile(QSqlDatabase &db, const QString &resource, QString *error)
{
    QFile f(resource);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"missing resource "_s + resource;
        return false;
    }
    QString statement;
    for (const auto &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
        if (line.trimmed().startsWith(u"--"))
            continue;
        statement += line + u'\n';
        if (!line.trimmed().endsWith(u';'))
            continue;
        QSqlQuery q(db);
        if (!q.exec(statement)) {
            if (error)
                *error = q.lastError().text();
            qCWarning(lcMigrations) << "schema statement failed:" << q.lastError().text() << statement;
            return false;
        }
        statement.clear();
    }
    return true;
}

bool createFreshSchema(QSqlDatabase &db)
{
    QString error;
    if (!runSqlFile(db, u":/store/schema.sql"_s, &error))
        return false;
    bool ok = false;
    (void)exec(db, u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s, {}, &ok);
    if (ok)
        (void)exec(db, u"INSERT INTO schema_version (version) VALUES (?)"_s, { latestSchemaVersion() }, &ok);
    return ok;
}

int migrate(QSqlDatabase &db, int fromVersion, QString *error)
{
    int version = fromVersion;
    for (const auto &m : MIGRATIONS) {
        if (m.version <= version || !m.apply)
            continue;
        qCInfo(lcMigrations) << "migrating the store from version" << version << "to" << m.version;
        if (!m.apply(db)) {
            if (error)
                *error = db.lastError().text();
            return version;
        }
        bool ok = false;
        (void)exec(db, u"UPDATE schema_version SET version = ?"_s, { m.version }, &ok);
        if (!ok)
            return version;
        version = m.version;
    }
    return version;
}

} // namespace closient::store
