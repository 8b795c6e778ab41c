// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantList>

#include <optional>

namespace closient::store {

/// Where a capture stands in its review. A capture nobody has looked at has no review row and is Unreviewed.
enum class ReviewState { Unreviewed, Reviewed, Flagged };
[[nodiscard]] QString reviewStateName(ReviewState state); // "UNREVIEWED", "REVIEWED", "FLAGGED"
[[nodiscard]] ReviewState reviewStateFromName(QStringView name);

/// The columns of the review table, in the order they are shown; each one sorts.
enum class ReviewColumn { Time, Session, Type, Code, Gtin, Product, Lot, Expiry, Serial, Status, Review, Photos };
inline constexpr int kReviewColumnCount = 12;

/** What the review screen shows: every filter it offers and the sort, empty meaning "any". */
struct ReviewFilter
{
    QString sessionId;
    QDateTime from; // inclusive; invalid: no lower bound
    QDateTime to; // exclusive; invalid: no upper bound
    QString captureType; // BARCODE, IMAGE, MANUAL
    QString serverStatus; // PENDING ... NOT_FOUND
    QString gtin; // the GTIN in force (a correction replaces the captured one), 14 digits
    QString brand; // of the product cache, a part of the name, any case
    std::optional<bool> hasPhoto;
    std::optional<bool> hasParseErrors;
    std::optional<ReviewState> review;
    QString search; // words over code, product name, lot and serial; each word matches as a prefix
    ReviewColumn sortColumn = ReviewColumn::Time;
    bool descending = true;

    bool operator==(const ReviewFilter &) const = default;
};

/** One statement with its values, ready for exec(). */
struct BuiltQuery
{
    QString sql;
    QVariantList values;
};

/// The rowids of one page of captures matching @p filter, in the order asked for (ties broken by time for type and
/// server status, else by the order the captures were stored in). Every column's order is an index, so the first
/// page is a walk of that index.
/// @p broadSearch: the search matches many captures, so walking them in order beats reading every match.
[[nodiscard]] BuiltQuery reviewPageQuery(const ReviewFilter &filter, int offset, int limit, bool broadSearch = false);
/// How many captures the search words of @p filter match, before any other filter.
[[nodiscard]] BuiltQuery searchMatchCountQuery(const ReviewFilter &filter);
/// More matches than this and a search walks the captures in order (see reviewPageQuery).
inline constexpr int kBroadSearch = 1000;
/// How many captures match @p filter.
[[nodiscard]] BuiltQuery reviewCountQuery(const ReviewFilter &filter);
/// @p text as an FTS5 query: each word a quoted prefix term, all of them required; empty if there are no words.
[[nodiscard]] QString ftsQuery(const QString &text);

} // namespace closient::store
