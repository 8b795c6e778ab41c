// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countsvariancemodel.h"

namespace closient::models {

CountsVarianceModel::CountsVarianceModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int CountsVarianceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_variance.rows.size());
}

QString CountsVarianceModel::kindText(counts::VarianceRow::Kind kind)
{
    switch (kind) {
    case counts::VarianceRow::Kind::Match:
        return tr("Match");
    case counts::VarianceRow::Kind::Over:
        return tr("Over");
    case counts::VarianceRow::Kind::Short:
        return tr("Short");
    case counts::VarianceRow::Kind::Unexpected:
        return tr("Unexpected");
    case counts::VarianceRow::Kind::Missing:
        return tr("Missing");
    }
    return {};
}

QVariant CountsVarianceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &r = m_variance.rows.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case GtinRole:
        return r.gtin;
    case LotRole:
        return r.lot;
    case HasExpectedRole:
        return r.expected.has_value();
    case ExpectedRole:
        return r.expected.value_or(0);
    case CountedRole:
        return r.counted;
    case DifferenceRole:
        return r.difference();
    case KindRole:
        return int(r.kind); // a Kind
    case KindTextRole:
        return kindText(r.kind);
    default:
        return {};
    }
}

QHash<int, QByteArray> CountsVarianceModel::roleNames() const
{
    return { { GtinRole, "gtin" }, { LotRole, "lot" }, { HasExpectedRole, "hasExpected" }, { ExpectedRole, "expected" },
        { CountedRole, "counted" }, { DifferenceRole, "difference" }, { KindRole, "kind" },
        { KindTextRole, "kindText" } };
}

void CountsVarianceModel::setVariance(counts::Variance variance)
{
    beginResetModel();
    m_variance = std::move(variance);
    endResetModel();
    Q_EMIT changed();
}

QString CountsVarianceModel::summary() const
{
    using K = counts::VarianceRow::Kind;
    return tr("Expected %1, counted %2 · %3 match · %4 over · %5 short · %6 unexpected · %7 missing")
        .arg(QString::number(totalExpected(), 'g', 12), QString::number(totalCounted(), 'g', 12))
        .arg(m_variance.rowsOf(K::Match))
        .arg(m_variance.rowsOf(K::Over))
        .arg(m_variance.rowsOf(K::Short))
        .arg(m_variance.rowsOf(K::Unexpected))
        .arg(m_variance.rowsOf(K::Missing));
}

} // namespace closient::models
