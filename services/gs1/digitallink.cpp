// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
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
    int offset;
};

bool isDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool decode(QStringView encoded, QString *out)
{
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded[i] != u'%')
            continue;
        const auto hex = encoded.mid(i + 1, 2);
        bool ok = false;
        if (hex.size() == 2)
            (void)hex.toInt(&ok, 16);
        if (!ok)
            return false;
        i += 2;
    }
    *out = QString::fromUtf8(QByteArray::fromPercentEncoding(encoded.toUtf8()));
    return true;
}

// Index of the qualifier sequence of @p pk that holds every AI in @p qualifiers in the given order, or -1.
int matchingSequence(const AiEntry &pk, const QStringList &qualifiers, QString *why)
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
                    *why = u"AI (%1) is in the wrong place: after AI (%2) the order is %3"_s.arg(
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

} // namespace

namespace detail {

bool parseDigitalLink(QStringView uri, int baseOffset, ParseResult &r)
{
    const auto schemeEnd = uri.indexOf(u"://");
    if (schemeEnd <= 0)
        return false;
    const auto hostEnd = uri.indexOf(u'/', schemeEnd + 3);
    if (hostEnd < 0)
        return false;
    auto pathEnd = uri.indexOf(u'?', hostEnd);
    const auto hashPos = uri.indexOf(u'#', hostEnd);
    if (pathEnd < 0 || (hashPos >= 0 && hashPos < pathEnd))
        pathEnd = hashPos;
    if (pathEnd < 0)
        pathEnd = uri.size();

    std::vector<Segment> segs;
    for (qsizetype i = hostEnd + 1; i <= pathEnd;) {
        auto next = uri.indexOf(u'/', i);
        if (next < 0 || next > pathEnd)
            next = pathEnd;
        segs.push_back({ uri.mid(i, next - i), int(i) });
        i = next + 1;
    }
    if (!segs.empty() && segs.back().text.isEmpty())
        segs.pop_back(); // a trailing slash

    const auto &dict = AiDictionary::instance();
    size_t start = segs.size();
    for (size_t i = 0; i + 1 < segs.size(); ++i) {
        const auto *e = isDigits(segs[i].text) ? dict.find(segs[i].text) : nullptr;
        if (e && e->dlPrimaryKey) {
            start = i;
            break;
        }
    }
    if (start == segs.size())
        return false; // a URL, but not a GS1 Digital Link

    r.kind = DataKind::DigitalLink;
    const auto &pk = *dict.find(segs[start].text);
    QStringList qualifiers;
    for (size_t i = start; i < segs.size(); i += 2) {
        const auto aiSeg = segs[i];
        if (i + 1 >= segs.size()) {
            r.errors.push_back({ u"dl_syntax"_s, aiSeg.text.toString(), 0, baseOffset + aiSeg.offset,
                u"the path ends with AI (%1) but no value"_s.arg(aiSeg.text) });
            break;
        }
        const auto *e = isDigits(aiSeg.text) ? dict.find(aiSeg.text) : nullptr;
        if (!e) {
            r.errors.push_back({ u"unknown_ai"_s, aiSeg.text.toString(), 0, baseOffset + aiSeg.offset,
                u"'%1' in the path is not a GS1 Application Identifier"_s.arg(aiSeg.text) });
            continue;
        }
        QString value;
        if (!decode(segs[i + 1].text, &value)) {
            r.errors.push_back({ u"dl_syntax"_s, e->ai, 0, baseOffset + segs[i + 1].offset,
                u"AI (%1): the value has a broken percent-encoding"_s.arg(e->ai) });
            continue;
        }
        if (i == start && e->ai == u"01" && value.size() != 14 && checkGtin(value).ok()) {
            r.warnings << u"the GTIN is written with %1 digits; the canonical form uses 14"_s.arg(value.size());
            value = checkGtin(value).gtin14;
        }
        if (i != start)
            qualifiers << e->ai;
        r.elements.push_back({ e->ai, e->title, value, baseOffset + aiSeg.offset });
        validateValue(*e, value, baseOffset + segs[i + 1].offset, r.errors);
    }
    QString why;
    if (!qualifiers.isEmpty() && matchingSequence(pk, qualifiers, &why) < 0) {
        r.errors.push_back({ u"dl_order"_s, qualifiers.join(u','), 0, baseOffset + segs[start].offset,
            why.isEmpty()
                ? u"AI (%1) does not take %2 as key qualifiers in the path"_s.arg(pk.ai, qualifiers.join(u", "_s))
                : why });
    }

    if (pathEnd < uri.size() && uri[pathEnd] == u'?') {
        auto queryEnd = uri.indexOf(u'#', pathEnd);
        if (queryEnd < 0)
            queryEnd = uri.size();
        qsizetype i = pathEnd + 1;
        while (i < queryEnd) {
            auto amp = uri.indexOf(u'&', i);
            if (amp < 0 || amp > queryEnd)
                amp = queryEnd;
            const auto pair = uri.mid(i, amp - i);
            const auto eq = pair.indexOf(u'=');
            const auto key = eq < 0 ? pair : pair.left(eq);
            const auto rawValue = eq < 0 ? QStringView() : pair.mid(eq + 1);
            const int offset = baseOffset + int(i);
            if (isDigits(key)) {
                const auto *e = dict.find(key);
                QString value;
                if (!e) {
                    r.errors.push_back({ u"unknown_ai"_s, key.toString(), 0, offset,
                        u"query parameter '%1' is not a GS1 Application Identifier"_s.arg(key) });
                } else if (!e->dlDataAttribute || e->dlPrimaryKey) {
                    r.errors.push_back({ u"dl_syntax"_s, e->ai, 0, offset,
                        u"AI (%1) %2 cannot be a Digital Link data attribute"_s.arg(e->ai, e->title) });
                } else if (!decode(rawValue, &value)) {
                    r.errors.push_back({ u"dl_syntax"_s, e->ai, 0, offset,
                        u"AI (%1): the value has a broken percent-encoding"_s.arg(e->ai) });
                } else {
                    r.elements.push_back({ e->ai, e->title, value, offset });
                    validateValue(*e, value, offset + int(key.size()) + 1, r.errors);
                }
            } else if (!pair.isEmpty()) {
                r.otherParameters << pair.toString();
            }
            i = amp + 1;
        }
    }
    return true;
}

} // namespace detail

