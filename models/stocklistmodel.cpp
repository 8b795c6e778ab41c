// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stocklistmodel.h"

#include <QSet>

namespace closient::models {

StockListModel::StockListModel(QObject *parent)
    : StockListModel(labels::StockLibrary::instance(), parent)
{ }

StockListModel::StockListModel(std::shared_ptr<const labels::StockLibrary> library, QObject *parent)
    : QAbstractListModel(parent)
    , m_library(std::move(library))
{
    QSet<QString> seen;
    for (const auto &s : m_library->stocks()) {
        if (!s.brand.isEmpty() && !seen.contains(s.brand)) {
            seen.insert(s.brand);
            m_brands << s.brand;
        }
    }
    m_brands.sort(Qt::CaseInsensitive);
    m_brands.prepend(QString());
    refill();
}

int StockListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant StockListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const labels::Stock &s = *m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole:
        return s.displayName();
    case StockIdRole:
        return s.id;
    case BrandRole:
        return s.brand;
    case PartRole:
        return s.part;
    case DescriptionRole:
        return s.description;
    case SizeRole:
        return s.sizeText();
    case CountRole:
        return s.countText();
    case ShapeRole:
        return int(s.shape.kind);
    case SourceRole:
        return int(s.source);
    default:
        return {};
    }
}

QHash<int, QByteArray> StockListModel::roleNames() const
{
    return { { StockIdRole, "stockId" }, { DisplayNameRole, "displayName" }, { BrandRole, "brand" },
        { PartRole, "part" }, { DescriptionRole, "description" }, { SizeRole, "size" }, { CountRole, "countText" },
        { ShapeRole, "shape" }, { SourceRole, "source" } };
}

void StockListModel::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    refill();
    Q_EMIT searchChanged();
}

void StockListModel::setBrand(const QString &brand)
{
    if (brand == m_brand)
        return;
    m_brand = brand;
    refill();
    Q_EMIT brandChanged();
}

void StockListModel::refill()
{
    const int before = count();
    beginResetModel();
    m_rows.clear();
    if (m_search.trimmed().isEmpty()) {
        for (const auto &s : m_library->stocks())
            m_rows.push_back(&s);
    } else {
        m_rows = m_library->search(m_search);
    }
    if (!m_brand.isEmpty())
        std::erase_if(
            m_rows, [&](const labels::Stock *s) { return s->brand.compare(m_brand, Qt::CaseInsensitive) != 0; });
    endResetModel();
    if (before != count())
        Q_EMIT countChanged();
}

int StockListModel::indexOf(const QString &id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i]->id == id)
            return int(i);
    }
    return -1;
}

QString StockListModel::displayName(const QString &id) const
{
    const labels::Stock *s = m_library->find(id);
    return s ? s->displayName() : QString();
}

QString StockListModel::idAt(int row) const
{
    const labels::Stock *s = stockAt(row);
    return s ? s->id : QString();
}

QString StockListModel::displayNameAt(int row) const
{
    const labels::Stock *s = stockAt(row);
    return s ? s->displayName() : QString();
}

const labels::Stock *StockListModel::stockAt(int row) const
{
    return row >= 0 && row < count() ? m_rows[size_t(row)] : nullptr;
}

} // namespace closient::models
