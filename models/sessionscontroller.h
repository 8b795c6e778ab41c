// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionlistmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

namespace closient::store {
class Database;
class Settings;
} // namespace closient::store

namespace closient::models {

/** What the Sessions screens do: create, end and annotate scan sessions, expire idle ones, keep the list. */
class SessionsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(closient::models::SessionListModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(QStringList captureModes READ captureModes CONSTANT)
    Q_PROPERTY(int ttlMinutes READ ttlMinutes WRITE setTtlMinutes NOTIFY ttlMinutesChanged)

public:
    SessionsController(store::Database *db, store::Settings *settings, QObject *parent = nullptr);

    static void setInstance(SessionsController *instance) { s_instance = instance; }
    static SessionsController *instance() { return s_instance; }
    static SessionsController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] SessionListModel *sessions() { return &m_sessions; }
    [[nodiscard]] store::Database *database() const { return m_db; }
    [[nodiscard]] QStringList captureModes() const;
    [[nodiscard]] int ttlMinutes() const { return m_ttlMinutes; }
    void setTtlMinutes(int minutes);

    Q_INVOKABLE QString modeText(const QString &mode) const { return SessionListModel::modeText(mode); }
    /// Starts a session; emits sessionCreated or failed. @p metadata maps keys to text.
    Q_INVOKABLE void createSession(const QString &mode, const QVariantMap &metadata);
    Q_INVOKABLE void endSession(const QString &id);
    /// Applies a metadata change (empty value deletes a key); emits metadataUpdated or failed.
    Q_INVOKABLE void updateMetadata(const QString &id, const QVariantMap &change);

Q_SIGNALS:
    void sessionCreated(const QString &id);
    void sessionEnded(const QString &id);
    void metadataUpdated(const QString &id);
    void failed(const QString &message);
    void ttlMinutesChanged();

private:
    void loadSettings();
    void expireIdle();

    static inline SessionsController *s_instance = nullptr;
    store::Database *m_db;
    SessionListModel m_sessions;
    QTimer m_expiryTimer;
    store::Settings *m_settings;
    int m_ttlMinutes = 0;
};

} // namespace closient::models
