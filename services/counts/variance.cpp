// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "variance.h"

#include <QJsonArray>

#include <map>

using namespace Qt::StringLiterals;

namespace closient::counts {

namespace {

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(u"\""_s, u"\"\""_s);
    return u'"' + q + u'"';
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

QString varianceKindName(VarianceRow::Kind kind)
{
    switch (kind) {
    case VarianceRow::Kind::Match:
        return u"match"_s;
    case VarianceRow::Kind::Over:
        return u"over"_s;
    case VarianceRow::Kind::Short:
        return u"short"_s;
    case VarianceRow::Kind::Unexpected:
        return u"unexpected"_s;
    case VarianceRow::Kind::Missing:
        return u"missing"_s;
    }
    return {};
}

int Variance::rowsOf(VarianceRow::Kind kind) const
{
    return int(std::count_if(rows.cbegin(), rows.cend(), [kind](const VarianceRow &r) { return r.kind == kind; }));
}

double Variance::totalExpected() const
{
    double sum = 0;
    for (const auto &r : rows)
        sum += r.expected.value_or(0);
    return sum;
}

double Variance::totalCounted() const
{
    double sum = 0;
    for (const auto &r : rows)
        sum += r.counted;
    return sum;
}

QJsonObject Variance::toJson() const
{
    QJsonArray lines;
    for (const auto &r : rows) {
        QJsonObject o { { u"gtin"_s, r.gtin }, { u"lot"_s, r.lot }, { u"counted"_s, r.counted },
            { u"difference"_s, r.difference() }, { u"status"_s, varianceKindName(r.kind) } };
        o.insert(u"expected"_s, r.expected ? QJsonValue(*r.expected) : QJsonValue());
        lines.append(o);
    }
    return { { u"count"_s, count.toJson() }, { u"lines"_s, lines },
        { u"summary"_s,
            QJsonObject { { u"expected"_s, totalExpected() }, { u"counted"_s, totalCounted() },
                { u"match"_s, rowsOf(VarianceRow::Kind::Match) }, { u"over"_s, rowsOf(VarianceRow::Kind::Over) },
                { u"short"_s, rowsOf(VarianceRow::Kind::Short) },
                { u"unexpected"_s, rowsOf(VarianceRow::Kind::Unexpected) },
                { u"missing"_s, rowsOf(VarianceRow::Kind::Missing) } } } };
}

QByteArray Variance::toCsv() const
{
    QString out = u"gtin,lot,expected,counted,difference,status\r\n"_s;
    for (const auto &r : rows) {
        out += QStringList { csvField(r.gtin), csvField(r.lot), r.expected ? number(*r.expected) : QString(),
            number(r.counted), number(r.difference()), varianceKindName(r.kind) }
                   .join(u',')
            + u"\r\n"_s;
    }
    return out.toUtf8();
}

Variance computeVariance(
    const Count &count, const std::vector<TallyRow> &tally, const std::vector<ExpectedItem> &expected)
{
    std::map<std::pair<QString, QString>, VarianceRow> byKey;
    for (const auto &t : tally) {
        auto &row = byKey[{ t.gtin, t.lot }];
        row.gtin = t.gtin;
        row.lot = t.lot;
        row.counted += t.counted;
    }
    for (const auto &e : expected) {
        auto &row = byKey[{ e.gtin, e.lot }];
        row.gtin = e.gtin;
        row.lot = e.lot;
        row.expected = e.quantity;
    }
    Variance v;
    v.count = count;
    for (auto &[key, row] : byKey) {
        if (!row.expected)
            row.kind = VarianceRow::Kind::Unexpected;
        else if (row.counted == 0 && *row.expected > 0)
            row.kind = VarianceRow::Kind::Missing;
        else if (row.counted > *row.expected)
            row.kind = VarianceRow::Kind::Over;
        else if (row.counted < *row.expected)
            row.kind = VarianceRow::Kind::Short;
        else
            row.kind = VarianceRow::Kind::Match;
        v.rows.push_back(row);
    }
    return v;
}

} // namespace closient::counts
