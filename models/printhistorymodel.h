// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelrepository.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>

#include <vector>

namespace closient::models {

/** The print log as the Labels screen lists it: newest first, one row per print, reprint, void or test. */
class PrintHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Labels controller owns the print history.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// Words that every row shown contains (serial, GTIN, printer, stock, layout, user, reason); empty: all.
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    /// Only rows of this action; -1 (the default) for all.
    Q_PROPERTY(int actionFilter READ actionFilter WRITE setActionFilter NOTIFY filterChanged)
    /// Rows before filtering.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)

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
        StockRole, // the stock as people read it ("Avery 5160 — Address labels, 1 × 2⅝ in, 30 per sheet")
        LayoutRole, // the layout's name; empty for symbol-only labels
    };

    explicit PrintHistoryModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setEntries(std::vector<labels::PrintLogEntry> entries);
    /// For each search word (lower case), the entries (ids) with a label that holds it (serial, lot, GTIN): a row
    /// matches a word that is in its texts or in any of its labels, not only the first it shows.
    void setItemMatches(QHash<QString, QSet<qint64>> matches);
    /// The search's words, lower case, to look for among the labels of each entry.
    [[nodiscard]] QStringList searchWords() const;
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &text);
    [[nodiscard]] int actionFilter() const { return m_actionFilter; }
    void setActionFilter(int action);
    [[nodiscard]] int totalCount() const { return int(m_all.size()); }
    /// The stock's name as people read it, for the stock id the log keeps (the id itself when the stock is gone).
    [[nodiscard]] static QString stockName(const QString &stockId);
    [[nodiscard]] static Action actionOf(const QString &stored);

Q_SIGNALS:
    void countChanged();
    void filterChanged();

private:
    void applyFilter();
    [[nodiscard]] bool shown(const labels::PrintLogEntry &e) const;

    std::vector<labels::PrintLogEntry> m_all;
    std::vector<labels::PrintLogEntry> m_entries; // m_all filtered
    QString m_search;
    QHash<QString, QSet<qint64>> m_itemMatches;
    int m_actionFilter = -1;
};

} // namespace closient::models
