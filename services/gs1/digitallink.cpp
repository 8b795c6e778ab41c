// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GS1 Digital Link URIs ("GS1 Digital Link: URI Syntax" 1.4, its ABNF, with RFC 3986 for the generic parts):
// parsing with the standard's rules, and the canonical URI of a set of AIs.
#include "gtin.h"
#include "validation.h"

#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace closient::gs1 {

namespace {

struct Segment
{
    QStringView text;
    int offset; // in the URI
};

bool isDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isAlnum(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// RFC 3986 2.2 and 2.3.
bool isUnreserved(QChar c)
{
    return isAlnum(c) || c == u'-' || c == u'.' || c == u'_' || c == u'~';
}

bool isSubDelim(QChar c)
{
    return c == u'!' || c == u'$' || c == u'&' || c == u'\'' || c == u'(' || c == u')' || c == u'*' || c == u'+'
        || c == u',' || c == u';' || c == u'=';
}

bool isPchar(QChar c)
{
    return isUnreserved(c) || isSubDelim(c) || c == u':' || c == u'@';
}

bool isQueryOrFragmentChar(QChar c)
{
    return isPchar(c) || c == u'/' || c == u'?';
}

QString shown(QChar c)
{
    if (c == u' ')
        return u"a space"_s;
    if (c < u' ' || c.unicode() > 0x7e)
        return u"U+%1"_s.arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0'));
    return u"'%1'"_s.arg(c);
}

int hexValue(QChar c)
{
    return c <= u'9' ? c.unicode() - u'0' : (c.unicode() | 0x20) - u'a' + 10;
}

/** Where a part of a URI breaks the rules, and why. */
struct Problem
{
    qsizetype at = -1; // offset in the part
    QString code;
    QString why;
    [[nodiscard]] bool found() const { return at >= 0; }
};

// A percent-encoding is "%" and two hexadecimal digits (RFC 3986 2.1), whatever the part.
Problem badEscape(QStringView part, qsizetype i)
{
    return { i, u"dl_encoding"_s,
        u"'%' must be followed by two hexadecimal digits ('%1' is no percent-encoding; a percent sign is written %25)"_s
            .arg(part.mid(i, 3)) };
}

// Checks a generic part of the URI (stem segment, fragment, other query parameter) against RFC 3986.
Problem checkPart(QStringView part, bool (*allowed)(QChar), const QString &badCharCode)
{
    for (qsizetype i = 0; i < part.size(); ++i) {
        const QChar c = part[i];
        if (c == u'%') {
            if (i + 2 >= part.size() || !isHex(part[i + 1]) || !isHex(part[i + 2]))
                return badEscape(part, i);
            i += 2;
        } else if (!allowed(c)) {
            return { i, badCharCode, u"%1 cannot appear in a URI here; it is written percent-encoded"_s.arg(shown(c)) };
        }
    }
    return {};
}

// An AI value as the Digital Link ABNF writes it (XCHAR): unreserved characters as they are, every other
// character percent-encoded (so "!" is %21, "/" is %2F, "+" is %2B). Decodes it, or says where it breaks.
Problem decodeValue(QStringView raw, bool inQuery, QString *value, std::vector<int> *rawIndex)
{
    value->clear();
    rawIndex->clear();
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c == u'%') {
            if (i + 2 >= raw.size() || !isHex(raw[i + 1]) || !isHex(raw[i + 2]))
                return badEscape(raw, i);
            const int byte = hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2]);
            if (byte >= 0x80) {
                return { i, u"charset"_s,
                    u"'%1' encodes a character outside the GS1 character sets"_s.arg(raw.mid(i, 3)) };
            }
            value->append(QChar(byte));
            rawIndex->push_back(int(i));
            i += 2;
        } else if (isUnreserved(c)) {
            value->append(c);
            rawIndex->push_back(int(i));
        } else if (inQuery && c == u'+') {
            return { i, u"dl_encoding"_s,
                u"a '+' in a query stands for a space, which no AI value holds; a plus sign is written %2B"_s };
        } else if (c > u' ' && c.unicode() < 0x7f) {
            const QString hex = QString::number(c.unicode(), 16).toUpper();
            return { i, u"dl_encoding"_s, u"'%1' is written %%2 in a Digital Link"_s.arg(c).arg(hex) };
        } else {
            return { i, u"dl_encoding"_s, u"%1 cannot appear in a URI"_s.arg(shown(c)) };
        }
    }
    return {};
}

