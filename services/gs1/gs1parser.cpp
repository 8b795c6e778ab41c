// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gs1parser.h"

#include "gtin.h"
#include "symbology.h"
#include "validation.h"

#include <span>

using namespace Qt::StringLiterals;

namespace closient::gs1 {

namespace {

constexpr QChar GS(0x1D);

bool isDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

void setGtin(ParseResult &r, QStringView digits, int offset)
{
    r.kind = DataKind::Gtin;
    const auto check = checkGtin(digits);
    if (check.ok()) {
        r.gtin14 = check.gtin14;
        r.elements.push_back({ u"01"_s, u"GTIN"_s, r.gtin14, -1 });
    } else {
        r.errors.push_back({ check.code, u"01"_s, check.errorPosition,
            check.errorPosition > 0 ? offset + check.errorPosition - 1 : offset, u"GTIN: "_s + check.error });
    }
}

void lengthError(ParseResult &r, int offset, const QString &message)
{
    r.kind = DataKind::Gtin;
    r.errors.push_back({ u"length"_s, u"01"_s, 0, offset, message });
}

// EAN/UPC data after ]E0, ]E3 or ]E4. GS1 General Specifications 5.1.2 (symbology identifiers): ]E0 carries
// EAN-13, UPC-A and UPC-E as 13 digits, ]E3 the same with a two- or five-digit add-on (15 or 18 digits), ]E4
// EAN-8 as 8 digits; ]E1 and ]E2 carry an add-on alone.
void parseEanUpc(ParseResult &r, QStringView id, QStringView digits, int offset, const ParseOptions &options)
{
    if (!isDigits(digits)) {
        r.kind = DataKind::Gtin;
        r.errors.push_back({ u"charset"_s, u"01"_s, 0, offset, u"GTIN: EAN/UPC data must be digits only"_s });
        return;
    }
    const auto n = digits.size();
    if (id == u"]E1" || id == u"]E2") {
        lengthError(r, offset,
            u"%1 is an EAN/UPC add-on alone (%2 digits): it identifies nothing without its main symbol"_s.arg(id).arg(
                n));
        return;
    }
    if (id == u"]E4") {
        if (n != 8)
            lengthError(r, offset, u"EAN-8 (]E4) carries 8 digits, not %1"_s.arg(n));
        else
            setGtin(r, digits, offset);
        return;
    }
    auto main = digits;
    if (id == u"]E3") {
        // The main symbol as 13 digits (or, from lenient readers, UPC-A in 12 or UPC-E in 8), then the add-on.
        static constexpr int strict[][2] = { { 13, 5 }, { 13, 2 } };
        static constexpr int lenient[][2] = { { 13, 5 }, { 13, 2 }, { 12, 5 }, { 12, 2 }, { 8, 5 }, { 8, 2 } };
        bool split = false;
        for (const auto &sp :
            options.shortEanUpc ? std::span<const int[2]>(lenient) : std::span<const int[2]>(strict)) {
            if (n == sp[0] + sp[1]) {
                main = digits.left(sp[0]);
                r.addOn = digits.mid(sp[0]).toString();
                split = true;
                break;
            }
        }
        if (!split) {
            lengthError(r, offset,
                u"EAN/UPC with an add-on (]E3) carries 15 or 18 digits (13 and an add-on of 2 or 5), not %1"_s.arg(n));
            return;
        }
    } else if (n != 13 && !(options.shortEanUpc && (n == 12 || n == 8))) {
        lengthError(r, offset, u"EAN-13, UPC-A and UPC-E (]E0) carry 13 digits, not %1"_s.arg(n));
        return;
    }
    if (main.size() == 8) { // UPC-E from a lenient reader
        const auto upca = expandUpcE(main);
        if (upca.isEmpty()) {
            r.kind = DataKind::Gtin;
            r.errors.push_back({ u"invalid_value"_s, u"01"_s, 1, offset, u"UPC-E must start with 0 or 1"_s });
            return;
        }
        setGtin(r, upca, offset);
        return;
    }
    setGtin(r, main, offset);
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

} // namespace

ParseResult parse(QStringView data, const ParseOptions &options)
{
    ParseResult r;
    if (data.size() > kMaxDataLength) {
        // Checked first: no work that grows with the data is done on data no symbol can carry.
        r.input = data.left(64).toString() + u"…"_s;
        r.errors.push_back({ u"too_long"_s, QString(), 0, -1,
            u"the data has %1 characters; no barcode holds more than %2"_s.arg(data.size()).arg(kMaxDataLength) });
        return r;
    }
    r.input = data.toString();
    // Keyboard-wedge terminators and stray spaces are not part of the code.
    auto s = data;
    int offset = 0;
    while (!s.isEmpty() && isSpace(s.front())) {
        s = s.mid(1);
        ++offset;
    }
    while (!s.isEmpty() && isSpace(s.back()))
        s.chop(1);
    if (s.isEmpty()) {
        r.errors.push_back({ u"empty"_s, QString(), 0, -1, u"there is no data"_s });
        return r;
    }

    const auto elementString = [&](QStringView body, int at) {
        r.kind = DataKind::ElementString;
        detail::parseElementString(body, at, r);
        detail::validateAssociations(r.elements, r.errors, r.warnings);
        detail::deriveGtin(r);
    };
    if (const int idLen = symbologyIdLength(s)) {
        r.symbologyId = s.left(idLen).toString();
        s = s.mid(idLen);
        offset += idLen;
        if (carriesElementString(r.symbologyId)) {
            elementString(s, offset);
            return r;
        }
        if (r.symbologyId.startsWith(u"]E")) {
            parseEanUpc(r, r.symbologyId, s, offset, options);
            return r;
        }
        if (r.symbologyId == u"]I1") {
            // GS1 General Specifications 5.1.2: ]I1 is ITF-14, 14 digits with a verified check digit.
            if (s.size() == 14 && isDigits(s)) {
                setGtin(r, s, offset);
                return r;
            }
            if (!options.shortEanUpc) {
                r.kind = DataKind::Gtin;
                if (!isDigits(s))
                    r.errors.push_back(
                        { u"charset"_s, u"01"_s, 0, offset, u"GTIN: ITF-14 data must be digits only"_s });
                else
                    lengthError(r, offset, u"ITF-14 (]I1) carries 14 digits, not %1"_s.arg(s.size()));
                return r;
            }
        }
        if (r.symbologyId == u"]I0" && s.size() == 14 && isDigits(s)) {
            setGtin(r, s, offset); // ITF-14 from a reader that does not say it checked the digit
            return r;
        }
    }

    if (s.startsWith(u"http://", Qt::CaseInsensitive) || s.startsWith(u"https://", Qt::CaseInsensitive)) {
        if (detail::parseDigitalLink(s, offset, r, options)) {
            detail::validateAssociations(r.elements, r.errors, r.warnings);
            detail::deriveGtin(r);
            return r;
        }
        r.kind = DataKind::Text;
        return r;
    }
    if (r.symbologyId.isEmpty() && (s.startsWith(u'(') || s.startsWith(u'[')) && s.size() > 3 && s[1].isDigit()) {
        r.kind = DataKind::ElementString;
        detail::parseBracketed(s, offset, r);
        detail::validateAssociations(r.elements, r.errors, r.warnings);
        detail::deriveGtin(r);
        return r;
    }
    if (isDigits(s) && (s.size() == 8 || s.size() == 12 || s.size() == 13 || s.size() == 14)) {
        if (r.symbologyId.isEmpty()) {
            setGtin(r, s, offset);
            return r;
        }
        // Digits in a symbology that carries no GS1 key (Code 39, Code 128 without FNC1, ...): not a GTIN.
        r.kind = DataKind::Text;
        r.warnings << u"%1 carries no GTIN: the digits are read as text"_s.arg(symbologyName(r.symbologyId));
        return r;
    }
    // Element strings from scanners that send no symbology identifier: they carry GS separators, or start
    // with a GTIN, SSCC or CONTENT key.
    const bool startsWithKey = (s.startsWith(u"01") || s.startsWith(u"02"))
        ? s.size() >= 16 && isDigits(s.mid(2, 14))
        : s.startsWith(u"00") && s.size() >= 20 && isDigits(s.mid(2, 18));
    if (r.symbologyId.isEmpty() && (s.contains(GS) || startsWithKey)) {
        elementString(s, offset);
        return r;
    }
    r.kind = DataKind::Text;
    if (isDigits(s) && s.size() >= 6 && s.size() <= 18)
        r.warnings << u"%1 digits: not a GTIN (GTINs have 8, 12, 13 or 14 digits)"_s.arg(s.size());
    return r;
}

ParseResult fromElements(const std::vector<Element> &elements)
{
    ParseResult r;
    r.kind = DataKind::ElementString;
    const auto &dict = AiDictionary::instance();
    for (const auto &in : elements) {
        const auto *e = dict.find(in.ai);
        if (!e) {
            r.errors.push_back(
                { u"unknown_ai"_s, in.ai, 0, -1, u"(%1) is not a GS1 Application Identifier"_s.arg(in.ai) });
            continue;
        }
        r.elements.push_back({ e->ai, e->title, in.value, -1 });
        detail::validateValue(*e, in.value, -1, r.errors);
    }
    detail::validateAssociations(r.elements, r.errors, r.warnings);
    detail::deriveGtin(r);
    r.input = r.hri();
    return r;
}

} // namespace closient::gs1
