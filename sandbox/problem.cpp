// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "problem.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
QString titleOf(const QString &code)
{
    QString title = code;
    title.replace(u'_', u' ');
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    for (qsizetype i = 1; i < title.size(); ++i) {
        if (title[i - 1] == u' ')
            title[i] = title[i].toUpper();
    }
    return title;
}
} // namespace

QJsonObject fieldError(const QStringList &loc, const QString &msg, const QString &type)
{
    return { { u"loc"_s, QJsonArray::fromStringList(loc) }, { u"msg"_s, msg }, { u"type"_s, type } };
}

Problem validationProblem(const QJsonArray &errors, const QString &detail)
{
    QString text = detail;
    if (text.isEmpty() && !errors.isEmpty())
        text = errors.first().toObject().value(u"msg"_s).toString();
    return Problem { 422, u"validation_error"_s, text.isEmpty() ? u"Validation error."_s : text, errors, {}, false };
}

Problem makeProblem(int status, const QString &code, const QString &detail, const QJsonValue &details)
{
    const bool retryable = status == 429 || status >= 500;
    return Problem { status, code, detail, details, {}, retryable };
}

Response problemResponse(const Problem &problem, const QString &instance, bool legacy)
{
    Response r;
    r.status = problem.status;
    if (problem.retryAfter)
        r.setHeader("Retry-After", QByteArray::number(*problem.retryAfter));
    if (legacy) {
        QJsonObject error { { u"code"_s, problem.code.toUpper() }, { u"message"_s, problem.detail },
            { u"status"_s, problem.status } };
        QJsonArray details;
        for (const auto &item : problem.details.toArray()) {
            const auto e = item.toObject();
            QStringList loc;
            for (const auto &part : e.value(u"loc"_s).toArray()) {
                if (part.toString() != u"body"_s && part.toString() != u"query"_s)
                    loc << part.toVariant().toString();
            }
            details.append(QJsonObject { { u"field"_s, loc.join(u'.') }, { u"message"_s, e.value(u"msg"_s) } });
        }
        error.insert(u"details"_s, details);
        if (problem.retryAfter)
            error.insert(u"retry_after_seconds"_s, *problem.retryAfter);
        r.setHeader("Content-Type", "application/json");
        r.body = QJsonDocument(QJsonObject { { u"error"_s, error } }).toJson(QJsonDocument::Compact);
        return r;
    }
    QJsonObject body { { u"type"_s, u"https://closient.com/docs/errors/"_s + problem.code },
        { u"title"_s, titleOf(problem.code) }, { u"status"_s, problem.status }, { u"detail"_s, problem.detail },
        { u"instance"_s, instance }, { u"error_code"_s, problem.code }, { u"retryable"_s, problem.retryable },
        { u"timestamp"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate).replace(u"Z"_s, u"+00:00"_s) } };
    if (problem.retryAfter)
        body.insert(u"retry_after"_s, *problem.retryAfter);
    if (!problem.details.isUndefined() && !problem.details.isNull())
        body.insert(u"details"_s, problem.details);
    r.setHeader("Content-Type", "application/problem+json");
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace closient::sandbox
