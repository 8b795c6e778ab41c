// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxserver.h"

#include "apikey.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSandbox, "closient.sandbox")

namespace closient::sandbox {

namespace {
QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    default:
        return u"OTHER"_s;
    }
}

QRegularExpression routeRegex(const QString &pattern)
{
    QString re = QRegularExpression::escape(pattern);
    re.replace(QRegularExpression(u"\\\\\\{[a-z_]+\\\\\\}"_s), u"([^/]+)"_s);
    return QRegularExpression(u"^"_s + re + u"/?$"_s);
}

bool allowed(Access access, const KeyRecord *key)
{
    if (access == Access::Anonymous || access == Access::Member)
        return true;
    if (key->prefix == u"cpk"_s) // publishable keys live in front-end code: read-only
        return false;
    if (access == Access::Contributor)
        return key->role == u"owner"_s || key->role == u"manager"_s || key->role == u"editor"_s;
    return key->role == u"owner"_s || key->role == u"manager"_s;
}

QString requestHash(const Request &r)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData((r.method + u' ' + r.path + u'?' + r.query.toString(QUrl::FullyEncoded) + u'\n').toUtf8());
    h.addData(r.body);
    return QString::fromLatin1(h.result().toHex());
}
} // namespace

SandboxServer::SandboxServer(SandboxState &state, const SandboxConfig &config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_state(state)
    , m_config(config)
{
    for (auto list : { accountRoutes(), scannerRoutes(), enrichmentRoutes(), productRoutes(), epcisRoutes() }) {
        for (auto &route : list) {
            route.regex = routeRegex(route.pattern);
            m_routes.push_back(std::move(route));
        }
    }
}

Result<quint16> SandboxServer::listenLoopback(quint16 port)
{
    auto *server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        const QString why = server->errorString();
        delete server;
        return Error { u"listen"_s, u"Cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(why) };
    }
    bind(server);
    return server->serverPort();
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Request r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.query();
    for (const auto &[name, value] : request.headers())
        r.headers.append({ name.toLower(), value });
    r.body = request.body();
    r.remote = request.remoteAddress().toString();
    QPointer<QTcpSocket> peer(socket);
    if (r.path.startsWith(u"/__sandbox/"_s)) {
        ++m_stats.adminRequests;
        write(peer, handleAdmin(r));
        return true;
    }
    const FaultPlan plan = m_faults.plan(r, nowMs());
    if (plan.latencyMs > 0)
        QTimer::singleShot(plan.latencyMs, this, [this, r, peer, plan] { process(r, peer, plan); });
    else
        process(r, peer, plan);
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    socket->disconnectFromHost();
}

void SandboxServer::process(const Request &request, QPointer<QTcpSocket> socket, const FaultPlan &plan)
{
    ++m_stats.requests;
    Response response = handleApi(request, plan);
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        ++m_stats.clientGone; // the request was handled all the same, as a real server does
        return;
    }
    if (plan.dropAfterCommit && plan.errorStatus == 0 && plan.force429Seconds == 0) {
        ++m_stats.droppedAfterCommit;
        qCInfo(lcSandbox) << "dropped the connection after handling" << request.method << request.path;
        socket->abort();
        return;
    }
    ++m_stats.byStatus[response.status];
    write(socket, response);
}

std::variant<std::optional<KeyRecord>, Problem> SandboxServer::authenticate(const Request &request)
{
    const auto unauthorized = [](const QString &detail, const QString &reason) {
        return makeProblem(401, u"unauthorized"_s, detail, QJsonObject { { u"reason"_s, reason } });
    };
    const QString key = QString::fromUtf8(request.header("x-api-key")).trimmed();
    if (key.isEmpty()) {
        if (request.header("authorization").startsWith("Bearer "))
            return unauthorized(
                u"OAuth tokens are not accepted by this server; use X-API-Key."_s, u"unsupported_auth"_s);
        return std::optional<KeyRecord>();
    }
    const auto parts = checkApiKey(key);
    if (!parts.ok())
        return unauthorized(u"Invalid API key: "_s + parts.error().message,
            parts.error().code == u"bad_key_checksum"_s ? u"bad_checksum"_s : u"bad_format"_s);
    const auto record = m_state.findKey(apiKeyHash(key));
    if (!record)
        return unauthorized(u"Invalid API key: no such key."_s, u"unknown_key"_s);
    if (!record->active)
        return unauthorized(u"This API key has been revoked."_s, u"revoked"_s);
    if (record->expiresAt.isValid() && record->expiresAt <= QDateTime::currentDateTimeUtc())
        return unauthorized(
            u"This API key expired on %1."_s.arg(record->expiresAt.toUTC().toString(Qt::ISODate)), u"expired"_s);
    return record;
}

