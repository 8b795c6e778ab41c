// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortid.h"

namespace closient::sandbox {

namespace {
constexpr int kLength = 22;
__extension__ typedef unsigned __int128 u128;

u128 toInt(const QUuid &uuid)
{
    const QByteArray bytes = uuid.toRfc4122();
    u128 n = 0;
    for (const char b : bytes)
        n = (n << 8) | quint8(b);
    return n;
}
} // namespace

QString shortIdFromUuid(const QUuid &uuid)
{
    u128 n = toInt(uuid);
    QString out(kLength, kShortIdAlphabet[0]);
    for (int i = kLength - 1; i >= 0 && n; --i) {
        out[i] = kShortIdAlphabet[int(n % 57)];
        n /= 57;
    }
    return out;
}

QString newShortId()
{
    return shortIdFromUuid(QUuid::createUuid());
}

QUuid uuidFromShortId(const QString &shortId)
{
    if (shortId.size() != kLength)
        return {};
    u128 n = 0;
    for (const QChar c : shortId) {
        const auto digit = kShortIdAlphabet.indexOf(c);
        if (digit < 0)
            return {};
        if (n > (~u128(0) - u128(digit)) / 57) // more than 128 bits
            return {};
        n = n * 57 + u128(digit);
    }
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 15; i >= 0; --i) {
        bytes[i] = char(quint8(n & 0xff));
        n >>= 8;
    }
    return QUuid::fromRfc4122(bytes);
}

QString normaliseId(const QString &id)
{
    if (id.size() == kLength)
        return uuidFromShortId(id).isNull() ? QString() : id;
    const QUuid uuid = QUuid::fromString(id);
    return uuid.isNull() ? QString() : shortIdFromUuid(uuid);
}

} // namespace closient::sandbox
