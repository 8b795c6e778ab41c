// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QStringList>

namespace closient::sandbox {

/** How the sandbox behaves where the real service's behaviour is a choice: documented alternatives (legacy
 *  shapes), undocumented values (TTL, upload size) and test speed (pipeline steps). Set on the command line and
 *  through POST /__sandbox/config. */
struct SandboxConfig
{
    bool legacyErrors = false; // {"error":{...}} instead of RFC 9457 ErrorOut
    bool legacyRateHeaders = false; // also X-RateLimit-* with an absolute reset
    bool idempotency = false; // honour Idempotency-Key on POST/PATCH
    int pipelineStepMs = 1000; // time a capture spends in each pipeline state
    QStringList failGtins; // GTIN-14s whose captures end FAILED
    qint64 sessionTtlSeconds = 12 * 3600; // idle time before an ACTIVE session becomes EXPIRED
    int perMinute = 300; // default per-key limits (a key may override them)
    int perDay = 10000;
    int publishablePerMinute = 100; // cpk keys
    int anonymousPerMinute = 60; // per IP, calls without a valid key
    qint64 maxUploadBytes = 10 * 1024 * 1024;
    qint64 idempotencyTtlSeconds = 24 * 3600;

    [[nodiscard]] QJsonObject toJson() const;
    /// Merges the keys of toJson() from @p patch.
    [[nodiscard]] Result<Done> apply(const QJsonObject &patch);
};

} // namespace closient::sandbox
