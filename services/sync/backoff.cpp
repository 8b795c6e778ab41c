// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <algorithm>
#include <cmath>

namespace closient::sync {

Backoff::Backoff()
    : Backoff(Options {})
{ }

Backoff::Backoff(Options options, quint32 seed)
    : m_options(options)
    , m_random(seed == 0 ? QRandomGenerator::system()->generate() : seed)
{
    m_options.initialMs = std::max<qint64>(1, m_options.initialMs);
    m_options.maxMs = std::max(m_options.initialMs, m_options.maxMs);
    m_options.multiplier = std::max(1.0, m_options.multiplier);
    m_options.jitter = std::clamp(m_options.jitter, 0.0, 1.0);
}

qint64 Backoff::ceilingMs(int failures) const
{
    if (failures <= 0)
        return 0;
    const double step = double(m_options.initialMs) * std::pow(m_options.multiplier, std::min(failures - 1, 62));
    return qint64(std::min(step, double(m_options.maxMs)));
}

qint64 Backoff::delayMs(int failures, std::optional<qint64> serverAskedMs)
{
    const qint64 ceiling = ceilingMs(failures);
    const double fixedPart = double(ceiling) * (1.0 - m_options.jitter);
    const double randomPart = double(ceiling) * m_options.jitter * m_random.generateDouble();
    const qint64 delay = qint64(fixedPart + randomPart);
    return std::max(delay, serverAskedMs.value_or(0));
}

} // namespace closient::sync
