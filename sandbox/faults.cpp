// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faults.h"

using namespace Qt::StringLiterals;

namespace closient::sandbox {

FaultInjector::FaultInjector()
    : m_random(m_config.seed)
{ }

FaultPlan FaultInjector::plan(const Request &request, qint64 nowMs)
{
    FaultPlan p;
    if (!m_config.pathPrefix.isEmpty() && !request.path.startsWith(m_config.pathPrefix))
        return p;
    if (m_config.mutatingOnly && !request.isMutating())
        return p;
    p.latencyMs = m_config.latencyMs;
    if (m_config.force429UntilMs > nowMs) {
        p.force429Seconds = int((m_config.force429UntilMs - nowMs + 999) / 1000);
        return p;
    }
    // Two draws for every request the faults touch, whatever the outcome, so a seed gives the same sequence.
    const double errorDraw = m_random.generateDouble();
    const double dropDraw = m_random.generateDouble();
    if (m_config.errorNext > 0) {
        --m_config.errorNext;
        p.errorStatus = m_config.errorNextStatus;
        return p;
    }
    double edge = 0;
    for (auto it = m_config.errorRates.cbegin(); it != m_config.errorRates.cend(); ++it) {
        edge += it.value();
        if (errorDraw < edge) {
            p.errorStatus = it.key();
            return p;
        }
    }
    if (m_config.dropNext > 0) {
        --m_config.dropNext;
        p.dropAfterCommit = true;
    } else if (dropDraw < m_config.dropRate) {
        p.dropAfterCommit = true;
    }
    return p;
}

QJsonObject FaultInjector::toJson(qint64 nowMs) const
{
    QJsonObject rates;
    for (auto it = m_config.errorRates.cbegin(); it != m_config.errorRates.cend(); ++it)
        rates.insert(QString::number(it.key()), it.value());
    return {
        { u"error_rates"_s, rates },
        { u"error_next"_s, m_config.errorNext },
        { u"error_next_status"_s, m_config.errorNextStatus },
        { u"drop_rate"_s, m_config.dropRate },
        { u"drop_next"_s, m_config.dropNext },
        { u"latency_ms"_s, m_config.latencyMs },
        { u"force_429_remaining_ms"_s, double(std::max<qint64>(0, m_config.force429UntilMs - nowMs)) },
        { u"path_prefix"_s, m_config.pathPrefix },
        { u"methods"_s, m_config.mutatingOnly ? u"mutating"_s : u"all"_s },
        { u"seed"_s, double(m_config.seed) },
    };
}

Result<Done> FaultInjector::apply(const QJsonObject &patch, qint64 nowMs)
{
    FaultConfig next = m_config;
    const auto bad = [](const QString &why) { return Error { u"invalid"_s, why }; };
    const auto probability = [](const QJsonValue &v) { return v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 1; };
    const auto count = [](const QJsonValue &v) { return v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 1e9; };
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == u"error_rates"_s) {
            if (!v.isObject())
                return bad(u"error_rates maps an HTTP status to a probability, e.g. {\"503\": 0.1}."_s);
            next.errorRates.clear();
            double total = 0;
            const auto rates = v.toObject();
            for (auto r = rates.begin(); r != rates.end(); ++r) {
                const int status = r.key().toInt();
                if (status < 400 || status > 599 || !probability(r.value()))
                    return bad(u"error_rates: \"%1\" needs a 4xx/5xx status and a probability 0..1."_s.arg(r.key()));
                total += r.value().toDouble();
                if (r.value().toDouble() > 0)
                    next.errorRates.insert(status, r.value().toDouble());
            }
            if (total > 1)
                return bad(u"error_rates add up to more than 1."_s);
        } else if (key == u"error_next"_s && count(v)) {
            next.errorNext = v.toInt();
        } else if (key == u"error_next_status"_s && v.toInt() >= 400 && v.toInt() <= 599) {
            next.errorNextStatus = v.toInt();
        } else if (key == u"drop_rate"_s && probability(v)) {
            next.dropRate = v.toDouble();
        } else if (key == u"drop_next"_s && count(v)) {
            next.dropNext = v.toInt();
        } else if (key == u"latency_ms"_s && count(v) && v.toInt() <= 600000) {
            next.latencyMs = v.toInt();
        } else if (key == u"force_429_seconds"_s && count(v)) {
            next.force429UntilMs = v.toInt() > 0 ? nowMs + qint64(v.toInt()) * 1000 : 0;
        } else if (key == u"path_prefix"_s && v.isString()) {
            next.pathPrefix = v.toString();
        } else if (key == u"methods"_s && (v.toString() == u"all"_s || v.toString() == u"mutating"_s)) {
            next.mutatingOnly = v.toString() == u"mutating"_s;
        } else if (key == u"seed"_s && count(v)) {
            next.seed = quint32(v.toDouble());
        } else if (key == u"force_429_remaining_ms"_s) {
            // read-only, ignored so a GET result can be posted back
        } else {
            return bad(u"Unknown fault setting or bad value: \"%1\"."_s.arg(key));
        }
    }
    const bool reseed = patch.contains(u"seed"_s);
    m_config = next;
    if (reseed)
        m_random.seed(m_config.seed);
    return Done {};
}

void FaultInjector::reset()
{
    m_config = FaultConfig {};
    m_random.seed(m_config.seed);
}

} // namespace closient::sandbox
