// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api.h"
#include "gtin.h"
#include "pipeline.h"
#include "shortid.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
/** Freshness thresholds of one GPC brick. */
struct Threshold
{
    const char16_t *brick;
    int warning;
    int critical;
    const char16_t *label;
};

// The sandbox's global category table (its own example values, keyed by the bricks of the built-in catalog).
constexpr Threshold kGlobalThresholds[] = {
    { u"10000025", 5, 2, u"Fresh / refrigerated" },
    { u"10000162", 60, 14, u"Frozen" },
    { u"10000045", 90, 30, u"Shelf-stable food" },
    { u"10000149", 3, 1, u"Bakery" },
};
constexpr Threshold kBuiltIn { u"*", 7, 2, u"Uncategorised product" };

QString categoryOf(const QString &brick)
{
    for (const auto &t : kGlobalThresholds) {
        if (brick == QStringView(t.brick))
            return QString::fromUtf16(t.label);
    }
    return u"General merchandise"_s;
}

CaptureOutcome outcomeOf(Context &ctx, const QVariantMap &capture, bool *inCatalog)
{
    const QString gtin = capture.value(u"gtin"_s).toString();
    *inCatalog = !gtin.isEmpty() && ctx.state.row(u"SELECT 1 FROM products WHERE gtin = ?"_s, { gtin });
    if (gtin.isEmpty())
        return CaptureOutcome::NotFound;
    if (ctx.config.failGtins.contains(gtin))
        return CaptureOutcome::Failed;
    return *inCatalog ? CaptureOutcome::Completed : CaptureOutcome::NotFound;
}

/// The proposals enrichment makes for a product: from the product's own "proposals" list when the catalog entry
/// has one, else a description and a category.
QJsonArray proposalsFor(const QJsonObject &product)
{
    if (product.value(u"proposals"_s).isArray())
        return product.value(u"proposals"_s).toArray();
    const QString name = product.value(u"product_name"_s).toString();
    const QString brand = product.value(u"brand"_s).toString();
    const QString description = product.value(u"description"_s).toString();
    QString proposed = u"%1 by %2."_s.arg(name, brand);
    if (const QString net = product.value(u"net_content"_s).toString(); !net.isEmpty())
        proposed += u" Net content %1."_s.arg(net);
    return {
        QJsonObject { { u"field_name"_s, u"description"_s }, { u"current_value"_s, description },
            { u"proposed_value"_s, proposed }, { u"confidence"_s, u"0.86"_s },
            { u"reasoning"_s, u"Composed from the catalog entry and the package text."_s },
            { u"source"_s, u"bedrock_claude"_s } },
        QJsonObject { { u"field_name"_s, u"category"_s }, { u"current_value"_s, u""_s },
            { u"proposed_value"_s, categoryOf(product.value(u"gpc_brick_code"_s).toString()) },
            { u"confidence"_s, u"0.74"_s }, { u"reasoning"_s, u"Category of the product's GPC brick."_s },
            { u"source"_s, u"local_database"_s } },
    };
}

QJsonObject proposalJson(const QVariantMap &p)
{
    const auto nullable = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
    return {
        { u"id"_s, p.value(u"id"_s).toString() },
        { u"field_name"_s, p.value(u"field_name"_s).toString() },
        { u"current_value"_s, p.value(u"current_value"_s).toString() },
        { u"proposed_value"_s, p.value(u"proposed_value"_s).toString() },
        { u"confidence"_s, p.value(u"confidence"_s).toString() },
        { u"reasoning"_s, p.value(u"reasoning"_s).toString() },
        { u"source"_s, p.value(u"source"_s).toString() },
        { u"status"_s, p.value(u"status"_s).toString() },
        { u"created"_s, p.value(u"created"_s).toString() },
        { u"metadata"_s, parseJsonText(p.value(u"metadata"_s)) },
        { u"reviewed_at"_s, nullable(p.value(u"reviewed_at"_s)) },
    };
}

std::optional<QVariantMap> ownCapture(Context &ctx, const QString &rawId)
{
    const QString id = normaliseId(rawId);
    if (id.isEmpty() || !ctx.state.row(u"SELECT 1 FROM captures WHERE id = ? AND org_id = ?"_s, { id, ctx.key->orgId }))
        return std::nullopt;
    return refreshCapture(ctx, id);
}

Outcome listProposals(Context &ctx)
{
    const auto c = ownCapture(ctx, ctx.params.value(0));
    if (!c)
        return notFound(u"Capture"_s);
    QJsonArray out;
    for (const auto &p :
        ctx.state.rows(u"SELECT * FROM proposals WHERE capture_id = ? ORDER BY seq"_s, { c->value(u"id"_s) }))
        out.append(proposalJson(p));
    return jsonResponse(200, out);
}

