// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>

#include <vector>

namespace closient::store {
class Database;
}

namespace closient::models {

/** The scan sessions of the store, most recently active first, kept current as the store changes. */
class SessionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by SessionsController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int activeCount READ activeCount NOTIFY countChanged)

public:
    enum Roles {
        SessionIdRole = Qt::UserRole + 1,
        TitleRole,
        StatusRole,
        ActiveRole,
        CaptureModeRole,
        ModeTextRole,
        MetadataRole,
        MetadataTextRole,
        CreatedTextRole,
        LastActivityTextRole,
        EndedTextRole,
        CaptureCountRole,
        PhotoCountRole,
        RejectedCountRole,
        VoidedCountRole,
        TakesBarcodesRole, // barcodes may be captured into it (not photos-only)
        DurationTextRole, // "2 h 05 min" from start to the end or the last activity
    };
    Q_ENUM(Roles)

    explicit SessionListModel(store::Database *db, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int activeCount() const;

    /// The session with @p id as QML sees a row (empty map if unknown).
    Q_INVOKABLE QVariantMap get(const QString &id) const;
    /// Reloads from the store. Asynchronous.
    Q_INVOKABLE void refresh();
    /// Replaces the rows; rows whose id stays in place only report changed data.
    void setSessions(std::vector<store::Session> sessions);
    /// Puts @p session where its last activity places it (newest first): updated, moved or added.
    void updateSession(const store::Session &session);

    [[nodiscard]] static QString modeText(const QString &mode);
    [[nodiscard]] static QString title(const store::Session &s);

Q_SIGNALS:
    void countChanged();

private:
    store::Database *m_db;
    std::vector<store::Session> m_sessions;
    bool m_refreshQueued = false;
    QSet<QString> m_changed; // sessions announced as changed, read again together
    int m_reads = 0; // list reads started; a single session read older than a list read is stale
};

} // namespace closient::models
