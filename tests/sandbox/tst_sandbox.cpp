// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox as the station meets it: the real closient-sandbox binary on 127.0.0.1, real HTTP through
// QNetworkAccessManager, its state in a real SQLite file.
#include "apikey.h"
#include "sandboxprocess.h"
#include "shortid.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::test;
using namespace closient::sandbox;

namespace {
// The reference's test vector: CRC-32 of the body only.
const QString kOwnerKey = u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s;
// The docs' own example, whose checksum is a placeholder.
const QString kDocsExampleKey = u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_1a2b3c4d"_s;
const QString kTrailMix = u"00012345600012"_s; // in the built-in catalog
const QString kUnknownGtin = u"00000000000017"_s; // valid, in no catalog
const QString kFailingGtin = u"04006381333931"_s; // in the catalog, on the fail list
} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_state;
    SandboxProcess m_sandbox;
    QNetworkAccessManager m_nam;
    QString m_viewerKey, m_editorKey, m_revokedKey, m_expiredKey, m_limitedKey, m_publishableKey, m_otherOrgKey;
    QString m_orgId;

    HttpAnswer call(const QByteArray &method, const QString &path, const QString &key, const QJsonObject &body = {},
        const QList<QPair<QByteArray, QByteArray>> &extra = {}, int timeoutMs = 15000)
    {
        auto headers = extra;
        if (!key.isEmpty())
            headers.append({ "X-API-Key", key.toUtf8() });
        const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        return send(m_nam, method, m_sandbox.url(path), payload, headers, timeoutMs);
    }
    QJsonObject admin(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        const auto a = call(method, path, {}, body);
        if (a.status != 200)
            qWarning() << "admin" << path << a.status << a.body;
        return a.json();
    }
    QString newSession(const QString &key)
    {
        const auto a = call("POST", u"/scanner/api/v1/sessions"_s, key, { { u"capture_mode"_s, u"barcode_scan"_s } });
        return a.json().value(u"id"_s).toString();
    }
    QJsonObject newCapture(const QString &session, const QString &raw, const QString &key = kOwnerKey)
    {
        return call("POST", u"/scanner/api/v1/captures"_s, key,
            { { u"session_short_id"_s, session }, { u"capture_type"_s, u"BARCODE"_s }, { u"raw_value"_s, raw } })
            .json();
    }
    /// Polls a capture until its status is final (bounded); the statuses seen, in order, without repeats.
    QStringList walk(const QString &capture)
    {
        QStringList seen;
        for (int i = 0; i < 400; ++i) {
            const QString status
                = call("GET", u"/scanner/api/v1/captures/"_s + capture, kOwnerKey).json().value(u"status"_s).toString();
            if (seen.isEmpty() || seen.last() != status)
                seen << status;
            if (status == u"COMPLETED"_s || status == u"FAILED"_s || status == u"NOT_FOUND"_s)
                break;
            QTest::qWait(20);
        }
        return seen;
    }
    qint64 records(const QString &kind)
    {
        return admin("GET", u"/__sandbox/stats"_s).value(u"records"_s).toObject().value(kind).toInteger();
    }
    qint64 stat(const QString &name) { return admin("GET", u"/__sandbox/stats"_s).value(name).toInteger(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_state = m_dir.filePath(u"sandbox.sqlite"_s);
        m_viewerKey = makeApiKey(u"csb"_s);
        m_editorKey = makeApiKey(u"csu"_s);
        m_revokedKey = makeApiKey(u"csb"_s);
        m_expiredKey = makeApiKey(u"csb"_s);
        m_limitedKey = makeApiKey(u"csb"_s);
        m_publishableKey = makeApiKey(u"cpk"_s);
        m_otherOrgKey = makeApiKey(u"csb"_s);
        const QStringList args { u"--pipeline-step-ms"_s, u"60"_s, u"--fail-gtin"_s, kFailingGtin, u"--seed-key"_s,
            kOwnerKey + u",org=Acme Foods,email=owner@acme.test"_s, u"--seed-key"_s,
            m_viewerKey + u",role=viewer,org=Acme Foods,email=viewer@acme.test"_s, u"--seed-key"_s,
            m_editorKey + u",org=Acme Foods,email=editor@acme.test"_s, u"--seed-key"_s,
            m_revokedKey + u",org=Acme Foods,revoked"_s, u"--seed-key"_s,
            m_expiredKey + u",org=Acme Foods,expires=2020-01-01T00:00:00Z"_s, u"--seed-key"_s,
            m_limitedKey + u",org=Acme Foods,per_minute=5"_s, u"--seed-key"_s, m_publishableKey + u",org=Acme Foods"_s,
            u"--seed-key"_s, m_otherOrgKey + u",org=Other Co,email=other@other.test"_s };
        QVERIFY2(m_sandbox.start(m_state, args), qPrintable(m_sandbox.error()));
        m_orgId = call("GET", u"/account/api/v1/whoami"_s, kOwnerKey)
                      .json()
                      .value(u"organizations"_s)
                      .toArray()
                      .first()
                      .toObject()
                      .value(u"id"_s)
                      .toString();
        QCOMPARE(m_orgId.size(), 22);
    }

    void keyFormat()
    {
        QCOMPARE(crc32Hex("123456789"), u"cbf43926"_s);
        QVERIFY(checkApiKey(kOwnerKey).ok());
        QCOMPARE(checkApiKey(kDocsExampleKey).error().code, u"bad_key_checksum"_s);
        QCOMPARE(checkApiKey(u"csx_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s).error().code, u"bad_key_format"_s);
        QCOMPARE(checkApiKey(u"csb_AbCdEf_84041098"_s).error().code, u"bad_key_format"_s);
        QVERIFY(checkApiKey(makeApiKey(u"cpk"_s)).ok());
        // Short ids: 22 characters of the 57-letter alphabet, and the same UUID both ways.
        const QUuid uuid = QUuid::createUuid();
        const QString shortId = shortIdFromUuid(uuid);
        QCOMPARE(shortId.size(), 22);
        QCOMPARE(uuidFromShortId(shortId), uuid);
        QCOMPARE(normaliseId(uuid.toString(QUuid::WithoutBraces)), shortId);
        QVERIFY(normaliseId(u"not-an-id"_s).isEmpty());
    }

    void authentication()
    {
        const auto ok = call("GET", u"/account/api/v1/whoami"_s, kOwnerKey);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(u"email"_s).toString(), u"owner@acme.test"_s);
        QCOMPARE(ok.json().value(u"organizations"_s).toArray().first().toObject().value(u"name"_s).toString(),
            u"Acme Foods"_s);
        QCOMPARE(ok.json().value(u"api_key"_s).toObject().value(u"role"_s).toString(), u"owner"_s);
        QVERIFY(!QUuid::fromString(ok.json().value(u"api_key"_s).toObject().value(u"id"_s).toString()).isNull());

        const auto reason = [&](const QString &key) {
            const auto a = call("GET", u"/account/api/v1/whoami"_s, key);
            return std::pair { a.status, a.json().value(u"details"_s).toObject().value(u"reason"_s).toString() };
        };
        QCOMPARE(reason(kDocsExampleKey), std::pair(401, u"bad_checksum"_s));
        QCOMPARE(reason(makeApiKey(u"csb"_s)), std::pair(401, u"unknown_key"_s));
        QCOMPARE(reason(m_revokedKey), std::pair(401, u"revoked"_s));
        QCOMPARE(reason(m_expiredKey), std::pair(401, u"expired"_s));
        QCOMPARE(reason(QString()), std::pair(401, u"missing"_s));
        const auto revoked
            = call("GET", u"/account/api/v1/whoami"_s, m_revokedKey).json().value(u"detail"_s).toString();
        const auto expired
            = call("GET", u"/account/api/v1/whoami"_s, m_expiredKey).json().value(u"detail"_s).toString();
        QVERIFY(revoked.contains(u"revoked"_s));
        QVERIFY(expired.contains(u"expired"_s));

        // Permissions: a viewer and a publishable key read but do not write; EPCIS needs an owner or manager.
        QCOMPARE(call("GET", u"/account/api/v1/whoami"_s, m_viewerKey).status, 200);
        QCOMPARE(
            call("POST", u"/scanner/api/v1/sessions"_s, m_viewerKey, { { u"capture_mode"_s, u"both"_s } }).status, 403);
        QCOMPARE(
            call("POST", u"/scanner/api/v1/sessions"_s, m_publishableKey, { { u"capture_mode"_s, u"both"_s } }).status,
            403);
        QCOMPARE(
            call("POST", u"/scanner/api/v1/sessions"_s, m_editorKey, { { u"capture_mode"_s, u"both"_s } }).status, 201);
        QCOMPARE(
            call("POST", u"/epcis/api/2.0/capture"_s, m_editorKey, { { u"epcisBody"_s, QJsonObject() } }).status, 403);
        // Anonymous endpoints need no key.
        QCOMPARE(call("GET", u"/scanner/api/v1/freshness-thresholds?gtin=5901234123457"_s, {}).status, 200);
    }

    void sessions()
    {
        const auto created = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey,
            { { u"capture_mode"_s, u"both"_s }, { u"user_agent"_s, u"station"_s },
                { u"metadata"_s, QJsonObject { { u"dock"_s, u"3"_s }, { u"gone"_s, u""_s } } } });
        QCOMPARE(created.status, 201);
        const QJsonObject s = created.json();
        const QString id = s.value(u"id"_s).toString();
        QCOMPARE(id.size(), 22);
        QCOMPARE(s.value(u"short_id"_s).toString(), id);
        QCOMPARE(s.value(u"status"_s).toString(), u"ACTIVE"_s);
        QCOMPARE(s.value(u"capture_mode"_s).toString(), u"both"_s);
        QCOMPARE(s.value(u"metadata"_s).toObject(), (QJsonObject { { u"dock"_s, u"3"_s } }));

        const auto capture = call("POST", u"/scanner/api/v1/captures"_s, kOwnerKey,
            { { u"session_short_id"_s, id }, { u"capture_type"_s, u"MANUAL"_s }, { u"raw_value"_s, kTrailMix },
                { u"metadata"_s, QJsonObject { { u"bin"_s, u"A7"_s } } } });
        QCOMPARE(capture.status, 201);
        QCOMPARE(capture.json().value(u"status"_s).toString(), u"PENDING"_s);

        const auto detail = call("GET", u"/scanner/api/v1/sessions/"_s + id, kOwnerKey).json();
        QCOMPARE(detail.value(u"capture_count"_s).toInt(), 1);
        const auto captures = detail.value(u"captures"_s).toArray();
        QCOMPARE(captures.size(), 1);
        QCOMPARE(captures.first().toObject().value(u"metadata"_s).toObject().value(u"bin"_s).toString(), u"A7"_s);
        QCOMPARE(captures.first().toObject().value(u"gtin"_s).toString(), kTrailMix);
        QVERIFY(detail.value(u"product_photos"_s).isArray());
        // The full UUID form of the id reaches the same session.
        QCOMPARE(
            call("GET", u"/scanner/api/v1/sessions/"_s + uuidFromShortId(id).toString(QUuid::WithoutBraces), kOwnerKey)
                .status,
            200);

        const auto ended = call("POST", u"/scanner/api/v1/sessions/%1/end"_s.arg(id), kOwnerKey);
        QCOMPARE(ended.status, 200);
        QCOMPARE(ended.json().value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(call("POST", u"/scanner/api/v1/sessions/%1/end"_s.arg(id), kOwnerKey).status, 409);
        QCOMPARE(call("GET", u"/scanner/api/v1/sessions/%1/status"_s.arg(id), kOwnerKey)
                     .json()
                     .value(u"session_status"_s)
                     .toString(),
            u"COMPLETED"_s);
        const auto late = call("POST", u"/scanner/api/v1/captures"_s, kOwnerKey,
            { { u"session_short_id"_s, id }, { u"capture_type"_s, u"BARCODE"_s }, { u"raw_value"_s, kTrailMix } });
        QCOMPARE(late.status, 409);

        // Another organisation's session does not exist for the caller.
        QCOMPARE(call("GET", u"/scanner/api/v1/sessions/"_s + id, m_otherOrgKey).status, 404);
        // Metadata limits: a key of 41 characters is refused with the field named.
        const auto bad = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey,
            { { u"metadata"_s, QJsonObject { { QString(41, u'k'), u"v"_s } } } });
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error_code"_s).toString(), u"validation_error"_s);
        QCOMPARE(bad.json().value(u"details"_s).toArray().first().toObject().value(u"loc"_s).toArray().at(1).toString(),
            u"metadata"_s);

        // Submit: extraction goes processing → ready; a second submit is refused.
        const QString other = newSession(kOwnerKey);
        QCOMPARE(call("POST", u"/scanner/api/v1/sessions/%1/submit"_s.arg(other), kOwnerKey)
                     .json()
                     .value(u"status"_s)
                     .toString(),
            u"COMPLETED"_s);
        QCOMPARE(call("POST", u"/scanner/api/v1/sessions/%1/submit"_s.arg(other), kOwnerKey).status, 409);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", u"/scanner/api/v1/sessions/%1/status"_s.arg(other), kOwnerKey)
                                      .json()
                                      .value(u"extraction_status"_s)
                                      .toString(),
            u"ready"_s, 5000);
    }

    void capturePipeline()
    {
        const QString session = newSession(kOwnerKey);
        // A GS1 element string: the GTIN is read from AI 01.
        const QJsonObject found = newCapture(session, u"(01)"_s + kTrailMix + u"(10)LOT7"_s);
        QCOMPARE(found.value(u"gtin"_s).toString(), kTrailMix);
        const QStringList order { u"PENDING"_s, u"LOOKING_UP"_s, u"ENRICHING"_s, u"RESOLVING"_s, u"COMPLETED"_s };
        const QStringList seen = walk(found.value(u"id"_s).toString());
        QCOMPARE(seen.last(), u"COMPLETED"_s);
        qsizetype at = -1; // what was seen comes in the pipeline's order
        for (const QString &status : seen) {
            const qsizetype next = order.indexOf(status);
            QVERIFY2(next > at, qPrintable(seen.join(u" → "_s)));
            at = next;
        }
        const auto done
            = call("GET", u"/scanner/api/v1/captures/"_s + found.value(u"id"_s).toString(), kOwnerKey).json();
        QCOMPARE(done.value(u"product_short_id"_s).toString(), u"trail-mix-12oz"_s);
        QCOMPARE(done.value(u"product_name"_s).toString(), u"Trail Mix 12oz"_s);
        QVERIFY(!done.value(u"processed_at"_s).isNull());

        const QJsonObject missing = newCapture(session, kUnknownGtin);
        QCOMPARE(walk(missing.value(u"id"_s).toString()).last(), u"NOT_FOUND"_s);

        const QJsonObject failing = newCapture(session, kFailingGtin);
        const QString failingId = failing.value(u"id"_s).toString();
        QCOMPARE(walk(failingId).last(), u"FAILED"_s);
        QVERIFY(!call("GET", u"/scanner/api/v1/captures/"_s + failingId, kOwnerKey)
                     .json()
                     .value(u"error_message"_s)
                     .toString()
                     .isEmpty());
        QCOMPARE(
            call("POST", u"/scanner/api/v1/captures/%1/retry"_s.arg(found.value(u"id"_s).toString()), kOwnerKey).status,
            409);
        admin("POST", u"/__sandbox/config"_s, { { u"fail_gtins"_s, QJsonArray() } });
        const auto retried = call("POST", u"/scanner/api/v1/captures/%1/retry"_s.arg(failingId), kOwnerKey);
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.json().value(u"status"_s).toString(), u"PENDING"_s);
        QCOMPARE(walk(failingId).last(), u"COMPLETED"_s);
        admin("POST", u"/__sandbox/config"_s, { { u"fail_gtins"_s, QJsonArray { kFailingGtin } } });

        // Field checks: the missing fields are named; a GTIN with a wrong check digit is refused.
        const auto invalid
            = call("POST", u"/scanner/api/v1/captures"_s, kOwnerKey, { { u"gtin"_s, u"00012345600013"_s } });
        QCOMPARE(invalid.status, 422);
        QCOMPARE(
            invalid.json().value(u"details"_s).toArray().size(), 4); // session_short_id, capture_type, raw_value, gtin
        QCOMPARE(newCapture(QString(22, u'2'), kTrailMix).value(u"status"_s).toInt(), 404);
    }

    void uploadImage()
    {
        const QString session = newSession(kOwnerKey);
        const auto upload = [&](const QByteArray &image, const QByteArray &type) {
            const QByteArray boundary = "sandboxboundary42";
            QByteArray body;
            const auto field = [&](const QByteArray &name, const QByteArray &value) {
                body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n";
            };
            field("session_short_id", session.toUtf8());
            field("capture_type", type);
            field("gtin", "5901234123457");
            body += "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"p.png\"\r\n"
                  "Content-Type: image/png\r\n\r\n"
                + image + "\r\n--" + boundary + "--\r\n";
            return send(m_nam, "POST", m_sandbox.url(u"/scanner/api/v1/captures/upload-image"_s), body,
                { { "X-API-Key", kOwnerKey.toUtf8() },
                    { "Content-Type", "multipart/form-data; boundary=" + boundary } });
        };
        const QByteArray png = QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(64, '\0');
        const auto ok = upload(png, "IMAGE");
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.json().value(u"capture_type"_s).toString(), u"IMAGE"_s);
        QCOMPARE(ok.json().value(u"gtin"_s).toString(), u"05901234123457"_s);
        QVERIFY(ok.json().value(u"uploaded_image_key"_s).toString().endsWith(u".png"_s));
        QCOMPARE(upload(png, "MANUAL").status, 422);
        QCOMPARE(upload("plain text, not an image", "IMAGE").status, 422);
    }

    void proposals()
    {
        const QString session = newSession(kOwnerKey);
        const QString capture = newCapture(session, u"5901234123457"_s).value(u"id"_s).toString();
        QCOMPARE(walk(capture).last(), u"COMPLETED"_s);
        const auto list = call("GET", u"/scanner/api/v1/captures/%1/proposals"_s.arg(capture), kOwnerKey);
        QCOMPARE(list.status, 200);
        const QJsonArray proposals = list.array();
        QCOMPARE(proposals.size(), 2);
        QJsonObject description, category;
        for (const auto &p : proposals) {
            const auto o = p.toObject();
            QCOMPARE(o.value(u"status"_s).toString(), u"PENDING"_s);
            QVERIFY(o.value(u"confidence"_s).isString()); // a decimal string, as documented
            (o.value(u"field_name"_s).toString() == u"description"_s ? description : category) = o;
        }
        const QString path = u"/scanner/api/v1/proposals/"_s;
        QCOMPARE(
            call("PATCH", path + description.value(u"id"_s).toString(), kOwnerKey, { { u"status"_s, u"PENDING"_s } })
                .status,
            422);
        const auto accepted = call(
            "PATCH", path + description.value(u"id"_s).toString(), kOwnerKey, { { u"status"_s, u"ACCEPTED"_s } });
        QCOMPARE(accepted.status, 200);
        QCOMPARE(accepted.json().value(u"status"_s).toString(), u"ACCEPTED"_s);
        QVERIFY(!accepted.json().value(u"reviewed_at"_s).isNull());
        QCOMPARE(call("PATCH", path + category.value(u"id"_s).toString(), kOwnerKey, { { u"status"_s, u"REJECTED"_s } })
                     .status,
            200);
        QCOMPARE(call("PATCH", path + description.value(u"id"_s).toString(), m_otherOrgKey,
                     { { u"status"_s, u"REJECTED"_s } })
                     .status,
            404);

        const auto applied = call("POST", u"/scanner/api/v1/captures/%1/apply"_s.arg(capture), kOwnerKey);
        QCOMPARE(applied.status, 200);
        QCOMPARE(applied.json().value(u"applied"_s).toInt(), 1);
        const auto product = call("GET", u"/products/api/v1/products/5901234123457"_s, kOwnerKey).json();
        QCOMPARE(product.value(u"description"_s).toString(), description.value(u"proposed_value"_s).toString());
        QCOMPARE(call("POST", u"/scanner/api/v1/captures/%1/apply"_s.arg(capture), kOwnerKey)
                     .json()
                     .value(u"applied"_s)
                     .toInt(),
            0);
        QCOMPARE(
            call("PATCH", path + description.value(u"id"_s).toString(), kOwnerKey, { { u"status"_s, u"REJECTED"_s } })
                .status,
            409);
    }

    void productsAndPagination()
    {
        const auto product = call("GET", u"/products/api/v1/products/5901234123457"_s, kOwnerKey);
        QCOMPARE(product.status, 200);
        QCOMPARE(product.json().value(u"gtin"_s).toString(), u"05901234123457"_s);
        QCOMPARE(product.json().value(u"id"_s).toString().size(), 22);
        QCOMPARE(call("GET", u"/products/api/v1/products/"_s + kUnknownGtin, kOwnerKey).status, 404);
        QCOMPARE(call("GET", u"/products/api/v1/products/5901234123458"_s, kOwnerKey).status, 422);

        QJsonArray items;
        for (int i = 0; i < 30; ++i)
            items.append(
                QJsonObject { { u"gtin"_s, u"0"_s + gs1Gtin13(i) }, { u"product_name"_s, u"Item %1"_s.arg(i) } });
        admin("POST", u"/__sandbox/products"_s, { { u"products"_s, items }, { u"owner_org_id"_s, m_orgId } });
        const QString list = u"/products/api/v1/products/?organization_id=%1"_s.arg(m_orgId);
        const auto first = call("GET", list, kOwnerKey).json();
        QCOMPARE(first.value(u"data"_s).toArray().size(), 25);
        const auto pg = first.value(u"pagination"_s).toObject();
        QCOMPARE(pg.value(u"page"_s).toInt(), 1);
        QCOMPARE(pg.value(u"page_size"_s).toInt(), 25);
        QCOMPARE(pg.value(u"total_count"_s).toInt(), 30);
        QCOMPARE(pg.value(u"total_pages"_s).toInt(), 2);
        QVERIFY(pg.value(u"has_next"_s).toBool());
        QVERIFY(!pg.value(u"has_previous"_s).toBool());
        const auto second = call("GET", list + u"&page=2"_s, kOwnerKey).json();
        QCOMPARE(second.value(u"data"_s).toArray().size(), 5);
        QVERIFY(!second.value(u"pagination"_s).toObject().value(u"has_next"_s).toBool());
        QVERIFY(second.value(u"pagination"_s).toObject().value(u"has_previous"_s).toBool());
        QCOMPARE(call("GET", list + u"&page_size=10&page=3"_s, kOwnerKey).json().value(u"data"_s).toArray().size(), 10);
        QCOMPARE(call("GET", list + u"&page_size=101"_s, kOwnerKey).status, 422);
        QCOMPARE(call("GET", list + u"&page=0"_s, kOwnerKey).status, 422);
        QCOMPARE(call("GET", list, m_otherOrgKey).status, 404);
    }

    void epcis()
    {
        const auto event = [](const QString &serial, const QString &time = u"2026-05-03T10:00:00.000Z"_s) {
            return QJsonObject { { u"type"_s, u"ObjectEvent"_s }, { u"action"_s, u"OBSERVE"_s },
                { u"eventTime"_s, time }, { u"eventTimeZoneOffset"_s, u"-05:00"_s },
                { u"bizStep"_s, u"urn:epcglobal:cbv:bizstep:shipping"_s },
                { u"epcList"_s, QJsonArray { u"https://id.gs1.org/01/00614141123452/21/"_s + serial } } };
        };
        const auto document = [](const QJsonArray &events) {
            return QJsonObject {
                { u"@context"_s, QJsonArray { u"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"_s } },
                { u"type"_s, u"EPCISDocument"_s }, { u"schemaVersion"_s, u"2.0"_s },
                { u"creationDate"_s, u"2026-05-03T12:00:00.000Z"_s },
                { u"epcisBody"_s, QJsonObject { { u"eventList"_s, events } } }
            };
        };
        const QString path = u"/epcis/api/2.0/capture"_s;
        const qint64 before = records(u"epcis_events"_s);
        const auto created = call("POST", path, kOwnerKey, document({ event(u"1"_s), event(u"2"_s) }));
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(u"createdEvents"_s).toInt(), 2);
        QVERIFY(!QUuid::fromString(created.json().value(u"captureID"_s).toString()).isNull());

        // The same event again, its time written with another offset and a new eventID: a duplicate.
        QJsonObject again = event(u"1"_s, u"2026-05-03T05:00:00-05:00"_s);
        again.insert(u"eventID"_s, u"ni:///retry-1"_s);
        const qint64 duplicates = stat(u"duplicates_rejected"_s);
        const auto duplicate = call("POST", path, kOwnerKey, document({ again }));
        QCOMPARE(duplicate.status, 409);
        QCOMPARE(duplicate.json().value(u"error_code"_s).toString(), u"conflict"_s);
        QVERIFY(duplicate.json().value(u"detail"_s).toString().contains(u"ni:///retry-1"_s));
        QCOMPARE(stat(u"duplicates_rejected"_s), duplicates + 1);

        // Partial commit: the first event is stored, the second is refused with its index and reasons.
        QJsonObject broken = event(u"4"_s);
        broken.remove(u"action"_s);
        broken.remove(u"eventTimeZoneOffset"_s);
        const auto partial = call("POST", path, kOwnerKey, document({ event(u"3"_s), broken }));
        QCOMPARE(partial.status, 400);
        QVERIFY(partial.json().value(u"detail"_s).toString().contains(u"eventList[1]"_s));
        QCOMPARE(partial.json().value(u"details"_s).toArray().size(), 2);
        QCOMPARE(records(u"epcis_events"_s), before + 3);
        // The stored event is a duplicate now: the batch sent again stops at it.
        const auto resent = call("POST", path, kOwnerKey, document({ event(u"3"_s) }));
        QCOMPARE(resent.status, 409);

        QCOMPARE(call("POST", path, kOwnerKey, event(u"9"_s)).status, 422); // a bare event, not a document
        QCOMPARE(call("POST", path, kOwnerKey, document({})).status, 422);
        // Events are per organisation: another one may capture the same event.
        QCOMPARE(call("POST", path, m_otherOrgKey, document({ event(u"1"_s) })).status, 201);
        const auto query = call("GET", u"/epcis/api/2.0/events?perPage=2"_s, kOwnerKey);
        QCOMPARE(query.status, 200);
        QVERIFY(!query.header("GS1-Next-Page-Token").isEmpty());
    }

    void errorShapes()
    {
        const auto problem = call("GET", u"/scanner/api/v1/sessions/"_s + QString(22, u'2'), kOwnerKey);
        QCOMPARE(problem.status, 404);
        QCOMPARE(problem.header("Content-Type"), "application/problem+json");
        const auto p = problem.json();
        QCOMPARE(p.value(u"type"_s).toString(), u"https://closient.com/docs/errors/not_found"_s);
        QCOMPARE(p.value(u"title"_s).toString(), u"Not Found"_s);
        QCOMPARE(p.value(u"status"_s).toInt(), 404);
        QCOMPARE(p.value(u"error_code"_s).toString(), u"not_found"_s);
        QCOMPARE(p.value(u"retryable"_s).toBool(true), false);
        QVERIFY(!p.value(u"detail"_s).toString().isEmpty());
        QVERIFY(QDateTime::fromString(p.value(u"timestamp"_s).toString(), Qt::ISODate).isValid());

        admin("POST", u"/__sandbox/config"_s, { { u"legacy_errors"_s, true } });
        const auto legacy
            = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, { { u"capture_mode"_s, u"video"_s } });
        admin("POST", u"/__sandbox/config"_s, { { u"legacy_errors"_s, false } });
        QCOMPARE(legacy.status, 422);
        QCOMPARE(legacy.header("Content-Type"), "application/json");
        const auto error = legacy.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"VALIDATION_ERROR"_s);
        QCOMPARE(error.value(u"status"_s).toInt(), 422);
        QCOMPARE(
            error.value(u"details"_s).toArray().first().toObject().value(u"field"_s).toString(), u"capture_mode"_s);
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    }

    void rateLimiter()
    {
        admin("POST", u"/__sandbox/rate-limits/reset"_s);
        for (int remaining = 4; remaining >= 0; --remaining) {
            const auto a = call("GET", u"/account/api/v1/whoami"_s, m_limitedKey);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.header("RateLimit-Policy"), "5;w=60, 10000;w=86400");
            QCOMPARE(a.header("RateLimit-Limit"), "5");
            QCOMPARE(a.header("RateLimit-Remaining").toInt(), remaining);
            QVERIFY(a.header("RateLimit-Reset").toInt() > 0 && a.header("RateLimit-Reset").toInt() <= 60);
            QVERIFY(a.header("Retry-After").isEmpty()); // only on 429
            QVERIFY(a.header("X-RateLimit-Reset").isEmpty()); // legacy headers are off
        }
        const qint64 limited = stat(u"rate_limited"_s);
        const auto refused = call("GET", u"/account/api/v1/whoami"_s, m_limitedKey);
        QCOMPARE(refused.status, 429);
        const int retryAfter = refused.header("Retry-After").toInt();
        QVERIFY(retryAfter > 0 && retryAfter <= 60);
        QCOMPARE(refused.json().value(u"retry_after"_s).toInt(), retryAfter);
        QCOMPARE(refused.json().value(u"error_code"_s).toString(), u"rate_limited"_s);
        QVERIFY(refused.json().value(u"retryable"_s).toBool());
        QCOMPARE(refused.header("RateLimit-Remaining"), "0");
        QCOMPARE(stat(u"rate_limited"_s), limited + 1);
        // Other keys have their own windows.
        QCOMPARE(call("GET", u"/account/api/v1/whoami"_s, kOwnerKey).status, 200);

        admin("POST", u"/__sandbox/config"_s, { { u"legacy_rate_headers"_s, true } });
        admin("POST", u"/__sandbox/rate-limits/reset"_s);
        const auto legacy = call("GET", u"/account/api/v1/whoami"_s, m_limitedKey);
        admin("POST", u"/__sandbox/config"_s, { { u"legacy_rate_headers"_s, false } });
        QCOMPARE(legacy.header("X-RateLimit-Limit"), "5");
        QCOMPARE(legacy.header("X-RateLimit-Remaining"), "4");
        const qint64 absolute = legacy.header("X-RateLimit-Reset").toLongLong();
        const qint64 expected = QDateTime::currentSecsSinceEpoch() + legacy.header("RateLimit-Reset").toLongLong();
        QVERIFY2(qAbs(absolute - expected) <= 2, legacy.header("X-RateLimit-Reset"));
    }

    void faultErrors()
    {
        admin("DELETE", u"/__sandbox/faults"_s);
        const qint64 injected = stat(u"injected_errors"_s);
        admin("POST", u"/__sandbox/faults"_s, { { u"error_next"_s, 2 }, { u"error_next_status"_s, 503 } });
        const qint64 sessions = records(u"sessions"_s);
        for (int i = 0; i < 2; ++i) {
            const auto a = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, { { u"capture_mode"_s, u"both"_s } });
            QCOMPARE(a.status, 503);
            QCOMPARE(a.header("Retry-After"), "1");
            QVERIFY(a.json().value(u"retryable"_s).toBool());
        }
        QCOMPARE(records(u"sessions"_s), sessions); // an injected error is answered before anything is written
        QCOMPARE(
            call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, { { u"capture_mode"_s, u"both"_s } }).status, 201);
        QCOMPARE(stat(u"injected_errors"_s), injected + 2);

        // A seeded error rate draws the same sequence again after the same seed.
        const auto pattern = [&] {
            admin("POST", u"/__sandbox/faults"_s,
                { { u"seed"_s, 7 }, { u"error_rates"_s, QJsonObject { { u"503"_s, 0.5 } } } });
            QString seen;
            for (int i = 0; i < 12; ++i)
                seen += call("GET", u"/account/api/v1/whoami"_s, kOwnerKey).status == 503 ? u'x' : u'.';
            return seen;
        };
        const QString first = pattern();
        QCOMPARE(pattern(), first);
        QVERIFY2(first.contains(u'x') && first.contains(u'.'), qPrintable(first));
        // path_prefix narrows the faults.
        admin("POST", u"/__sandbox/faults"_s,
            { { u"error_rates"_s, QJsonObject { { u"500"_s, 1.0 } } }, { u"path_prefix"_s, u"/epcis/"_s } });
        QCOMPARE(call("GET", u"/account/api/v1/whoami"_s, kOwnerKey).status, 200);
        QCOMPARE(call("GET", u"/epcis/api/2.0/events"_s, kOwnerKey).status, 500);
        admin("DELETE", u"/__sandbox/faults"_s);
        QCOMPARE(call("GET", u"/epcis/api/2.0/events"_s, kOwnerKey).status, 200);
    }

    void faultForced429()
    {
        admin("POST", u"/__sandbox/faults"_s, { { u"force_429_seconds"_s, 30 } });
        const auto a = call("GET", u"/account/api/v1/whoami"_s, kOwnerKey);
        QCOMPARE(a.status, 429);
        QVERIFY(a.header("Retry-After").toInt() > 0 && a.header("Retry-After").toInt() <= 30);
        QCOMPARE(a.json().value(u"retry_after"_s).toInt(), a.header("Retry-After").toInt());
        QVERIFY(stat(u"forced_429"_s) >= 1);
        admin("POST", u"/__sandbox/faults"_s, { { u"force_429_seconds"_s, 0 } });
        QCOMPARE(call("GET", u"/account/api/v1/whoami"_s, kOwnerKey).status, 200);
    }

    void faultLatencyClientGone()
    {
        // The client gives up while the answer is delayed; the server still does the work.
        const qint64 sessions = records(u"sessions"_s);
        const qint64 gone = stat(u"client_gone"_s);
        admin("POST", u"/__sandbox/faults"_s, { { u"latency_ms"_s, 1500 } });
        const auto a
            = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, { { u"capture_mode"_s, u"both"_s } }, {}, 300);
        QCOMPARE(a.status, 0);
        QCOMPARE(a.error, QNetworkReply::OperationCanceledError);
        QTRY_COMPARE_WITH_TIMEOUT(stat(u"client_gone"_s), gone + 1, 10000);
        admin("DELETE", u"/__sandbox/faults"_s);
        QCOMPARE(records(u"sessions"_s), sessions + 1);
    }

    void faultDropAfterCommit()
    {
        const qint64 sessions = records(u"sessions"_s);
        const qint64 dropped = stat(u"dropped_after_commit"_s);
        // Qt's HTTP client sends a request once more by itself when a kept-alive connection closes before any
        // answer, so the drop covers that second attempt too: the client sees the connection drop.
        admin("POST", u"/__sandbox/faults"_s, { { u"drop_next"_s, 5 }, { u"methods"_s, u"mutating"_s } });
        QCOMPARE(call("GET", u"/account/api/v1/whoami"_s, kOwnerKey).status, 200); // warms the connection; not dropped
        const auto a = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, { { u"capture_mode"_s, u"both"_s } });
        QCOMPARE(a.status, 0);
        QVERIFY2(a.error == QNetworkReply::RemoteHostClosedError || a.error == QNetworkReply::ConnectionRefusedError
                || a.error == QNetworkReply::UnknownNetworkError,
            qPrintable(QString::number(a.error)));
        admin("DELETE", u"/__sandbox/faults"_s);
        const qint64 attempts = stat(u"dropped_after_commit"_s) - dropped;
        QVERIFY(attempts >= 1);
        // Every attempt the server received was committed, although the client never saw an answer.
        QCOMPARE(records(u"sessions"_s), sessions + attempts);
    }

    void idempotency()
    {
        const QList<QPair<QByteArray, QByteArray>> key { { "Idempotency-Key", "sess-42" } };
        const QJsonObject body { { u"capture_mode"_s, u"both"_s } };
        // Off by default: no endpoint declares the header, so the same key makes two sessions.
        const QString a
            = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, body, key).json().value(u"id"_s).toString();
        const QString b
            = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, body, key).json().value(u"id"_s).toString();
        QVERIFY(a != b);
        admin("POST", u"/__sandbox/config"_s, { { u"idempotency"_s, true } });
        const QList<QPair<QByteArray, QByteArray>> fresh { { "Idempotency-Key", "sess-43" } };
        const auto first = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, body, fresh);
        const auto replay = call("POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, body, fresh);
        const auto mismatch = call(
            "POST", u"/scanner/api/v1/sessions"_s, kOwnerKey, { { u"capture_mode"_s, u"barcode_scan"_s } }, fresh);
        admin("POST", u"/__sandbox/config"_s, { { u"idempotency"_s, false } });
        QCOMPARE(first.status, 201);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.json().value(u"id"_s), first.json().value(u"id"_s));
        QCOMPARE(replay.header("Idempotent-Replayed"), "true");
        QCOMPARE(mismatch.status, 422);
    }

    void restartKeepsState()
    {
        const QString session = newSession(kOwnerKey);
        const QString capture = newCapture(session, kTrailMix).value(u"id"_s).toString();
        QCOMPARE(walk(capture).last(), u"COMPLETED"_s);
        m_sandbox.stop();
        // No --seed-key this time: the keys are in the state file.
        QVERIFY2(m_sandbox.start(m_state), qPrintable(m_sandbox.error()));
        QCOMPARE(call("GET", u"/account/api/v1/whoami"_s, kOwnerKey).status, 200);
        QCOMPARE(call("GET", u"/account/api/v1/whoami"_s, m_revokedKey).status, 401);
        const auto detail = call("GET", u"/scanner/api/v1/sessions/"_s + session, kOwnerKey);
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json().value(u"captures"_s).toArray().first().toObject().value(u"status"_s).toString(),
            u"COMPLETED"_s);
        QCOMPARE(call("GET", u"/scanner/api/v1/captures/%1/proposals"_s.arg(capture), kOwnerKey).array().size(), 2);
    }

    void refusesForeignFiles()
    {
        const QString path = m_dir.filePath(u"notes.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a database");
        file.close();
        SandboxProcess other;
        QVERIFY(!other.start(path));
        QVERIFY2(other.error().contains(u"not an SQLite file"_s), qPrintable(other.error()));
        QFile check(path);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("not a database"));
        SandboxProcess badKey;
        QVERIFY(!badKey.start(m_dir.filePath(u"x.sqlite"_s), { u"--seed-key"_s, kDocsExampleKey }));
        QVERIFY2(badKey.error().contains(u"checksum"_s), qPrintable(badKey.error()));
    }

private:
    static QString gs1Gtin13(int i)
    {
        // 12 digits then the GS1 check digit.
        const QString base = u"200000000%1"_s.arg(i, 3, 10, QChar(u'0'));
        int sum = 0;
        for (int k = 0; k < 12; ++k)
            sum += (base[11 - k].digitValue()) * (k % 2 == 0 ? 3 : 1);
        return base + QString::number((10 - sum % 10) % 10);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
