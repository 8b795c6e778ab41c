// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "counttypes.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

namespace closient::models {

/** What a count in progress has tallied: one row per GTIN + lot + expiry, with the expected quantity of its
 *  GTIN + lot unless the count is blind. */
class CountsTallyModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Counts controller owns the tally.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        GtinRole = Qt::UserRole + 1,
        LotRole,
        ExpiryRole,
        CountedRole, // double
        SerialsRole, // how many of them were serialised items
        HasExpectedRole, // bool: an expected quantity is shown for this row
        ExpectedRole, // double; 0 when HasExpectedRole is false
    };

    explicit CountsTallyModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setRows(std::vector<counts::TallyRow> rows);

Q_SIGNALS:
    void countChanged();

private:
    std::vector<counts::TallyRow> m_rows;
};

} // namespace closient::models