// Index of the qualifier sequence of @p pk that holds every AI in @p qualifiers in the given order, or -1.
int matchingSequence(const AiEntry &pk, const QStringList &qualifiers, QString *why = nullptr)
{
    for (size_t s = 0; s < pk.dlQualifierSequences.size(); ++s) {
        const auto &seq = pk.dlQualifierSequences[s];
        qsizetype at = -1;
        bool ok = true;
        for (const auto &q : qualifiers) {
            const auto idx = seq.indexOf(q);
            if (idx <= at) {
                ok = false;
                if (idx >= 0 && why) {
                    *why = u"AI (%1) is in the wrong place: after AI (%2) the order is %3, each once"_s.arg(
                        q, pk.ai, seq.join(u", "_s));
                }
                break;
            }
            at = idx;
        }
        if (ok)
            return int(s);
    }
    return -1;
}

// True when @p ai would make a valid key-qualifier path if written among @p path: then it belongs in the path.
bool belongsInPath(const AiEntry &pk, const QStringList &path, const QString &ai)
{
    for (qsizetype j = 0; j <= path.size(); ++j) {
        QStringList trial = path;
        trial.insert(j, ai);
        if (matchingSequence(pk, trial) >= 0)
            return true;
    }
    return false;
}

bool isDecOctet(QStringView s)
{
    if (!isDigits(s) || s.size() > 3 || (s.size() > 1 && s[0] == u'0'))
        return false;
    return s.toInt() <= 255;
}

bool isIpv4(QStringView s)
{
    const auto parts = s.split(u'.');
    return parts.size() == 4 && std::all_of(parts.begin(), parts.end(), isDecOctet);
}

bool isH16(QStringView g)
{
    return !g.isEmpty() && g.size() <= 4 && std::all_of(g.begin(), g.end(), isHex);
}

// RFC 3986 3.2.2 IPv6address.
bool isIpv6(QStringView s)
{
    QString text = s.toString();
    const auto lastColon = text.lastIndexOf(u':');
    if (lastColon < 0)
        return false;
    if (text.indexOf(u'.', lastColon) > lastColon) { // ls32 as an IPv4 address: two groups
        if (!isIpv4(QStringView(text).mid(lastColon + 1)))
            return false;
        text = text.left(lastColon + 1) + u"0:0"_s;
    }
    const auto dbl = text.indexOf(u"::"_s);
    const auto groups = [](QStringView part, QList<QStringView> *out) {
        if (part.isEmpty())
            return true;
        *out = part.split(u':');
        return std::all_of(out->begin(), out->end(), isH16);
    };
    QList<QStringView> left;
    QList<QStringView> right;
    if (dbl < 0)
        return groups(text, &left) && left.size() == 8;
    if (text.indexOf(u"::"_s, dbl + 1) >= 0)
        return false;
    return groups(QStringView(text).left(dbl), &left) && groups(QStringView(text).mid(dbl + 2), &right)
        && left.size() + right.size() <= 7;
}

// RFC 3986 3.2.2 IPvFuture.
bool isIpvFuture(QStringView s)
{
    if (s.size() < 4 || (s[0] != u'v' && s[0] != u'V'))
        return false;
    const auto dot = s.indexOf(u'.');
    if (dot < 2 || dot + 1 >= s.size() || !std::all_of(s.begin() + 1, s.begin() + dot, isHex))
        return false;
    return std::all_of(
        s.begin() + dot + 1, s.end(), [](QChar c) { return isUnreserved(c) || isSubDelim(c) || c == u':'; });
}