std::vector<RateLimiter::Window> SandboxServer::windowsFor(const KeyRecord *key) const
{
    if (!key)
        return { { m_config.anonymousPerMinute, 60 } };
    const int perMinute = key->perMinute > 0 ? key->perMinute
        : key->prefix == u"cpk"_s            ? m_config.publishablePerMinute
                                             : m_config.perMinute;
    return { { perMinute, 60 }, { key->perDay > 0 ? key->perDay : m_config.perDay, 86400 } };
}

void SandboxServer::addRateHeaders(Response &response, const RateLimiter::Decision &d, qint64 now) const
{
    response.setHeader("RateLimit-Policy", d.policy.toLatin1());
    response.setHeader("RateLimit-Limit", QByteArray::number(d.limit));
    response.setHeader("RateLimit-Remaining", QByteArray::number(d.remaining));
    response.setHeader("RateLimit-Reset", QByteArray::number(d.reset));
    if (m_config.legacyRateHeaders) {
        response.setHeader("X-RateLimit-Limit", QByteArray::number(d.limit));
        response.setHeader("X-RateLimit-Remaining", QByteArray::number(d.remaining));
        response.setHeader("X-RateLimit-Reset", QByteArray::number(now / 1000 + d.reset));
    }
}

Response SandboxServer::problem(const Problem &p, const Request &request) const
{
    return problemResponse(p, request.path, m_config.legacyErrors);
}

