// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "counttypes.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

namespace closient::models {

/** Every inventory count, newest first, as the Counts area lists them. */
class CountsListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Counts controller owns the list of counts.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        CountIdRole = Qt::UserRole + 1,
        LocationRole, // "9521234000006.A12"
        LocationNameRole, // the named place, or empty
        DescriptionRole,
        OpenRole, // bool: still being counted
        StartedRole, // local time, short
        FinishedRole, // local time, short; empty while open
        CountedRole, // items counted
        BlindRole,
        HasExpectedRole,
    };

    explicit CountsListModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setCounts(std::vector<counts::Count> counts);
    [[nodiscard]] const std::vector<counts::Count> &counts() const { return m_counts; }

Q_SIGNALS:
    void countChanged();

private:
    std::vector<counts::Count> m_counts;
};

} // namespace closient::models
