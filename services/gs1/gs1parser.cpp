// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gs1parser.h"

#include "gtin.h"
#include "symbology.h"
#include "validation.h"

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

// EAN/UPC data as scanners send it after ]E0, ]E3 or ]E4 (UPC-E expanded, add-on split off).
void parseEanUpc(ParseResult &r, QStringView id, QStringView digits, int offset)
{
    if (!isDigits(digits)) {
        r.kind = DataKind::Gtin;
        r.errors.push_back({ u"charset"_s, u"01"_s, 0, offset, u"GTIN: EAN/UPC data must be digits only"_s });
        return;
    }
    auto main = digits;
    if (id == u"]E3") {
        // With an add-on: EAN-13 or UPC-A (13 or 12 digits) or UPC-E (8) followed by 2 or 5 add-on digits.
        static constexpr int splits[][2] = { { 13, 5 }, { 13, 2 }, { 12, 5 }, { 12, 2 }, { 8, 5 }, { 8, 2 } };
        for (const auto &s : splits) {
            if (digits.size() == s[0] + s[1]) {
                main = digits.left(s[0]);
                r.addOn = digits.mid(s[0]).toString();
                break;
            }
        }
    }
    if (id != u"]E4" && main.size() == 8) {
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

} // namespace

ParseResult parse(QStringView data)
{
    ParseResult r;
    r.input = data.toString();
    // Keyboard-wedge terminators and stray spaces are not part of the code.
    auto s = data;
    int offset = 0;
    while (!s.isEmpty() && (s.front() == u' ' || s.front() == u'\t' || s.front() == u'\r' || s.front() == u'\n')) {
        s = s.mid(1);
        ++offset;
    }
    while (!s.isEmpty() && (s.back() == u' ' || s.back() == u'\t' || s.back() == u'\r' || s.back() == u'\n'))
        s.chop(1);
    if (s.isEmpty()) {
        r.errors.push_back({ u"empty"_s, QString(), 0, -1, u"there is no data"_s });
        return r;
    }

    if (const int idLen = symbologyIdLength(s)) {
        r.symbologyId = s.left(idLen).toString();
        s = s.mid(idLen);
        offset += idLen;
        if (carriesElementString(r.symbologyId)) {
            r.kind = DataKind::ElementString;
            detail::parseElementString(s, offset, r);
            detail::validateAssociations(r.elements, r.errors, r.warnings);
            detail::deriveGtin(r);
            return r;
        }
        if (r.symbologyId.startsWith(u"]E")) {
            parseEanUpc(r, r.symbologyId, s, offset);
            return r;
        }
        if (r.symbologyId.startsWith(u"]I") && s.size() == 14 && isDigits(s)) {
            setGtin(r, s, offset); // ITF-14
            return r;
        }
    }

    if (s.startsWith(u"http://", Qt::CaseInsensitive) || s.startsWith(u"https://", Qt::CaseInsensitive)) {
        if (detail::parseDigitalLink(s, offset, r)) {
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
        setGtin(r, s, offset);
        return r;
    }
    // Element strings from scanners that send no symbology identifier: they carry GS separators, or start
    // with a GTIN, SSCC or CONTENT key.
    const bool startsWithKey = (s.startsWith(u"01") || s.startsWith(u"02"))
        ? s.size() >= 16 && isDigits(s.mid(2, 14))
        : s.startsWith(u"00") && s.size() >= 20 && isDigits(s.mid(2, 18));
    if (r.symbologyId.isEmpty() && (s.contains(GS) || startsWithKey)) {
        r.kind = DataKind::ElementString;
        detail::parseElementString(s, offset, r);
        detail::validateAssociations(r.elements, r.errors, r.warnings);
        detail::deriveGtin(r);
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
