// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelitemmodel.h"
#include "labelscontext.h"

#include <QObject>
#include <QQmlEngine>

namespace closient::models {

/** Which lots or serials the Labels screen lists (scope, search, GTINs, never printed) and which are ticked. */
class LabelSelection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of LabelsController.")
    Q_PROPERTY(closient::models::LabelItemModel *items READ items CONSTANT)
    Q_PROPERTY(QString scope READ scope WRITE setScope NOTIFY changed)
    Q_PROPERTY(bool serials READ serials NOTIFY changed)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY changed)
    Q_PROPERTY(QString gtinFilter READ gtinFilter WRITE setGtinFilter NOTIFY changed)
    Q_PROPERTY(bool neverPrinted READ neverPrinted WRITE setNeverPrinted NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    /// Rows the list shows; a selection without ticks still takes every match.
    static constexpr int kListLimit = 20000;

    LabelSelection(const LabelsContext &context, QObject *parent = nullptr);

    [[nodiscard]] LabelItemModel *items() { return &m_items; }
    [[nodiscard]] QString scope() const;
    void setScope(const QString &scope);
    /// The list holds serials (else lots).
    [[nodiscard]] bool serials() const { return scope() == u"serials"; }
    [[nodiscard]] QString search() const;
    void setSearch(const QString &search);
    [[nodiscard]] QString gtinFilter() const;
    void setGtinFilter(const QString &gtins);
    [[nodiscard]] bool neverPrinted() const;
    void setNeverPrinted(bool on);
    [[nodiscard]] bool loading() const { return m_loading; }

    /// The filters with the ticks: ticks narrow the list, no ticks mean every match (as the API's empty filter).
    [[nodiscard]] labels::Selection jobSelection() const;
    /// Reads the list again.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void changed();
    void loadingChanged();
    /// The person changed a filter (not a restore): worth remembering.
    void edited();
    /// A new list arrived, or the ticks changed.
    void listChanged();

private:
    void filtersEdited();

    LabelsContext m_context;
    LabelItemModel m_items;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace closient::models
