// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engineresult.h"

#include <functional>

namespace closient::scanning::engine {

/// Told the number of each step of the cascade before it runs, so that after an abort the caller knows where.
using StageObserver = std::function<void(int stage)>;

/// Reads every code in @p image. Runs ZXing-cpp (and zbar for the baseline) in this process: call it only in
/// the decoder worker process, where an abort inside the library cannot take the workstation down. Steps
/// numbered below @p skipStages are skipped (to resume at a step that aborted); @p safeMode reads linear
/// symbols one at a time, which avoids the library's abort at the price of one linear symbol per view. @p phase
/// is the frame's number in a live stream: the Frame strategy spreads its work over consecutive frames.
[[nodiscard]] std::vector<EngineResult> decode(const GrayView &image, Strategy strategy, FormatMask formats = 0,
    const StageObserver &observer = {}, int skipStages = 0, bool safeMode = false, int phase = 0);

/// The workstation's default formats: EAN/UPC, Code 128, ITF, DataMatrix, QR, DataBar (all kinds).
[[nodiscard]] FormatMask defaultFormats();
/// Turns a format list such as "EAN-13,QRCode" into a mask; unknown names are ignored.
[[nodiscard]] FormatMask parseFormats(const std::string &list);

} // namespace closient::scanning::engine
