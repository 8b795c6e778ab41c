// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apikey.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
constexpr int kBodyLength = 32;

bool isAsciiAlnum(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}
} // namespace

QString crc32Hex(const QByteArray &bytes)
{
    const auto crc = ::crc32(0L, reinterpret_cast<const Bytef *>(bytes.constData()), uInt(bytes.size()));
    return u"%1"_s.arg(qulonglong(crc), 8, 16, QChar(u'0'));
}

Result<ApiKeyParts> checkApiKey(const QString &key)
{
    const auto bad = [](const QString &why) { return Error { u"bad_key_format"_s, why }; };
    const QStringList parts = key.split(u'_');
    if (parts.size() != 3)
        return bad(u"An API key has three parts separated by \"_\": prefix, body and checksum."_s);
    ApiKeyParts out { parts[0], parts[1], parts[2] };
    if (out.prefix != u"csb"_s && out.prefix != u"csu"_s && out.prefix != u"cpk"_s)
        return bad(u"An API key starts with csb, csu or cpk."_s);
    if (out.body.size() != kBodyLength || !std::all_of(out.body.begin(), out.body.end(), isAsciiAlnum))
        return bad(u"The body of an API key is 32 letters and digits."_s);
    if (crc32Hex(out.body.toUtf8()) != out.checksum)
        return Error { u"bad_key_checksum"_s,
            u"The API key's checksum does not match its body; the key was mistyped or cut short."_s };
    return out;
}

QString makeApiKey(const QString &prefix)
{
    static constexpr char16_t kAlphabet[] = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString body;
    for (int i = 0; i < kBodyLength; ++i)
        body += QChar(kAlphabet[QRandomGenerator::system()->bounded(62)]);
    return prefix + u'_' + body + u'_' + crc32Hex(body.toUtf8());
}

QString apiKeyHash(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace closient::sandbox
