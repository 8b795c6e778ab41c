// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "designerlayoutmodel.h"

#include "stocklibrary.h"

namespace closient::models {

int DesignerLayoutModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant DesignerLayoutModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &e = m_library.entries()[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return e.layout.name;
    case DescriptionRole:
        return e.layout.description;
    case BuiltInRole:
        return e.builtIn;
    case StockRole: {
        const auto stocks = labels::StockLibrary::instance();
        const labels::Stock *s = e.layout.stockId.isEmpty() ? nullptr : stocks->find(e.layout.stockId);
        return s ? s->displayName() : QString();
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> DesignerLayoutModel::roleNames() const
{
    return { { NameRole, "name" }, { DescriptionRole, "description" }, { BuiltInRole, "builtIn" },
        { StockRole, "stock" } };
}

void DesignerLayoutModel::setLibrary(labels::LayoutLibrary library)
{
    const int before = count();
    beginResetModel();
    m_library = std::move(library);
    endResetModel();
    if (before != count())
        Q_EMIT countChanged();
}

int DesignerLayoutModel::indexOf(const QString &name) const
{
    const auto &entries = m_library.entries();
    for (size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].layout.name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

} // namespace closient::models
