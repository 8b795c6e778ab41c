// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUuid>

namespace closient::sandbox {

/// The 57-character alphabet of Closient's 22-character short ids (python shortuuid's default).
inline constexpr QStringView kShortIdAlphabet = u"23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// The 22-character short form of @p uuid, as shortuuid encodes it (most significant digit first, padded with "2").
[[nodiscard]] QString shortIdFromUuid(const QUuid &uuid);
/// A new random (UUIDv4) short id.
[[nodiscard]] QString newShortId();
/// The short form of an id given either as a 22-character short id or as a full UUID (the API accepts both);
/// empty when it is neither.
[[nodiscard]] QString normaliseId(const QString &id);
/// The full UUID behind a short id, null when @p shortId is not one.
[[nodiscard]] QUuid uuidFromShortId(const QString &shortId);

} // namespace closient::sandbox
