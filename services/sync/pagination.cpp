// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagination.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::sync {

namespace {
std::optional<qint64> number(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0)
        return std::nullopt;
    return qint64(v.toDouble());
}
} // namespace

Result<Page> Page::parse(const QByteArray &json, int requestedPage, int requestedSize)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error { u"invalid"_s, u"The server's list is not JSON: %1"_s.arg(error.errorString()) };
    Page p;
    p.page = std::max(1, requestedPage);
    p.pageSize = std::clamp(requestedSize, 1, MaxPageSize);
    if (doc.isArray()) { // a bare array: the whole list
        p.items = doc.array();
        p.total = p.items.size();
        return p;
    }
    const QJsonObject o = doc.object();
    if (o.value(u"data"_s).isArray()) {
        p.items = o.value(u"data"_s).toArray();
        const QJsonObject pg = o.value(u"pagination"_s).toObject();
        if (const auto n = number(pg, u"page"_s); n && *n > 0)
            p.page = int(*n);
        if (const auto n = number(pg, u"page_size"_s); n && *n > 0)
            p.pageSize = int(*n);
        p.total = number(pg, u"total_count"_s);
        if (const auto n = number(pg, u"total_pages"_s))
            p.totalPages = int(*n);
        if (pg.value(u"has_next"_s).isBool()) {
            p.hasNext = pg.value(u"has_next"_s).toBool();
            if (!p.totalPages && p.total)
                p.totalPages = int((*p.total + p.pageSize - 1) / p.pageSize);
            return p;
        }
    } else if (o.value(u"items"_s).isArray()) {
        p.items = o.value(u"items"_s).toArray();
        p.total = number(o, u"total"_s);
        const auto limit = number(o, u"limit"_s);
        const auto offset = number(o, u"offset"_s);
        if (limit && *limit > 0) {
            p.pageSize = int(*limit);
            if (offset)
                p.page = int(*offset / *limit) + 1;
        }
        if (p.total && offset) {
            p.hasNext = *offset + p.items.size() < *p.total;
            p.totalPages = int((*p.total + p.pageSize - 1) / p.pageSize);
            return p;
        }
    } else {
        return Error { u"invalid"_s, u"The server's answer is not a list (no data or items array)."_s };
    }
    if (!p.totalPages && p.total)
        p.totalPages = int((*p.total + p.pageSize - 1) / p.pageSize);
    if (p.totalPages)
        p.hasNext = p.page < *p.totalPages;
    else
        p.hasNext = p.items.size() >= p.pageSize; // a full page may have a next one; an empty one ends it
    return p;
}

QUrlQuery Page::query(int page, int pageSize, QUrlQuery query)
{
    query.removeAllQueryItems(u"page"_s);
    query.removeAllQueryItems(u"page_size"_s);
    query.addQueryItem(u"page"_s, QString::number(std::max(1, page)));
    query.addQueryItem(u"page_size"_s, QString::number(std::clamp(pageSize, 1, MaxPageSize)));
    return query;
}

} // namespace closient::sync
