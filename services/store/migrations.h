// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"

#include <QSqlDatabase>
#include <QString>

namespace closient::store {

/** One forward step of the schema: from version - 1 to version. */
struct Migration
{
    int version;
    Result<Done> (*apply)(QSqlDatabase &db);
};

/// The schema version a new database starts at and every older one is brought to.
int latestSchemaVersion();
/// Creates the newest schema in an empty database (inside the caller's transaction).
[[nodiscard]] Result<Done> createFreshSchema(QSqlDatabase &db);
/// Applies the steps after @p fromVersion, each in the caller's transaction; the version reached, or why not.
[[nodiscard]] Result<int> migrate(QSqlDatabase &db, int fromVersion);
/// Runs a file of ";"-terminated statements from the resources.
[[nodiscard]] Result<Done> runSqlFile(QSqlDatabase &db, const QString &resource);

} // namespace closient::store
