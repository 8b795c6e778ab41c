// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSysInfo>

#ifndef CLOSIENT_VERSION
#define CLOSIENT_VERSION "0"
#endif

Q_LOGGING_CATEGORY(lcHttp, "closient.sync.http", QtWarningMsg)

using namespace Qt::StringLiterals;

namespace closient::sync {

namespace {

/** A request body that can be read once. Qt asks to rewind it before sending a request again on its own after a
 *  connection closed without an answer; refusing makes that attempt fail with ContentReSendError, so the caller
 *  learns the outcome is unknown instead of getting the answer to a second, silent copy of a write. Rewinding
 *  before anything was read (Qt does that once before the first send) is allowed. */
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }
    bool atEnd() const override { return m_read >= m_data.size() && QIODevice::bytesAvailable() == 0; }
    bool reset() override
    {
        if (m_read > 0 || m_refused) {
            m_refused = true;
            return false;
        }
        return QIODevice::reset();
    }
    [[nodiscard]] bool resendRefused() const { return m_refused; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_read);
        if (n <= 0)
            return m_read >= m_data.size() ? -1 : 0;
        memcpy(data, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
    bool m_refused = false;
};

bool connectionNeverMade(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProtocolUnknownError:
        return true;
    default:
        return false;
    }
}

} // namespace

ApiRequest ApiRequest::get(const QString &path, const QUrlQuery &query)
{
    ApiRequest r;
    r.path = path;
    r.query = query;
    return r;
}

ApiRequest ApiRequest::post(const QString &path, const QJsonObject &body)
{
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

ApiReply::Disposition ApiReply::disposition() const
{
    switch (delivery) {
    case Delivery::NotSent:
        return Disposition::Retry;
    case Delivery::Unknown:
        return request.mutating() ? Disposition::ReadBackFirst : Disposition::Retry;
    case Delivery::Answered:
        break;
    }
    if (status >= 200 && status < 300)
        return Disposition::Success;
    if (status == 401)
        return Disposition::AuthFailure;
    if (status == 429)
        return Disposition::Retry; // refused before it was handled
    if (status >= 500)
        return request.mutating() ? Disposition::ReadBackFirst : Disposition::Retry;
    return problem.retryable() ? Disposition::Retry : Disposition::Permanent;
}

QJsonObject ApiReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString ApiReply::message() const
{
    switch (delivery) {
    case Delivery::Answered:
        if (status >= 300 && status < 400) {
            // Redirects are not followed (a POST would become a GET): the address is likely wrong (http for https).
            QByteArray location;
            for (const auto &[k, v] : headers) {
                if (k.compare("Location", Qt::CaseInsensitive) == 0)
                    location = v;
            }
            return u"The server sends this request elsewhere (HTTP %1 to %2): check the Closient address."_s.arg(
                QString::number(status), QString::fromUtf8(location));
        }
        return status >= 400 ? problem.userMessage() : u"HTTP %1"_s.arg(status);
    case Delivery::NotSent:
        return u"The Closient server cannot be reached (%1)."_s.arg(transportError);
    case Delivery::Unknown:
        break;
    }
    if (timedOut)
        return u"The Closient server did not answer within %1 s; the request may or may not have been carried "
               u"out."_s.arg(double(elapsedMs) / 1000.0, 0, 'f', 1);
    return u"The connection to the Closient server closed before its answer (%1); the request may or may not have "
           u"been carried out."_s.arg(transportError);
}

Error ApiReply::error() const
{
    switch (delivery) {
    case Delivery::Answered:
        if (status >= 300 && status < 400)
            return { u"redirected"_s, message(), false };
        return problem.toError();
    case Delivery::NotSent:
        return { u"offline"_s, message(), true };
    case Delivery::Unknown:
        break;
    }
    return { timedOut ? u"timeout"_s : u"no_answer"_s, message(), true };
}

HttpClient::HttpClient(QObject *parent)
    : HttpClient(Options {}, parent)
{ }

HttpClient::HttpClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_governor(options.governor)
{
    m_clock.start();
}

HttpClient::~HttpClient()
{
    closeHere();
}

void HttpClient::close()
{
    if (thread() == QThread::currentThread() || !thread()->isRunning())
        closeHere();
    else
        QMetaObject::invokeMethod(this, &HttpClient::closeHere, Qt::BlockingQueuedConnection);
}

void HttpClient::closeHere()
{
    // Requests on the wire end now (their futures say so), and nothing new leaves.
    m_closing = true;
    if (m_nam) {
        const auto replies = m_nam->findChildren<QNetworkReply *>();
        for (QNetworkReply *reply : replies)
            reply->abort(); // emits finished(): its future ends as "unknown"
    }
    delete m_nam;
    m_nam = nullptr;
    for (auto &p : m_queue)
        endUnsent(*p);
    m_queue.clear();
}

void HttpClient::endUnsent(Pending &p)
{
    ApiReply reply;
    reply.request = p.request;
    reply.transportError = u"the station is shutting down"_s;
    p.promise.addResult(reply);
    p.promise.finish();
}

void HttpClient::setAccount(const QUrl &baseUrl, const QString &apiKey)
{
    QMutexLocker lock(&m_mutex);
    m_baseUrl = baseUrl;
    m_apiKey = apiKey;
}

QUrl HttpClient::baseUrl() const
{
    QMutexLocker lock(&m_mutex);
    return m_baseUrl;
}

bool HttpClient::online() const
{
    QMutexLocker lock(&m_mutex);
    return m_online;
}

Governor::State HttpClient::governorState() const
{
    QMutexLocker lock(&m_mutex);
    return m_governorState;
}

QByteArray HttpClient::userAgent()
{
    return "ClosientStation/" CLOSIENT_VERSION " (" + QSysInfo::kernelType().toUtf8() + "; Qt " + qVersion() + ")";
}

QFuture<ApiReply> HttpClient::send(ApiRequest request)
{
    auto pending = std::make_shared<Pending>();
    pending->request = std::move(request);
    pending->promise.start(); // before the future leaves, so a waiter never sees it unstarted
    QFuture<ApiReply> future = pending->promise.future();
    if (m_closing) {
        endUnsent(*pending);
        return future;
    }
    QMetaObject::invokeMethod(
        this, [this, pending] { enqueue(pending); }, Qt::QueuedConnection);
    return future;
}

void HttpClient::enqueue(std::shared_ptr<Pending> pending)
{
    if (m_closing) {
        endUnsent(*pending);
        return;
    }
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_pumpTimer = new QTimer(this);
        m_pumpTimer->setSingleShot(true);
        connect(m_pumpTimer, &QTimer::timeout, this, &HttpClient::pump);
    }
    pending->queued.start();
    m_queue.push_back(std::move(pending));
    pump();
}

