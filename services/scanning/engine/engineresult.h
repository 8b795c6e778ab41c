// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace closient::scanning::engine {

/** A grey image the engine reads: one byte per pixel, rows @p stride bytes apart. Not owned. */
struct GrayView
{
    const std::uint8_t *data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;
};

/** Which reader runs, and how hard it tries. */
enum class Strategy : std::uint32_t {
    Still = 0, // a photo or file: the whole cascade until something reads
    Frame = 1, // a live video frame: a fast pass, then candidate regions, within a small budget
    ZxingDemo = 2, // plain ZXing-cpp with its Qt demo's settings (tryHarder, tryRotate, tryDownscale): a baseline
    Zbar = 3, // zbar with every symbology on: a baseline
    Verify = 4, // a clean rendering of our own label: one strict pass, no guessing
    ZxingMulti = 5, // plain ZXing-cpp ReadBarcodes with the demo's settings: a baseline (aborts on some DataBar)
    StillEveryStage = 6, // the Still cascade with every stage run on its own and timed: for the benchmark
    VerifyPure = 7, // our own symbol alone, cut at its quiet zones, modules whole pixels: ZXing's pure-symbol read
};

/// What the still cascade may spend past its first read, as a multiple of that read's own CPU time (the first read
/// is the demo's call, so an image costs at most about five times what it costs the demo) ...
inline constexpr double kStillRelativeBudget = 4;
/// ... but never less than this (CPU milliseconds): a first read of a fraction of a millisecond would otherwise
/// leave the blurred-linear reader too few scan lines to settle on anything. Less than a display frame.
inline constexpr double kStillMinBudgetMs = 3.5;

/// What a still stage is expected to cost, as a multiple of the first read's time: a ZXing view of the whole image
/// costs about what the first read did, times its pixels against the image's. A stage starts only when that still
/// fits the budget. 0 for the blurred-linear reader, which stops at the budget by itself.
[[nodiscard]] inline double stillStageCost(std::string_view stage)
{
    if (stage == "blurred-linear")
        return 0;
    if (stage == "upscale-sharpen")
        return 4; // twice as wide and as high
    if (stage == "downscale")
        return 0.25;
    return 1;
}

/** One code found: what ZXing calls it, the text exactly as decoded (GS as 0x1D), where it is. */
struct EngineResult
{
    std::string format; // ZXing's name: "EAN-13", "DataMatrix", "DataBarExpanded", ...
    std::string text;
    std::string symbologyId; // "]d2", "]C1", "]E0", ...
    std::array<std::array<float, 2>, 4>
        quad {}; // corners in image pixels: top-left, top-right, bottom-right, bottom-left
    std::string pass; // which step of the cascade read it
    int lineCount = 0; // for linear symbols: how many scan lines agreed (ZXing), 0 for matrix symbols
};

/** Formats to look for, as ZXing's bit flags (0 = the workstation's retail and logistics set). */
using FormatMask = std::uint32_t;

} // namespace closient::scanning::engine
