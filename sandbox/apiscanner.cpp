// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api.h"
#include "gs1parser.h"
#include "gtin.h"
#include "metadata.h"
#include "multipart.h"
#include "pipeline.h"
#include "shortid.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
const QStringList kCaptureModes { u"barcode_scan"_s, u"product_photography"_s, u"both"_s };
const QStringList kTerminal { u"COMPLETED"_s, u"FAILED"_s, u"NOT_FOUND"_s };

/// The session @p rawId of the caller's organisation, with idle expiry applied; nullopt when it is not theirs.
std::optional<QVariantMap> loadSession(Context &ctx, const QString &rawId)
{
    const QString id = normaliseId(rawId);
    if (id.isEmpty())
        return std::nullopt;
    auto session = ctx.state.row(u"SELECT * FROM sessions WHERE id = ? AND org_id = ?"_s, { id, ctx.key->orgId });
    if (!session)
        return std::nullopt;
    const qint64 idleSince = session->value(u"last_activity_ms"_s).toLongLong();
    if (session->value(u"status"_s) == u"ACTIVE"_s && ctx.now - idleSince > ctx.config.sessionTtlSeconds * 1000) {
        (void)ctx.state.exec(u"UPDATE sessions SET status = 'EXPIRED', modified = ? WHERE id = ?"_s,
            { isoAt(idleSince + ctx.config.sessionTtlSeconds * 1000), id });
        session = ctx.state.row(u"SELECT * FROM sessions WHERE id = ?"_s, { id });
    }
    return session;
}

QJsonObject sessionSummary(Context &ctx, const QVariantMap &s)
{
    const QString id = s.value(u"id"_s).toString();
    const auto count = ctx.state.row(u"SELECT count(*) AS n FROM captures WHERE session_id = ?"_s, { id });
    return {
        { u"id"_s, id },
        { u"short_id"_s, id },
        { u"status"_s, s.value(u"status"_s).toString() },
        { u"capture_mode"_s, s.value(u"capture_mode"_s).toString() },
        { u"created"_s, s.value(u"created"_s).toString() },
        { u"modified"_s, s.value(u"modified"_s).toString() },
        { u"metadata"_s, parseJsonText(s.value(u"metadata"_s)) },
        { u"capture_count"_s, count ? count->value(u"n"_s).toInt() : 0 },
        { u"photo_count"_s, 0 },
    };
}

QString extractionStatus(Context &ctx, const QVariantMap &s)
{
    const QString stored = s.value(u"extraction_status"_s).toString();
    if (stored != u"processing"_s)
        return stored;
    const qint64 readyAt = s.value(u"submitted_ms"_s).toLongLong() + 2 * s.value(u"step_ms"_s).toLongLong();
    if (ctx.now < readyAt)
        return stored;
    (void)ctx.state.exec(u"UPDATE sessions SET extraction_status = 'ready' WHERE id = ?"_s, { s.value(u"id"_s) });
    return u"ready"_s;
}

