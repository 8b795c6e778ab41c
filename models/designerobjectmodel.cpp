// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "designerobjectmodel.h"

#include "layoutsymbol.h"

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {
QString title(const labels::LayoutObject &o)
{
    using T = labels::LayoutObject::Type;
    switch (o.type) {
    case T::Symbol:
        return labels::layoutSymbologyTitle(o.symbology);
    case T::Text:
        return DesignerObjectModel::tr("Text: %1").arg(QString(o.text).replace(u'\n', u' '));
    case T::Image:
        return DesignerObjectModel::tr("Image");
    case T::Line:
        return DesignerObjectModel::tr("Line");
    case T::Box:
        return DesignerObjectModel::tr("Box");
    }
    return {};
}
} // namespace

int DesignerObjectModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_objects.size());
}

QVariant DesignerObjectModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const labels::LayoutObject &o = m_objects[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return title(o);
    case ObjectIdRole:
        return o.id;
    case TypeRole:
        return int(o.type);
    case XRole:
        return o.rect.x();
    case YRole:
        return o.rect.y();
    case WidthRole:
        return o.rect.width();
    case HeightRole:
        return o.rect.height();
    case RotationRole:
        return o.rotation;
    case SelectedRole:
        return m_selected.contains(o.id);
    case ProblemRole:
        return m_problems.value(o.id);
    case BlockingRole:
        return m_blocking.contains(o.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> DesignerObjectModel::roleNames() const
{
    return {
        { ObjectIdRole, "objectId" },
        { TypeRole, "type" },
        { TitleRole, "title" },
        { XRole, "mmX" },
        { YRole, "mmY" },
        { WidthRole, "mmWidth" },
        { HeightRole, "mmHeight" },
        { RotationRole, "rotation" },
        { SelectedRole, "selected" },
        { ProblemRole, "problem" },
        { BlockingRole, "blocking" },
    };
}

void DesignerObjectModel::update(const std::vector<labels::LayoutObject> &objects, const QSet<QString> &selected,
    const QHash<QString, QString> &problems, const QSet<QString> &blocking)
{
    bool sameRows = objects.size() == m_objects.size();
    for (size_t i = 0; sameRows && i < objects.size(); ++i)
        sameRows = objects[i].id == m_objects[i].id;
    if (!sameRows) {
        const int before = count();
        beginResetModel();
        m_objects = objects;
        m_selected = selected;
        m_problems = problems;
        m_blocking = blocking;
        endResetModel();
        if (before != count())
            Q_EMIT countChanged();
        return;
    }
    for (size_t i = 0; i < objects.size(); ++i) {
        const QString &id = objects[i].id;
        const bool differs = !(objects[i] == m_objects[i]) || selected.contains(id) != m_selected.contains(id)
            || problems.value(id) != m_problems.value(id) || blocking.contains(id) != m_blocking.contains(id);
        m_objects[i] = objects[i];
        if (differs) {
            m_selected = selected; // data() reads them: set before the row is announced
            m_problems = problems;
            m_blocking = blocking;
            Q_EMIT dataChanged(index(int(i)), index(int(i)));
        }
    }
    m_selected = selected;
    m_problems = problems;
    m_blocking = blocking;
}

} // namespace closient::models
