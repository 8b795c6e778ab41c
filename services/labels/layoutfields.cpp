// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutfields.h"

using namespace Qt::StringLiterals;

namespace closient::labels {

LabelData LabelData::fromItem(
    const LabelItem &item, const QString &productName, const QString &brand, int count, int total)
{
    LabelData d;
    d.productName = productName;
    d.brand = brand;
    d.gtin = item.gtin;
    d.lot = item.lot;
    d.serial = item.serial;
    d.expiry = item.expiry;
    d.productionDate = item.productionDate;
    d.count = count;
    d.total = total;
    return d;
}

QStringList standardFields()
{
    return { u"product_name"_s, u"brand"_s, u"gtin"_s, u"lot"_s, u"expiry"_s, u"production_date"_s, u"serial"_s,
        u"count"_s, u"total"_s };
}

bool isDateField(const QString &name)
{
    return name == u"expiry" || name == u"production_date";
}

namespace {
constexpr QStringView kConversions = u"dembByYaAj%";
constexpr int kMaxFieldName = 128;
} // namespace

QString formatDate(const QDate &date, const QString &format, const QLocale &locale)
{
    QString out;
    for (qsizetype i = 0; i < format.size(); ++i) {
        if (format[i] != u'%' || i + 1 == format.size()) {
            out += format[i];
            continue;
        }
        const QChar c = format[++i];
        switch (c.unicode()) {
        case 'd':
            out += u"%1"_s.arg(date.day(), 2, 10, QChar(u'0'));
            break;
        case 'e':
            out += QString::number(date.day());
            break;
        case 'm':
            out += u"%1"_s.arg(date.month(), 2, 10, QChar(u'0'));
            break;
        case 'b':
            out += locale.monthName(date.month(), QLocale::ShortFormat);
            break;
        case 'B':
            out += locale.monthName(date.month(), QLocale::LongFormat);
            break;
        case 'y':
            out += u"%1"_s.arg(date.year() % 100, 2, 10, QChar(u'0'));
            break;
        case 'Y':
            out += QString::number(date.year());
            break;
        case 'a':
            out += locale.dayName(date.dayOfWeek(), QLocale::ShortFormat);
            break;
        case 'A':
            out += locale.dayName(date.dayOfWeek(), QLocale::LongFormat);
            break;
        case 'j':
            out += u"%1"_s.arg(date.dayOfYear(), 3, 10, QChar(u'0'));
            break;
        case '%':
            out += u'%';
            break;
        default:
            out += u'%';
            out += c;
        }
    }
    return out;
}

Result<FieldTemplate> FieldTemplate::parse(const QString &text)
{
    const auto refused = [&](const QString &why) {
        return Error { u"invalid"_s, u"\"%1\": %2"_s.arg(text.left(80), why) };
    };
    FieldTemplate t;
    t.m_source = text;
    QString literal;
    const auto flush = [&] {
        if (!literal.isEmpty())
            t.m_parts.push_back({ literal, {}, {}, false });
        literal.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            flush();
            t.m_parts.push_back({ {}, {}, {}, true });
        } else if (c == u'{' && i + 1 < text.size() && text[i + 1] == u'{') {
            literal += u'{';
            ++i;
        } else if (c == u'}' && i + 1 < text.size() && text[i + 1] == u'}') {
            literal += u'}';
            ++i;
        } else if (c == u'}') {
            return refused(u"a '}' closes no field (write '}}' for the character)"_s);
        } else if (c == u'{') {
            const qsizetype close = text.indexOf(u'}', i + 1);
            if (close < 0)
                return refused(u"a field opened with '{' is not closed with '}'"_s);
            const QString inside = text.mid(i + 1, close - i - 1);
            if (inside.contains(u'{') || inside.contains(u'\n'))
                return refused(u"a field opened with '{' is not closed with '}'"_s);
            const qsizetype colon = inside.indexOf(u':');
            const QString name = (colon < 0 ? inside : inside.left(colon)).trimmed();
            const QString format = colon < 0 ? QString() : inside.mid(colon + 1);
            if (name.isEmpty() || name.size() > kMaxFieldName)
                return refused(u"a field needs a name between the braces"_s);
            const QString standard = name.toLower();
            if (colon >= 0 && !isDateField(standard))
                return refused(u"{%1}: only the dates (expiry, production_date) take a format"_s.arg(name));
            for (qsizetype k = 0; k < format.size(); ++k) {
                if (format[k] == u'%') {
                    if (k + 1 == format.size() || !kConversions.contains(format[k + 1]))
                        return refused(
                            u"{%1}: \"%2\" is not a date conversion; use %d %e %m %b %B %y %Y %a %A %j"_s.arg(
                                name, format.mid(k, 2)));
                    ++k;
                }
            }
            flush();
            t.m_parts.push_back({ {}, standardFields().contains(standard) ? standard : name, format, false });
            i = close;
        } else {
            literal += c;
        }
    }
    flush();
    return t;
}

