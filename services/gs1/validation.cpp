// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include "linters.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace closient::gs1::detail {

namespace {

QString label(const AiEntry &e)
{
    return e.title.isEmpty() ? u"AI (%1)"_s.arg(e.ai) : u"AI (%1) %2"_s.arg(e.ai, e.title);
}

QString describeAlternatives(const QStringList &alternatives)
{
    QStringList parts;
    for (const auto &alt : alternatives) {
        QStringList ais;
        for (const auto &ai : alt.split(u'+'))
            ais << u"(%1)"_s.arg(QString(ai).replace(u"n"_s, u"x"_s));
        parts << ais.join(u" with "_s);
    }
    if (parts.size() == 1)
        return parts.first();
    const auto last = parts.takeLast();
    return parts.join(u", "_s) + u" or "_s + last;
}

} // namespace

void validateValue(const AiEntry &entry, QStringView value, int valueOffset, std::vector<Issue> &issues)
{
    const auto add = [&](const QString &code, int pos, const QString &why) {
        Issue i;
        i.code = code;
        i.ai = entry.ai;
        i.position = pos < 0 ? 0 : pos + 1;
        i.offset = pos < 0 || valueOffset < 0 ? -1 : valueOffset + pos;
        i.message = pos < 0 ? u"%1: %2"_s.arg(label(entry), why)
                            : u"%1, position %2: %3"_s.arg(label(entry)).arg(pos + 1).arg(why);
        issues.push_back(i);
    };
    if (value.isEmpty()) {
        add(u"length"_s, -1, u"the value is empty"_s);
        return;
    }
    if (value.size() < entry.minLength()) {
        add(u"length"_s, -1,
            entry.fixedLength()
                ? u"the value has %1 characters but must have %2"_s.arg(value.size()).arg(entry.minLength())
                : u"the value has %1 characters but needs at least %2"_s.arg(value.size()).arg(entry.minLength()));
        return;
    }
    if (value.size() > entry.maxLength()) {
        add(u"length"_s, entry.maxLength(),
            u"the value has %1 characters, at most %2 are allowed (is a separator missing?)"_s.arg(value.size())
                .arg(entry.maxLength()));
        return;
    }
    int pos = 0;
    for (const auto &c : entry.components) {
        const int remaining = int(value.size()) - pos;
        if (remaining <= 0)
            break;
        const int len = std::min(remaining, c.maxLength);
        const auto part = value.mid(pos, len);
        if (auto f = lintCharset(c.charset, part)) {
            add(f->code, pos + f->offset, f->message);
        } else if (len >= c.minLength) {
            for (const auto &l : c.linters) {
                if (auto f = lint(l, part)) {
                    add(f->code, pos + f->offset, f->message);
                    break;
                }
            }
        }
        pos += len;
    }
}

void validateAssociations(const std::vector<Element> &elements, std::vector<Issue> &issues, QStringList &warnings)
{
    const auto &dict = AiDictionary::instance();
    QSet<QString> reported;
    QHash<QString, QString> seen;
    // Each AI once, with where it first stood: the association rules look only at these, so repeated AIs cost
    // nothing more and the work stays linear in the number of elements.
    std::vector<const Element *> distinct;
    {
        QSet<QString> ais;
        for (const auto &el : elements) {
            if (!ais.contains(el.ai)) {
                ais.insert(el.ai);
                distinct.push_back(&el);
            }
        }
    }
    const auto present = [&](QStringView pattern) {
        return std::any_of(distinct.begin(), distinct.end(),
            [&](const Element *el) { return AiDictionary::matchesPattern(el->ai, pattern); });
    };
    for (const auto &el : elements) {
        const auto it = seen.constFind(el.ai);
        if (it != seen.cend()) {
            if (*it != el.value && !reported.contains(u"dup"_s + el.ai)) {
                reported.insert(u"dup"_s + el.ai);
                issues.push_back({ u"duplicate_ai"_s, el.ai, 0, el.offset,
                    u"AI (%1) appears twice with different values ('%2' and '%3')"_s.arg(el.ai, *it, el.value) });
            } else if (*it == el.value && !reported.contains(u"same"_s + el.ai)) {
                reported.insert(u"same"_s + el.ai);
                warnings << u"AI (%1) appears more than once"_s.arg(el.ai);
            }
            continue;
        }
        seen.insert(el.ai, el.value);
        const auto *entry = dict.find(el.ai);
        if (!entry)
            continue;
        for (const auto &group : entry->requirements) {
            const bool met = std::any_of(group.begin(), group.end(), [&](const QString &alt) {
                const auto ais = alt.split(u'+');
                return std::all_of(ais.begin(), ais.end(), [&](const QString &ai) { return present(ai); });
            });
            if (!met) {
                issues.push_back({ u"missing_required_ai"_s, el.ai, 0, el.offset,
                    u"%1 needs %2 in the same data"_s.arg(label(*entry), describeAlternatives(group)) });
            }
        }
        for (const auto &pattern : entry->exclusions) {
            for (const Element *o : distinct) {
                const Element &other = *o;
                if (other.ai == el.ai || !AiDictionary::matchesPattern(other.ai, pattern))
                    continue;
                const auto key = std::min(el.ai, other.ai) + u'|' + std::max(el.ai, other.ai);
                if (reported.contains(key))
                    continue;
                reported.insert(key);
                issues.push_back({ u"exclusive_ais"_s, el.ai, 0, other.offset,
                    u"AI (%1) and AI (%2) may not appear together"_s.arg(el.ai, other.ai) });
            }
        }
    }
}

