// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testbase.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace closient::test {

/** A running closient-sandbox on 127.0.0.1 (--port 0), for tests that talk to it as the station does. */
class SandboxProcess
{
public:
    ~SandboxProcess() { stop(); }

    /// Starts the sandbox on @p stateFile with @p args; false (and the reason in error()) when it did not come up.
    bool start(const QString &stateFile, const QStringList &args = {})
    {
        m_process = std::make_unique<QProcess>();
        m_process->start(binaryDir() + QStringLiteral("/closient-sandbox"),
            QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--state"), stateFile } + args);
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000 && !m_process->canReadLine() && m_process->state() != QProcess::NotRunning)
            m_process->waitForReadyRead(100);
        const QByteArray line = m_process->readLine().trimmed();
        if (!line.startsWith("http://127.0.0.1:")) {
            m_process->waitForFinished(2000);
            m_error = QString::fromUtf8(m_process->readAllStandardError());
            return false;
        }
        m_url = QUrl(QString::fromLatin1(line));
        return true;
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000))
                m_process->kill();
            m_process->waitForFinished(2000);
        }
        m_process.reset();
    }

    [[nodiscard]] QUrl url(const QString &path) const { return m_url.resolved(QUrl(path)); }
    [[nodiscard]] QString error() const { return m_error; }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QString m_error;
};

/** One answer as a test needs it. */
struct HttpAnswer
{
    int status = 0; // 0: no HTTP answer (see error)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray body;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &[k, v] : headers) {
            if (name.compare(k, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
};

/// Sends one request with @p nam and waits for its end (tests only).
inline HttpAnswer send(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
    const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[k, v] : headers)
        request.setRawHeader(k, v);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    answer.headers = reply->rawHeaderPairs();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

} // namespace closient::test