void HttpClient::pump()
{
    while (!m_queue.empty()) {
        const qint64 delay = m_options.governed ? m_governor.delayMs(nowMs()) : 0;
        if (delay < 0)
            return; // an answer will pump again
        if (delay > 0) {
            m_pumpTimer->start(int(std::min<qint64>(delay, 24 * 3600 * 1000)));
            return;
        }
        auto next = std::move(m_queue.front());
        m_queue.pop_front();
        start(std::move(next));
    }
}

void HttpClient::start(std::shared_ptr<Pending> pending)
{
    const ApiRequest &r = pending->request;
    QUrl base;
    QString key;
    {
        QMutexLocker lock(&m_mutex);
        base = r.baseUrl.isEmpty() ? m_baseUrl : r.baseUrl;
        key = r.apiKey.isEmpty() ? m_apiKey : r.apiKey;
    }
    QUrl url = base;
    url.setPath(base.path() + r.path);
    if (!r.query.isEmpty())
        url.setQuery(r.query);

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json, application/problem+json");
    if (!key.isEmpty())
        request.setRawHeader("X-API-Key", key.toUtf8());
    for (const auto &[k, v] : r.headers)
        request.setRawHeader(k, v);
    // HTTP/2 requeues requests on a lost connection by its own rules; redirects would turn a POST into a GET.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const int timeout = r.timeoutMs > 0 ? r.timeoutMs : m_options.timeoutMs;
    request.setTransferTimeout(timeout);

    QNetworkReply *reply = nullptr;
    if (r.mutating()) {
        const QByteArray body = r.body.isEmpty() ? QByteArrayLiteral("{}") : r.body;
        request.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(body, nullptr);
        reply = m_nam->sendCustomRequest(request, r.method, device);
        device->setParent(reply);
    } else {
        reply = m_nam->sendCustomRequest(request, r.method);
    }
    const quint64 ticket = m_governor.onSent(nowMs());
    qCDebug(lcHttp) << r.method << url.path();

    QElapsedTimer clock;
    clock.start();
    auto timedOut = std::make_shared<bool>(false);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(timeout);
    pending->queuedMs = pending->queued.elapsed();
    connect(reply, &QNetworkReply::finished, this,
        [this, pending, reply, ticket, timedOut, clock] { finish(pending, reply, ticket, *timedOut, clock); });
}

void HttpClient::finish(
    std::shared_ptr<Pending> pending, QNetworkReply *reply, quint64 ticket, bool timedOut, const QElapsedTimer &clock)
{
    ApiReply out;
    out.request = pending->request;
    out.elapsedMs = clock.elapsed();
    out.queuedMs = pending->queuedMs;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto error = reply->error();
    if (out.status > 0) {
        out.delivery = ApiReply::Delivery::Answered;
        out.headers = reply->rawHeaderPairs();
        out.body = reply->readAll();
        out.rateLimit = RateLimitInfo::fromHeaders(out.headers, double(QDateTime::currentMSecsSinceEpoch()) / 1000.0);
        if (out.status >= 400 || out.status < 200)
            out.problem = Problem::fromResponse(out.status, out.headers, out.body);
        m_governor.onAnswered(ticket, out.status, out.rateLimit, out.problem.retryAfterSeconds, nowMs());
    } else {
        out.timedOut
            = timedOut || error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
        out.delivery
            = connectionNeverMade(error) && !out.timedOut ? ApiReply::Delivery::NotSent : ApiReply::Delivery::Unknown;
        out.transportError = reply->errorString();
        m_governor.onFailed(ticket, nowMs());
        qCInfo(lcHttp) << pending->request.method << pending->request.path << "got no answer:" << error
                       << (out.timedOut ? "timed out" : "");
    }
    reply->deleteLater();
    if (m_closing) {
        pending->promise.addResult(out);
        pending->promise.finish();
        return;
    }
    setOnline(out.delivery == ApiReply::Delivery::Answered);
    {
        QMutexLocker lock(&m_mutex);
        m_governorState = m_governor.state(nowMs());
    }
    Q_EMIT rateLimitChanged();
    pending->promise.addResult(out);
    pending->promise.finish();
    pump();
}

void HttpClient::setOnline(bool online)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_online == online)
            return;
        m_online = online;
    }
    Q_EMIT onlineChanged(online);
}

SyncThread::SyncThread(QObject *parent)
    : QThread(parent)
{
    setObjectName(u"closient-sync"_s);
}

SyncThread::~SyncThread()
{
    quit();
    wait();
}

void SyncThread::adopt(QObject *object)
{
    object->moveToThread(this);
    connect(this, &QThread::finished, object, &QObject::deleteLater);
    if (!isRunning())
        start();
}

} // namespace closient::sync
