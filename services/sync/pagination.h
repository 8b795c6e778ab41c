// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <optional>

namespace closient::sync {

/** One page of a Closient list: `{data, pagination: {page, page_size, total_count, total_pages, has_next,
 *  has_previous}}` as every list endpoint's OpenAPI shows it, or the overview's `{items, count, total, limit,
 *  offset}`; whatever the answer leaves out is worked out from what it gives. */
struct Page
{
    QJsonArray items;
    int page = 1; // 1-based
    int pageSize = 0;
    std::optional<qint64> total; // items in the whole list, when the server said
    std::optional<int> totalPages;
    bool hasNext = false;

    static constexpr int DefaultPageSize = 25;
    static constexpr int MaxPageSize = 100;

    /// Reads one list answer that asked for @p requestedPage of @p requestedSize. invalid when it is no list.
    [[nodiscard]] static Result<Page> parse(const QByteArray &json, int requestedPage, int requestedSize);
    /// `page=N&page_size=M` added to @p query (page from 1, size 1..100, clamped).
    [[nodiscard]] static QUrlQuery query(int page, int pageSize, QUrlQuery query = {});
};

} // namespace closient::sync
