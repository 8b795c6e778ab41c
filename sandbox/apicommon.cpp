// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

QJsonObject Stats::toJson(SandboxState &state) const
{
    QJsonObject statuses;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        statuses.insert(QString::number(it.key()), double(it.value()));
    QJsonObject routes;
    for (auto it = byRoute.cbegin(); it != byRoute.cend(); ++it)
        routes.insert(it.key(), double(it.value()));
    return {
        { u"requests"_s, double(requests) },
        { u"by_status"_s, statuses },
        { u"by_route"_s, routes },
        { u"rate_limited"_s, double(rateLimited) },
        { u"forced_429"_s, double(forced429) },
        { u"injected_errors"_s, double(injectedErrors) },
        { u"dropped_after_commit"_s, double(droppedAfterCommit) },
        { u"client_gone"_s, double(clientGone) },
        { u"duplicates_rejected"_s, double(duplicatesRejected) },
        { u"idempotent_replays"_s, double(idempotentReplays) },
        { u"admin_requests"_s, double(adminRequests) },
        { u"records"_s, state.recordCounts() },
    };
}

Response jsonResponse(int status, const QJsonValue &body)
{
    return Response::json(status, body.isArray() ? QJsonDocument(body.toArray()) : QJsonDocument(body.toObject()));
}

std::variant<QJsonObject, Problem> jsonBody(const Request &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return makeProblem(400, u"bad_request"_s,
            u"The body is not valid JSON (%1 at offset %2)."_s.arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return makeProblem(400, u"bad_request"_s, u"The body must be a JSON object."_s);
    return doc.object();
}

Problem notFound(const QString &what)
{
    return makeProblem(404, u"not_found"_s, u"%1 was not found."_s.arg(what));
}

Problem conflict(const QString &detail, const QJsonValue &details)
{
    return makeProblem(409, u"conflict"_s, detail, details);
}

QJsonObject parseJsonText(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QString jsonText(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

std::variant<Page, Problem> pageOf(const Request &request)
{
    Page page;
    QJsonArray errors;
    const auto read = [&](const QString &name, int &out, int min, int max) {
        if (!request.query.hasQueryItem(name))
            return;
        bool ok = false;
        const int value = request.query.queryItemValue(name).toInt(&ok);
        if (!ok || value < min || value > max)
            errors.append(fieldError({ u"query"_s, name },
                max == INT_MAX ? u"Must be an integer of at least %1."_s.arg(min)
                               : u"Must be an integer from %1 to %2."_s.arg(min).arg(max),
                u"value_error"_s));
        else
            out = value;
    };
    read(u"page"_s, page.page, 1, INT_MAX);
    read(u"page_size"_s, page.size, 1, 100);
    if (!errors.isEmpty())
        return validationProblem(errors);
    return page;
}

QJsonObject pageEnvelope(const QJsonArray &data, const Page &page, qint64 total)
{
    const qint64 pages = total == 0 ? 0 : (total + page.size - 1) / page.size;
    return {
        { u"data"_s, data },
        { u"pagination"_s,
            QJsonObject {
                { u"page"_s, page.page },
                { u"page_size"_s, page.size },
                { u"total_count"_s, double(total) },
                { u"total_pages"_s, double(pages) },
                { u"has_next"_s, page.page < pages },
                { u"has_previous"_s, page.page > 1 },
            } },
    };
}

} // namespace closient::sandbox
