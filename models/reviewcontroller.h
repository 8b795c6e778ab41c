// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewdetail.h"
#include "reviewfilters.h"
#include "reviewmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>

namespace closient::models {

/**
 * The Review area: the captures table with its filters, the capture in the detail pane, and the actions on the
 * selection (or, with nothing selected, on the current capture): mark reviewed, flag with a note, set back to
 * unreviewed, export what is shown. It owns the parts and wires them: a filter change reloads the table, a write
 * of the pane reads the table again.
 */
class ReviewController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(closient::models::ReviewModel *model READ model CONSTANT)
    Q_PROPERTY(closient::models::ReviewFilters *filters READ filters CONSTANT)
    Q_PROPERTY(closient::models::ReviewDetailView *detail READ detail CONSTANT)
    Q_PROPERTY(QString currentId READ currentId WRITE setCurrentId NOTIFY currentIdChanged)
    Q_PROPERTY(QVariantList sessions READ sessions NOTIFY sessionsChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY summaryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit ReviewController(store::Database *db, QObject *parent = nullptr);

    static void setInstance(ReviewController *instance) { s_instance = instance; }
    static ReviewController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] ReviewModel *model() { return &m_model; }
    [[nodiscard]] ReviewFilters *filters() { return &m_filters; }
    [[nodiscard]] ReviewDetailView *detail() { return &m_detail; }
    [[nodiscard]] QString currentId() const { return m_currentId; }
    void setCurrentId(const QString &id);
    /// "Every session" (id empty), then every session, most recently active first, as {id, name}.
    [[nodiscard]] QVariantList sessions() const { return m_sessions; }
    /// "1,204 captures · 3 selected".
    [[nodiscard]] QString summary() const;
    [[nodiscard]] bool busy() const { return m_writes > 0; }

    Q_INVOKABLE void markReviewed() { mark(store::ReviewState::Reviewed, {}); }
    Q_INVOKABLE void markUnreviewed() { mark(store::ReviewState::Unreviewed, {}); }
    /// Flags the selection (or the current capture) with @p note, which must say what is wrong.
    Q_INVOKABLE void flag(const QString &note) { mark(store::ReviewState::Flagged, note); }
    /// How many captures the actions work on: the selection, else the current one.
    Q_INVOKABLE [[nodiscard]] int targetCount() const;
    /// "1 capture", "12 captures".
    Q_INVOKABLE [[nodiscard]] static QString captures(int n);
    /// Writes the captures shown (every one the filters let through, in the order shown) to @p file as CSV.
    Q_INVOKABLE void exportCsv(const QUrl &file);
    Q_INVOKABLE [[nodiscard]] QUrl suggestedExportFile() const;
    /// Reads the table and the session list again.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void currentIdChanged();
    void sessionsChanged();
    void summaryChanged();
    void busyChanged();
    void message(const QString &text, bool error);
    void exported(const QString &path, int rows);

private:
    void mark(store::ReviewState state, const QString &note);
    void busy(int delta);

    static inline ReviewController *s_instance = nullptr;
    store::Database *m_db;
    ReviewFilters m_filters;
    ReviewModel m_model;
    ReviewDetailView m_detail;
    QString m_currentId;
    QVariantList m_sessions;
    QTimer m_filterDelay; // typing in the search field reloads once it pauses
    QTimer m_storeChanged; // a burst of scans reloads the rows shown once
    QString m_lastExportFolder;
    int m_writes = 0;
};

} // namespace closient::models
