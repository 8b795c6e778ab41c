// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpmessage.h"
#include "result.h"

#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>

namespace closient::sandbox {

/** What goes wrong on purpose, and how often: set on the command line and changed while running through
 *  POST /__sandbox/faults. Random draws come from one generator seeded by `seed`, so a run is repeatable. */
struct FaultConfig
{
    QMap<int, double> errorRates; // status → probability, answered before anything is processed
    int errorNext = 0; // the next N requests fail with errorNextStatus
    int errorNextStatus = 503;
    double dropRate = 0; // probability of processing, committing, then closing without a response
    int dropNext = 0; // the next N requests are processed then dropped
    int latencyMs = 0; // added before each request is handled
    qint64 force429UntilMs = 0; // every request gets 429 until then
    QString pathPrefix; // faults touch only paths starting with it (empty: every API path)
    bool mutatingOnly = false; // faults touch only POST/PATCH/PUT/DELETE
    quint32 seed = 1;
};

/** What the injector decided for one request. */
struct FaultPlan
{
    int latencyMs = 0;
    int errorStatus = 0; // 0: no injected error
    int force429Seconds = 0; // 0: no forced 429
    bool dropAfterCommit = false;
};

/** Draws the faults of each request from a FaultConfig. */
class FaultInjector
{
public:
    FaultInjector();

    [[nodiscard]] FaultPlan plan(const Request &request, qint64 nowMs);
    [[nodiscard]] QJsonObject toJson(qint64 nowMs) const;
    /// Merges @p patch (the keys of toJson(), plus force_429_seconds) into the configuration.
    [[nodiscard]] Result<Done> apply(const QJsonObject &patch, qint64 nowMs);
    void reset();
    [[nodiscard]] const FaultConfig &config() const { return m_config; }

private:
    FaultConfig m_config;
    QRandomGenerator m_random;
};

} // namespace closient::sandbox
