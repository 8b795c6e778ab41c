// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layoutlibrary.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace closient::models {

/** The layouts people can open, by name: the defaults that ship and their own. */
class DesignerLayoutModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by DesignerController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        DescriptionRole,
        BuiltInRole, // shipped with the station: may be copied, never overwritten or deleted
        StockRole, // the stock's display name, "" when it names none the station knows
    };

    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_library.entries().size()); }

    void setLibrary(labels::LayoutLibrary library);
    [[nodiscard]] const labels::LayoutLibrary &library() const { return m_library; }
    /// The row of the layout named @p name, or -1.
    Q_INVOKABLE int indexOf(const QString &name) const;

Q_SIGNALS:
    void countChanged();

private:
    labels::LayoutLibrary m_library;
};

} // namespace closient::models