// The authority of an http(s) URI: host [":" port], the host an IP-literal, IPv4address or reg-name (RFC 3986
// 3.2). A Digital Link names no user. Returns the problem, if any, with its offset in @p authority.
Problem checkAuthority(QStringView authority)
{
    if (const auto at = authority.indexOf(u'@'); at >= 0)
        return { 0, u"dl_host"_s, u"a Digital Link names no user ('%1@' before the host)"_s.arg(authority.left(at)) };
    QStringView host;
    QStringView rest;
    if (authority.startsWith(u'[')) {
        const auto close = authority.indexOf(u']');
        if (close < 0)
            return { 0, u"dl_host"_s, u"the IP address in the host has no closing ']'"_s };
        host = authority.mid(1, close - 1);
        if (!isIpv6(host) && !isIpvFuture(host))
            return { 1, u"dl_host"_s, u"'%1' is not an IPv6 address"_s.arg(host) };
        rest = authority.mid(close + 1);
        if (!rest.isEmpty() && rest[0] != u':')
            return { close + 1, u"dl_host"_s, u"only a port may follow the IP address of the host"_s };
    } else {
        const auto colon = authority.indexOf(u':');
        host = colon < 0 ? authority : authority.left(colon);
        rest = colon < 0 ? QStringView() : authority.mid(colon);
        if (host.isEmpty())
            return { 0, u"dl_host"_s, u"the URI has no host"_s };
        if (!isIpv4(host)) {
            for (qsizetype i = 0; i < host.size(); ++i) {
                const QChar c = host[i];
                if (c == u'%') {
                    if (i + 2 >= host.size() || !isHex(host[i + 1]) || !isHex(host[i + 2]))
                        return { i, u"dl_host"_s, u"'%' in the host must be followed by two hexadecimal digits"_s };
                    i += 2;
                } else if (!isUnreserved(c) && !isSubDelim(c)) {
                    return { i, u"dl_host"_s, u"%1 cannot appear in a host name"_s.arg(shown(c)) };
                }
            }
        }
    }
    if (!rest.isEmpty()) { // ":" port
        const auto port = rest.mid(1);
        if (!port.isEmpty() && !isDigits(port))
            return { authority.size() - port.size(), u"dl_host"_s, u"the port '%1' is not a number"_s.arg(port) };
        if (!port.isEmpty() && (port.size() > 5 || port.toInt() > 65535))
            return { authority.size() - port.size(), u"dl_host"_s,
                u"the port %1 is out of range (0 to 65535)"_s.arg(port) };
    }
    return {};
}

QString aiLabel(const AiEntry &e)
{
    return e.title.isEmpty() ? u"AI (%1)"_s.arg(e.ai) : u"AI (%1) %2"_s.arg(e.ai, e.title);
}

} // namespace

