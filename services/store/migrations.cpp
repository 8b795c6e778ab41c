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
    // Voided captures and the history of corrected typed captures.
    { 2, [](QSqlDatabase &db) { return runSqlFile(db, u":/store/migrations/2.sql"_s); } },
    // The outbox holds domain operations; the REST mapping moved to the sync layer.
    { 3, [](QSqlDatabase &db) { return runSqlFile(db, u":/store/migrations/3.sql"_s); } },
    // What the server says about captures: enrichment proposals, the status history, freshness rules.
    { 4, [](QSqlDatabase &db) { return runSqlFile(db, u":/store/migrations/4.sql"_s); } },
    // What the sync engine remembers between runs: last success, last error, the rate-limit state.
    { 5, [](QSqlDatabase &db) { return runSqlFile(db, u":/store/migrations/5.sql"_s); } },
    // Inventory counts: locations with extensions, ordered scan lines, expected quantities, named places.
    { 6, [](QSqlDatabase &db) { return runSqlFile(db, u":/store/migrations/6.sql"_s); } },
    // The review of captures: review state, GTIN corrections, sort indexes and the full-text search index.
    { 7, [](QSqlDatabase &db) { return runSqlFile(db, u":/store/migrations/7.sql"_s); } },
    // The review sort keys from other tables (session name, GTIN in force, product name, review state), indexed.
    { 8, [](QSqlDatabase &db) { return runSqlFile(db, u":/store/migrations/8.sql"_s); } },
    // Products edited at the station: what Closient said is kept beside the local edit, which wins until cleared.
    { 9, [](QSqlDatabase &db) { return runSqlFile(db, u":/store/migrations/9.sql"_s); } },
};

} // namespace

int latestSchemaVersion()
{
    return std::end(MIGRATIONS)[-1].version;
}

Result<Done> runSqlFile(QSqlDatabase &db, const QString &resource)
{
    QFile f(resource);
    if (!f.open(QIODevice::ReadOnly))
        return StoreError { u"io"_s, u"The schema file %1 is missing from this build."_s.arg(resource) };
    QString statement;
    for (const auto &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
        if (line.trimmed().startsWith(u"--"))
            continue;
        statement += line + u'\n';
        if (!line.trimmed().endsWith(u';'))
            continue;
        QSqlQuery q(db);
        if (!q.exec(statement)) {
            qCWarning(lcMigrations) << "schema statement failed:" << q.lastError().text() << statement;
            return sqlError(q.lastError());
        }
        statement.clear();
    }
    return Done {};
}

Result<Done> createFreshSchema(QSqlDatabase &db)
{
    if (auto r = runSqlFile(db, u":/store/schema.sql"_s); !r.ok())
        return r;
    bool ok = false;
    auto q = exec(db, u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s, {}, &ok);
    if (ok)
        q = exec(db, u"INSERT INTO schema_version (version) VALUES (?)"_s, { latestSchemaVersion() }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    return Done {};
}

Result<int> migrate(QSqlDatabase &db, int fromVersion)
{
    int version = fromVersion;
    for (const auto &m : MIGRATIONS) {
        if (m.version <= version || !m.apply)
            continue;
        qCInfo(lcMigrations) << "migrating the store from version" << version << "to" << m.version;
        if (auto r = m.apply(db); !r.ok())
            return r.error();
        bool ok = false;
        auto q = exec(db, u"UPDATE schema_version SET version = ?"_s, { m.version }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        version = m.version;
    }
    return version;
}

} // namespace closient::store
