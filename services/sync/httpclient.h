// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "governor.h"
#include "problem.h"
#include "ratelimit.h"
#include "result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <deque>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace closient::sync {

/** One call to the Closient API, relative to the base URL. */
struct ApiRequest
{
    QByteArray method = "GET";
    QString path; // "/account/api/v1/whoami"
    QUrlQuery query;
    QByteArray body; // sent as given; a mutating request without one sends "{}"
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers (Idempotency-Key ...)
    int timeoutMs = 0; // 0: the client's default
    QUrl baseUrl; // empty: the client's (setAccount); set to try a key before it is stored
    QString apiKey; // empty: the client's

    [[nodiscard]] bool mutating() const { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }
    [[nodiscard]] static ApiRequest get(const QString &path, const QUrlQuery &query = {});
    [[nodiscard]] static ApiRequest post(const QString &path, const QJsonObject &body);
};

/** How a call ended, and what the engine may do next. */
struct ApiReply
{
    /** What is known about the request's effect on the server. */
    enum class Delivery {
        Answered, // the server answered (any status)
        NotSent, // the connection was never made (refused, no such host, TLS refused): nothing happened there
        Unknown, // sent, then no answer (dropped, timed out, Qt would have had to send it again): it may have happened
    };
    /** What to do about it. */
    enum class Disposition {
        Success, // 2xx
        Retry, // resend as it is, after retryAfter / backoff: the server did not act (429, offline, a failed read)
        ReadBackFirst, // a write may or may not have happened (no answer, 5xx): look before resending
        Permanent, // the server refused this request for good (403, 404, 409, 422 ...): park it with problem
        AuthFailure, // the key was refused (401): nothing will pass until a person sets another key
    };

    ApiRequest request;
    Delivery delivery = Delivery::NotSent;
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Problem problem; // for status >= 400
    RateLimitInfo rateLimit;
    QString transportError; // for NotSent / Unknown: what went wrong, in words
    bool timedOut = false;
    qint64 elapsedMs = 0; // from leaving the queue to the end
    qint64 queuedMs = 0; // held back by the governor

    [[nodiscard]] bool ok() const { return delivery == Delivery::Answered && status >= 200 && status < 300; }
    [[nodiscard]] Disposition disposition() const;
    [[nodiscard]] QJsonObject json() const;
    /// Seconds the server asked to wait (Retry-After, retry_after, retry_after_seconds), if it said.
    [[nodiscard]] std::optional<int> retryAfterSeconds() const { return problem.retryAfterSeconds; }
    /// For people: the server's detail, or what happened on the way.
    [[nodiscard]] QString message() const;
    /// As a Result error (code: the problem's error_code, offline, no_answer, timeout).
    [[nodiscard]] Error error() const;
};

/** The station's HTTP client for the Closient API. It lives on the sync thread (never the GUI or database thread)
 *  with its own QNetworkAccessManager; send() may be called from any thread and answers through a QFuture. Every
 *  request carries the User-Agent (product and version) and X-API-Key, has a deadline, and waits in a queue until
 *  the Governor lets it leave. The key is never logged.
 *
 *  Qt's HTTP/1.1 code sends a request a second time by itself when the connection closes before an answer, for
 *  POST too. A write sent twice would be made twice, and the second answer would hide the first, so every request
 *  with a body reads it from a device that cannot be rewound: Qt's second attempt fails (ContentReSendError) and the
 *  reply says Delivery::Unknown. HTTP/2 and redirects are off for the same reason (see docs/ARCHITECTURE.md, Sync). */
class HttpClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 30000; // whole request, and without a byte moving
        Governor::Options governor;
        bool governed = true;
    };

    explicit HttpClient(QObject *parent = nullptr);
    explicit HttpClient(Options options, QObject *parent = nullptr);
    ~HttpClient() override;

    /// The server and key every request uses (thread-safe). An empty key sends no X-API-Key.
    void setAccount(const QUrl &baseUrl, const QString &apiKey);
    [[nodiscard]] QUrl baseUrl() const;

    /// Queues @p request; the future ends with the reply, never with an exception. NOTE: callable from any thread;
    /// never wait for the future on the sync thread itself (use .then()): the answer comes on that thread.
    [[nodiscard]] QFuture<ApiReply> send(ApiRequest request);

    /// Ends every request now and every one sent after (their futures say the station is shutting down), so that
    /// whoever waits on them can finish before the client goes. NOTE: callable from any thread; it waits for the
    /// sync thread.
    void close();

    /// The last request reached the server (any answer) / could not.
    [[nodiscard]] bool online() const;
    /// The governor's state (thread-safe copy).
    [[nodiscard]] Governor::State governorState() const;
    /// "ClosientStation/0.1.0 (Linux; Qt 6.4.2)".
    [[nodiscard]] static QByteArray userAgent();

Q_SIGNALS:
    /// NOTE: emitted on the sync thread.
    void onlineChanged(bool online);
    /// Every answer's rate-limit state, for the Sync page. NOTE: emitted on the sync thread.
    void rateLimitChanged();

private:
    struct Pending
    {
        ApiRequest request;
        QPromise<ApiReply> promise;
        QElapsedTimer queued;
        qint64 queuedMs = 0;
    };

    // NOTE: everything below runs on the sync thread.
    void closeHere();
    static void endUnsent(Pending &pending);
    void enqueue(std::shared_ptr<Pending> pending);
    void pump();
    void start(std::shared_ptr<Pending> pending);
    void finish(std::shared_ptr<Pending> pending, QNetworkReply *reply, quint64 ticket, bool timedOut,
        const QElapsedTimer &clock);
    void setOnline(bool online);
    [[nodiscard]] qint64 nowMs() const { return m_clock.elapsed(); }

    Options m_options;
    mutable QMutex m_mutex; // guards the account, m_online and m_governorState
    QUrl m_baseUrl;
    QString m_apiKey;
    bool m_online = true;
    Governor::State m_governorState;

    QNetworkAccessManager *m_nam = nullptr; // created on the sync thread on first use
    std::atomic<bool> m_closing = false;
    Governor m_governor;
    std::deque<std::shared_ptr<Pending>> m_queue;
    QTimer *m_pumpTimer = nullptr;
    QElapsedTimer m_clock;
};

/** The thread the sync work lives on: HttpClient and, later, the engine. Stops and joins on destruction. */
class SyncThread : public QThread
{
    Q_OBJECT
public:
    explicit SyncThread(QObject *parent = nullptr);
    ~SyncThread() override;
    /// Moves @p object to this thread (starting it if needed) and deletes it there when the thread ends; @p object
    /// must have no parent.
    void adopt(QObject *object);
};

} // namespace closient::sync
