// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncaccount.h"

#include "httpclient.h"
#include "serverurl.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace closient::sync {

SyncAccount::SyncAccount(HttpClient *client, QString configDir, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_configDir(std::move(configDir))
{
    connect(m_client, &HttpClient::onlineChanged, this, [this](bool online) { setOnline(online); });
}

void SyncAccount::refresh()
{
    setBusy(true);
    // NOTE: the lambda runs on a pool thread: the keyring and the server may take their time.
    track(QtConcurrent::run([client = m_client, dir = m_configDir] {
        Snapshot s;
        CredentialStore store(dir);
        const auto url = store.baseUrl();
        if (!url.ok()) {
            s.error = url.error().message;
            return s;
        }
        s.baseUrl = url.value().toString();
        const auto key = store.loadKey();
        if (!key.ok()) {
            client->setAccount(url.value(), {});
            s.error = key.error().code == u"not_found"_s ? QString() : key.error().message;
            return s;
        }
        s.keySource = CredentialStore::backendName(key.value().source);
        client->setAccount(url.value(), key.value().apiKey);
        auto reply = client->send(account::whoamiRequest());
        reply.waitForFinished();
        s.asked = true;
        s.answered = reply.result().delivery == ApiReply::Delivery::Answered;
        const auto identity = account::identityFrom(reply.result());
        if (identity.ok()) {
            s.connected = true;
            s.identity = identity.value();
            auto settings = store.loadSettings();
            if (settings.ok() && key.value().source != CredentialStore::Backend::Environment) {
                settings.value().identity = s.identity.toJson();
                (void)store.saveSettings(settings.value());
            }
        } else {
            s.error = identity.error().message;
            // Offline: the key is still set, and the cached identity says whose it is.
            s.connected = !s.answered;
            if (const auto settings = store.loadSettings(); settings.ok())
                s.identity = AccountIdentity::fromJson(settings.value().identity);
        }
        return s;
    })).then(this, [this](const Snapshot &s) { apply(s); });
}

void SyncAccount::connectKey(const QString &apiKey, const QString &baseUrl)
{
    setBusy(true);
    track(QtConcurrent::run([client = m_client, dir = m_configDir, apiKey, baseUrl, current = m_baseUrl] {
        Snapshot s;
        const auto url
            = ServerUrl::parse(baseUrl.isEmpty() ? (current.isEmpty() ? u"production"_s : current) : baseUrl);
        if (!url.ok()) {
            s.error = url.error().message;
            return s;
        }
        s.baseUrl = url.value().toString();
        CredentialStore store(dir);
        const auto identity = account::connectKey(*client, store, url.value(), apiKey);
        if (!identity.ok()) {
            s.error = identity.error().message;
            const QString code = identity.error().code;
            s.asked = code != u"bad_key_format"_s && code != u"bad_key_checksum"_s && code != u"io"_s;
            s.answered = code != u"offline"_s && code != u"no_answer"_s && code != u"timeout"_s;
            return s;
        }
        client->setAccount(url.value(), apiKey);
        s.connected = true;
        s.asked = true;
        s.answered = true;
        s.identity = identity.value();
        const auto key = store.loadKey();
        s.keySource = key.ok() ? CredentialStore::backendName(key.value().source) : QString();
        return s;
    })).then(this, [this](const Snapshot &s) {
        if (!s.error.isEmpty() && m_connected) {
            // A refused new key leaves the old connection as it was.
            m_lastError = s.error;
            Q_EMIT changed();
            setBusy(false);
            Q_EMIT finished();
            return;
        }
        apply(s);
    });
}

void SyncAccount::forgetKey()
{
    setBusy(true);
    track(QtConcurrent::run([client = m_client, dir = m_configDir] {
        Snapshot s;
        CredentialStore store(dir);
        if (auto done = store.forget(); !done.ok())
            s.error = done.error().message;
        const auto url = store.baseUrl();
        s.baseUrl = url.ok() ? url.value().toString() : QString();
        client->setAccount(url.ok() ? url.value() : QUrl(), {});
        return s;
    })).then(this, [this](const Snapshot &s) { apply(s); });
}

QFuture<SyncAccount::Snapshot> SyncAccount::track(QFuture<Snapshot> work)
{
    m_work.removeIf([](const QFuture<Snapshot> &f) { return f.isFinished(); });
    m_work.append(work);
    return work;
}

void SyncAccount::waitForWork()
{
    for (auto &f : m_work)
        f.waitForFinished();
    m_work.clear();
}

void SyncAccount::apply(const Snapshot &s)
{
    m_connected = s.connected;
    m_identity = s.identity;
    m_baseUrl = s.baseUrl;
    m_keySource = s.keySource;
    m_lastError = s.error;
    Q_EMIT changed();
    if (s.asked)
        setOnline(s.answered);
    setBusy(false);
    Q_EMIT finished();
}

void SyncAccount::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void SyncAccount::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged();
}

} // namespace closient::sync
