// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engineresult.h"

#include <opencv2/core.hpp>

namespace closient::scanning::engine {

/// zbar with every symbology it has, formats renamed to ZXing's names: the benchmark's second baseline.
[[nodiscard]] std::vector<EngineResult> decodeZbar(const cv::Mat &gray);

} // namespace closient::scanning::engine
