// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Error answers in every shape the Closient documents show, and how each is judged retryable or not.
#include "problem.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::sync;

namespace {
/// JSON written with single quotes, so the fixtures read as they are sent.
QByteArray j(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}
} // namespace

using Headers = QList<QPair<QByteArray, QByteArray>>;

class TestProblem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overviewShape()
    {
        // The API overview's RFC 9457 example: the code only in the type URI.
        const auto p = Problem::fromResponse(403, {},
            j("{'type':'https://www.closient.com/problems/forbidden','title':'Forbidden','status':403,"
              "'detail':'User does not have brands:write scope on this "
              "token.','instance':'/brands/api/v1/brands/abc123'}"));
        QCOMPARE(p.errorCode, u"forbidden"_s);
        QCOMPARE(p.userMessage(), u"User does not have brands:write scope on this token."_s);
        QCOMPARE(p.instance, u"/brands/api/v1/brands/abc123"_s);
        QVERIFY(!p.retryable());
        QVERIFY(!p.legacyShape);
        QCOMPARE(p.toError().code, u"forbidden"_s);
    }

    void errorOutShape()
    {
        // The OpenAPI ErrorOut examples.
        const auto notFound = Problem::fromResponse(404, {},
            j("{'detail':'The requested resource was not found.','error_code':'not_found','retryable':false,"
              "'status':404,'timestamp':'2026-03-31T12:00:00+00:00','title':'Not Found',"
              "'type':'https://closient.com/docs/errors/not_found'}"));
        QCOMPARE(notFound.errorCode, u"not_found"_s);
        QCOMPARE(notFound.userMessage(), u"The requested resource was not found."_s);
        QVERIFY(!notFound.retryable());

        const auto validation = Problem::fromResponse(422, {},
            j("{'detail':'Validation error.','details':[{'loc':['body','name'],'msg':'Field "
              "required','type':'missing'},"
              "{'loc':['body','metadata','station_id'],'msg':'too long','type':'value_error'}],"
              "'error_code':'validation_error','retryable':false,'status':422,'title':'Validation Error',"
              "'type':'https://closient.com/docs/errors/validation_error'}"));
        QCOMPARE(validation.userMessage(), u"Validation error: name: Field required; metadata.station_id: too long"_s);

        const auto limited = Problem::fromResponse(429, {},
            j("{'detail':'Rate limit exceeded. Please try again later.','error_code':'rate_limited','retry_after':31,"
              "'retryable':true,'status':429,'title':'Rate "
              "Limited','type':'https://closient.com/docs/errors/rate_limited'}"));
        QCOMPARE(limited.retryAfterSeconds, 31);
        QVERIFY(limited.retryable());
        QVERIFY(limited.userMessage().contains(u"31 s"_s));
    }

    void legacyShape()
    {
        const auto p = Problem::fromResponse(422, {},
            j("{'error':{'code':'VALIDATION_ERROR','message':'Invalid input.','status':422,"
              "'details':[{'field':'capture_mode','message':'must be one of barcode_scan, photo, both'}]}}"));
        QVERIFY(p.legacyShape);
        QCOMPARE(p.errorCode, u"validation_error"_s);
        QCOMPARE(p.userMessage(), u"Invalid input: capture_mode: must be one of barcode_scan, photo, both"_s);
        QVERIFY(!p.retryable());
        const auto limited = Problem::fromResponse(429, {},
            j("{'error':{'code':'RATE_LIMITED','message':'Slow down.','status':429,'retry_after_seconds':7}}"));
        QCOMPARE(limited.retryAfterSeconds, 7);
        QVERIFY(limited.retryable());
    }

    void retryAfterOrder()
    {
        // Retry-After first, then retry_after, then retry_after_seconds.
        const QByteArray both = j("{'error_code':'rate_limited','retry_after':20,'retry_after_seconds':30}");
        QCOMPARE(Problem::fromResponse(429, Headers { { "Retry-After", "5" } }, both).retryAfterSeconds, 5);
        QCOMPARE(Problem::fromResponse(429, {}, both).retryAfterSeconds, 20);
        QCOMPARE(Problem::fromResponse(429, {}, j("{'retry_after_seconds':30}")).retryAfterSeconds, 30);
        QCOMPARE(Problem::fromResponse(429, Headers { { "retry-after", "nonsense" } }, j("{'retry_after':4}"))
                     .retryAfterSeconds,
            4);
        QCOMPARE(Problem::fromResponse(429, {}, "{}").retryAfterSeconds, std::nullopt);
        // An HTTP date counts from now.
        const QString in90
            = QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(90), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        const auto fromDate = parseRetryAfter(in90.toLatin1());
        QVERIFY(fromDate.has_value());
        QVERIFY2(*fromDate >= 88 && *fromDate <= 90, qPrintable(QString::number(*fromDate)));
    }

    void retryableDecision_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("retryable");
        // The body's retryable wins over everything.
        QTest::newRow("retryable false on 503") << 503 << QByteArray(j("{'retryable':false}")) << false;
        QTest::newRow("retryable true on 409") << 409 << QByteArray(j("{'retryable':true}")) << true;
        // Then the error code.
        QTest::newRow("internal_error on 400") << 400 << QByteArray(j("{'error_code':'internal_error'}")) << true;
        QTest::newRow("validation_error on 500") << 500 << QByteArray(j("{'error_code':'validation_error'}")) << false;
        QTest::newRow("legacy RATE_LIMITED") << 400 << QByteArray(j("{'error':{'code':'RATE_LIMITED'}}")) << true;
        // Then the status.
        QTest::newRow("502 page from a proxy") << 502 << QByteArray("<html>Bad gateway</html>") << true;
        QTest::newRow("408") << 408 << QByteArray() << true;
        QTest::newRow("429 empty") << 429 << QByteArray() << true;
        QTest::newRow("404 empty") << 404 << QByteArray() << false;
        QTest::newRow("422 unknown code") << 422 << QByteArray(j("{'error_code':'something_new'}")) << false;
        QTest::newRow("503 unknown code") << 503 << QByteArray(j("{'error_code':'something_new'}")) << true;
    }
    void retryableDecision()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, retryable);
        QCOMPARE(Problem::fromResponse(status, {}, body).retryable(), retryable);
    }

    void noBodyStillSaysSomething()
    {
        const auto p = Problem::fromResponse(502, {}, "<html><body>Bad Gateway</body></html>");
        QCOMPARE(p.toError().code, u"http_502"_s);
        QCOMPARE(p.userMessage(), u"the server is unavailable for now"_s);
        const auto auth = Problem::fromResponse(401, {},
            j("{'detail':'This API key expired on 2020-01-01T00:00:00Z.','error_code':'unauthorized',"
              "'details':{'reason':'expired'}}"));
        QVERIFY(auth.isAuthFailure());
        QCOMPARE(auth.authReason(), u"expired"_s);
        QCOMPARE(auth.userMessage(), u"This API key expired on 2020-01-01T00:00:00Z."_s);
    }
};

QTEST_GUILESS_MAIN(TestProblem)
#include "tst_problem.moc"