namespace detail {

bool parseDigitalLink(QStringView uri, int baseOffset, ParseResult &r, const ParseOptions &options)
{
    const auto &dict = AiDictionary::instance();
    const auto schemeEnd = uri.indexOf(u"://");
    if (schemeEnd <= 0)
        return false;
    const qsizetype authorityStart = schemeEnd + 3;
    qsizetype authorityEnd = authorityStart;
    while (authorityEnd < uri.size() && uri[authorityEnd] != u'/' && uri[authorityEnd] != u'?'
        && uri[authorityEnd] != u'#')
        ++authorityEnd;
    if (authorityEnd >= uri.size() || uri[authorityEnd] != u'/')
        return false; // no path: a URL, but no Digital Link
    qsizetype pathEnd = authorityEnd;
    while (pathEnd < uri.size() && uri[pathEnd] != u'?' && uri[pathEnd] != u'#')
        ++pathEnd;
    qsizetype queryEnd = pathEnd;
    if (pathEnd < uri.size() && uri[pathEnd] == u'?') {
        queryEnd = uri.indexOf(u'#', pathEnd);
        if (queryEnd < 0)
            queryEnd = uri.size();
    }

    std::vector<Segment> segs;
    for (qsizetype i = authorityEnd + 1; i <= pathEnd;) {
        auto next = i;
        while (next < pathEnd && uri[next] != u'/')
            ++next;
        segs.push_back({ uri.mid(i, next - i), int(i) });
        i = next + 1;
    }
    const auto n = qsizetype(segs.size());
    const auto knownAi = [&](const Segment &s) { return isDigits(s.text) ? dict.find(s.text) : nullptr; };

    // The primary key: walking back from the end of the path over "/AI/value" pairs, the first AI that is a
    // primary key. What stands before it is the path stem, which may hold anything.
    qsizetype key = -1;
    for (qsizetype k = n - 2; k >= 0; k -= 2) {
        const auto *e = knownAi(segs[size_t(k)]);
        if (!e)
            break;
        if (e->dlPrimaryKey) {
            key = k;
            break;
        }
    }
    const auto error = [&](const QString &code, const QString &ai, int position, qsizetype at, const QString &why) {
        r.errors.push_back({ code, ai, position, at < 0 ? -1 : baseOffset + int(at), why });
    };
    if (key < 0) {
        // A path that names a primary key but does not end in "/AI/value" pairs is a broken Digital Link;
        // any other URL is just a URL.
        qsizetype intent = -1;
        for (qsizetype i = n - 2; i >= 0 && intent < 0; --i) {
            if (const auto *e = knownAi(segs[size_t(i)]); e && e->dlPrimaryKey)
                intent = i;
        }
        if (intent < 0)
            return false;
        r.kind = DataKind::DigitalLink;
        if (segs.back().text.isEmpty()) {
            error(u"dl_syntax"_s, QString(), 0, segs.back().offset - 1,
                u"the path ends with '/': a Digital Link path ends with an AI value"_s);
            return true;
        }
        for (qsizetype i = intent; i < n; i += 2) {
            const auto &s = segs[size_t(i)];
            if (!knownAi(s)) {
                if (isDigits(s.text)) {
                    error(u"unknown_ai"_s, s.text.toString(), 0, s.offset,
                        u"'%1' in the path is not a GS1 Application Identifier"_s.arg(s.text));
                } else {
                    error(u"dl_syntax"_s, QString(), 0, s.offset,
                        u"'%1' follows the primary key (%2) in the path, but is no AI: after the key come only "
                        "\"/AI/value\" pairs"_s.arg(s.text, segs[size_t(intent)].text));
                }
                return true;
            }
            if (i + 1 >= n) {
                error(u"dl_syntax"_s, s.text.toString(), 0, s.offset,
                    u"the path ends with AI (%1) but no value"_s.arg(s.text));
                return true;
            }
        }
        error(u"dl_syntax"_s, QString(), 0, -1, u"the path is not a Digital Link path"_s);
        return true;
    }
    r.kind = DataKind::DigitalLink;

    // Scheme and authority (RFC 3986 3.1, 3.2). The scheme is http or https; a URI may be written all in
    // upper case (QR Code's alphanumeric mode), but a mixed-case scheme is refused.
    const auto scheme = uri.left(schemeEnd);
    if (scheme != u"http" && scheme != u"https" && scheme != u"HTTP" && scheme != u"HTTPS") {
        error(u"dl_syntax"_s, QString(), 0, 0,
            u"the scheme '%1' is written in mixed case: a Digital Link starts with https:// or HTTPS://"_s.arg(scheme));
    }
    if (const auto p = checkAuthority(uri.mid(authorityStart, authorityEnd - authorityStart)); p.found())
        error(p.code, QString(), 0, authorityStart + p.at, p.why);
    for (qsizetype i = 0; i < key; ++i) {
        if (const auto p = checkPart(segs[size_t(i)].text, isPchar, u"dl_syntax"_s); p.found())
            error(p.code, QString(), 0, segs[size_t(i)].offset + p.at, u"the path stem: "_s + p.why);
    }
    if (queryEnd < uri.size()) {
        if (const auto p = checkPart(uri.mid(queryEnd + 1), isQueryOrFragmentChar, u"dl_syntax"_s); p.found())
            error(p.code, QString(), 0, queryEnd + 1 + p.at, u"the fragment: "_s + p.why);
    }

    QString value;
    std::vector<int> rawIndex;
    // One AI value: decoded, checked, and its issues pointed at the characters of the URI.
    const auto addValue = [&](const AiEntry &e, const Segment &raw, int aiOffset, bool inQuery) {
        if (raw.text.isEmpty()) {
            error(u"length"_s, e.ai, 0, raw.offset, u"%1: the value is empty"_s.arg(aiLabel(e)));
            return;
        }
        if (const auto p = decodeValue(raw.text, inQuery, &value, &rawIndex); p.found()) {
            error(p.code, e.ai, int(p.at) + 1, raw.offset + p.at,
                u"%1, position %2: %3"_s.arg(aiLabel(e)).arg(p.at + 1).arg(p.why));
            return;
        }
        if (e.ai == u"01" && (value.size() == 8 || value.size() == 12 || value.size() == 13) && isDigits(value)) {
            if (!options.zeroSuppressedGtinInDigitalLink) {
                error(u"length"_s, e.ai, 0, raw.offset,
                    u"AI (01) GTIN: a Digital Link writes the GTIN with 14 digits, not %1 (pad it with leading zeros)"_s
                        .arg(value.size()));
                return;
            }
            const auto gtin = checkGtin(value);
            if (!gtin.ok()) {
                error(gtin.code, e.ai, gtin.errorPosition,
                    raw.offset + (gtin.errorPosition > 0 ? rawIndex[size_t(gtin.errorPosition - 1)] : 0),
                    u"AI (01) GTIN: "_s + gtin.error);
                return;
            }
            r.warnings << u"the GTIN is written with %1 digits; a Digital Link writes it with 14"_s.arg(value.size());
            const int pad = int(14 - value.size());
            value = gtin.gtin14;
            std::vector<int> padded(size_t(pad), rawIndex.front());
            padded.insert(padded.end(), rawIndex.begin(), rawIndex.end());
            rawIndex = padded;
        }
        r.elements.push_back({ e.ai, e.title, value, baseOffset + aiOffset });
        const auto before = r.errors.size();
        validateValue(e, value, baseOffset + raw.offset, r.errors);
        for (auto i = before; i < r.errors.size(); ++i) {
            auto &issue = r.errors[i];
            if (issue.position > 0 && size_t(issue.position) <= rawIndex.size())
                issue.offset = baseOffset + raw.offset + rawIndex[size_t(issue.position - 1)];
        }
    };

    // The path: the primary key, then only its key qualifiers, in the order the dictionary gives, each once.
    const auto &pk = *knownAi(segs[size_t(key)]);
    QStringList qualifiers;
    for (qsizetype i = key; i < n; i += 2) {
        const auto &e = *knownAi(segs[size_t(i)]);
        if (i != key)
            qualifiers << e.ai;
        addValue(e, segs[size_t(i + 1)], segs[size_t(i)].offset, false);
    }
    QString why;
    const bool pathValid = qualifiers.isEmpty() || matchingSequence(pk, qualifiers, &why) >= 0;
    if (!pathValid) {
        QStringList orders;
        for (const auto &seq : pk.dlQualifierSequences)
            orders << (seq.isEmpty() ? u"none"_s : seq.join(u", "_s));
        error(u"dl_order"_s, qualifiers.join(u','), 0, segs[size_t(key)].offset,
            why.isEmpty() ? u"AI (%1) does not take %2 as key qualifiers in the path (it takes: %3)"_s.arg(
                pk.ai, qualifiers.join(u", "_s), orders.join(u" or "_s))
                          : why);
    }

    // The query: data attributes, each AI once and not repeating the path; key qualifiers belong in the path.
    // Parameters are separated by '&' or ';'; parameters that are not AIs (such as linkType) are kept as they are.
    QSet<QString> seen;
    for (const auto &el : r.elements)
        seen.insert(el.ai);
    for (qsizetype i = pathEnd + 1; i < queryEnd;) {
        auto end = i;
        while (end < queryEnd && uri[end] != u'&' && uri[end] != u';')
            ++end;
        const auto param = uri.mid(i, end - i);
        const int offset = int(i);
        i = end + 1;
        if (param.isEmpty())
            continue;
        const auto eq = param.indexOf(u'=');
        const auto name = eq < 0 ? param : param.left(eq);
        if (!isDigits(name)) {
            if (const auto p = checkPart(param, isQueryOrFragmentChar, u"dl_encoding"_s); p.found())
                error(p.code, QString(), 0, offset + p.at, u"the query parameter '%1': %2"_s.arg(param, p.why));
            else
                r.otherParameters << param.toString();
            continue;
        }
        const auto *e = dict.find(name);
        if (!e) {
            error(u"unknown_ai"_s, name.toString(), 0, offset,
                u"query parameter '%1' is not a GS1 Application Identifier"_s.arg(name));
        } else if (eq < 0) {
            error(u"dl_syntax"_s, e->ai, 0, offset, u"%1 in the query has no value (%2=…)"_s.arg(aiLabel(*e), e->ai));
        } else if (!e->dlDataAttribute) {
            error(u"dl_syntax"_s, e->ai, 0, offset,
                u"%1 cannot be a Digital Link data attribute (in the query)"_s.arg(aiLabel(*e)));
        } else if (seen.contains(e->ai)) {
            error(u"duplicate_ai"_s, e->ai, 0, offset,
                u"AI (%1) appears more than once in the Digital Link; it is written once"_s.arg(e->ai));
        } else if (pathValid && belongsInPath(pk, qualifiers, e->ai)) { // a valid path has at most a few AIs
            error(u"dl_syntax"_s, e->ai, 0, offset,
                u"AI (%1) is a key qualifier of AI (%2): it is written in the path (/%2/…/%1/…), not in the query"_s
                    .arg(e->ai, pk.ai));
        } else {
            seen.insert(e->ai);
            addValue(*e, { param.mid(eq + 1), offset + int(eq) + 1 }, offset, true);
        }
    }
    return true;
}

} // namespace detail

