// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parseresult.h"

#include <QVariantMap>

namespace closient::models {

/// What a person needs to see of a parse, for QML: kind, GTIN, lot, expiry (with a freshness state), serial,
/// the other AIs with titles, and the errors in plain words. Keys are documented in the QML that shows them.
[[nodiscard]] QVariantMap describeParse(const gs1::ParseResult &r, const QDate &today = QDate::currentDate());
/// The one-line summary: "GTIN 09506000134352 · Lot ABC123 · Expires 25 Dec 2020".
[[nodiscard]] QString summarize(const gs1::ParseResult &r);

} // namespace closient::models
