// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"

#include <QJsonObject>
#include <QJsonValue>

namespace closient::store {

constexpr int kMetadataMaxKeys = 50;
constexpr int kMetadataMaxKeyLength = 40;
constexpr int kMetadataMaxValueLength = 500;

/// Applies a metadata change with Closient's documented rules: {} or null clears everything, an empty string
/// deletes that key, omitted keys are kept; at most 50 keys, keys up to 40 characters, values text up to 500.
[[nodiscard]] Result<QJsonObject> mergeMetadata(const QJsonObject &current, const QJsonValue &change);

} // namespace closient::store
