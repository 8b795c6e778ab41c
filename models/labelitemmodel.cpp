// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelitemmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace closient::models {

int LabelItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant LabelItemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()))
        return {};
    const auto &item = m_items[size_t(index.row())];
    switch (role) {
    case ItemIdRole:
        return item.id;
    case GtinRole:
        return item.gtin;
    case LotRole:
        return item.lot;
    case SerialRole:
        return item.serial;
    case ExpiryRole:
        return item.expiry.isValid() ? item.expiry.toString(Qt::ISODate) : QString();
    case PrintCountRole:
        return item.printCount;
    case LastPrintedRole:
        return item.lastPrinted.isValid() ? QLocale().toString(item.lastPrinted.toLocalTime(), QLocale::ShortFormat)
                                          : QString();
    case VoidedRole:
        return item.voided;
    case CheckedRole:
        return m_checked.contains(item.id);
    case HriRole:
        return item.hri();
    default:
        return {};
    }
}

QHash<int, QByteArray> LabelItemModel::roleNames() const
{
    return { { ItemIdRole, "itemId" }, { GtinRole, "gtin" }, { LotRole, "lot" }, { SerialRole, "serial" },
        { ExpiryRole, "expiry" }, { PrintCountRole, "printCount" }, { LastPrintedRole, "lastPrinted" },
        { VoidedRole, "voided" }, { CheckedRole, "ticked" }, { HriRole, "hri" } };
}

void LabelItemModel::setItems(std::vector<labels::LabelItem> items)
{
    const int before = count();
    const int checkedBefore = checkedCount();
    beginResetModel();
    m_items = std::move(items);
    QSet<QString> still;
    for (const auto &item : m_items) {
        if (m_checked.contains(item.id))
            still.insert(item.id);
    }
    m_checked = still;
    endResetModel();
    if (count() != before)
        Q_EMIT countChanged();
    if (checkedCount() != checkedBefore)
        Q_EMIT checkedChanged();
}

QStringList LabelItemModel::checkedIds() const
{
    QStringList ids; // in list order, which is the order they print in
    for (const auto &item : m_items) {
        if (m_checked.contains(item.id))
            ids << item.id;
    }
    return ids;
}

const labels::LabelItem *LabelItemModel::find(const QString &id) const
{
    const auto it = std::find_if(m_items.begin(), m_items.end(), [&](const auto &i) { return i.id == id; });
    return it == m_items.end() ? nullptr : &*it;
}

void LabelItemModel::setChecked(int row, bool checked)
{
    if (row < 0 || row >= count())
        return;
    const QString &id = m_items[size_t(row)].id;
    if (checked == m_checked.contains(id))
        return;
    if (checked)
        m_checked.insert(id);
    else
        m_checked.remove(id);
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, { CheckedRole });
    Q_EMIT checkedChanged();
}

void LabelItemModel::setAllChecked(bool checked)
{
    m_checked.clear();
    if (checked) {
        for (const auto &item : m_items) {
            if (!item.voided)
                m_checked.insert(item.id);
        }
    }
    if (count() > 0)
        Q_EMIT dataChanged(index(0), index(count() - 1), { CheckedRole });
    Q_EMIT checkedChanged();
}

} // namespace closient::models
