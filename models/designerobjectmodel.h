// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layout.h"

#include <QAbstractListModel>
#include <QHash>
#include <QQmlEngine>
#include <QSet>

namespace closient::models {

/**
 * The objects of the layout being designed, bottom to top, with where they are (mm), whether they are selected
 * and what is wrong with them: what the canvas draws handles and problem marks from. Rows change in place while
 * an object moves, so a drag is never interrupted by delegates being made again.
 */
class DesignerObjectModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by DesignerController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum class Type { Symbol, Text, Image, Line, Box };
    Q_ENUM(Type)
    enum Role {
        ObjectIdRole = Qt::UserRole + 1,
        TypeRole,
        TitleRole, // "Text: {product_name}", "GS1 DataMatrix"
        XRole,
        YRole,
        WidthRole,
        HeightRole,
        RotationRole,
        SelectedRole,
        ProblemRole, // the reasons in words, one a line; "" when none
        BlockingRole, // a problem that stops the label
    };

    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_objects.size()); }

    /// The objects with their selection and problems; rows keep their delegates when the ids stay the same.
    void update(const std::vector<labels::LayoutObject> &objects, const QSet<QString> &selected,
        const QHash<QString, QString> &problems, const QSet<QString> &blocking);

Q_SIGNALS:
    void countChanged();

private:
    std::vector<labels::LayoutObject> m_objects;
    QSet<QString> m_selected;
    QHash<QString, QString> m_problems;
    QSet<QString> m_blocking;
};

} // namespace closient::models
