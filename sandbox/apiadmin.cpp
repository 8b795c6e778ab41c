// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apikey.h"
#include "sandboxserver.h"
#include "shortid.h"

using namespace Qt::StringLiterals;

namespace closient::sandbox {

// The admin endpoints: no key, no limiter, no faults, not counted with the API requests. Loopback only, like
// the whole server.
Response SandboxServer::handleAdmin(const Request &request)
{
    const QString path = request.path.endsWith(u'/') ? request.path.chopped(1) : request.path;
    const QString &method = request.method;
    const auto bad
        = [&](const QString &why) { return problemResponse(makeProblem(400, u"bad_request"_s, why), path, false); };
    const auto body = jsonBody(request);
    if (auto *p = std::get_if<Problem>(&body))
        return problemResponse(*p, path, false);
    const QJsonObject in = std::get<QJsonObject>(body);
    const qint64 now = nowMs();

    if (path == u"/__sandbox/health"_s && method == u"GET"_s)
        return jsonResponse(200, QJsonObject { { u"ok"_s, true } });
    if (path == u"/__sandbox/faults"_s) {
        if (method == u"POST"_s) {
            if (auto r = m_faults.apply(in, now); !r.ok())
                return bad(r.error().message);
        } else if (method == u"DELETE"_s) {
            m_faults.reset();
        } else if (method != u"GET"_s) {
            return bad(u"Use GET, POST or DELETE."_s);
        }
        return jsonResponse(200, m_faults.toJson(now));
    }
    if (path == u"/__sandbox/config"_s) {
        if (method == u"POST"_s) {
            if (auto r = m_config.apply(in); !r.ok())
                return bad(r.error().message);
        } else if (method != u"GET"_s) {
            return bad(u"Use GET or POST."_s);
        }
        return jsonResponse(200, m_config.toJson());
    }
    if (path == u"/__sandbox/stats"_s) {
        if (method == u"DELETE"_s)
            m_stats = Stats {};
        return jsonResponse(200, m_stats.toJson(m_state));
    }
    if (path == u"/__sandbox/rate-limits/reset"_s && method == u"POST"_s) {
        m_limiter.clear();
        return jsonResponse(200, QJsonObject { { u"ok"_s, true } });
    }
    if (path == u"/__sandbox/keys"_s && method == u"POST"_s) {
        QJsonObject spec = in;
        if (!spec.contains(u"key"_s))
            spec.insert(u"key"_s, makeApiKey(spec.value(u"prefix"_s).toString(u"csb"_s)));
        const auto seed = KeySeed::fromJson(spec);
        if (!seed.ok())
            return bad(seed.error().message);
        m_state.begin();
        const auto key = m_state.upsertKey(seed.value());
        m_state.commit();
        if (!key.ok())
            return bad(key.error().message);
        return jsonResponse(200,
            QJsonObject { { u"key"_s, seed.value().key }, { u"id"_s, key.value().id },
                { u"org_id"_s, key.value().orgId }, { u"org"_s, key.value().orgName },
                { u"user_id"_s, key.value().userId }, { u"role"_s, key.value().role },
                { u"is_active"_s, key.value().active } });
    }
    if (path == u"/__sandbox/products"_s && method == u"POST"_s) {
        // {"products": [ProductOut-like objects], "owner_org_id": "..."}: catalog entries, claimed when an owner is
        // given.
        const QJsonArray products = in.contains(u"products"_s) ? in.value(u"products"_s).toArray() : QJsonArray { in };
        const QString owner = in.value(u"owner_org_id"_s).toString();
        if (!owner.isEmpty() && !m_state.row(u"SELECT 1 FROM orgs WHERE id = ?"_s, { owner }))
            return bad(u"No organisation %1."_s.arg(owner));
        QJsonArray ids;
        m_state.begin();
        for (const auto &p : products) {
            const auto id = m_state.upsertProduct(p.toObject(), owner);
            if (!id.ok()) {
                m_state.rollback();
                return bad(id.error().message);
            }
            ids.append(id.value());
        }
        m_state.commit();
        return jsonResponse(200, QJsonObject { { u"ids"_s, ids } });
    }
    if (path == u"/__sandbox/freshness"_s && method == u"POST"_s) {
        const int warning = in.value(u"warningDays"_s).toInt(-1);
        const int critical = in.value(u"criticalDays"_s).toInt(-1);
        const QString brick = in.value(u"brick"_s).toString(u"*"_s);
        const QString label = in.value(u"categoryLabel"_s).toString();
        if (warning < 0 || critical < 0 || critical > warning || label.isEmpty())
            return bad(u"Give warningDays ≥ criticalDays ≥ 0 and a categoryLabel."_s);
        m_state.begin();
        (void)m_state.exec(
            u"INSERT OR REPLACE INTO freshness (org_id, brick, warning_days, critical_days, label) VALUES (?, ?, ?, ?, ?)"_s,
            { in.value(u"org_id"_s).toString(), brick, warning, critical, label });
        m_state.commit();
        return jsonResponse(200, QJsonObject { { u"ok"_s, true } });
    }
    return problemResponse(notFound(u"The admin endpoint %1 %2"_s.arg(method, path)), path, false);
}

} // namespace closient::sandbox
