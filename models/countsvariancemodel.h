// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "variance.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace closient::models {

/** A count's variance report: per GTIN + lot expected, counted, difference and what that means. */
class CountsVarianceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Counts controller owns the variance report.")
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(double totalExpected READ totalExpected NOTIFY changed)
    Q_PROPERTY(double totalCounted READ totalCounted NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    /// What a row means (VarianceRow::Kind).
    enum class Kind { Match, Over, Short, Unexpected, Missing };
    Q_ENUM(Kind)

    enum Roles {
        GtinRole = Qt::UserRole + 1,
        LotRole,
        HasExpectedRole,
        ExpectedRole, // 0 when nothing was expected
        CountedRole,
        DifferenceRole,
        KindRole, // Kind
        KindTextRole, // "Short", "Missing", ...
    };

    explicit CountsVarianceModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setVariance(counts::Variance variance);
    [[nodiscard]] const counts::Variance &variance() const { return m_variance; }
    [[nodiscard]] double totalExpected() const { return m_variance.totalExpected(); }
    [[nodiscard]] double totalCounted() const { return m_variance.totalCounted(); }
    [[nodiscard]] QString summary() const;
    [[nodiscard]] static QString kindText(counts::VarianceRow::Kind kind);

Q_SIGNALS:
    void changed();

private:
    counts::Variance m_variance;
};

} // namespace closient::models
