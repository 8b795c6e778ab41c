// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelrepository.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

namespace closient::models {

/** The print log as the Labels screen lists it: newest first, one row per print, reprint, void or test. */
class PrintHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Labels controller owns the print history.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum class Action { Print, Reprint, Void, Test };
    Q_ENUM(Action)

    enum Roles {
        ActionRole = Qt::UserRole + 1, // Action
        ActionTextRole, // "Printed", "Reprinted", "Voided", "Test print"
        ItemsRole, // labels in the entry
        ItemsTextRole, // "1 label", "12 labels"
        FirstItemRole, // "09506000134352 · 100001 and 11 more"
        WhenRole, // the local time, short
        DetailsRole, // printer · template · user@workstation · “reason”
        PrinterRole,
        TemplateRole,
        UserNameRole,
        WorkstationRole,
        ReasonRole,
        JobIdRole,
        StartRole, // the first label used on the first sheet
    };

    explicit PrintHistoryModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setEntries(std::vector<labels::PrintLogEntry> entries);
    [[nodiscard]] static Action actionOf(const QString &stored);

Q_SIGNALS:
    void countChanged();

private:
    std::vector<labels::PrintLogEntry> m_entries;
};

} // namespace closient::models