QString buildDigitalLink(const std::vector<Element> &elements, QStringView domain, QString *why)
{
    const auto &dict = AiDictionary::instance();
    const auto refuse = [&](const QString &reason) {
        if (why)
            *why = reason;
        return QString();
    };
    QSet<QString> present;
    for (const auto &el : elements) {
        if (present.contains(el.ai))
            return refuse(u"AI (%1) appears more than once; a Digital Link carries each AI once"_s.arg(el.ai));
        present.insert(el.ai);
    }
    // One primary key: the first AI of the data that is one. Any other key can only be a data attribute.
    const Element *pk = nullptr;
    for (const auto &el : elements) {
        if (const auto *e = dict.find(el.ai); e && e->dlPrimaryKey) {
            pk = &el;
            break;
        }
    }
    if (!pk)
        return refuse(u"the data has no primary key (such as a GTIN or SSCC) for a Digital Link"_s);
    const auto &pkEntry = *dict.find(pk->ai);

    // The key's qualifier sequence that takes the most of the qualifiers present, where every other AI can be
    // a data attribute that does not belong in that path.
    int best = -1;
    qsizetype bestCount = -1;
    QStringList bestPath;
    QString problem;
    for (size_t s = 0; s < pkEntry.dlQualifierSequences.size(); ++s) {
        QStringList path;
        for (const auto &q : pkEntry.dlQualifierSequences[s]) {
            if (present.contains(q))
                path << q;
        }
        QString reason;
        for (const auto &el : elements) {
            if (&el == pk || path.contains(el.ai))
                continue;
            const auto *e = dict.find(el.ai);
            if (!e)
                reason = u"(%1) is not a GS1 Application Identifier"_s.arg(el.ai);
            else if (!e->dlDataAttribute)
                reason
                    = u"AI (%1) cannot be carried in a Digital Link with AI (%2): it is neither a data attribute nor "
                      "a qualifier that fits the path"_s.arg(el.ai, pk->ai);
            else if (belongsInPath(pkEntry, path, el.ai))
                reason = u"AI (%1) belongs in the path of AI (%2)"_s.arg(el.ai, pk->ai);
            if (!reason.isEmpty())
                break;
        }
        if (reason.isEmpty() && path.size() > bestCount) {
            best = int(s);
            bestCount = path.size();
            bestPath = path;
        } else if (!reason.isEmpty() && problem.isEmpty()) {
            problem = reason;
        }
    }
    if (best < 0)
        return refuse(problem);

    const auto enc = [](const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); };
    const auto valueOf = [&](const QString &ai) {
        return std::find_if(elements.begin(), elements.end(), [&](const Element &el) { return el.ai == ai; })->value;
    };
    QString uri = domain.toString();
    while (uri.endsWith(u'/'))
        uri.chop(1);
    uri += u'/' + pk->ai + u'/' + enc(pk->value);
    for (const auto &q : bestPath)
        uri += u'/' + q + u'/' + enc(valueOf(q));
    QStringList query;
    for (const auto &el : elements) {
        if (&el != pk && !bestPath.contains(el.ai))
            query << el.ai + u'=' + enc(el.value);
    }
    if (!query.isEmpty())
        uri += u'?' + query.join(u'&');
    return uri;
}

} // namespace closient::gs1
