// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "confirmationpolicy.h"

namespace closient::scanning {

ConfirmationPolicy::ConfirmationPolicy(PolicySettings settings)
    : m_settings(settings)
{ }

ConfirmationPolicy::Decision ConfirmationPolicy::observe(const QString &key, bool linear, bool confirmed, qint64 nowMs)
{
    auto &c = m_codes[key];
    const bool returned = c.lastSeen < 0 || nowMs - c.lastSeen > m_settings.absenceMs;
    c.lastSeen = nowMs;
    if (returned) {
        c.announced = false; // it left the view and came back: a new presentation
        c.sightings.clear();
    }
    if (c.announced && !confirmed)
        return Decision::Quiet;
    c.sightings.push_back(nowMs);
    while (!c.sightings.empty() && nowMs - c.sightings.front() > m_settings.confirmWindowMs)
        c.sightings.pop_front();
    if (linear && !confirmed && int(c.sightings.size()) < std::max(1, m_settings.linearReads))
        return Decision::Pending;
    c.announced = true;
    if (c.capturedAt >= 0 && nowMs - c.capturedAt < m_settings.duplicateWindowMs)
        return Decision::Duplicate;
    return Decision::Capture;
}

void ConfirmationPolicy::captured(const QString &key, qint64 nowMs)
{
    auto &c = m_codes[key];
    c.capturedAt = nowMs;
    c.announced = true;
}

} // namespace closient::scanning