void parseElementString(QStringView data, int baseOffset, ParseResult &r)
{
    constexpr QChar GS(0x1D);
    const auto &dict = AiDictionary::instance();
    qsizetype pos = 0;
    while (pos < data.size()) {
        if (data[pos] == GS) { // FNC1 after a fixed-length AI, or a leading FNC1: harmless
            ++pos;
            continue;
        }
        const auto *entry = dict.matchPrefix(data.mid(pos));
        if (!entry) {
            const auto shown = data.mid(pos, 4).toString();
            Issue i { u"unknown_ai"_s, QString(), 0, int(baseOffset + pos),
                u"no GS1 Application Identifier (AI) starts with '%1' at position %2"_s.arg(shown).arg(
                    baseOffset + pos + 1) };
            if (!shown.isEmpty() && std::all_of(shown.begin(), shown.end(), [](QChar c) { return c.isDigit(); })) {
                i.ai = shown.left(2);
            }
            r.errors.push_back(i);
            return;
        }
        const auto aiOffset = pos;
        pos += entry->ai.size();
        qsizetype end;
        if (entry->predefinedLength) {
            end = std::min(pos + entry->maxLength(), data.size());
            const auto gs = data.mid(pos, end - pos).indexOf(GS);
            if (gs >= 0)
                end = pos + gs;
        } else {
            end = data.indexOf(GS, pos);
            if (end < 0)
                end = data.size();
        }
        const auto value = data.mid(pos, end - pos);
        r.elements.push_back({ entry->ai, entry->title, value.toString(), int(baseOffset + aiOffset) });
        validateValue(*entry, value, int(baseOffset + pos), r.errors);
        pos = end;
    }
    if (r.elements.empty() && r.errors.empty())
        r.errors.push_back(
            { u"empty"_s, QString(), 0, baseOffset, u"there is no data after the symbology identifier"_s });
}

void parseBracketed(QStringView data, int baseOffset, ParseResult &r)
{
    // Accept "(01)..." and zint's "[01]...". A bracket starts a new AI only when it encloses a known AI, so
    // brackets inside CSET 82 values survive.
    const auto &dict = AiDictionary::instance();
    // An AI has 2 to 4 digits, so the closing bracket is looked for only that far: each position costs O(1)
    // and the whole parse is linear in the length of the data.
    const auto aiAt = [&](qsizetype i, qsizetype *close) -> const AiEntry * {
        if (i >= data.size() || (data[i] != u'(' && data[i] != u'['))
            return nullptr;
        const QChar closing = data[i] == u'(' ? u')' : u']';
        qsizetype c = i + 1;
        while (c < data.size() && c <= i + 5 && data[c] >= u'0' && data[c] <= u'9')
            ++c;
        if (c >= data.size() || data[c] != closing || c - i - 1 < 2 || c - i - 1 > 4)
            return nullptr;
        const auto ai = data.mid(i + 1, c - i - 1);
        *close = c;
        static const AiEntry unknown;
        const auto *e = dict.find(ai);
        return e ? e : &unknown; // an unknown AI still ends the previous value
    };
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype close = -1;
        const auto *entry = aiAt(pos, &close);
        if (!entry || entry->ai.isEmpty()) {
            QString ai;
            if (close > 0)
                ai = data.mid(pos + 1, close - pos - 1).toString();
            r.errors.push_back({ u"unknown_ai"_s, ai, 0, int(baseOffset + pos),
                close > 0 ? u"(%1) is not a GS1 Application Identifier"_s.arg(ai)
                          : u"expected an AI in brackets at position %1"_s.arg(baseOffset + pos + 1) });
            return;
        }
        qsizetype next = close + 1;
        qsizetype dummy;
        while (next < data.size() && !aiAt(next, &dummy))
            ++next;
        const auto value = data.mid(close + 1, next - close - 1);
        r.elements.push_back({ entry->ai, entry->title, value.toString(), int(baseOffset + pos) });
        validateValue(*entry, value, int(baseOffset + close + 1), r.errors);
        pos = next;
    }
}

void deriveGtin(ParseResult &r)
{
    if (r.gtin14.isEmpty())
        r.gtin14 = r.value(u"01");
}

} // namespace closient::gs1::detail
