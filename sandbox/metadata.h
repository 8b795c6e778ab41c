// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "problem.h"

#include <QJsonObject>
#include <QJsonValue>

namespace closient::sandbox {

/// The server side of Stripe-style metadata: {} or null clears, an empty string deletes that key, omitted keys
/// stay; values are strings; at most 50 keys, keys at most 40 and values at most 500 characters. Written
/// independently of the station's own copy on purpose, so the two can disagree and a test can notice.
/// @p loc is where the field sits in the request ("body", "metadata"); each problem is appended to @p errors in the
/// ErrorOut `details` form, and then @p current comes back unchanged.
[[nodiscard]] QJsonObject mergeMetadata(
    const QJsonObject &current, const QJsonValue &change, const QStringList &loc, QJsonArray &errors);

} // namespace closient::sandbox
