// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewquery.h"
#include "storeresult.h"

#include <QFuture>

namespace closient::store {
class Database;
}

namespace closient::models {

/// Writes every capture @p filter lets through to @p target as CSV (UTF-8, a header line), in the review table's
/// columns and order, each cell as the table shows it; the number of captures written. The file is written beside
/// the target and renamed into place once complete; the store and any SQLite database are refused as targets.
/// NOTE: reads and writes on the database thread, in one read snapshot.
[[nodiscard]] QFuture<store::Result<int>> exportReviewCsv(
    store::Database *db, const store::ReviewFilter &filter, const QString &target);
/// One CSV field: quoted when it must be, and a leading = + - @ made harmless for spreadsheets.
[[nodiscard]] QString csvField(const QString &text);

} // namespace closient::models
