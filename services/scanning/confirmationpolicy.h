// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace closient::scanning {

/** How sure the workstation must be before a read becomes a capture, and how long a code stays "just captured". */
struct PolicySettings
{
    int linearReads = 2; // a 1D code must be read this often within the window (misreads rarely repeat)
    int confirmWindowMs = 1500;
    int duplicateWindowMs = 10000; // a code captured this recently is not captured again unless asked
    int absenceMs = 1000; // a code must leave the view this long before it can count again
};

/**
 * Decides, read by read, what happens to a code seen by a camera or a scanner: wait for confirmation, capture,
 * report a duplicate, or stay quiet because it is simply still in view. Pure logic on the caller's clock.
 */
class ConfirmationPolicy
{
public:
    enum class Decision {
        Pending, // a 1D code seen once: wait for the next frame
        Capture, // confirmed and new: capture it
        Duplicate, // confirmed, but captured within the duplicate window: tell the operator once
        Quiet, // still in view after its capture or duplicate notice: nothing to say
    };

    explicit ConfirmationPolicy(PolicySettings settings = {});
    void setSettings(const PolicySettings &settings) { m_settings = settings; }
    [[nodiscard]] const PolicySettings &settings() const { return m_settings; }

    /// A read of @p text (its identity: format and text) at @p nowMs. @p linear codes need confirmation;
    /// @p confirmed reads (a hand scanner's trigger) do not.
    Decision observe(const QString &key, bool linear, bool confirmed, qint64 nowMs);
    /// The capture was stored: the duplicate window starts now.
    void captured(const QString &key, qint64 nowMs);
    /// Forget everything (another session).
    void reset() { m_codes.clear(); }

private:
    struct Code
    {
        std::deque<qint64> sightings;
        qint64 lastSeen = -1;
        qint64 capturedAt = -1;
        bool announced = false; // captured or reported as duplicate during this presence in view
    };
    PolicySettings m_settings;
    QHash<QString, Code> m_codes;
};

} // namespace closient::scanning