QStringList FieldTemplate::fields() const
{
    QStringList names;
    for (const auto &p : m_parts) {
        if (!p.name.isEmpty() && !names.contains(p.name))
            names << p.name;
    }
    return names;
}

namespace {
/// A CSV column by name, ignoring case and surrounding spaces; nullopt when the data has no such column.
std::optional<QString> column(const LabelData &data, const QString &name)
{
    const QString wanted = name.trimmed();
    for (auto it = data.columns.cbegin(); it != data.columns.cend(); ++it) {
        if (it.key().trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return std::nullopt;
}

/// The value of field @p name, empty when it has none, nullopt when no such field exists.
std::optional<QString> value(const LabelData &d, const QString &name, const QString &format, const QLocale &locale)
{
    const auto date = [&](const QDate &v) {
        return v.isValid() ? formatDate(v, format.isEmpty() ? u"%Y-%m-%d"_s : format, locale) : QString();
    };
    QString v;
    if (name == u"product_name")
        v = d.productName;
    else if (name == u"brand")
        v = d.brand;
    else if (name == u"gtin")
        v = d.gtin;
    else if (name == u"lot")
        v = d.lot;
    else if (name == u"serial")
        v = d.serial;
    else if (name == u"expiry")
        v = date(d.expiry);
    else if (name == u"production_date")
        v = date(d.productionDate);
    else if (name == u"count")
        v = d.count > 0 ? QString::number(d.count) : QString();
    else if (name == u"total")
        v = d.total > 0 ? QString::number(d.total) : QString();
    else
        return column(d, name);
    // A standard field the item leaves empty may still come from a CSV column of that name (not for dates: a column
    // holds text in no known format).
    if (v.isEmpty() && !isDateField(name))
        v = column(d, name).value_or(QString());
    return v;
}
} // namespace

FieldTemplate::Bound FieldTemplate::bind(const LabelData &data, const QLocale &locale) const
{
    Bound out;
    QStringList lines;
    QString line;
    int fieldsOnLine = 0;
    int filledOnLine = 0;
    const auto endLine = [&] {
        if (fieldsOnLine == 0 || filledOnLine > 0)
            lines << line;
        line.clear();
        fieldsOnLine = filledOnLine = 0;
    };
    for (const auto &p : m_parts) {
        if (p.newline) {
            endLine();
        } else if (p.name.isEmpty()) {
            line += p.literal;
        } else {
            ++fieldsOnLine;
            const auto v = value(data, p.name, p.format, locale);
            if (!v) {
                if (!out.unknown.contains(p.name))
                    out.unknown << p.name;
            } else if (v->isEmpty()) {
                if (!out.missing.contains(p.name))
                    out.missing << p.name;
            } else {
                ++filledOnLine;
                line += *v;
            }
        }
    }
    endLine();
    out.text = lines.join(u'\n');
    return out;
}

} // namespace closient::labels
