// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "epcurn.h"

#include "gtin.h"

using namespace Qt::StringLiterals;

namespace closient::epcis::detail {

namespace {

Error invalid(QStringView urn, const QString &why)
{
    return Error { u"invalid"_s, u"\"%1\" is not a valid EPC URN: %2"_s.arg(urn, why) };
}

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - '0';
    if (c >= u'A' && c <= u'F')
        return c.unicode() - 'A' + 10;
    if (c >= u'a' && c <= u'f')
        return c.unicode() - 'a' + 10;
    return -1;
}

// A URN component's value: %HH escapes decoded (the Tag Data Standard escapes " % & / < > ? this way). The
// characters themselves are checked afterwards by the GS1 core, against the AI's character set.
std::optional<QString> unescape(QStringView part)
{
    QString out;
    for (qsizetype i = 0; i < part.size(); ++i) {
        if (part[i] != u'%') {
            out += part[i];
            continue;
        }
        if (i + 2 >= part.size())
            return std::nullopt;
        const int hi = hexValue(part[i + 1]);
        const int lo = hexValue(part[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += QChar(hi * 16 + lo);
        i += 2;
    }
    return out;
}

struct Scheme
{
    QStringView name;
    int parts; // dot-separated components after the scheme name
    int keyDigits; // digits of company prefix + reference (0: up to 30 characters, no check digit)
};

} // namespace

Result<EpcUrn> parseEpcUrn(QStringView urn)
{
    EpcUrn out;
    QStringView body;
    QString kind;
    for (const auto prefix : { u"urn:epc:id:", u"urn:epc:class:", u"urn:epc:idpat:" }) {
        const QStringView p(prefix);
        if (urn.startsWith(p)) {
            kind = p.mid(8).chopped(1).toString();
            body = urn.mid(p.size());
        }
    }
    if (kind.isEmpty())
        return invalid(urn, u"it starts with neither urn:epc:id:, urn:epc:class: nor urn:epc:idpat:"_s);
    const auto colon = body.indexOf(u':');
    if (colon <= 0)
        return invalid(urn, u"the scheme (such as sgtin) is missing"_s);
    const auto scheme = body.left(colon);
    const auto parts = body.mid(colon + 1).split(u'.');

    if (kind == u"id") {
        static const std::vector<Scheme> schemes {
            { u"sgtin", 3, 13 },
            { u"sscc", 2, 17 },
            { u"sgln", 3, 12 },
            { u"grai", 3, 12 },
            { u"giai", 2, 0 },
            { u"gsrn", 2, 17 },
            { u"gsrnp", 2, 17 },
            { u"gdti", 3, 12 },
            { u"sgcn", 3, 12 },
            { u"cpi", 3, 0 },
            { u"ginc", 2, 0 },
            { u"gsin", 2, 16 },
            { u"itip", 5, 13 },
            { u"upui", 3, 13 },
            { u"pgln", 2, 12 },
        };
        const auto it = std::find_if(schemes.begin(), schemes.end(), [&](const Scheme &s) { return s.name == scheme; });
        if (it == schemes.end()) {
            // EPC schemes that carry no GS1 key: valid EPCs, kept as they are.
            for (const auto other : { u"adi", u"usdod", u"gid", u"bic", u"imovn" }) {
                if (scheme == other)
                    return out;
            }
            return invalid(urn, u"\"%1\" is not an EPC scheme"_s.arg(scheme));
        }
        if (parts.size() != it->parts)
            return invalid(urn,
                u"an %1 URN has %2 parts separated by dots, this one has %3"_s.arg(scheme).arg(it->parts).arg(
                    parts.size()));
        const QString cp = parts[0].toString();
        if (!allDigits(cp) || cp.size() < 6 || cp.size() > 12)
            return invalid(urn, u"the GS1 company prefix \"%1\" must be 6 to 12 digits"_s.arg(cp));
        const QString ref = parts[1].toString();
        if (it->keyDigits > 0) {
            if (!allDigits(ref) && !(ref.isEmpty() && cp.size() == it->keyDigits))
                return invalid(urn, u"the reference \"%1\" must be digits"_s.arg(ref));
            if (cp.size() + ref.size() != it->keyDigits)
                return invalid(urn,
                    u"the company prefix and reference together must be %1 digits, not %2"_s.arg(it->keyDigits)
                        .arg(cp.size() + ref.size()));
        }
        QStringList values;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const auto v = unescape(parts[i]);
            if (!v)
                return invalid(urn, u"\"%1\" holds a bad %-escape"_s.arg(parts[i]));
            values << *v;
        }
        const auto gtin = [&] { return gs1::withCheckDigit(QString(ref.left(1) + cp + ref.mid(1))); };
        const auto key = [&] { return gs1::withCheckDigit(cp + ref); };
        auto &e = out.elements;
        if (scheme == u"sgtin") {
            e = { { u"01"_s, {}, gtin(), -1 }, { u"21"_s, {}, values[1], -1 } };
        } else if (scheme == u"sscc") {
            e = { { u"00"_s, {}, gtin(), -1 } };
        } else if (scheme == u"sgln") {
            e = { { u"414"_s, {}, key(), -1 } };
            if (values[1] != u"0") // extension 0 is the GLN without extension
                e.push_back({ u"254"_s, {}, values[1], -1 });
        } else if (scheme == u"grai") {
            e = { { u"8003"_s, {}, u"0"_s + key() + values[1], -1 } };
        } else if (scheme == u"giai") {
            e = { { u"8004"_s, {}, cp + values[0], -1 } };
        } else if (scheme == u"gsrn") {
            e = { { u"8018"_s, {}, key(), -1 } };
        } else if (scheme == u"gsrnp") {
            e = { { u"8017"_s, {}, key(), -1 } };
        } else if (scheme == u"gdti") {
            e = { { u"253"_s, {}, key() + values[1], -1 } };
        } else if (scheme == u"sgcn") {
            e = { { u"255"_s, {}, key() + values[1], -1 } };
        } else if (scheme == u"cpi") {
            e = { { u"8010"_s, {}, cp + values[0], -1 }, { u"8011"_s, {}, values[1], -1 } };
        } else if (scheme == u"ginc") {
            e = { { u"401"_s, {}, cp + values[0], -1 } };
        } else if (scheme == u"gsin") {
            e = { { u"402"_s, {}, key(), -1 } };
        } else if (scheme == u"itip") {
            e = { { u"8006"_s, {}, gtin() + values[1] + values[2], -1 }, { u"21"_s, {}, values[3], -1 } };
        } else if (scheme == u"upui") {
            e = { { u"01"_s, {}, gtin(), -1 }, { u"235"_s, {}, values[1], -1 } };
        } else if (scheme == u"pgln") {
            e = { { u"417"_s, {}, key(), -1 } };
        }
        return out;
    }

    out.level = IdentifierLevel::Class;
    if (kind == u"class") {
        if (scheme != u"lgtin")
            return invalid(urn, u"\"%1\" is not an EPC class scheme (lgtin is)"_s.arg(scheme));
        if (parts.size() != 3)
            return invalid(urn, u"an lgtin URN has 3 parts separated by dots, this one has %1"_s.arg(parts.size()));
    }
    if (kind == u"idpat"
        && (scheme != u"sgtin" || parts.size() != 3 || parts[2] != u"*" || parts[0] == u"*" || parts[1] == u"*"))
        return out; // a pattern wider than one product: no single class with a Digital Link
    const QString cp = parts[0].toString();
    const QString ref = parts[1].toString();
    if (!allDigits(cp) || cp.size() < 6 || cp.size() > 12 || !allDigits(ref) || cp.size() + ref.size() != 13)
        return invalid(urn, u"the company prefix (6 to 12 digits) and item reference must be 13 digits together"_s);
    const auto gtin = gs1::withCheckDigit(QString(ref.left(1) + cp + ref.mid(1)));
    out.elements = { { u"01"_s, {}, gtin, -1 } };
    if (kind == u"class") {
        const auto lot = unescape(parts[2]);
        if (!lot)
            return invalid(urn, u"\"%1\" holds a bad %-escape"_s.arg(parts[2]));
        out.elements.push_back({ u"10"_s, {}, *lot, -1 });
    }
    return out;
}

} // namespace closient::epcis::detail