std::optional<QVariantMap> ownProposal(Context &ctx, const QString &rawId)
{
    const QUuid uuid = rawId.size() == 22 ? uuidFromShortId(rawId) : QUuid::fromString(rawId);
    if (uuid.isNull())
        return std::nullopt;
    return ctx.state.row(
        u"SELECT p.* FROM proposals p JOIN captures c ON c.id = p.capture_id WHERE p.id = ? AND c.org_id = ?"_s,
        { uuid.toString(QUuid::WithoutBraces), ctx.key->orgId });
}

Outcome reviewProposal(Context &ctx)
{
    const auto body = jsonBody(ctx.request);
    if (auto *p = std::get_if<Problem>(&body))
        return *p;
    const auto proposal = ownProposal(ctx, ctx.params.value(0));
    if (!proposal)
        return notFound(u"Proposal"_s);
    const QString status = std::get<QJsonObject>(body).value(u"status"_s).toString();
    if (status != u"ACCEPTED"_s && status != u"REJECTED"_s)
        return validationProblem(
            { fieldError({ u"body"_s, u"status"_s }, u"Input should be 'ACCEPTED' or 'REJECTED'"_s, u"enum"_s) });
    if (!proposal->value(u"applied_at"_s).isNull())
        return conflict(u"The proposal was already applied; its review cannot change."_s);
    (void)ctx.state.exec(u"UPDATE proposals SET status = ?, reviewed_at = ? WHERE id = ?"_s,
        { status, isoAt(ctx.now), proposal->value(u"id"_s) });
    return jsonResponse(
        200, proposalJson(*ctx.state.row(u"SELECT * FROM proposals WHERE id = ?"_s, { proposal->value(u"id"_s) })));
}

Outcome applyProposals(Context &ctx)
{
    const auto c = ownCapture(ctx, ctx.params.value(0));
    if (!c)
        return notFound(u"Capture"_s);
    const QString gtin = c->value(u"product_gtin"_s).toString();
    const auto productRow
        = gtin.isEmpty() ? std::nullopt : ctx.state.row(u"SELECT * FROM products WHERE gtin = ?"_s, { gtin });
    if (!productRow)
        return conflict(u"The capture has no linked product to apply proposals to (it is %1)."_s.arg(
            c->value(u"status"_s).toString()));
    QJsonObject data = parseJsonText(productRow->value(u"data"_s));
    static const QMap<QString, QString> kFields { { u"name"_s, u"product_name"_s },
        { u"description"_s, u"description"_s }, { u"brand_name"_s, u"brand"_s } };
    int applied = 0;
    const auto accepted = ctx.state.rows(
        u"SELECT * FROM proposals WHERE capture_id = ? AND status = 'ACCEPTED' AND applied_at IS NULL ORDER BY seq"_s,
        { c->value(u"id"_s) });
    for (const auto &p : accepted) {
        const QString field = p.value(u"field_name"_s).toString();
        if (kFields.contains(field)) {
            data.insert(kFields.value(field), p.value(u"proposed_value"_s).toString());
        } else {
            // category, ingredients, ai_summary, images: kept with the product's metadata.
            QJsonObject meta = data.value(u"metadata"_s).toObject();
            meta.insert(field, p.value(u"proposed_value"_s).toString());
            data.insert(u"metadata"_s, meta);
        }
        (void)ctx.state.exec(
            u"UPDATE proposals SET applied_at = ? WHERE id = ?"_s, { isoAt(ctx.now), p.value(u"id"_s) });
        ++applied;
    }
    if (applied > 0) {
        (void)ctx.state.exec(
            u"UPDATE products SET data = ?, modified = ? WHERE gtin = ?"_s, { jsonText(data), isoAt(ctx.now), gtin });
    }
    QJsonArray proposals;
    for (const auto &p :
        ctx.state.rows(u"SELECT * FROM proposals WHERE capture_id = ? ORDER BY seq"_s, { c->value(u"id"_s) }))
        proposals.append(proposalJson(p));
    return jsonResponse(200,
        QJsonObject { { u"applied"_s, applied }, { u"proposals"_s, proposals },
            { u"product"_s, productOut(*ctx.state.row(u"SELECT * FROM products WHERE gtin = ?"_s, { gtin })) } });
}