Response SandboxServer::handleApi(const Request &request, const FaultPlan &plan)
{
    const qint64 now = nowMs();
    if (plan.force429Seconds > 0) {
        ++m_stats.forced429;
        Problem p = makeProblem(429, u"rate_limited"_s, u"Rate limit exceeded. Please try again later."_s);
        p.retryAfter = plan.force429Seconds;
        Response r = problem(p, request);
        addRateHeaders(r,
            { false, plan.force429Seconds, u"%1;w=60"_s.arg(m_config.perMinute), m_config.perMinute, 0,
                plan.force429Seconds },
            now);
        return r;
    }
    if (plan.errorStatus != 0) {
        ++m_stats.injectedErrors;
        Problem p = makeProblem(plan.errorStatus, plan.errorStatus >= 500 ? u"internal_error"_s : u"bad_request"_s,
            u"Injected fault: the server answered %1 without processing the request."_s.arg(plan.errorStatus));
        if (plan.errorStatus == 503 || plan.errorStatus == 429)
            p.retryAfter = 1;
        if (plan.errorStatus == 503)
            p.code = u"service_unavailable"_s;
        if (plan.errorStatus == 429)
            p.code = u"rate_limited"_s;
        return problem(p, request);
    }

    const Route *route = nullptr;
    QStringList params;
    QStringList methods;
    for (const auto &candidate : m_routes) {
        const auto match = candidate.regex.match(request.path);
        if (!match.hasMatch())
            continue;
        methods << candidate.method;
        if (candidate.method == request.method) {
            route = &candidate;
            params = match.capturedTexts().mid(1);
            break;
        }
    }
    if (!route) {
        ++m_stats.byRoute[u"unmatched"_s];
        Response r = methods.isEmpty()
            ? problem(notFound(u"The endpoint %1"_s.arg(request.path)), request)
            : problem(makeProblem(405, u"method_not_allowed"_s, u"Use %1 on this path."_s.arg(methods.join(u", "_s))),
                request);
        if (!methods.isEmpty())
            r.setHeader("Allow", methods.join(u", "_s).toLatin1());
        return r;
    }
    ++m_stats.byRoute[route->method + u' ' + route->pattern];

    auto auth = authenticate(request);
    if (auto *p = std::get_if<Problem>(&auth)) {
        Response r = problem(*p, request);
        addRateHeaders(r, m_limiter.take(u"ip:"_s + request.remote, windowsFor(nullptr), now), now);
        return r;
    }
    const std::optional<KeyRecord> key = std::get<std::optional<KeyRecord>>(auth);
    const KeyRecord *caller = key ? &*key : nullptr;
    const auto decision
        = m_limiter.take(caller ? u"key:"_s + caller->id : u"ip:"_s + request.remote, windowsFor(caller), now);
    if (!decision.allowed) {
        ++m_stats.rateLimited;
        Problem p = makeProblem(429, u"rate_limited"_s, u"Rate limit exceeded. Please try again later."_s);
        p.retryAfter = decision.retryAfter;
        Response r = problem(p, request);
        addRateHeaders(r, decision, now);
        return r;
    }
    const auto finish = [&](Response r) {
        addRateHeaders(r, decision, now);
        return r;
    };
    if (!caller && route->access != Access::Anonymous)
        return finish(problem(makeProblem(401, u"unauthorized"_s, u"Authentication credentials were not provided."_s,
                                  QJsonObject { { u"reason"_s, u"missing"_s } }),
            request));
    if (caller && !allowed(route->access, caller))
        return finish(problem(makeProblem(403, u"forbidden"_s,
                                  u"This %1 key (role %2) may not call %3 %4."_s.arg(
                                      caller->prefix, caller->role, request.method, route->pattern)),
            request));

    // Idempotency-Key, only when switched on: the docs promise it only where an endpoint declares it, and none does.
    const QString idemKey = QString::fromUtf8(request.header("idempotency-key"));
    const bool idempotent = m_config.idempotency && request.isMutating() && !idemKey.isEmpty();
    const QString scope = caller ? caller->id : u"ip:"_s + request.remote;
    const QString hash = idempotent ? requestHash(request) : QString();
    if (idempotent) {
        (void)m_state.exec(
            u"DELETE FROM idempotency WHERE created_ms < ?"_s, { now - m_config.idempotencyTtlSeconds * 1000 });
        if (const auto stored
            = m_state.row(u"SELECT * FROM idempotency WHERE scope = ? AND key = ?"_s, { scope, idemKey })) {
            if (stored->value(u"request_hash"_s).toString() != hash)
                return finish(problem(makeProblem(422, u"idempotency_key_reused"_s,
                                          u"This Idempotency-Key was used with a different request."_s),
                    request));
            ++m_stats.idempotentReplays;
            Response r;
            r.status = stored->value(u"status"_s).toInt();
            r.body = stored->value(u"body"_s).toByteArray();
            const auto headers = QJsonDocument::fromJson(stored->value(u"headers"_s).toByteArray()).object();
            for (auto it = headers.begin(); it != headers.end(); ++it)
                r.setHeader(it.key().toLatin1(), it.value().toString().toLatin1());
            r.setHeader("Idempotent-Replayed", "true");
            return finish(r);
        }
    }

    Context ctx { m_state, m_config, m_stats, request, caller, params, now };
    if (!m_state.begin())
        return finish(problem(makeProblem(503, u"service_unavailable"_s, u"The sandbox state is busy."_s), request));
    if (caller)
        m_state.touchKey(caller->id);
    const Outcome outcome = route->handler(ctx);
    Response response = std::holds_alternative<Response>(outcome) ? std::get<Response>(outcome)
                                                                  : problem(std::get<Problem>(outcome), request);
    if (response.status >= 500) {
        m_state.rollback();
        return finish(response);
    }
    if (idempotent) {
        QJsonObject headers;
        for (const auto &[name, value] : response.headers)
            headers.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        (void)m_state.exec(
            u"INSERT OR REPLACE INTO idempotency (scope, key, request_hash, status, headers, body, created_ms)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            { scope, idemKey, hash, response.status, jsonText(headers), response.body, now });
    }
    if (!m_state.commit()) {
        m_state.rollback();
        return finish(
            problem(makeProblem(500, u"internal_error"_s, u"The sandbox could not commit the request."_s), request));
    }
    return finish(response);
}

void SandboxServer::write(QPointer<QTcpSocket> socket, const Response &response)
{
    if (!socket)
        return;
    socket->write(response.serialise());
}

} // namespace closient::sandbox
