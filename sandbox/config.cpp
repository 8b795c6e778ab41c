// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "gtin.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

QJsonObject SandboxConfig::toJson() const
{
    return {
        { u"legacy_errors"_s, legacyErrors },
        { u"legacy_rate_headers"_s, legacyRateHeaders },
        { u"idempotency"_s, idempotency },
        { u"pipeline_step_ms"_s, pipelineStepMs },
        { u"fail_gtins"_s, QJsonArray::fromStringList(failGtins) },
        { u"session_ttl_seconds"_s, double(sessionTtlSeconds) },
        { u"rate_limit_per_minute"_s, perMinute },
        { u"rate_limit_per_day"_s, perDay },
        { u"publishable_per_minute"_s, publishablePerMinute },
        { u"anonymous_per_minute"_s, anonymousPerMinute },
        { u"max_upload_bytes"_s, double(maxUploadBytes) },
        { u"idempotency_ttl_seconds"_s, double(idempotencyTtlSeconds) },
    };
}

Result<Done> SandboxConfig::apply(const QJsonObject &patch)
{
    SandboxConfig next = *this;
    const auto bad = [](const QString &key) {
        return Error { u"invalid"_s, u"Unknown setting or bad value: \"%1\"."_s.arg(key) };
    };
    const auto positive = [](const QJsonValue &v) { return v.isDouble() && v.toDouble() >= 1 && v.toDouble() < 1e12; };
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == u"legacy_errors"_s && v.isBool()) {
            next.legacyErrors = v.toBool();
        } else if (key == u"legacy_rate_headers"_s && v.isBool()) {
            next.legacyRateHeaders = v.toBool();
        } else if (key == u"idempotency"_s && v.isBool()) {
            next.idempotency = v.toBool();
        } else if (key == u"pipeline_step_ms"_s && v.isDouble() && v.toInt() >= 0 && v.toInt() <= 600000) {
            next.pipelineStepMs = v.toInt();
        } else if (key == u"fail_gtins"_s && v.isArray()) {
            next.failGtins.clear();
            for (const auto &g : v.toArray()) {
                const auto check = gs1::checkGtin(g.toString());
                if (!check.ok())
                    return Error { u"invalid"_s, u"fail_gtins: %1: %2"_s.arg(g.toString(), check.error) };
                next.failGtins << check.gtin14;
            }
        } else if (key == u"session_ttl_seconds"_s && positive(v)) {
            next.sessionTtlSeconds = qint64(v.toDouble());
        } else if (key == u"rate_limit_per_minute"_s && positive(v)) {
            next.perMinute = v.toInt();
        } else if (key == u"rate_limit_per_day"_s && positive(v)) {
            next.perDay = v.toInt();
        } else if (key == u"publishable_per_minute"_s && positive(v)) {
            next.publishablePerMinute = v.toInt();
        } else if (key == u"anonymous_per_minute"_s && positive(v)) {
            next.anonymousPerMinute = v.toInt();
        } else if (key == u"max_upload_bytes"_s && positive(v)) {
            next.maxUploadBytes = qint64(v.toDouble());
        } else if (key == u"idempotency_ttl_seconds"_s && positive(v)) {
            next.idempotencyTtlSeconds = qint64(v.toDouble());
        } else {
            return bad(key);
        }
    }
    *this = next;
    return Done {};
}

} // namespace closient::sandbox
