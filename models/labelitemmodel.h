// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelitem.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>

#include <vector>

namespace closient::models {

/** The lots or serials the Labels screen lists, with the ones the person ticked. */
class LabelItemModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by LabelsController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int checkedCount READ checkedCount NOTIFY checkedChanged)

public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        GtinRole,
        LotRole,
        SerialRole,
        ExpiryRole,
        PrintCountRole,
        LastPrintedRole,
        VoidedRole,
        CheckedRole,
        HriRole,
    };

    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_items.size()); }
    [[nodiscard]] int checkedCount() const { return int(m_checked.size()); }
    /// Replaces the list; ticks stay on the items that are still listed.
    void setItems(std::vector<labels::LabelItem> items);
    [[nodiscard]] QStringList checkedIds() const;
    [[nodiscard]] const labels::LabelItem *find(const QString &id) const;

    Q_INVOKABLE void setChecked(int row, bool checked);
    Q_INVOKABLE void setAllChecked(bool checked);

Q_SIGNALS:
    void countChanged();
    void checkedChanged();

private:
    std::vector<labels::LabelItem> m_items;
    QSet<QString> m_checked;
};

} // namespace closient::models
