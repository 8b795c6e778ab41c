// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace closient::bench {

/** What a generated review store holds; the same numbers give the same store. */
struct ReviewSeed
{
    int captures = 100000;
    int sessions = 500;
    int products = 200; // GTINs in the products cache, over 20 brands
    QDateTime start = QDateTime(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC); // the first capture
};

/// Adds sessions, products, captures (every 7th with a parse error, every 20th with a photo, every 11th reviewed,
/// every 31st flagged) and their status history to an open store, in one transaction. The GTIN of capture i is
/// seedGtin(i % products), its lot "L" + (i % 997), its serial "S" + i. NOTE: runs on the database thread.
[[nodiscard]] store::Result<store::Done> seedReviewStore(QSqlDatabase &db, const ReviewSeed &seed);
/// The @p n-th GTIN of the generated products cache (14 digits, valid check digit).
[[nodiscard]] QString seedGtin(int n);
/// The brand of the @p n-th product ("Brand 0" ... "Brand 19").
[[nodiscard]] QString seedBrand(int n);

} // namespace closient::bench
