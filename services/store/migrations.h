// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace closient::store {

/** One forward step of the schema: from version - 1 to version. */
struct Migration
{
    int version;
    bool (*apply)(QSqlDatabase &db);
};

/// The schema version a new database starts at and every older one is brought to.
int latestSchemaVersion();
/// Creates the newest schema in an empty database (inside the caller's transaction).
bool createFreshSchema(QSqlDatabase &db);
/// Applies the steps after @p fromVersion, each in the caller's transaction; returns the version reached.
int migrate(QSqlDatabase &db, int fromVersion, QString *error);
/// Runs a file of ";"-terminated statements from the resources.
bool runSqlFile(QSqlDatabase &db, const QString &resource, QString *error = nullptr);

} // namespace closient::store
