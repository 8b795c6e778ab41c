// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QPointF>
#include <QString>

#include <array>
#include <vector>

namespace closient::scanning {

/** One code a decoder found: format (ZXing's names), text exactly as decoded (GS = 0x1D), AIM id, corners. */
struct ScanResult
{
    QString format;
    QString text;
    QString symbologyId;
    std::array<QPointF, 4> quad {};
    QString pass; // which step of the decoder's cascade read it

    [[nodiscard]] bool isLinear() const;
    /// The decode command's JSON for this result, "gs1" filled by the GS1 core (null when not GS1 data).
    [[nodiscard]] QJsonObject toJson() const;
};

/** What one decode request gave: the results, how long the decoder took, and whether it had to be restarted. */
struct DecodeOutcome
{
    std::vector<ScanResult> results;
    double decodeMs = 0;
    double cpuMs = 0; // the decoder's own CPU time (decodeMs is wall-clock time)
    int width = 0;
    int height = 0;
    int crashes = 0; // decoder aborts during this request (each one restarted at once)
    bool timedOut = false;
    QString error; // empty when the image was read (found codes or not)

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Where the decoder engine may look: the retail and logistics set, or every format ZXing knows.
enum class Strategy : std::uint32_t {
    Still = 0,
    Frame = 1,
    ZxingDemo = 2,
    Zbar = 3,
    Verify = 4,
    ZxingMulti = 5,
    StillEveryStage = 6,
    VerifyPure = 7,
};

} // namespace closient::scanning

Q_DECLARE_METATYPE(closient::scanning::ScanResult)
Q_DECLARE_METATYPE(closient::scanning::DecodeOutcome)
