// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline.h"

using namespace Qt::StringLiterals;

namespace closient::sandbox {

PipelineState pipelineAt(CaptureOutcome outcome, qint64 startedMs, qint64 stepMs, qint64 nowMs)
{
    static const QString kSteps[] = { u"PENDING"_s, u"LOOKING_UP"_s, u"ENRICHING"_s, u"RESOLVING"_s };
    const int stepsBeforeEnd = outcome == CaptureOutcome::Completed ? 4 : 2;
    const qint64 elapsed = std::max<qint64>(0, nowMs - startedMs);
    const qint64 step = stepMs <= 0 ? stepsBeforeEnd : elapsed / stepMs;
    if (step < stepsBeforeEnd)
        return { kSteps[step], false, 0 };
    const QString end = outcome == CaptureOutcome::Completed ? u"COMPLETED"_s
        : outcome == CaptureOutcome::NotFound                ? u"NOT_FOUND"_s
                                                             : u"FAILED"_s;
    return { end, true, startedMs + stepsBeforeEnd * std::max<qint64>(0, stepMs) };
}

QString outcomeMessage(CaptureOutcome outcome, const QString &gtin14)
{
    switch (outcome) {
    case CaptureOutcome::Completed:
        return {};
    case CaptureOutcome::NotFound:
        return gtin14.isEmpty() ? u"No GTIN could be read from the capture."_s
                                : u"No product matches GTIN %1."_s.arg(gtin14);
    case CaptureOutcome::Failed:
        return u"Product lookup failed for GTIN %1: the upstream catalog did not answer."_s.arg(gtin14);
    }
    return {};
}

} // namespace closient::sandbox
