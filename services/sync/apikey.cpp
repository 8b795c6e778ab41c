// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apikey.h"

#include <QStringList>

#include <algorithm>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace closient::sync {

namespace {
constexpr qsizetype kBodyLength = 32;

bool isAsciiAlnum(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

bool isKnownPrefix(const QString &prefix)
{
    return prefix == u"csb"_s || prefix == u"csu"_s || prefix == u"cpk"_s;
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
    if (key.isEmpty())
        return bad(u"No API key was given."_s);
    const QStringList parts = key.split(u'_');
    if (parts.size() != 3)
        return bad(
            u"An API key has three parts joined by \"_\" (prefix_body_checksum); this one has %1."_s.arg(parts.size()));
    ApiKeyParts out { parts[0], parts[1], parts[2] };
    if (!isKnownPrefix(out.prefix))
        return bad(u"An API key starts with csb_, csu_ or cpk_."_s);
    if (out.body.size() != kBodyLength)
        return bad(u"The middle part of an API key is 32 letters and digits; this one has %1 characters."_s.arg(
            out.body.size()));
    if (!std::all_of(out.body.cbegin(), out.body.cend(), isAsciiAlnum))
        return bad(u"The middle part of an API key is letters (A-Z, a-z) and digits only."_s);
    if (out.checksum.size() != 8 || !std::all_of(out.checksum.cbegin(), out.checksum.cend(), [](QChar c) {
            return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
        }))
        return bad(u"The last part of an API key is 8 lower-case hexadecimal digits."_s);
    if (crc32Hex(out.body.toUtf8()) != out.checksum)
        return Error { u"bad_key_checksum"_s,
            u"The API key's checksum does not match the rest of it: it was mistyped or copied incompletely."_s };
    return out;
}

QString describeApiKey(const QString &key)
{
    const QString prefix = key.section(u'_', 0, 0);
    return isKnownPrefix(prefix) ? prefix + u"_…"_s : u"(not a Closient key)"_s;
}

} // namespace closient::sync
