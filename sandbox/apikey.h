// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace closient::sandbox {

/** The parts of an API key that passed the documented format check: `<prefix>_<body>_<crc32 of body>`. */
struct ApiKeyParts
{
    QString prefix; // csb (business), csu (user), cpk (publishable)
    QString body; // 32 alphanumeric characters
    QString checksum; // 8 lower-case hex digits
};

/// zlib / IEEE CRC-32 of @p bytes as 8 lower-case hex digits.
[[nodiscard]] QString crc32Hex(const QByteArray &bytes);
/// The documented client-side check: three parts split on "_", a known prefix, a 32-character alphanumeric body
/// and the CRC-32 of the body's UTF-8 bytes (not the prefix) as the checksum.
[[nodiscard]] Result<ApiKeyParts> checkApiKey(const QString &key);
/// A new valid key with @p prefix and a random body.
[[nodiscard]] QString makeApiKey(const QString &prefix);
/// What the server stores instead of the key: the hex SHA-256 of the whole key.
[[nodiscard]] QString apiKeyHash(const QString &key);

} // namespace closient::sandbox
