// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace closient::sync {

/** The parts of a Closient API key that passed the documented client-side check, so a mistyped or truncated key
 *  is refused before it is ever sent. */
struct ApiKeyParts
{
    QString prefix; // csb (business), csu (user), cpk (publishable)
    QString body; // 32 letters and digits
    QString checksum; // CRC-32 of the body, 8 lower-case hex digits
};

/// zlib / IEEE CRC-32 of @p bytes as 8 lower-case hex digits ("123456789" → "cbf43926").
[[nodiscard]] QString crc32Hex(const QByteArray &bytes);

/// The documented check of `<prefix>_<body>_<checksum>`: three parts split on "_", the prefix csb, csu or cpk, a
/// body of 32 ASCII letters and digits, and the zlib CRC-32 of the body's UTF-8 bytes (not the prefix) as the
/// checksum. The reason never repeats any part of @p key: it may be a secret pasted by mistake.
/// Error codes: bad_key_format, bad_key_checksum.
[[nodiscard]] Result<ApiKeyParts> checkApiKey(const QString &key);

/// What a person or a log may see of a key: its prefix only ("csb_…").
[[nodiscard]] QString describeApiKey(const QString &key);

} // namespace closient::sync
