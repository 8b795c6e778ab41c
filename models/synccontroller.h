// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

namespace closient::store {
class Database;
}
namespace closient::sync {
class HttpClient;
class SyncAccount;
class SyncEngine;
class SyncThread;
struct DrainReport;
struct SyncStatus;
} // namespace closient::sync

namespace closient::models {

/**
 * The Sync page and the account part of Settings: whether the station is connected and online, what waits to go by
 * kind, parked records with the server's words (retry / discard), the governor, the last success and a progress
 * bar while draining. It owns the sync thread: the HTTP client and the engine live there; the account object and
 * this controller live on the GUI thread and hear from them through queued signals, so the window never waits.
 * The engine runs continuously while a key is connected and the store is open.
 */
class SyncController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(SyncController)
    QML_SINGLETON
    Q_PROPERTY(bool connected READ connected NOTIFY accountChanged)
    Q_PROPERTY(bool accountBusy READ accountBusy NOTIFY accountChanged)
    Q_PROPERTY(QString organisation READ organisation NOTIFY accountChanged)
    Q_PROPERTY(QString email READ email NOTIFY accountChanged)
    Q_PROPERTY(QString role READ role NOTIFY accountChanged)
    Q_PROPERTY(QString baseUrl READ baseUrl NOTIFY accountChanged)
    Q_PROPERTY(QString accountError READ accountError NOTIFY accountChanged)
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(bool draining READ draining NOTIFY statusChanged)
    Q_PROPERTY(double progress READ progress NOTIFY statusChanged)
    Q_PROPERTY(int pending READ pending NOTIFY statusChanged)
    Q_PROPERTY(int parkedCount READ parkedCount NOTIFY statusChanged)
    Q_PROPERTY(QVariantList queue READ queue NOTIFY statusChanged)
    Q_PROPERTY(QVariantList parked READ parked NOTIFY statusChanged)
    Q_PROPERTY(QString lastSuccess READ lastSuccess NOTIFY statusChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY statusChanged)
    Q_PROPERTY(QString governor READ governor NOTIFY statusChanged)
    Q_PROPERTY(QString stopReason READ stopReason NOTIFY runningChanged)

public:
    explicit SyncController(store::Database *db, QObject *parent = nullptr);
    ~SyncController() override;

    static void setInstance(SyncController *instance) { s_instance = instance; }
    static SyncController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] sync::SyncAccount *account() const { return m_account; }
    [[nodiscard]] bool connected() const;
    [[nodiscard]] bool accountBusy() const;
    [[nodiscard]] QString organisation() const;
    [[nodiscard]] QString email() const;
    [[nodiscard]] QString role() const;
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] QString accountError() const;
    [[nodiscard]] bool online() const { return m_online; }
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] bool draining() const { return m_running && m_pending > 0 && m_online; }
    [[nodiscard]] double progress() const;
    [[nodiscard]] int pending() const { return m_pending; }
    [[nodiscard]] int parkedCount() const { return int(m_parked.size()); }
    [[nodiscard]] QVariantList queue() const { return m_queue; }
    [[nodiscard]] QVariantList parked() const { return m_parked; }
    [[nodiscard]] QString lastSuccess() const { return m_lastSuccess; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QString governor() const { return m_governor; }
    [[nodiscard]] QString stopReason() const { return m_stopReason; }

    /// Sends what waits now instead of at the next look (and starts the engine if a key is connected).
    Q_INVOKABLE void syncNow();
    /// Puts the parked record @p seq (0: all of them) back in the queue.
    Q_INVOKABLE void retry(qint64 seq);
    /// Gives up the parked record @p seq: Closient will not hear of it (the page asks first).
    Q_INVOKABLE void discard(qint64 seq);
    /// Reads the queue again (the page does when it is shown).
    Q_INVOKABLE void refresh();
    /// Connects with @p apiKey at @p baseUrl (production, testing, local or a URL) / forgets the key.
    Q_INVOKABLE void connectKey(const QString &apiKey, const QString &baseUrl);
    Q_INVOKABLE void disconnectKey();

Q_SIGNALS:
    void onlineChanged();
    void accountChanged();
    void runningChanged();
    void statusChanged();
    /// A retry or discard failed, in words.
    void actionFailed(const QString &message);

private:
    void startEngine();
    void stopEngine();
    void apply(const sync::SyncStatus &status);
    void finished(const sync::DrainReport &report);

    static inline SyncController *s_instance = nullptr;
    store::Database *m_db;
    sync::SyncThread *m_thread;
    sync::HttpClient *m_http;
    sync::SyncAccount *m_account;
    sync::SyncEngine *m_engine = nullptr;
    QTimer m_refreshTimer; // gathers the engine's news into one read of the queue
    QTimer m_wakeTimer; // new rows: the engine looks a moment later
    bool m_online = false;
    bool m_running = false;
    int m_pending = 0;
    int m_sentThisRun = 0;
    int m_engineSent = 0; // the engine's count since it started
    int m_baseline = 0; // its count when the queue last filled
    QVariantList m_queue;
    QVariantList m_parked;
    QString m_lastSuccess;
    QString m_lastError;
    QString m_governor;
    QString m_stopReason;
};

} // namespace closient::models
