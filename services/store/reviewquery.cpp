// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewquery.h"

#include "sqlhelpers.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {

// The expression each column sorts by; rows come back joined as c (captures), r (capture_reviews), p (products of
// the GTIN in force) and k (capture_sort_keys, for the values that live in other tables). Each one is the leading
// column of an index, so the first page of a sort walks that index.
QString sortKey(ReviewColumn column)
{
    switch (column) {
    case ReviewColumn::Time:
        return u"c.created"_s;
    case ReviewColumn::Session:
        return u"k.session_name"_s;
    case ReviewColumn::Type:
        return u"c.capture_type"_s;
    case ReviewColumn::Code:
        return u"c.raw_value"_s;
    case ReviewColumn::Gtin:
        return u"k.gtin"_s;
    case ReviewColumn::Product:
        return u"k.product_name"_s;
    case ReviewColumn::Lot:
        return u"c.lot"_s;
    case ReviewColumn::Expiry:
        return u"c.expiry"_s;
    case ReviewColumn::Serial:
        return u"c.serial"_s;
    case ReviewColumn::Status:
        return u"c.status"_s;
    case ReviewColumn::Review:
        return u"k.review"_s;
    case ReviewColumn::Photos:
        return u"k.photos"_s;
    }
    return u"c.created"_s;
}

// The columns whose sort key is kept in capture_sort_keys; their ties are broken by its seq, the others' by rowid.
bool sortsByKeyTable(ReviewColumn column)
{
    return column == ReviewColumn::Session || column == ReviewColumn::Gtin || column == ReviewColumn::Product
        || column == ReviewColumn::Review || column == ReviewColumn::Photos;
}

bool needsProducts(const ReviewFilter &f)
{
    return !f.brand.isEmpty();
}

// FROM and WHERE shared by the page and the count.
BuiltQuery fromWhere(const ReviewFilter &f, bool broadSearch = false)
{
    BuiltQuery q;
    q.sql = u" FROM captures c LEFT JOIN capture_reviews r ON r.capture_id = c.id"_s;
    if (needsProducts(f))
        q.sql += u" LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin)"_s;
    if (sortsByKeyTable(f.sortColumn))
        q.sql += u" JOIN capture_sort_keys k ON k.capture_id = c.id"_s;
    QStringList where;
    const auto add = [&](const QString &clause, std::initializer_list<QVariant> values) {
        where << clause;
        for (const auto &v : values)
            q.values << v;
    };
    if (!f.sessionId.isEmpty())
        add(u"c.session_id = ?"_s, { f.sessionId });
    if (f.from.isValid())
        add(u"c.created >= ?"_s, { isoTime(f.from) });
    if (f.to.isValid())
        add(u"c.created < ?"_s, { isoTime(f.to) });
    if (!f.captureType.isEmpty())
        add(u"c.capture_type = ?"_s, { f.captureType });
    if (!f.serverStatus.isEmpty())
        add(u"c.status = ?"_s, { f.serverStatus });
    if (!f.gtin.isEmpty()) // the captured GTIN unless corrected, or the correction; each part by its index
        add(u"c.rowid IN (SELECT c1.rowid FROM captures c1 WHERE c1.gtin = ? AND c1.id NOT IN "
            u"(SELECT r1.capture_id FROM capture_reviews r1 WHERE r1.gtin IS NOT NULL) UNION ALL "
            u"SELECT c2.rowid FROM capture_reviews r2 JOIN captures c2 ON c2.id = r2.capture_id WHERE r2.gtin = ?)"_s,
            { f.gtin, f.gtin });
    if (!f.brand.isEmpty())
        add(u"p.brand LIKE ? ESCAPE '\\'"_s, { likeContains(f.brand) });
    if (f.hasPhoto)
        where << (*f.hasPhoto ? u""_s : u"NOT "_s) + u"EXISTS (SELECT 1 FROM photos ph WHERE ph.capture_id = c.id)"_s;
    if (f.hasParseErrors) // a stored parse that is not JSON has no errors to show
        where << u"(CASE WHEN json_valid(c.gs1) THEN coalesce(json_array_length(c.gs1, '$.errors'), 0) ELSE 0 END) "_s
                + (*f.hasParseErrors ? u"> 0"_s : u"= 0"_s);
    if (f.review) {
        if (*f.review == ReviewState::Unreviewed)
            where << u"(r.state IS NULL OR r.state = 'UNREVIEWED')"_s;
        else
            add(u"r.state = ?"_s, { reviewStateName(*f.review) });
    }
    // Few matches: read them by id and sort them. Many: walk the captures in the order asked for and keep those in
    // the matches (the unary + keeps SQLite from looking them up by id), which stops once the page is full.
    if (const auto match = ftsQuery(f.search); !match.isEmpty())
        add((broadSearch ? u"+c.id"_s : u"c.id"_s)
                + u" IN (SELECT k.capture_id FROM capture_search_keys k WHERE k.key IN "
                  u"(SELECT rowid FROM captures_search WHERE captures_search MATCH ?))"_s,
            { match });
    if (!where.isEmpty())
        q.sql += u" WHERE "_s + where.join(u" AND "_s);
    return q;
}

} // namespace

QString reviewStateName(ReviewState state)
{
    switch (state) {
    case ReviewState::Reviewed:
        return u"REVIEWED"_s;
    case ReviewState::Flagged:
        return u"FLAGGED"_s;
    case ReviewState::Unreviewed:
        break;
    }
    return u"UNREVIEWED"_s;
}

ReviewState reviewStateFromName(QStringView name)
{
    if (name == u"REVIEWED")
        return ReviewState::Reviewed;
    if (name == u"FLAGGED")
        return ReviewState::Flagged;
    return ReviewState::Unreviewed;
}

QString ftsQuery(const QString &text)
{
    static const QRegularExpression words(u"[\\p{L}\\p{N}]+"_s);
    QStringList terms;
    auto it = words.globalMatch(text);
    while (it.hasNext())
        terms << u"\""_s + it.next().captured() + u"\"*"_s; // a quoted term: no FTS5 syntax gets through
    return terms.join(u' ');
}

BuiltQuery reviewPageQuery(const ReviewFilter &f, int offset, int limit, bool broadSearch)
{
    auto q = fromWhere(f, broadSearch);
    const QString dir = f.descending ? u" DESC"_s : u" ASC"_s;
    // Ties follow the index too: type and server status are indexed with the time, the others with the rowid.
    QString tie = sortsByKeyTable(f.sortColumn) ? u"k.seq"_s + dir : u"c.rowid"_s + dir;
    if (f.sortColumn == ReviewColumn::Type || f.sortColumn == ReviewColumn::Status)
        tie = u"c.created"_s + dir + u", "_s + tie;
    q.sql = u"SELECT c.rowid"_s + q.sql + u" ORDER BY "_s + sortKey(f.sortColumn) + dir + u", "_s + tie
        + u" LIMIT ? OFFSET ?"_s;
    q.values << limit << offset;
    return q;
}

BuiltQuery searchMatchCountQuery(const ReviewFilter &f)
{
    return { u"SELECT count(*) FROM captures_search WHERE captures_search MATCH ?"_s, { ftsQuery(f.search) } };
}

BuiltQuery reviewCountQuery(const ReviewFilter &f)
{
    auto unsorted = f; // how many match does not depend on the order: no sort key table to join
    unsorted.sortColumn = ReviewColumn::Time;
    auto q = fromWhere(unsorted);
    q.sql = u"SELECT count(*)"_s + q.sql;
    return q;
}

} // namespace closient::store
