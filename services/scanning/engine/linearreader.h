// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engineresult.h"

#include <opencv2/core.hpp>

#include <functional>
#include <string>
#include <vector>

namespace closient::scanning::engine {

/** Which linear symbologies the reader of blurred codes looks for. */
struct LinearFormats
{
    bool ean = true; // EAN-13, UPC-A, EAN-8, UPC-E
    bool code128 = true;
    bool itf = true; // ITF-14 only: plain ITF has no check digit to guard a guess
};

/** A place that looks like a linear code: its centre, its length along the scan direction, its height along the
 *  bars, and the scan direction (radians, across the bars). @p coherence says how one-directional its edges are. */
struct LinearRegion
{
    cv::Point2f center;
    float length = 0;
    float height = 0;
    float angle = 0;
    float coherence = 0;
    float contrast = 0; // grey levels between ink and paper, roughly
    float edgeWidth = 0; // pixels an edge takes from ink to paper, about the blur's width; 0 when sharp as far as seen
    /// Edges wider than a module of a symbol about 95 modules long (EAN-13, UPC-A, a short GS1-128) fill this
    /// region: blurred past what a binarising reader such as ZXing's resolves.
    [[nodiscard]] bool soft() const { return edgeWidth > 0 && length < kSoftRatio * edgeWidth; }
    static constexpr float kSoftRatio = 95;
};

/// Places in @p gray whose edges all run one way, like a linear code's (the structure tensor's coherence), largest
/// first. Cheap: it looks at a copy at most @p analysisSide pixels long.
[[nodiscard]] std::vector<LinearRegion> findLinearRegions(
    const cv::Mat &gray, int maxRegions = 4, int analysisSide = 480);

/// One scan line decoded: the text, its symbology and how well the modules matched (0..1).
struct LineRead
{
    std::string format;
    std::string text;
    std::string symbologyId; // "]E0", "]C1", ...
    double quality = 0;
    double span = 0; // samples from the first bar to the last
};

/// Decodes one profile (grey values along a scan line; bars dark) by matching element widths against each
/// symbology's patterns, with guards and check digits as constraints. Every read it returns passed its checks.
[[nodiscard]] std::vector<LineRead> decodeProfile(const std::vector<float> &profile, const LinearFormats &formats);

/// 1D Wiener deconvolution of @p profile by a defocus line-spread function of radius @p radius (samples), or by a
/// box @p radius wide when @p box (motion across the bars). @p noise is the noise-to-signal ratio.
[[nodiscard]] std::vector<float> deconvolve(const std::vector<float> &profile, double radius, bool box, double noise);

/// Reads linear codes that ZXing cannot because they are out of focus (or moved): samples many scan lines across
/// each region, tries several blur widths (deconvolving each), decodes every line, and keeps a text only when
/// enough lines agree and none disagree. Never reads a symbol from one line alone. Starts no new blur width or
/// region once @p maxLineReads scan lines have been decoded, and stops before the next scan line as soon as @p stop
/// says so (the still cascade's budget for the image).
[[nodiscard]] std::vector<EngineResult> readBlurredLinear(const cv::Mat &gray, const std::vector<LinearRegion> &regions,
    const LinearFormats &formats, int maxLineReads = 1 << 30, const std::function<bool()> &stop = {});

} // namespace closient::scanning::engine
