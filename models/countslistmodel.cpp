// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countslistmodel.h"

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {
QString shortTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}
} // namespace

CountsListModel::CountsListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int CountsListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

QVariant CountsListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &c = m_counts.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case LocationRole:
        return c.location.text();
    case CountIdRole:
        return c.id;
    case LocationNameRole:
        return c.location.name;
    case DescriptionRole:
        return c.description;
    case OpenRole:
        return c.isOpen();
    case StartedRole:
        return shortTime(c.started);
    case FinishedRole:
        return shortTime(c.finished);
    case CountedRole:
        return c.counted;
    case BlindRole:
        return c.blind;
    case HasExpectedRole:
        return c.hasExpected;
    default:
        return {};
    }
}

QHash<int, QByteArray> CountsListModel::roleNames() const
{
    return { { CountIdRole, "countId" }, { LocationRole, "location" }, { LocationNameRole, "locationName" },
        { DescriptionRole, "description" }, { OpenRole, "open" }, { StartedRole, "started" },
        { FinishedRole, "finished" }, { CountedRole, "counted" }, { BlindRole, "blind" },
        { HasExpectedRole, "hasExpected" } };
}

void CountsListModel::setCounts(std::vector<counts::Count> counts)
{
    const bool sizeChanged = counts.size() != m_counts.size();
    beginResetModel();
    m_counts = std::move(counts);
    endResetModel();
    if (sizeChanged)
        Q_EMIT countChanged();
}

} // namespace closient::models
