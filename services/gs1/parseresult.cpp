// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "parseresult.h"

#include "aidictionary.h"
#include "symbology.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace closient::gs1 {

QString kindName(DataKind kind)
{
    switch (kind) {
    case DataKind::Empty:
        return u"empty"_s;
    case DataKind::Gtin:
        return u"gtin"_s;
    case DataKind::ElementString:
        return u"element_string"_s;
    case DataKind::DigitalLink:
        return u"digital_link"_s;
    case DataKind::Text:
        return u"text"_s;
    }
    return {};
}

QDate gs1Date(QStringView yymmdd, QDate today)
{
    if (yymmdd.size() != 6)
        return {};
    bool ok = false;
    const int yy = yymmdd.left(2).toInt(&ok);
    const int mm = yymmdd.mid(2, 2).toInt();
    const int dd = yymmdd.mid(4, 2).toInt();
    if (!ok || mm < 1 || mm > 12)
        return {};
    // GS1 General Specifications 7.12: a two-digit year lies within 49 years back and 50 years ahead.
    const int currentYy = today.year() % 100;
    int century = today.year() - currentYy;
    const int diff = yy - currentYy;
    if (diff >= 51)
        century -= 100;
    else if (diff <= -50)
        century += 100;
    const QDate first(century + yy, mm, 1);
    if (dd == 0)
        return first.addDays(first.daysInMonth() - 1);
    return QDate(century + yy, mm, dd);
}

QString buildElementString(const std::vector<Element> &elements)
{
    const auto &dict = AiDictionary::instance();
    QString out;
    for (size_t i = 0; i < elements.size(); ++i) {
        out += elements[i].ai + elements[i].value;
        const auto *e = dict.find(elements[i].ai);
        if (i + 1 < elements.size() && (!e || !e->predefinedLength))
            out += QChar(0x1D);
    }
    return out;
}

QString buildHri(const std::vector<Element> &elements)
{
    QString out;
    for (const auto &el : elements)
        out += u'(' + el.ai + u')' + el.value;
    return out;
}

QString ParseResult::value(QStringView ai) const
{
    for (const auto &el : elements) {
        if (el.ai == ai)
            return el.value;
    }
    return {};
}

QDate ParseResult::expiry() const
{
    const auto v = value(u"17");
    return v.isEmpty() ? QDate() : gs1Date(v);
}

QString ParseResult::hri() const
{
    if (kind == DataKind::Gtin)
        return u"(01)"_s + gtin14;
    return isGs1() ? buildHri(elements) : QString();
}

QString ParseResult::elementString() const
{
    if (kind == DataKind::Gtin)
        return u"01"_s + gtin14;
    return isGs1() ? buildElementString(elements) : QString();
}

QString ParseResult::digitalLink(QStringView domain) const
{
    if (!isGs1() || !isValid())
        return {}; // a Digital Link is made only of data that passed every check

    if (kind == DataKind::Gtin)
        return buildDigitalLink({ { u"01"_s, QString(), gtin14, -1 } }, domain);
    return buildDigitalLink(elements, domain);
}

QString ParseResult::errorText() const
{
    QStringList parts;
    for (const auto &e : errors)
        parts << e.message;
    return parts.join(u"; "_s);
}

ParseResult ParseResult::fromJson(const QJsonObject &o)
{
    ParseResult r;
    r.input = o.value(u"input"_s).toString();
    const QString kind = o.value(u"kind"_s).toString();
    for (const auto k :
        { DataKind::Empty, DataKind::Gtin, DataKind::ElementString, DataKind::DigitalLink, DataKind::Text }) {
        if (kindName(k) == kind)
            r.kind = k;
    }
    r.symbologyId = o.value(u"symbology_id"_s).toString();
    r.gtin14 = o.value(u"gtin14"_s).toString();
    r.addOn = o.value(u"add_on"_s).toString();
    for (const auto &v : o.value(u"ais"_s).toArray()) {
        const auto a = v.toObject();
        r.elements.push_back(
            Element { a.value(u"ai"_s).toString(), a.value(u"title"_s).toString(), a.value(u"value"_s).toString() });
    }
    for (const auto &v : o.value(u"errors"_s).toArray()) {
        const auto e = v.toObject();
        Issue issue;
        issue.code = e.value(u"code"_s).toString();
        issue.message = e.value(u"message"_s).toString();
        issue.ai = e.value(u"ai"_s).toString();
        issue.position = e.value(u"position"_s).toInt();
        issue.offset = e.value(u"offset"_s).toInt(-1);
        r.errors.push_back(issue);
    }
    for (const auto &v : o.value(u"warnings"_s).toArray())
        r.warnings << v.toString();
    for (const auto &v : o.value(u"parameters"_s).toArray())
        r.otherParameters << v.toString();
    return r;
}

QJsonObject ParseResult::toJson() const
{
    QJsonArray ais;
    for (const auto &el : elements)
        ais.append(QJsonObject { { u"ai"_s, el.ai }, { u"title"_s, el.title }, { u"value"_s, el.value } });
    QJsonArray errs;
    for (const auto &e : errors) {
        QJsonObject o { { u"code"_s, e.code }, { u"message"_s, e.message } };
        o.insert(u"ai"_s, e.ai.isEmpty() ? QJsonValue() : QJsonValue(e.ai));
        o.insert(u"position"_s, e.position > 0 ? QJsonValue(e.position) : QJsonValue());
        o.insert(u"offset"_s, e.offset >= 0 ? QJsonValue(e.offset) : QJsonValue());
        errs.append(o);
    }
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    QJsonObject o {
        { u"input"_s, input },
        { u"kind"_s, kindName(kind) },
        { u"valid"_s, isValid() },
        { u"gs1"_s, isGs1() },
        { u"symbology_id"_s, orNull(symbologyId) },
        { u"symbology"_s, orNull(symbologyName(symbologyId)) },
        { u"ais"_s, ais },
        { u"gtin14"_s, orNull(gtin14) },
        { u"hri"_s, orNull(hri()) },
        { u"element_string"_s, orNull(elementString()) },
        { u"digital_link"_s, orNull(digitalLink()) },
        { u"errors"_s, errs },
        { u"warnings"_s, QJsonArray::fromStringList(warnings) },
    };
    if (!addOn.isEmpty())
        o.insert(u"add_on"_s, addOn);
    if (!lot().isEmpty())
        o.insert(u"lot"_s, lot());
    if (!serial().isEmpty())
        o.insert(u"serial"_s, serial());
    if (const auto exp = expiry(); exp.isValid())
        o.insert(u"expiry"_s, exp.toString(Qt::ISODate));
    if (!otherParameters.isEmpty())
        o.insert(u"parameters"_s, QJsonArray::fromStringList(otherParameters));
    return o;
}

} // namespace closient::gs1
