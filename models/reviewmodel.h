// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewrepository.h"

#include <QAbstractTableModel>
#include <QQmlEngine>
#include <QSet>
#include <QUrl>

#include <vector>

namespace closient::models {

/**
 * Every capture the review filters let through, one row each, read a page at a time on the database thread as the
 * view scrolls (canFetchMore / fetchMore): it never holds more rows than were shown. A new filter or sort keeps the
 * old rows on screen until the first page of the new ones is in; an answer to an older request is dropped.
 */
class ReviewModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by ReviewController")
    Q_PROPERTY(int total READ total NOTIFY totalChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    Q_PROPERTY(QStringList columnTitles READ columnTitles CONSTANT)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TimeTextRole,
        SessionRole,
        TypeTextRole,
        CodeRole,
        GtinRole,
        GtinCorrectedRole,
        ProductRole,
        LotRole,
        ExpiryRole,
        SerialRole,
        StatusTextRole,
        MarkRole, // Mark
        MarkTextRole,
        NoteRole,
        PhotoCountRole,
        PhotoUrlRole,
        ParseErrorsRole, // the errors in plain words, one a line
        VoidedRole,
        SelectedRole,
    };
    Q_ENUM(Roles)
    enum class Mark { Unreviewed, Reviewed, Flagged };
    Q_ENUM(Mark)
    static constexpr int kPageSize = 200;

    explicit ReviewModel(store::Database *db, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    [[nodiscard]] int total() const { return m_total; }
    [[nodiscard]] bool loading() const { return m_pending > 0; }
    [[nodiscard]] int selectedCount() const { return int(m_selected.size()); }
    [[nodiscard]] QStringList columnTitles() const;
    [[nodiscard]] const store::ReviewFilter &filter() const { return m_filter; }
    [[nodiscard]] const store::ReviewRow *rowAt(int row) const;
    /// The text a cell shows (also what the CSV export writes).
    [[nodiscard]] static QString cellText(const store::ReviewRow &row, int column);
    [[nodiscard]] static QString markText(store::ReviewState state);
    [[nodiscard]] static QString typeText(const QString &captureType);
    [[nodiscard]] static QString statusText(const QString &serverStatus);
    /// The column titles, in the order shown.
    [[nodiscard]] static QStringList titles();

    /// Shows the captures @p filter lets through, from the first page.
    void setFilter(const store::ReviewFilter &filter);
    /// Reads the rows already shown again (after a mark or a correction), keeping the selection.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE [[nodiscard]] QString idAt(int row) const;
    Q_INVOKABLE [[nodiscard]] int rowOf(const QString &id) const;
    Q_INVOKABLE void setSelected(int row, bool selected);
    Q_INVOKABLE [[nodiscard]] bool isSelected(int row) const;
    /// Selects rows @p from to @p to (both included, either order), as shift-click does.
    Q_INVOKABLE void selectRange(int from, int to);
    Q_INVOKABLE void clearSelection();
    [[nodiscard]] QStringList selectedIds() const;

Q_SIGNALS:
    void totalChanged();
    void loadingChanged();
    void selectionChanged();
    /// The first page of a new filter or sort is on screen.
    void firstRowsShown();
    /// The view asked for another sort (a header click).
    void sortRequested(int column, bool descending);
    void failed(const QString &message);

private:
    void reload(int limit);
    void request(int offset, int limit, bool replace);
    void busy(int delta);
    template<typename Fn>
    void later(Fn &&fn);
    void emitSelected(const QList<int> &rows);

    store::Database *m_db;
    store::ReviewFilter m_filter;
    std::vector<store::ReviewRow> m_rows;
    QSet<QString> m_selected;
    int m_total = 0;
    bool m_totalKnown = false;
    int m_generation = 0; // bumped by every new filter; older answers are dropped
    int m_pending = 0;
    int m_requests = 0;
    int m_inFlight = 0; // the page request on its way, 0 when none
    bool m_exhausted = true;
};

} // namespace closient::models
