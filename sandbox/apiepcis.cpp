// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api.h"
#include "epcis.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
QString eventLabel(const QJsonObject &event, qsizetype index)
{
    const QString id = event.value(u"eventID"_s).toString();
    return id.isEmpty() ? u"eventList[%1]"_s.arg(index) : u"eventList[%1] (eventID %2)"_s.arg(index).arg(id);
}

Outcome capture(Context &ctx)
{
    const auto body = jsonBody(ctx.request);
    if (auto *p = std::get_if<Problem>(&body))
        return *p;
    const QJsonObject doc = std::get<QJsonObject>(body);
    if (!doc.value(u"epcisBody"_s).isObject())
        return validationProblem({ fieldError({ u"body"_s, u"epcisBody"_s },
            u"Field required: the body must be an EPCISDocument with epcisBody.eventList."_s, u"missing"_s) });
    if (doc.contains(u"type"_s) && doc.value(u"type"_s).toString() != u"EPCISDocument"_s)
        return validationProblem(
            { fieldError({ u"body"_s, u"type"_s }, u"type must be EPCISDocument."_s, u"value_error"_s) });
    const QJsonArray events = doc.value(u"epcisBody"_s).toObject().value(u"eventList"_s).toArray();
    if (events.isEmpty())
        return validationProblem({ fieldError({ u"body"_s, u"epcisBody"_s, u"eventList"_s },
            u"eventList must hold at least one event."_s, u"too_short"_s) });

    // Each event commits on its own (partial commit): when one fails, the ones before it stay stored.
    const QString captureId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    int created = 0;
    const auto recordCapture = [&] {
        if (created > 0)
            (void)ctx.state.exec(
                u"INSERT INTO epcis_captures (id, org_id, created_events, created) VALUES (?, ?, ?, ?)"_s,
                { captureId, ctx.key->orgId, created, isoAt(ctx.now) });
    };
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject event = events[i].toObject();
        const QStringList reasons
            = events[i].isObject() ? validateEvent(event) : QStringList { u"An event must be a JSON object."_s };
        if (!reasons.isEmpty()) {
            recordCapture();
            QJsonArray details;
            for (const QString &r : reasons)
                details.append(
                    fieldError({ u"body"_s, u"epcisBody"_s, u"eventList"_s, QString::number(i) }, r, u"value_error"_s));
            Problem p = makeProblem(400, u"bad_request"_s,
                u"%1 is not a valid event: %2"_s.arg(eventLabel(event, i), reasons.join(u' ')), details);
            return p;
        }
        const QString hash = eventHash(event);
        if (ctx.state.row(u"SELECT 1 FROM epcis_events WHERE org_id = ? AND hash = ?"_s, { ctx.key->orgId, hash })) {
            recordCapture();
            ++ctx.stats.duplicatesRejected;
            return conflict(u"%1 was captured before (event hash %2)."_s.arg(eventLabel(event, i), hash),
                QJsonObject { { u"event_index"_s, int(i) }, { u"eventID"_s, event.value(u"eventID"_s) },
                    { u"event_hash"_s, hash }, { u"committed_events"_s, created } });
        }
        auto r = ctx.state.exec(
            u"INSERT INTO epcis_events (org_id, hash, capture_id, event_id, event_type, event_time, biz_step,"
            " body, record_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { ctx.key->orgId, hash, captureId, event.value(u"eventID"_s).toString(), event.value(u"type"_s).toString(),
                event.value(u"eventTime"_s).toString(), event.value(u"bizStep"_s).toString(), jsonText(event),
                isoAt(ctx.now) });
        if (!r.ok())
            return makeProblem(500, u"internal_error"_s, r.error().message);
        ++created;
    }
    recordCapture();
    return jsonResponse(201, QJsonObject { { u"captureID"_s, captureId }, { u"createdEvents"_s, created } });
}

Outcome queryEvents(Context &ctx)
{
    const auto &q = ctx.request.query;
    bool ok = true;
    const int perPage = q.hasQueryItem(u"perPage"_s) ? q.queryItemValue(u"perPage"_s).toInt(&ok) : 30;
    if (!ok || perPage < 1 || perPage > 100)
        return validationProblem(
            { fieldError({ u"query"_s, u"perPage"_s }, u"perPage is 1 to 100."_s, u"value_error"_s) });
    const qint64 after = q.hasQueryItem(u"nextPageToken"_s) ? q.queryItemValue(u"nextPageToken"_s).toLongLong(&ok) : 0;
    if (!ok)
        return validationProblem(
            { fieldError({ u"query"_s, u"nextPageToken"_s }, u"Unknown page token."_s, u"value_error"_s) });
    QString sql = u"SELECT seq, body, event_id, record_time FROM epcis_events WHERE org_id = ? AND seq > ?"_s;
    QVariantList binds { ctx.key->orgId, after };
    if (q.hasQueryItem(u"eventType"_s)) {
        sql += u" AND event_type = ?"_s;
        binds << q.queryItemValue(u"eventType"_s);
    }
    if (q.hasQueryItem(u"EQ_bizStep"_s)) {
        sql += u" AND biz_step = ?"_s;
        binds << q.queryItemValue(u"EQ_bizStep"_s);
    }
    sql += u" ORDER BY seq LIMIT ?"_s;
    binds << perPage + 1;
    const auto found = ctx.state.rows(sql, binds);
    QJsonArray list;
    for (qsizetype i = 0; i < found.size() && i < perPage; ++i) {
        QJsonObject e = parseJsonText(found[i].value(u"body"_s));
        e.insert(u"recordTime"_s, found[i].value(u"record_time"_s).toString());
        list.append(e);
    }
    QJsonObject body {
        { u"@context"_s, QJsonArray { u"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"_s } },
        { u"type"_s, u"EPCISQueryDocument"_s },
        { u"schemaVersion"_s, u"2.0"_s },
        { u"creationDate"_s, isoAt(ctx.now) },
        { u"epcisBody"_s,
            QJsonObject { { u"queryResults"_s,
                QJsonObject { { u"queryName"_s, u"SimpleEventQuery"_s },
                    { u"resultsBody"_s, QJsonObject { { u"eventList"_s, list } } }, { u"eventList"_s, list } } } } },
    };
    const bool more = found.size() > perPage;
    const QString token = more ? found[perPage - 1].value(u"seq"_s).toString() : QString();
    if (more)
        body.insert(u"GS1-Next-Page-Token"_s, token);
    Response r = jsonResponse(200, body);
    r.setHeader("Content-Type", "application/ld+json");
    if (more)
        r.setHeader("GS1-Next-Page-Token", token.toLatin1());
    return r;
}
} // namespace

std::vector<Route> epcisRoutes()
{
    return {
        { u"POST"_s, u"/epcis/api/2.0/capture"_s, Access::OwnerOrManager, capture, {} },
        { u"GET"_s, u"/epcis/api/2.0/events"_s, Access::OwnerOrManager, queryEvents, {} },
    };
}

} // namespace closient::sandbox
