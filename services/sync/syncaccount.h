// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

namespace closient::sync {

class HttpClient;

/** The station's Closient account as the Settings page shows it: connected or not, to which organisation, online
 *  or not. It lives on the GUI thread; the keyring and the server are asked on other threads and the answers come
 *  back queued, so the window never waits. */
class SyncAccount : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool connected READ connected NOTIFY changed)
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString organisation READ organisation NOTIFY changed)
    Q_PROPERTY(QString email READ email NOTIFY changed)
    Q_PROPERTY(QString role READ role NOTIFY changed)
    Q_PROPERTY(QString baseUrl READ baseUrl NOTIFY changed)
    Q_PROPERTY(QString keySource READ keySource NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)

public:
    /// @p client lives on the sync thread and outlives this object; @p configDir: see CredentialStore.
    explicit SyncAccount(HttpClient *client, QString configDir = {}, QObject *parent = nullptr);

    [[nodiscard]] bool connected() const { return m_connected; }
    [[nodiscard]] bool online() const { return m_online; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString organisation() const { return m_identity.organisation().name; }
    [[nodiscard]] QString email() const { return m_identity.email; }
    [[nodiscard]] QString role() const { return m_identity.role; }
    [[nodiscard]] QString baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QString keySource() const { return m_keySource; }
    [[nodiscard]] QString lastError() const { return m_lastError; }

    /// Reads the stored key and server, hands them to the client and asks whoami (offline: the cached identity).
    Q_INVOKABLE void refresh();
    /// Checks @p apiKey, asks the server at @p baseUrl ("production", "testing", "local" or a URL; empty: the
    /// current one) and stores it when the server knows it; lastError says why not.
    Q_INVOKABLE void connectKey(const QString &apiKey, const QString &baseUrl = {});
    /// Removes the stored key.
    Q_INVOKABLE void forgetKey();

    /// Waits until no work of this account runs on the pool: the owner calls it, after closing the client, before
    /// the client goes (the work holds it).
    void waitForWork();

Q_SIGNALS:
    void changed();
    void onlineChanged();
    void busyChanged();
    /// A refresh, connectKey or forgetKey ended (lastError is empty when it succeeded).
    void finished();

private:
    struct Snapshot
    {
        bool connected = false;
        bool asked = false; // a request was sent
        bool answered = false; // and the server answered (online)
        AccountIdentity identity;
        QString baseUrl;
        QString keySource;
        QString error;
    };
    void apply(const Snapshot &s);
    /// Runs @p work on the pool and remembers it for waitForWork().
    QFuture<Snapshot> track(QFuture<Snapshot> work);
    void setBusy(bool busy);
    void setOnline(bool online);

    HttpClient *m_client;
    QString m_configDir;
    bool m_connected = false;
    bool m_online = false;
    bool m_busy = false;
    AccountIdentity m_identity;
    QString m_baseUrl;
    QString m_keySource;
    QString m_lastError;
    QList<QFuture<Snapshot>> m_work;
};

} // namespace closient::sync
