// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "problem.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::sync {

namespace {
QByteArray header(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[k, v] : headers) {
        if (name.compare(k, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

std::optional<int> wholeSeconds(const QJsonValue &v)
{
    if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() >= 0)
        return int(std::ceil(v.toDouble()));
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d) && d >= 0)
            return int(std::ceil(d));
    }
    return std::nullopt;
}

QString statusWords(int status)
{
    switch (status) {
    case 400:
        return u"the server did not understand the request"_s;
    case 401:
        return u"the server did not accept the API key"_s;
    case 403:
        return u"this API key may not do that"_s;
    case 404:
        return u"the server does not know this address or object"_s;
    case 409:
        return u"the request conflicts with what the server holds"_s;
    case 413:
        return u"the request is too large for the server"_s;
    case 422:
        return u"the server refused the data"_s;
    case 429:
        return u"too many requests: the server asks to wait"_s;
    case 502:
    case 503:
    case 504:
        return u"the server is unavailable for now"_s;
    default:
        break;
    }
    if (status >= 500)
        return u"the server failed"_s;
    return u"the server refused the request"_s;
}

/// "name: Field required" for each validation error, in either shape.
QStringList fieldReasons(const QJsonValue &details)
{
    QStringList out;
    for (const auto &item : details.toArray()) {
        const QJsonObject e = item.toObject();
        QString where = e.value(u"field"_s).toString();
        if (where.isEmpty()) {
            QStringList loc;
            for (const auto &part : e.value(u"loc"_s).toArray()) {
                const QString p = part.toVariant().toString();
                if (p != u"body"_s && p != u"query"_s && p != u"path"_s)
                    loc << p;
            }
            where = loc.join(u'.');
        }
        const QString why = e.value(u"msg"_s).toString(e.value(u"message"_s).toString());
        if (!why.isEmpty())
            out << (where.isEmpty() ? why : where + u": "_s + why);
    }
    return out;
}
} // namespace

std::optional<int> parseRetryAfter(const QByteArray &value)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<int>(int(std::min<qlonglong>(seconds, 7 * 86400)));
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(utc)));
}

Problem Problem::fromResponse(int status, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    Problem p;
    p.status = status;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.value(u"error"_s).isObject()) {
        // The older envelope: {"error": {"code": "NOT_FOUND", "message", "status", "details": [{field, message}]}}.
        const QJsonObject e = o.value(u"error"_s).toObject();
        p.legacyShape = true;
        p.errorCode = e.value(u"code"_s).toString().toLower();
        p.detail = e.value(u"message"_s).toString();
        p.details = e.value(u"details"_s);
        if (e.contains(u"retryable"_s))
            p.retryableField = e.value(u"retryable"_s).toBool();
        if (!p.retryAfterSeconds)
            p.retryAfterSeconds = wholeSeconds(e.value(u"retry_after"_s));
        if (!p.retryAfterSeconds)
            p.retryAfterSeconds = wholeSeconds(e.value(u"retry_after_seconds"_s));
    } else {
        p.type = o.value(u"type"_s).toString();
        p.title = o.value(u"title"_s).toString();
        p.detail = o.value(u"detail"_s).toString();
        p.instance = o.value(u"instance"_s).toString();
        p.errorCode = o.value(u"error_code"_s).toString().toLower();
        if (p.errorCode.isEmpty() && !p.type.isEmpty()) {
            // The overview's shape names the error by its type URI only: .../problems/forbidden.
            const QString last = p.type.section(u'/', -1, -1, QString::SectionSkipEmpty);
            if (!last.isEmpty() && !last.contains(u'.') && last != u"about:blank"_s)
                p.errorCode = last.toLower().replace(u'-', u'_');
        }
        if (o.value(u"retryable"_s).isBool())
            p.retryableField = o.value(u"retryable"_s).toBool();
        p.ownerActionRequired = o.value(u"owner_action_required"_s).toBool();
        p.details = o.value(u"details"_s);
        p.retryAfterSeconds = wholeSeconds(o.value(u"retry_after"_s));
        if (!p.retryAfterSeconds)
            p.retryAfterSeconds = wholeSeconds(o.value(u"retry_after_seconds"_s));
    }
    // The header comes first: it is what HTTP itself defines.
    if (const auto fromHeader = parseRetryAfter(header(headers, "Retry-After")))
        p.retryAfterSeconds = fromHeader;
    return p;
}

bool Problem::retryable() const
{
    if (retryableField)
        return *retryableField;
    if (!errorCode.isEmpty()) {
        static const QStringList retryableCodes { u"rate_limited"_s, u"internal_error"_s, u"service_unavailable"_s,
            u"timeout"_s, u"bad_gateway"_s, u"gateway_timeout"_s, u"too_many_requests"_s };
        static const QStringList permanentCodes { u"unauthorized"_s, u"forbidden"_s, u"not_found"_s,
            u"validation_error"_s, u"bad_request"_s, u"conflict"_s, u"method_not_allowed"_s, u"payload_too_large"_s,
            u"idempotency_key_reused"_s };
        if (retryableCodes.contains(errorCode))
            return true;
        if (permanentCodes.contains(errorCode))
            return false;
    }
    return status == 408 || status == 425 || status == 429 || status >= 500;
}

QString Problem::userMessage() const
{
    QString text = detail.trimmed();
    if (text.isEmpty())
        text = title.trimmed();
    if (text.isEmpty())
        text = statusWords(status);
    const QStringList fields = fieldReasons(details);
    if (!fields.isEmpty()) {
        // "Validation error." says nothing a person can fix; the fields do.
        QString joined = fields.join(u"; "_s);
        if (!text.contains(joined)) {
            if (text.endsWith(u'.'))
                text.chop(1);
            text += u": "_s + joined;
        }
    }
    if (retryAfterSeconds && status == 429)
        text += u" (the server asks to wait %1 s)"_s.arg(*retryAfterSeconds);
    return text;
}

QString Problem::authReason() const
{
    return details.toObject().value(u"reason"_s).toString();
}

Error Problem::toError() const
{
    return { errorCode.isEmpty() ? u"http_%1"_s.arg(status) : errorCode, userMessage(), retryable() };
}

} // namespace closient::sync