QJsonValue nullable(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

QJsonObject captureJson(Context &ctx, const QVariantMap &c)
{
    const QString id = c.value(u"id"_s).toString();
    const bool terminal = kTerminal.contains(c.value(u"status"_s).toString());
    QJsonValue productShortId, productName;
    if (const QString gtin = c.value(u"product_gtin"_s).toString(); !gtin.isEmpty()) {
        if (const auto p = ctx.state.row(u"SELECT data FROM products WHERE gtin = ?"_s, { gtin })) {
            const auto data = parseJsonText(p->value(u"data"_s));
            productShortId = data.value(u"slug"_s);
            productName = data.value(u"product_name"_s);
        }
    }
    const QJsonObject gs1 = parseJsonText(c.value(u"gs1_dl_data"_s));
    const QJsonObject qr = parseJsonText(c.value(u"qr_analysis"_s));
    return {
        { u"id"_s, id },
        { u"short_id"_s, id },
        { u"session_short_id"_s, c.value(u"session_id"_s).toString() },
        { u"status"_s, c.value(u"status"_s).toString() },
        { u"capture_type"_s, c.value(u"capture_type"_s).toString() },
        { u"raw_value"_s, c.value(u"raw_value"_s).toString() },
        { u"gtin"_s, c.value(u"gtin"_s).toString() },
        { u"gs1_dl_data"_s, c.value(u"gs1_dl_data"_s).isNull() ? QJsonValue() : QJsonValue(gs1) },
        { u"metadata"_s, parseJsonText(c.value(u"metadata"_s)) },
        { u"product_short_id"_s, productShortId },
        { u"product_name"_s, productName },
        { u"error_message"_s, c.value(u"error_message"_s).toString() },
        { u"created"_s, c.value(u"created"_s).toString() },
        { u"processed_at"_s, nullable(c.value(u"processed_at"_s)) },
        { u"uploaded_image_key"_s, nullable(c.value(u"uploaded_image_key"_s)) },
        { u"qr_analysis"_s, terminal && !qr.isEmpty() ? QJsonValue(qr) : QJsonValue() },
    };
}

std::optional<QVariantMap> loadCapture(Context &ctx, const QString &rawId)
{
    const QString id = normaliseId(rawId);
    if (id.isEmpty() || !ctx.state.row(u"SELECT 1 FROM captures WHERE id = ? AND org_id = ?"_s, { id, ctx.key->orgId }))
        return std::nullopt;
    return refreshCapture(ctx, id);
}

/// What the analyzer would report for a URL scanned from a QR code, without following it (no network here).
QJsonObject qrAnalysis(const QString &raw, const QString &gtin)
{
    const QUrl url(raw);
    const QString host = url.host().toLower();
    const bool closient = host.endsWith(u"closient.com"_s) || host.endsWith(u"closient.dev"_s);
    const bool dl = url.path().contains(u"/01/"_s);
    return {
        { u"initial_url"_s, raw },
        { u"final_url"_s, raw },
        { u"hops"_s, QJsonArray() },
        { u"hop_count"_s, 0 },
        { u"resolver_domain"_s, host },
        { u"resolver_type"_s,
            closient ? u"CLOSIENT"_s
                : dl ? u"GS1_DL"_s
                     : u"DIRECT"_s },
        { u"is_closient_resolver"_s, closient },
        { u"extracted_gtin"_s, gtin },
        { u"error_message"_s, u""_s },
    };
}

/// The GTIN of a capture: the one sent, else AI 01 of the Digital Link data, else what the raw value parses to.
QString deriveGtin(const QString &sent, const QJsonObject &gs1DlData, const QString &raw)
{
    if (!sent.isEmpty())
        return sent;
    if (const auto check = gs1::checkGtin(gs1DlData.value(u"01"_s).toString()); check.ok())
        return check.gtin14;
    const auto parsed = gs1::parse(raw, gs1::ParseOptions::scanning());
    return parsed.isValid() ? parsed.gtin14 : QString();
}

struct NewCapture
{
    QString sessionId;
    QString captureType;
    QString rawValue;
    QString gtin;
    QJsonValue gs1DlData;
    QJsonObject metadata;
    QString imageKey;
};

/// Checks the session and writes the capture; the caller has validated the fields.
Outcome insertCapture(Context &ctx, const NewCapture &c, const QByteArray &image = {}, const QByteArray &imageType = {})
{
    const auto session = loadSession(ctx, c.sessionId);
    if (!session)
        return notFound(u"Scan session %1"_s.arg(c.sessionId));
    if (session->value(u"status"_s) != u"ACTIVE"_s)
        return conflict(u"The scan session is %1; captures go only into an ACTIVE session."_s.arg(
                            session->value(u"status"_s).toString()),
            QJsonObject { { u"session_status"_s, session->value(u"status"_s).toString() } });
    const QString sessionId = session->value(u"id"_s).toString();
    const QString id = newShortId();
    const QString gtin = deriveGtin(c.gtin, c.gs1DlData.toObject(), c.rawValue);
    const bool isUrl = c.rawValue.startsWith(u"http://"_s, Qt::CaseInsensitive)
        || c.rawValue.startsWith(u"https://"_s, Qt::CaseInsensitive);
    QString imageKey;
    if (!image.isEmpty()) {
        imageKey = u"scanner/uploads/%1/%2.%3"_s.arg(sessionId, id, QString::fromLatin1(imageType.mid(6)));
        if (auto r = ctx.state.exec(u"INSERT INTO images (key, capture_id, content_type, data) VALUES (?, ?, ?, ?)"_s,
                { imageKey, id, QString::fromLatin1(imageType), image });
            !r.ok())
            return makeProblem(500, u"internal_error"_s, r.error().message);
    }
    auto r = ctx.state.exec(u"INSERT INTO captures (id, session_id, org_id, capture_type, raw_value, gtin, gs1_dl_data,"
                            " metadata, status, created, pipeline_started_ms, step_ms, uploaded_image_key, qr_analysis)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)"_s,
        { id, sessionId, ctx.key->orgId, c.captureType, c.rawValue, gtin,
            c.gs1DlData.isObject() ? QVariant(jsonText(c.gs1DlData)) : QVariant(), jsonText(c.metadata), isoAt(ctx.now),
            ctx.now, ctx.config.pipelineStepMs, imageKey.isEmpty() ? QVariant() : QVariant(imageKey),
            isUrl ? QVariant(jsonText(qrAnalysis(c.rawValue, gtin))) : QVariant() });
    if (!r.ok())
        return makeProblem(500, u"internal_error"_s, r.error().message);
    (void)ctx.state.exec(u"UPDATE sessions SET last_activity_ms = ?, modified = ? WHERE id = ?"_s,
        { ctx.now, isoAt(ctx.now), sessionId });
    return jsonResponse(201, captureJson(ctx, *ctx.state.row(u"SELECT * FROM captures WHERE id = ?"_s, { id })));
}

Outcome createSession(Context &ctx)
{
    const auto body = jsonBody(ctx.request);
    if (auto *p = std::get_if<Problem>(&body))
        return *p;
    const QJsonObject in = std::get<QJsonObject>(body);
    QJsonArray errors;
    const QString mode = in.value(u"capture_mode"_s).toString(u"barcode_scan"_s);
    if (!kCaptureModes.contains(mode))
        errors.append(fieldError({ u"body"_s, u"capture_mode"_s },
            u"Input should be 'barcode_scan', 'product_photography' or 'both'"_s, u"enum"_s));
    if (in.contains(u"user_agent"_s) && !in.value(u"user_agent"_s).isString())
        errors.append(
            fieldError({ u"body"_s, u"user_agent"_s }, u"Input should be a valid string"_s, u"string_type"_s));
    const QJsonValue device = in.value(u"device_context"_s);
    if (!device.isUndefined() && !device.isNull() && !device.isObject())
        errors.append(
            fieldError({ u"body"_s, u"device_context"_s }, u"Input should be a valid dictionary"_s, u"dict_type"_s));
    const QJsonObject metadata = mergeMetadata({}, in.value(u"metadata"_s), { u"body"_s, u"metadata"_s }, errors);
    if (!errors.isEmpty())
        return validationProblem(errors);
    const QString org = in.value(u"organization_short_id"_s).toString();
    if (!org.isEmpty() && normaliseId(org) != ctx.key->orgId)
        return notFound(u"Organization %1"_s.arg(org));
    const QString id = newShortId();
    const QString now = isoAt(ctx.now);
    auto r = ctx.state.exec(
        u"INSERT INTO sessions (id, org_id, status, capture_mode, metadata, user_agent, device_context,"
        " created, modified, last_activity_ms) VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?)"_s,
        { id, ctx.key->orgId, mode, jsonText(metadata), in.value(u"user_agent"_s).toString(),
            jsonText(device.toObject()), now, now, ctx.now });
    if (!r.ok())
        return makeProblem(500, u"internal_error"_s, r.error().message);
    return jsonResponse(201, sessionSummary(ctx, *ctx.state.row(u"SELECT * FROM sessions WHERE id = ?"_s, { id })));
}

Outcome sessionDetail(Context &ctx)
{
    const auto s = loadSession(ctx, ctx.params.value(0));
    if (!s)
        return notFound(u"Scan session"_s);
    QJsonObject out = sessionSummary(ctx, *s);
    QJsonArray captures;
    for (const auto &c : ctx.state.rows(
             u"SELECT id FROM captures WHERE session_id = ? ORDER BY created, rowid"_s, { s->value(u"id"_s) }))
        captures.append(captureJson(ctx, *refreshCapture(ctx, c.value(u"id"_s).toString())));
    out.insert(u"captures"_s, captures);
    out.insert(u"product_photos"_s, QJsonArray());
    return jsonResponse(200, out);
}

Outcome sessionStatus(Context &ctx)
{
    const auto s = loadSession(ctx, ctx.params.value(0));
    if (!s)
        return notFound(u"Scan session"_s);
    QJsonArray captures;
    for (const auto &c : ctx.state.rows(
             u"SELECT id FROM captures WHERE session_id = ? ORDER BY created, rowid"_s, { s->value(u"id"_s) })) {
        const auto row = refreshCapture(ctx, c.value(u"id"_s).toString());
        const auto n
            = ctx.state.row(u"SELECT count(*) AS n FROM proposals WHERE capture_id = ?"_s, { c.value(u"id"_s) });
        captures.append(QJsonObject { { u"id"_s, row->value(u"id"_s).toString() },
            { u"short_id"_s, row->value(u"id"_s).toString() }, { u"status"_s, row->value(u"status"_s).toString() },
            { u"proposal_count"_s, n ? n->value(u"n"_s).toInt() : 0 } });
    }
    return jsonResponse(200,
        QJsonObject { { u"session_status"_s, s->value(u"status"_s).toString() },
            { u"extraction_status"_s, extractionStatus(ctx, *s) }, { u"captures"_s, captures } });
}

Outcome endSession(Context &ctx)
{
    const auto s = loadSession(ctx, ctx.params.value(0));
    if (!s)
        return notFound(u"Scan session"_s);
    if (s->value(u"status"_s) != u"ACTIVE"_s)
        return conflict(u"The scan session is already %1."_s.arg(s->value(u"status"_s).toString()),
            QJsonObject { { u"session_status"_s, s->value(u"status"_s).toString() } });
    (void)ctx.state.exec(u"UPDATE sessions SET status = 'COMPLETED', modified = ? WHERE id = ?"_s,
        { isoAt(ctx.now), s->value(u"id"_s) });
    return jsonResponse(
        200, sessionSummary(ctx, *ctx.state.row(u"SELECT * FROM sessions WHERE id = ?"_s, { s->value(u"id"_s) })));
}

Outcome submitSession(Context &ctx)
{
    const auto s = loadSession(ctx, ctx.params.value(0));
    if (!s)
        return notFound(u"Scan session"_s);
    if (s->value(u"status"_s) == u"EXPIRED"_s || s->value(u"extraction_status"_s) != u"pending"_s)
        return conflict(u"The scan session cannot be submitted: it is %1 and its extraction is %2."_s.arg(
                            s->value(u"status"_s).toString(), s->value(u"extraction_status"_s).toString()),
            QJsonObject { { u"session_status"_s, s->value(u"status"_s).toString() },
                { u"extraction_status"_s, s->value(u"extraction_status"_s).toString() } });
    (void)ctx.state.exec(
        u"UPDATE sessions SET status = 'COMPLETED', extraction_status = 'processing', submitted_ms = ?,"
        " step_ms = ?, modified = ? WHERE id = ?"_s,
        { ctx.now, ctx.config.pipelineStepMs, isoAt(ctx.now), s->value(u"id"_s) });
    return jsonResponse(
        200, sessionSummary(ctx, *ctx.state.row(u"SELECT * FROM sessions WHERE id = ?"_s, { s->value(u"id"_s) })));
}

Outcome createCapture(Context &ctx)
{
    static const QStringList kTypes { u"BARCODE"_s, u"IMAGE"_s, u"MANUAL"_s };
    const auto body = jsonBody(ctx.request);
    if (auto *p = std::get_if<Problem>(&body))
        return *p;
    const QJsonObject in = std::get<QJsonObject>(body);
    QJsonArray errors;
    const auto required = [&](const QString &field) {
        if (!in.contains(field)) {
            errors.append(fieldError({ u"body"_s, field }, u"Field required"_s, u"missing"_s));
            return false;
        }
        if (!in.value(field).isString()) {
            errors.append(fieldError({ u"body"_s, field }, u"Input should be a valid string"_s, u"string_type"_s));
            return false;
        }
        return true;
    };
    NewCapture c;
    if (required(u"session_short_id"_s))
        c.sessionId = in.value(u"session_short_id"_s).toString();
    if (required(u"capture_type"_s)) {
        c.captureType = in.value(u"capture_type"_s).toString();
        if (!kTypes.contains(c.captureType))
            errors.append(fieldError(
                { u"body"_s, u"capture_type"_s }, u"Input should be 'BARCODE', 'IMAGE' or 'MANUAL'"_s, u"enum"_s));
    }
    if (required(u"raw_value"_s)) {
        c.rawValue = in.value(u"raw_value"_s).toString();
        if (c.rawValue.isEmpty() || c.rawValue.size() > 500)
            errors.append(fieldError(
                { u"body"_s, u"raw_value"_s }, u"raw_value is 1 to 500 characters."_s, u"string_too_long"_s));
    }
    if (const QString gtin = in.value(u"gtin"_s).toString(); !gtin.isEmpty()) {
        const auto check = gs1::checkGtin(gtin);
        if (!check.ok())
            errors.append(fieldError({ u"body"_s, u"gtin"_s }, check.error, u"value_error"_s));
        c.gtin = check.gtin14;
    }
    c.gs1DlData = in.value(u"gs1_dl_data"_s);
    if (!c.gs1DlData.isUndefined() && !c.gs1DlData.isNull() && !c.gs1DlData.isObject())
        errors.append(
            fieldError({ u"body"_s, u"gs1_dl_data"_s }, u"Input should be a valid dictionary"_s, u"dict_type"_s));
    c.metadata = mergeMetadata({}, in.value(u"metadata"_s), { u"body"_s, u"metadata"_s }, errors);
    if (!errors.isEmpty())
        return validationProblem(errors);
    return insertCapture(ctx, c);
}

QByteArray imageType(const QByteArray &data)
{
    if (data.startsWith("\xFF\xD8\xFF"))
        return "image/jpeg";
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return "image/png";
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return "image/webp";
    return {};
}

Outcome uploadImage(Context &ctx)
{
    if (ctx.request.body.size() > ctx.config.maxUploadBytes)
        return makeProblem(413, u"payload_too_large"_s,
            u"The upload has %1 bytes; at most %2 are accepted."_s.arg(ctx.request.body.size())
                .arg(ctx.config.maxUploadBytes));
    const auto parts = parseMultipart(ctx.request.header("content-type"), ctx.request.body);
    if (!parts.ok())
        return makeProblem(400, u"bad_request"_s, parts.error().message);
    QMap<QString, FormPart> fields;
    for (const auto &part : parts.value())
        fields.insert(part.name, part);
    QJsonArray errors;
    NewCapture c;
    c.sessionId = QString::fromUtf8(fields.value(u"session_short_id"_s).data);
    if (!fields.contains(u"session_short_id"_s))
        errors.append(fieldError({ u"body"_s, u"session_short_id"_s }, u"Field required"_s, u"missing"_s));
    c.captureType
        = fields.contains(u"capture_type"_s) ? QString::fromUtf8(fields.value(u"capture_type"_s).data) : u"IMAGE"_s;
    if (c.captureType != u"BARCODE"_s && c.captureType != u"IMAGE"_s)
        errors.append(
            fieldError({ u"body"_s, u"capture_type"_s }, u"Input should be 'BARCODE' or 'IMAGE'"_s, u"enum"_s));
    c.rawValue = QString::fromUtf8(fields.value(u"raw_value"_s).data);
    if (const QString gtin = QString::fromUtf8(fields.value(u"gtin"_s).data); !gtin.isEmpty()) {
        const auto check = gs1::checkGtin(gtin);
        if (!check.ok())
            errors.append(fieldError({ u"body"_s, u"gtin"_s }, check.error, u"value_error"_s));
        c.gtin = check.gtin14;
    }
    const QByteArray image = fields.value(u"image"_s).data;
    const QByteArray type = imageType(image);
    if (!fields.contains(u"image"_s))
        errors.append(fieldError({ u"body"_s, u"image"_s }, u"Field required"_s, u"missing"_s));
    else if (type.isEmpty())
        errors.append(
            fieldError({ u"body"_s, u"image"_s }, u"The image must be JPEG, PNG or WebP."_s, u"value_error"_s));
    if (!errors.isEmpty())
        return validationProblem(errors);
    return insertCapture(ctx, c, image, type);
}

Outcome captureStatus(Context &ctx)
{
    const auto c = loadCapture(ctx, ctx.params.value(0));
    if (!c)
        return notFound(u"Capture"_s);
    return jsonResponse(200, captureJson(ctx, *c));
}

Outcome retryCapture(Context &ctx)
{
    const auto c = loadCapture(ctx, ctx.params.value(0));
    if (!c)
        return notFound(u"Capture"_s);
    if (c->value(u"status"_s) != u"FAILED"_s)
        return conflict(
            u"Only a FAILED capture can be retried; this one is %1."_s.arg(c->value(u"status"_s).toString()),
            QJsonObject { { u"status"_s, c->value(u"status"_s).toString() } });
    (void)ctx.state.exec(
        u"UPDATE captures SET status = 'PENDING', error_message = '', processed_at = NULL, product_gtin = NULL,"
        " pipeline_started_ms = ?, step_ms = ? WHERE id = ?"_s,
        { ctx.now, ctx.config.pipelineStepMs, c->value(u"id"_s) });
    return jsonResponse(
        200, captureJson(ctx, *ctx.state.row(u"SELECT * FROM captures WHERE id = ?"_s, { c->value(u"id"_s) })));
}
} // namespace

std::vector<Route> scannerRoutes()
{
    const QString base = u"/scanner/api/v1"_s;
    return {
        { u"POST"_s, base + u"/sessions"_s, Access::Contributor, createSession, {} },
        { u"GET"_s, base + u"/sessions/{id}"_s, Access::Member, sessionDetail, {} },
        { u"GET"_s, base + u"/sessions/{id}/status"_s, Access::Member, sessionStatus, {} },
        { u"POST"_s, base + u"/sessions/{id}/end"_s, Access::Contributor, endSession, {} },
        { u"POST"_s, base + u"/sessions/{id}/submit"_s, Access::Contributor, submitSession, {} },
        { u"POST"_s, base + u"/captures"_s, Access::Contributor, createCapture, {} },
        { u"POST"_s, base + u"/captures/upload-image"_s, Access::Contributor, uploadImage, {} },
        { u"GET"_s, base + u"/captures/{id}"_s, Access::Member, captureStatus, {} },
        { u"POST"_s, base + u"/captures/{id}/retry"_s, Access::Contributor, retryCapture, {} },
    };
}

} // namespace closient::sandbox
