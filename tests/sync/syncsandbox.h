// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxprocess.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

namespace closient::test {

/** A closient-sandbox for one sync test: started on a free loopback port with a fresh state file, keys made through
 *  its admin endpoint (so no key is ever on a command line), faults and counters at hand. */
class SyncSandbox
{
public:
    /// Starts it with @p args (e.g. --legacy-errors); false with the reason in error().
    bool start(const QStringList &args = {})
    {
        if (!m_dir.isValid())
            return false;
        return m_process.start(m_dir.filePath(QStringLiteral("sandbox.sqlite")), args);
    }
    void stop() { m_process.stop(); }
    [[nodiscard]] QString error() const { return m_process.error(); }
    [[nodiscard]] QUrl baseUrl() const
    {
        QUrl url = m_process.url(QStringLiteral("/"));
        url.setPath(QString());
        return url;
    }
    [[nodiscard]] QString stateFile() const { return m_dir.filePath(QStringLiteral("sandbox.sqlite")); }

    /// An admin call (no key, no limiter, no faults); the answer's JSON.
    QJsonObject admin(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        const auto a = send(m_nam, method, m_process.url(path),
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (a.status != 200)
            qWarning() << "sandbox admin" << method << path << a.status << a.body;
        return a.json();
    }
    /// A new key: @p spec as /__sandbox/keys takes it (prefix, role, org, email, is_active, expires_at, per_minute).
    QString newKey(const QJsonObject &spec)
    {
        return admin("POST", QStringLiteral("/__sandbox/keys"), spec).value(QStringLiteral("key")).toString();
    }
    /// One counter of /__sandbox/stats (requests, rate_limited, dropped_after_commit ...).
    qint64 stat(const QString &name)
    {
        return admin("GET", QStringLiteral("/__sandbox/stats")).value(name).toInteger();
    }
    /// Rows of one table (sessions, captures ...).
    qint64 records(const QString &table)
    {
        return admin("GET", QStringLiteral("/__sandbox/stats"))
            .value(QStringLiteral("records"))
            .toObject()
            .value(table)
            .toInteger();
    }
    void faults(const QJsonObject &spec) { admin("POST", QStringLiteral("/__sandbox/faults"), spec); }
    void clearFaults() { admin("DELETE", QStringLiteral("/__sandbox/faults")); }
    void config(const QJsonObject &spec) { admin("POST", QStringLiteral("/__sandbox/config"), spec); }

private:
    QTemporaryDir m_dir;
    SandboxProcess m_process;
    QNetworkAccessManager m_nam;
};

} // namespace closient::test
