// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api.h"
#include "shortid.h"

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
Outcome whoami(Context &ctx)
{
    const KeyRecord &key = *ctx.key;
    QJsonArray orgs { QJsonObject { { u"id"_s, key.orgId }, { u"name"_s, key.orgName } } };
    return jsonResponse(200,
        QJsonObject {
            { u"user_id"_s, key.userId },
            { u"email"_s, key.email },
            { u"organizations"_s, orgs },
            { u"metadata"_s, QJsonObject() },
            { u"api_key"_s,
                QJsonObject {
                    { u"id"_s, key.id },
                    { u"created"_s, key.created },
                    { u"description"_s, key.description },
                    { u"metadata"_s, QJsonObject { { u"prefix"_s, key.prefix } } },
                    { u"role"_s, key.role },
                } },
        });
}

Outcome organization(Context &ctx)
{
    // Cross-organisation reads are 404, not 403, so existence does not leak.
    const QString id = normaliseId(ctx.params.value(0));
    if (id.isEmpty() || id != ctx.key->orgId)
        return notFound(u"Organization"_s);
    const auto org = ctx.state.row(u"SELECT * FROM orgs WHERE id = ?"_s, { id });
    if (!org)
        return notFound(u"Organization"_s);
    return jsonResponse(200,
        QJsonObject {
            { u"id"_s, id },
            { u"name"_s, org->value(u"name"_s).toString() },
            { u"country"_s, org->value(u"country"_s).toString() },
            { u"is_brand"_s, org->value(u"is_brand"_s).toBool() },
            { u"metadata"_s, parseJsonText(org->value(u"metadata"_s)) },
        });
}
} // namespace

std::vector<Route> accountRoutes()
{
    return {
        { u"GET"_s, u"/account/api/v1/whoami"_s, Access::Member, whoami, {} },
        { u"GET"_s, u"/account/api/v1/organizations/{id}"_s, Access::Member, organization, {} },
    };
}

} // namespace closient::sandbox
