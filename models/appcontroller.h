// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>

namespace closient::store {
class Database;
}

namespace closient::models {

/** The application's state as the window shows it: is the store usable, where is it, what waits to sync. */
class AppController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool storeReady READ storeReady NOTIFY storeStateChanged)
    Q_PROPERTY(bool storeOpening READ storeOpening NOTIFY storeStateChanged)
    Q_PROPERTY(QString storeError READ storeError NOTIFY storeStateChanged)
    Q_PROPERTY(QString storeErrorCode READ storeErrorCode NOTIFY storeStateChanged)
    Q_PROPERTY(QString databasePath READ databasePath CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(int pendingSync READ pendingSync NOTIFY pendingSyncChanged)
    Q_PROPERTY(QString startArea READ startArea CONSTANT)

public:
    AppController(store::Database *db, QString path, QObject *parent = nullptr);

    static void setInstance(AppController *instance) { s_instance = instance; }
    static AppController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] bool storeReady() const { return m_ready; }
    [[nodiscard]] bool storeOpening() const { return m_opening; }
    [[nodiscard]] QString storeError() const { return m_error; }
    [[nodiscard]] QString storeErrorCode() const { return m_errorCode; }
    [[nodiscard]] QString databasePath() const { return m_path; }
    [[nodiscard]] QString version() const;
    [[nodiscard]] int pendingSync() const { return m_pendingSync; }
    /// The area the window opens on (the command line may ask for another than Sessions).
    [[nodiscard]] QString startArea() const { return m_startArea; }
    void setStartArea(const QString &area) { m_startArea = area; }

    /// Opens the store (again, after the person fixed what was wrong). Asynchronous.
    Q_INVOKABLE void openStore();
    /// Which areas of the product work in this build; the others are shown disabled.
    Q_INVOKABLE bool areaAvailable(const QString &area) const;

Q_SIGNALS:
    void storeStateChanged();
    void pendingSyncChanged();

private:
    void refreshPending();

    static inline AppController *s_instance = nullptr;
    store::Database *m_db;
    QString m_path;
    bool m_ready = false;
    bool m_opening = false;
    QString m_error;
    QString m_errorCode;
    int m_pendingSync = 0;
    QString m_startArea = QStringLiteral("sessions");
};

} // namespace closient::models