QString buildDigitalLink(const std::vector<Element> &elements, QStringView domain, QString *why)
{
    const auto &dict = AiDictionary::instance();
    const Element *pk = nullptr;
    for (const auto &el : elements) {
        const auto *e = dict.find(el.ai);
        if (e && e->dlPrimaryKey && (!pk || el.ai == u"01")) {
            pk = &el;
            if (el.ai == u"01")
                break;
        }
    }
    if (!pk) {
        if (why)
            *why = u"the data has no primary key (such as a GTIN or SSCC) for a Digital Link"_s;
        return {};
    }
    const auto &pkEntry = *dict.find(pk->ai);
    QStringList present;
    for (const auto &seq : pkEntry.dlQualifierSequences) {
        for (const auto &q : seq) {
            if (!present.contains(q)
                && std::any_of(elements.begin(), elements.end(), [&](const Element &el) { return el.ai == q; }))
                present << q;
        }
    }
    const QSet<QString> presentSet(present.begin(), present.end());
    const QStringList *sequence = nullptr;
    for (const auto &seq : pkEntry.dlQualifierSequences) {
        if (std::all_of(present.begin(), present.end(), [&](const QString &q) { return seq.contains(q); })) {
            sequence = &seq;
            break;
        }
    }
    if (!sequence && !present.isEmpty()) {
        if (why)
            *why = u"the key qualifiers %1 cannot be combined in one Digital Link"_s.arg(present.join(u", "_s));
        return {};
    }
    const auto enc = [](const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); };
    QString uri = domain.toString();
    while (uri.endsWith(u'/'))
        uri.chop(1);
    uri += u'/' + pk->ai + u'/' + enc(pk->value);
    if (sequence) {
        for (const auto &q : *sequence) {
            for (const auto &el : elements) {
                if (el.ai == q) {
                    uri += u'/' + q + u'/' + enc(el.value);
                    break;
                }
            }
        }
    }
    QStringList query;
    for (const auto &el : elements) {
        if (&el == pk || presentSet.contains(el.ai))
            continue;
        const auto *e = dict.find(el.ai);
        if (!e || !e->dlDataAttribute) {
            if (why)
                *why = u"AI (%1) cannot be carried in a Digital Link"_s.arg(el.ai);
            return {};
        }
        query << el.ai + u'=' + enc(el.value);
    }
    if (!query.isEmpty())
        uri += u'?' + query.join(u'&');
    return uri;
}

} // namespace closient::gs1
