// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The station's HTTP client against the real closient-sandbox: answers, the error shapes, rate-limit headers, and
// what happens to a write whose answer never comes.
#include "httpclient.h"
#include "pagination.h"
#include "syncsandbox.h"

#include <QBuffer>
#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::sync;
using namespace closient::test;

namespace {
const QJsonObject kSession { { u"capture_mode"_s, u"barcode_scan"_s } };

/// A GTIN-14 from 13 digits and their GS1 check digit.
QString gtin14(const QString &first13)
{
    int sum = 0;
    for (int i = 0; i < 13; ++i)
        sum += first13[i].digitValue() * (i % 2 == 0 ? 3 : 1);
    return first13 + QString::number((10 - sum % 10) % 10);
}
} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private:
    SyncSandbox m_sandbox;
    SyncThread m_thread;
    HttpClient *m_client = nullptr;
    QString m_owner, m_publishable, m_expired, m_revoked, m_orgId;

    /// Sends through the client on the sync thread and waits: this thread has no event loop running meanwhile,
    /// so the answer can only come from the sync thread.
    ApiReply call(ApiRequest r) { return call(m_client, std::move(r)); }
    static ApiReply call(HttpClient *client, ApiRequest r)
    {
        auto f = client->send(std::move(r));
        f.waitForFinished();
        return f.result();
    }
    ApiRequest withKey(ApiRequest r, const QString &key)
    {
        r.apiKey = key;
        return r;
    }
    /// A POST of a session as Qt's own client sends it, outside the station's client.
    qint64 attemptsOfPlainPost(const std::function<void(QNetworkRequest &)> &adjust, bool sequentialBody)
    {
        QNetworkAccessManager nam;
        const qint64 before = m_sandbox.stat(u"dropped_after_commit"_s);
        m_sandbox.faults({ { u"drop_next"_s, 5 }, { u"methods"_s, u"mutating"_s } });
        // A kept-alive connection first, as a running station has one.
        (void)send(nam, "GET", m_sandbox.baseUrl().resolved(QUrl(u"/account/api/v1/whoami"_s)), {},
            { { "X-API-Key", m_owner.toUtf8() } });
        QNetworkRequest request(m_sandbox.baseUrl().resolved(QUrl(u"/scanner/api/v1/sessions"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("X-API-Key", m_owner.toUtf8());
        adjust(request);
        const QByteArray body = QJsonDocument(kSession).toJson(QJsonDocument::Compact);
        QBuffer buffer;
        buffer.setData(body);
        buffer.open(QIODevice::ReadOnly);
        QNetworkReply *reply = sequentialBody ? nam.post(request, &buffer) : nam.post(request, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        m_sandbox.clearFaults();
        return m_sandbox.stat(u"dropped_after_commit"_s) - before;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start({ u"--pipeline-step-ms"_s, u"50"_s }), qPrintable(m_sandbox.error()));
        m_owner = m_sandbox.newKey(
            { { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s }, { u"email"_s, u"ops@acme.test"_s } });
        m_publishable = m_sandbox.newKey({ { u"prefix"_s, u"cpk"_s }, { u"org"_s, u"Acme Foods"_s } });
        m_expired = m_sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s },
            { u"expires_at"_s, u"2020-01-01T00:00:00Z"_s } });
        m_revoked
            = m_sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s }, { u"is_active"_s, false } });
        QVERIFY(!m_owner.isEmpty() && !m_publishable.isEmpty() && !m_expired.isEmpty() && !m_revoked.isEmpty());
        m_client = new HttpClient;
        m_thread.adopt(m_client);
        m_client->setAccount(m_sandbox.baseUrl(), m_owner);
        QVERIFY(m_client->thread() != QThread::currentThread());
    }

    void init() { m_sandbox.clearFaults(); }

    void answered()
    {
        const auto r = call(ApiRequest::get(u"/account/api/v1/whoami"_s));
        QCOMPARE(r.status, 200);
        QVERIFY(r.ok());
        QCOMPARE(r.disposition(), ApiReply::Disposition::Success);
        QCOMPARE(r.json().value(u"email"_s).toString(), u"ops@acme.test"_s);
        QVERIFY(r.rateLimit.known());
        QCOMPARE(*r.rateLimit.limit, 300);
        QCOMPARE(r.rateLimit.policy.size(), size_t(2));
        QVERIFY(m_client->online());
        m_orgId = r.json().value(u"organizations"_s).toArray().first().toObject().value(u"id"_s).toString();
        QVERIFY(HttpClient::userAgent().startsWith("ClosientStation/"));
    }

    void refusedKeys_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("words");
        QTest::newRow("unknown") << u"unknown"_s << u"unknown_key"_s << u"no such key"_s;
        QTest::newRow("expired") << u"expired"_s << u"expired"_s << u"expired on 2020-01-01"_s;
        QTest::newRow("revoked") << u"revoked"_s << u"revoked"_s << u"revoked"_s;
    }
    void refusedKeys()
    {
        QFETCH(QString, which);
        QFETCH(QString, reason);
        QFETCH(QString, words);
        const QString key = which == u"expired"_s ? m_expired
            : which == u"revoked"_s               ? m_revoked
                                                  : u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s;
        const auto r = call(withKey(ApiRequest::get(u"/account/api/v1/whoami"_s), key));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.disposition(), ApiReply::Disposition::AuthFailure);
        QCOMPARE(r.problem.errorCode, u"unauthorized"_s);
        QCOMPARE(r.problem.authReason(), reason);
        QVERIFY2(r.message().contains(words), qPrintable(r.message()));
        QVERIFY(!r.problem.retryable());
    }

    void forbidden()
    {
        // A publishable key reads but may not write.
        const auto r = call(withKey(ApiRequest::post(u"/scanner/api/v1/sessions"_s, kSession), m_publishable));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.disposition(), ApiReply::Disposition::Permanent);
        QCOMPARE(r.problem.errorCode, u"forbidden"_s);
        QVERIFY2(r.message().contains(u"may not call POST"_s), qPrintable(r.message()));
        QCOMPARE(r.error().code, u"forbidden"_s);
    }

    void validation_data()
    {
        QTest::addColumn<bool>("legacy");
        QTest::newRow("problem+json") << false;
        QTest::newRow("legacy envelope") << true;
    }
    void validation()
    {
        QFETCH(bool, legacy);
        m_sandbox.config({ { u"legacy_errors"_s, legacy } });
        const auto r = call(ApiRequest::post(u"/scanner/api/v1/sessions"_s, { { u"capture_mode"_s, u"sideways"_s } }));
        m_sandbox.config({ { u"legacy_errors"_s, false } });
        QCOMPARE(r.status, 422);
        QCOMPARE(r.problem.legacyShape, legacy);
        QCOMPARE(r.problem.errorCode, u"validation_error"_s);
        QCOMPARE(r.disposition(), ApiReply::Disposition::Permanent);
        // The person reads which field is wrong, in both shapes.
        QVERIFY2(r.message().contains(u"capture_mode"_s), qPrintable(r.message()));
        QVERIFY(!r.message().contains(u"{"_s));
    }

    void tooManyRequests_data()
    {
        QTest::addColumn<bool>("legacy");
        QTest::newRow("problem+json") << false;
        QTest::newRow("legacy envelope") << true;
    }
    void tooManyRequests()
    {
        QFETCH(bool, legacy);
        m_sandbox.config({ { u"legacy_errors"_s, legacy } });
        m_sandbox.faults({ { u"force_429_seconds"_s, 2 } });
        const auto r = call(ApiRequest::post(u"/scanner/api/v1/sessions"_s, kSession));
        m_sandbox.clearFaults();
        QCOMPARE(r.status, 429);
        QCOMPARE(r.disposition(), ApiReply::Disposition::Retry);
        QVERIFY(r.retryAfterSeconds().has_value());
        QVERIFY(*r.retryAfterSeconds() >= 1 && *r.retryAfterSeconds() <= 2);
        QCOMPARE(r.problem.errorCode, u"rate_limited"_s);
        // The governor holds the next request back for what the server asked.
        QVERIFY(m_client->governorState().pausedByServer);
        const auto next = call(ApiRequest::get(u"/account/api/v1/whoami"_s));
        m_sandbox.config({ { u"legacy_errors"_s, false } });
        QCOMPARE(next.status, 200);
        QVERIFY2(
            next.queuedMs >= qint64(*r.retryAfterSeconds()) * 1000 - 100, qPrintable(QString::number(next.queuedMs)));
    }

    void legacyRateHeaders()
    {
        m_sandbox.config({ { u"legacy_rate_headers"_s, true } });
        const auto r = call(ApiRequest::get(u"/account/api/v1/whoami"_s));
        m_sandbox.config({ { u"legacy_rate_headers"_s, false } });
        QVERIFY(!r.rateLimit.legacy);
        // The same answer read from the X-RateLimit-* headers alone (absolute reset) tells the same.
        QList<QPair<QByteArray, QByteArray>> legacyOnly;
        for (const auto &h : r.headers) {
            if (h.first.toLower().startsWith("x-ratelimit-"))
                legacyOnly.append(h);
        }
        QCOMPARE(legacyOnly.size(), 3);
        const auto legacy = RateLimitInfo::fromHeaders(legacyOnly, double(QDateTime::currentSecsSinceEpoch()));
        QVERIFY(legacy.legacy);
        QCOMPARE(legacy.limit, r.rateLimit.limit);
        QCOMPARE(legacy.remaining, r.rateLimit.remaining);
        QVERIFY(legacy.resetSeconds.has_value());
        QVERIFY2(std::abs(*legacy.resetSeconds - *r.rateLimit.resetSeconds) <= 1.5,
            qPrintable(u"%1 vs %2"_s.arg(*legacy.resetSeconds).arg(*r.rateLimit.resetSeconds)));
    }

    void serverErrors()
    {
        m_sandbox.faults({ { u"error_next"_s, 1 }, { u"error_next_status"_s, 500 } });
        const auto write = call(ApiRequest::post(u"/scanner/api/v1/sessions"_s, kSession));
        QCOMPARE(write.status, 500);
        QCOMPARE(write.disposition(), ApiReply::Disposition::ReadBackFirst); // a 5xx may hide a done write
        m_sandbox.faults({ { u"error_next"_s, 1 }, { u"error_next_status"_s, 503 } });
        const auto read = call(ApiRequest::get(u"/account/api/v1/whoami"_s));
        QCOMPARE(read.status, 503);
        QCOMPARE(read.disposition(), ApiReply::Disposition::Retry);
        QCOMPARE(read.retryAfterSeconds(), 1);
        QVERIFY(read.problem.retryable());
    }

    /// The finding behind the one-shot body: Qt sends a POST again by itself when the connection closes before
    /// the answer, whatever the request says; the server then carries out the write twice.
    void qtResendsWritesOnItsOwn_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("plain") << u"plain"_s;
        QTest::newRow("Connection: close") << u"close"_s;
        QTest::newRow("HTTP/2 not allowed") << u"http2off"_s;
        QTest::newRow("body not buffered (rewindable device)") << u"nobuffer"_s;
    }
    void qtResendsWritesOnItsOwn()
    {
        QFETCH(QString, variant);
        const qint64 attempts = attemptsOfPlainPost(
            [&](QNetworkRequest &r) {
                if (variant == u"close"_s)
                    r.setRawHeader("Connection", "close");
                if (variant == u"http2off"_s)
                    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
                if (variant == u"nobuffer"_s)
                    r.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            },
            variant == u"nobuffer"_s);
        qInfo() << variant << "attempts the server carried out:" << attempts;
        QVERIFY2(attempts >= 2, qPrintable(QString::number(attempts)));
    }

    void droppedWriteIsSentOnceAndReportedUnknown()
    {
        (void)call(ApiRequest::get(u"/account/api/v1/whoami"_s)); // a kept-alive connection, as while syncing
        const qint64 sessions = m_sandbox.records(u"sessions"_s);
        const qint64 dropped = m_sandbox.stat(u"dropped_after_commit"_s);
        m_sandbox.faults({ { u"drop_next"_s, 5 }, { u"methods"_s, u"mutating"_s } });
        const auto r = call(ApiRequest::post(u"/scanner/api/v1/sessions"_s, kSession));
        m_sandbox.clearFaults();
        QCOMPARE(r.status, 0);
        QCOMPARE(r.delivery, ApiReply::Delivery::Unknown);
        QCOMPARE(r.disposition(), ApiReply::Disposition::ReadBackFirst);
        QVERIFY2(r.message().contains(u"may or may not"_s), qPrintable(r.message()));
        // The server carried it out once, and only once: the client never sent it a second time.
        QCOMPARE(m_sandbox.stat(u"dropped_after_commit"_s) - dropped, 1);
        QCOMPARE(m_sandbox.records(u"sessions"_s), sessions + 1);
        QVERIFY(!m_client->online());
        // The next request goes through as usual.
        QCOMPARE(call(ApiRequest::get(u"/account/api/v1/whoami"_s)).status, 200);
        QVERIFY(m_client->online());
    }

    void droppedReadIsRetryable()
    {
        m_sandbox.faults({ { u"drop_next"_s, 5 } });
        const auto r = call(ApiRequest::get(u"/account/api/v1/whoami"_s));
        m_sandbox.clearFaults();
        QCOMPARE(r.delivery, ApiReply::Delivery::Unknown);
        QCOMPARE(r.disposition(), ApiReply::Disposition::Retry); // a read does nothing twice
    }

    void timeout()
    {
        const qint64 sessions = m_sandbox.records(u"sessions"_s);
        m_sandbox.faults({ { u"latency_ms"_s, 1500 } });
        ApiRequest post = ApiRequest::post(u"/scanner/api/v1/sessions"_s, kSession);
        post.timeoutMs = 300;
        const auto r = call(post);
        ApiRequest get = ApiRequest::get(u"/account/api/v1/whoami"_s);
        get.timeoutMs = 300;
        const auto g = call(get);
        m_sandbox.clearFaults();
        QVERIFY(r.timedOut);
        QCOMPARE(r.delivery, ApiReply::Delivery::Unknown);
        QCOMPARE(r.disposition(), ApiReply::Disposition::ReadBackFirst);
        QCOMPARE(r.error().code, u"timeout"_s);
        QVERIFY(g.timedOut);
        QCOMPARE(g.disposition(), ApiReply::Disposition::Retry);
        // The server went on with the write the client gave up on: exactly why a timeout is "unknown".
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.records(u"sessions"_s), sessions + 1, 10000);
    }

    void offline()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        ApiRequest r = ApiRequest::post(u"/scanner/api/v1/sessions"_s, kSession);
        r.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        const auto reply = call(r);
        QCOMPARE(reply.delivery, ApiReply::Delivery::NotSent);
        QCOMPARE(reply.disposition(), ApiReply::Disposition::Retry);
        QCOMPARE(reply.error().code, u"offline"_s);
        QVERIFY2(reply.message().contains(u"cannot be reached"_s), qPrintable(reply.message()));
        QVERIFY(!m_client->online());
        QCOMPARE(call(ApiRequest::get(u"/account/api/v1/whoami"_s)).status, 200);
    }

    void redirectsAreNotFollowed()
    {
        // http:// where the server wants https://: a POST must not turn into a GET somewhere else.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int requests = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                ++requests;
                socket->write("HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.closient.com/scanner/api/v1/"
                              "sessions\r\nContent-Length: 0\r\n\r\n");
                socket->disconnectFromHost();
            });
        });
        ApiRequest r = ApiRequest::post(u"/scanner/api/v1/sessions"_s, kSession);
        r.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
        auto f = m_client->send(r);
        QVERIFY(QTest::qWaitFor([&] { return f.isFinished(); }, 10000)); // this thread serves meanwhile
        const ApiReply reply = f.result();
        QCOMPARE(reply.status, 301);
        QCOMPARE(requests, 1);
        QCOMPARE(reply.disposition(), ApiReply::Disposition::Permanent);
        QCOMPARE(reply.error().code, u"redirected"_s);
        QVERIFY2(reply.message().contains(u"https://www.closient.com"_s), qPrintable(reply.message()));
    }

    void pagesOfProducts()
    {
        QVERIFY(!m_orgId.isEmpty());
        QJsonArray products;
        for (int i = 0; i < 5; ++i) {
            const QString gtin = gtin14(u"0950600013410"_s.chopped(1) + QString::number(i));
            products.append(QJsonObject { { u"gtin"_s, gtin }, { u"name"_s, u"Product %1"_s.arg(i) } });
        }
        m_sandbox.admin(
            "POST", u"/__sandbox/products"_s, { { u"products"_s, products }, { u"owner_org_id"_s, m_orgId } });
        QStringList names;
        int page = 1;
        for (; page < 10; ++page) {
            QUrlQuery q;
            q.addQueryItem(u"organization_id"_s, m_orgId);
            const auto r = call(ApiRequest::get(u"/products/api/v1/products/"_s, Page::query(page, 2, q)));
            QCOMPARE(r.status, 200);
            const auto p = Page::parse(r.body, page, 2);
            QVERIFY2(p.ok(), qPrintable(p.error().message));
            QCOMPARE(p.value().page, page);
            QVERIFY(p.value().items.size() <= 2);
            for (const auto &item : p.value().items)
                names << item.toObject().value(u"name"_s).toString();
            if (!p.value().hasNext)
                break;
        }
        QCOMPARE(page, 3);
        QCOMPARE(names.size(), 5);
    }

    void shutdownEndsEveryFuture()
    {
        m_sandbox.faults({ { u"latency_ms"_s, 1500 } });
        QFuture<ApiReply> onTheWire;
        QFuture<ApiReply> queued;
        {
            SyncThread thread;
            auto *client = new HttpClient;
            thread.adopt(client);
            client->setAccount(m_sandbox.baseUrl(), m_owner);
            onTheWire = client->send(ApiRequest::post(u"/scanner/api/v1/sessions"_s, kSession));
            queued = client->send(ApiRequest::get(u"/account/api/v1/whoami"_s)); // waits for the first answer
            QTest::qWait(300);
        } // the thread ends and takes the client with it
        m_sandbox.clearFaults();
        QVERIFY(onTheWire.isFinished());
        QCOMPARE(onTheWire.result().delivery, ApiReply::Delivery::Unknown);
        QVERIFY(queued.isFinished());
        QCOMPARE(queued.result().delivery, ApiReply::Delivery::NotSent);
        QVERIFY(queued.result().message().contains(u"shutting down"_s));
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
