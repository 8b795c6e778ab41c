// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

#include <optional>

namespace closient::sync {

/** How long to wait before trying again after the n-th failure in a row: exponential growth with "full jitter"
 *  (a uniform draw between half the step and the whole step), capped, and never shorter than what the server asked
 *  for. Many stations that failed together do not come back together. */
class Backoff
{
public:
    struct Options
    {
        qint64 initialMs = 1000; // the step after the first failure
        double multiplier = 2.0;
        qint64 maxMs = 5 * 60 * 1000;
        double jitter = 0.5; // the share of each step that is random: 0 none, 1 anywhere from 0 to the step
    };

    Backoff();
    explicit Backoff(Options options, quint32 seed = 0); // seed 0: a random seed

    /// The wait after @p failures failures in a row (1 = the first); @p serverAskedMs (Retry-After) is a floor.
    [[nodiscard]] qint64 delayMs(int failures, std::optional<qint64> serverAskedMs = std::nullopt);
    /// The step without jitter, for tests and status lines.
    [[nodiscard]] qint64 ceilingMs(int failures) const;
    [[nodiscard]] const Options &options() const { return m_options; }

private:
    Options m_options;
    QRandomGenerator m_random;
};

} // namespace closient::sync