Outcome freshness(Context &ctx)
{
    QString raw = ctx.request.query.queryItemValue(u"gtin"_s, QUrl::FullyDecoded);
    if (raw.isEmpty() || raw.size() > 20)
        return validationProblem(
            { fieldError({ u"query"_s, u"gtin"_s }, u"gtin is required, 1 to 20 characters."_s, u"value_error"_s) });
    raw.remove(u'-').remove(u' ');
    const auto check = gs1::checkGtin(raw);
    if (!check.ok())
        return validationProblem({ fieldError({ u"query"_s, u"gtin"_s }, check.error, u"value_error"_s) });
    QString brick;
    if (const auto p = ctx.state.row(u"SELECT data FROM products WHERE gtin = ?"_s, { check.gtin14 }))
        brick = parseJsonText(p->value(u"data"_s)).value(u"gpc_brick_code"_s).toString();
    const QString org = ctx.key ? ctx.key->orgId : QString();
    const auto configured = [&](const QString &owner, const QString &key) {
        return ctx.state.row(u"SELECT * FROM freshness WHERE org_id = ? AND brick = ?"_s, { owner, key });
    };
    const auto answer = [](int warning, int critical, const QString &label, const QString &source) {
        return jsonResponse(200,
            QJsonObject { { u"warningDays"_s, warning }, { u"criticalDays"_s, critical }, { u"categoryLabel"_s, label },
                { u"source"_s, source } });
    };
    const auto fromRow = [&](const QVariantMap &r, const QString &source) {
        return answer(r.value(u"warning_days"_s).toInt(), r.value(u"critical_days"_s).toInt(),
            r.value(u"label"_s).toString(), source);
    };
    if (!org.isEmpty() && !brick.isEmpty()) {
        if (const auto r = configured(org, brick))
            return fromRow(*r, u"org-override"_s);
    }
    for (const auto &t : kGlobalThresholds) {
        if (!brick.isEmpty() && brick == QStringView(t.brick))
            return answer(t.warning, t.critical, QString::fromUtf16(t.label), u"global-default"_s);
    }
    if (!brick.isEmpty()) {
        if (const auto r = configured(u""_s, brick))
            return fromRow(*r, u"global-default"_s);
    }
    if (!org.isEmpty()) {
        if (const auto r = configured(org, u"*"_s))
            return fromRow(*r, u"org-fallback"_s);
    }
    if (const auto r = configured(u""_s, u"*"_s))
        return fromRow(*r, u"global-fallback"_s);
    return answer(kBuiltIn.warning, kBuiltIn.critical, QString::fromUtf16(kBuiltIn.label), u"built-in"_s);
}
} // namespace

std::optional<QVariantMap> refreshCapture(Context &ctx, const QString &captureId)
{
    auto c = ctx.state.row(u"SELECT * FROM captures WHERE id = ?"_s, { captureId });
    if (!c)
        return c;
    const QString status = c->value(u"status"_s).toString();
    if (status == u"COMPLETED"_s || status == u"FAILED"_s || status == u"NOT_FOUND"_s)
        return c;
    bool inCatalog = false;
    const CaptureOutcome outcome = outcomeOf(ctx, *c, &inCatalog);
    const PipelineState now = pipelineAt(
        outcome, c->value(u"pipeline_started_ms"_s).toLongLong(), c->value(u"step_ms"_s).toLongLong(), ctx.now);
    if (!now.terminal) {
        c->insert(u"status"_s, now.status); // computed, not stored: the stored row changes only at the end
        return c;
    }
    const QString gtin = c->value(u"gtin"_s).toString();
    (void)ctx.state.exec(
        u"UPDATE captures SET status = ?, error_message = ?, processed_at = ?, product_gtin = ? WHERE id = ?"_s,
        { now.status, outcomeMessage(outcome, gtin), isoAt(now.terminalAtMs),
            outcome == CaptureOutcome::Completed ? QVariant(gtin) : QVariant(), captureId });
    if (outcome == CaptureOutcome::Completed
        && !ctx.state.row(u"SELECT 1 FROM proposals WHERE capture_id = ?"_s, { captureId })) {
        const auto product = ctx.state.row(u"SELECT data FROM products WHERE gtin = ?"_s, { gtin });
        const QJsonArray proposals = proposalsFor(parseJsonText(product->value(u"data"_s)));
        for (qsizetype i = 0; i < proposals.size(); ++i) {
            const auto p = proposals[i].toObject();
            (void)ctx.state.exec(
                u"INSERT INTO proposals (id, capture_id, seq, field_name, current_value, proposed_value,"
                " confidence, reasoning, source, status, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)"_s,
                { QUuid::createUuid().toString(QUuid::WithoutBraces), captureId, int(i),
                    p.value(u"field_name"_s).toString(), p.value(u"current_value"_s).toString(),
                    p.value(u"proposed_value"_s).toString(), p.value(u"confidence"_s).toString(u"0.80"_s),
                    p.value(u"reasoning"_s).toString(), p.value(u"source"_s).toString(u"local_database"_s),
                    isoAt(now.terminalAtMs) });
        }
    }
    return ctx.state.row(u"SELECT * FROM captures WHERE id = ?"_s, { captureId });
}

std::vector<Route> enrichmentRoutes()
{
    const QString base = u"/scanner/api/v1"_s;
    return {
        { u"GET"_s, base + u"/captures/{id}/proposals"_s, Access::Member, listProposals, {} },
        { u"PATCH"_s, base + u"/proposals/{id}"_s, Access::Contributor, reviewProposal, {} },
        { u"POST"_s, base + u"/captures/{id}/apply"_s, Access::Contributor, applyProposals, {} },
        { u"GET"_s, base + u"/freshness-thresholds"_s, Access::Anonymous, freshness, {} },
    };
}

} // namespace closient::sandbox
