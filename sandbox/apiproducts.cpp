// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api.h"
#include "gtin.h"
#include "metadata.h"
#include "shortid.h"

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
Outcome listProducts(Context &ctx)
{
    const auto page = pageOf(ctx.request);
    if (auto *p = std::get_if<Problem>(&page))
        return *p;
    const QString org = ctx.request.query.queryItemValue(u"organization_id"_s);
    if (org.isEmpty())
        return validationProblem(
            { fieldError({ u"query"_s, u"organization_id"_s }, u"Field required"_s, u"missing"_s) });
    if (normaliseId(org) != ctx.key->orgId)
        return notFound(u"Organization %1"_s.arg(org)); // another organisation's list: 404, as for any cross-org read
    const Page pg = std::get<Page>(page);
    const auto total
        = ctx.state.row(u"SELECT count(*) AS n FROM products WHERE owner_org_id = ?"_s, { ctx.key->orgId });
    QJsonArray data;
    for (const auto &row :
        ctx.state.rows(u"SELECT * FROM products WHERE owner_org_id = ? ORDER BY created, gtin LIMIT ? OFFSET ?"_s,
            { ctx.key->orgId, pg.size, qint64(pg.page - 1) * pg.size }))
        data.append(productOut(row));
    return jsonResponse(200, pageEnvelope(data, pg, total ? total->value(u"n"_s).toLongLong() : 0));
}

Outcome productByGtin(Context &ctx)
{
    const auto check = gs1::checkGtin(ctx.params.value(0));
    if (!check.ok())
        return validationProblem({ fieldError({ u"path"_s, u"gtin"_s }, check.error, u"value_error"_s) });
    const auto row = ctx.state.row(u"SELECT * FROM products WHERE gtin = ?"_s, { check.gtin14 });
    if (!row)
        return notFound(u"Product %1"_s.arg(check.gtin14));
    return jsonResponse(200, productOut(*row));
}

Outcome createProduct(Context &ctx)
{
    const auto body = jsonBody(ctx.request);
    if (auto *p = std::get_if<Problem>(&body))
        return *p;
    QJsonObject in = std::get<QJsonObject>(body);
    QJsonArray errors;
    const auto check = gs1::checkGtin(in.value(u"gtin"_s).toString());
    if (!in.contains(u"gtin"_s))
        errors.append(fieldError({ u"body"_s, u"gtin"_s }, u"Field required"_s, u"missing"_s));
    else if (!check.ok())
        errors.append(fieldError({ u"body"_s, u"gtin"_s }, check.error, u"value_error"_s));
    if (in.value(u"product_name"_s).toString().size() > 255)
        errors.append(fieldError({ u"body"_s, u"product_name"_s }, u"At most 255 characters."_s, u"string_too_long"_s));
    if (const QString c = in.value(u"country_of_origin"_s).toString(); !c.isEmpty() && c.size() != 2)
        errors.append(
            fieldError({ u"body"_s, u"country_of_origin"_s }, u"An ISO 3166-1 alpha-2 code."_s, u"value_error"_s));
    const QJsonObject metadata = mergeMetadata({}, in.value(u"metadata"_s), { u"body"_s, u"metadata"_s }, errors);
    if (!errors.isEmpty())
        return validationProblem(errors);
    if (ctx.state.row(u"SELECT 1 FROM products WHERE gtin = ?"_s, { check.gtin14 }))
        return conflict(u"GTIN %1 exists already; claim it instead."_s.arg(check.gtin14));
    in.insert(u"metadata"_s, metadata);
    in.insert(u"data_source"_s, u"claimed"_s);
    const auto id = ctx.state.upsertProduct(in, ctx.key->orgId);
    if (!id.ok())
        return makeProblem(500, u"internal_error"_s, id.error().message);
    return jsonResponse(201, productOut(*ctx.state.row(u"SELECT * FROM products WHERE gtin = ?"_s, { check.gtin14 })));
}
} // namespace

QJsonObject productOut(const QVariantMap &row)
{
    const QJsonObject data = parseJsonText(row.value(u"data"_s));
    QJsonObject out;
    static const QStringList kText { u"product_name"_s, u"brand"_s, u"manufacturer"_s, u"description"_s, u"image_url"_s,
        u"country_of_origin"_s, u"net_content"_s, u"net_content_uom"_s, u"gpc_brick_code"_s, u"gpc_class_code"_s,
        u"gpc_family_code"_s, u"gpc_segment_code"_s };
    for (const QString &key : kText)
        out.insert(key, data.value(key).toString());
    const QString owner = row.value(u"owner_org_id"_s).toString();
    out.insert(u"id"_s, row.value(u"id"_s).toString());
    out.insert(u"gtin"_s, row.value(u"gtin"_s).toString());
    out.insert(u"is_claimed"_s, !owner.isEmpty());
    out.insert(u"owner_id"_s, owner.isEmpty() ? QJsonValue() : QJsonValue(owner));
    out.insert(u"data_source"_s, data.value(u"data_source"_s).toString(u"imported"_s));
    out.insert(u"confidence_score"_s, data.value(u"confidence_score"_s).toDouble(0.5));
    out.insert(u"field_confidence"_s, data.value(u"field_confidence"_s).toObject());
    out.insert(u"claim_verification_status"_s, u"unverified"_s);
    out.insert(u"metadata"_s, data.value(u"metadata"_s).toObject());
    out.insert(u"net_content_value"_s, data.value(u"net_content_value"_s));
    out.insert(u"created"_s, row.value(u"created"_s).toString());
    out.insert(u"modified"_s, row.value(u"modified"_s).toString());
    return out;
}

std::vector<Route> productRoutes()
{
    const QString base = u"/products/api/v1"_s;
    return {
        { u"GET"_s, base + u"/products"_s, Access::Member, listProducts, {} },
        { u"POST"_s, base + u"/products"_s, Access::Contributor, createProduct, {} },
        { u"GET"_s, base + u"/products/{gtin}"_s, Access::Member, productByGtin, {} },
    };
}

} // namespace closient::sandbox
