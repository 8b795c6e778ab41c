// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace closient::sandbox {

/** How a capture's processing ends, decided from its GTIN alone so tests can rely on it. */
enum class CaptureOutcome {
    Completed, // the GTIN is in the catalog: LOOKING_UP → ENRICHING → RESOLVING → COMPLETED
    NotFound, // no GTIN, or one the catalog does not hold: LOOKING_UP → NOT_FOUND
    Failed, // the GTIN is on the fail list: LOOKING_UP → FAILED
};

/** Where a capture stands at a moment: its status, whether that is final, and when it became final. */
struct PipelineState
{
    QString status;
    bool terminal = false;
    qint64 terminalAtMs = 0;
};

/// The capture pipeline as a function of time: each state lasts @p stepMs from @p startedMs; it is computed, not
/// driven by timers, so it survives restarts and reads the same from every request.
[[nodiscard]] PipelineState pipelineAt(CaptureOutcome outcome, qint64 startedMs, qint64 stepMs, qint64 nowMs);
/// The error_message a capture carries once it ended with @p outcome.
[[nodiscard]] QString outcomeMessage(CaptureOutcome outcome, const QString &gtin14);

} // namespace closient::sandbox
