// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countstallymodel.h"

namespace closient::models {

CountsTallyModel::CountsTallyModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int CountsTallyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CountsTallyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &r = m_rows.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case GtinRole:
        return r.gtin;
    case LotRole:
        return r.lot;
    case ExpiryRole:
        return r.expiry;
    case CountedRole:
        return r.counted;
    case SerialsRole:
        return r.serials;
    case HasExpectedRole:
        return r.expected.has_value();
    case ExpectedRole:
        return r.expected.value_or(0);
    default:
        return {};
    }
}

QHash<int, QByteArray> CountsTallyModel::roleNames() const
{
    return { { GtinRole, "gtin" }, { LotRole, "lot" }, { ExpiryRole, "expiry" }, { CountedRole, "counted" },
        { SerialsRole, "serials" }, { HasExpectedRole, "hasExpected" }, { ExpectedRole, "expected" } };
}

void CountsTallyModel::setRows(std::vector<counts::TallyRow> rows)
{
    const bool sizeChanged = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (sizeChanged)
        Q_EMIT countChanged();
}

} // namespace closient::models
