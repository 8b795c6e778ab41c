// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace closient::bench {

/** A retail or logistics symbology the synthetic set renders (through zint). */
enum class SynthFormat { Ean13, Ean8, UpcA, UpcE, Code128, Itf14, DataBar, DataBarExpanded, DataMatrix, QrCode };

/** How a clean rendering is spoiled; the level's unit depends on the kind (see degrade()). */
enum class Degradation {
    None, // level unused
    Defocus, // disc PSF, level = diameter in module widths
    Motion, // line PSF across the bars, level = length in module widths
    Noise, // Gaussian noise, level = sigma in grey levels
    Jpeg, // level = JPEG quality
    LowContrast, // level = contrast left, 0..1
    UnevenLight, // a shadow ramp along the symbol, level = how much light the dark end loses, 0..1
    Perspective, // the symbol turned away from the camera, level = angle in degrees
    SmallModules, // level = module width in pixels
};

struct SynthSample
{
    SynthFormat format = SynthFormat::Ean13;
    Degradation degradation = Degradation::None;
    double level = 0;
    std::string expected; // what a scanner transmits (GS1 element strings with GS separators)
    cv::Mat image; // 8-bit grey
};

/** A generated image that holds no code at all: textures, text, stripes, grids. */
struct SynthNegative
{
    std::string kind;
    cv::Mat image;
};

[[nodiscard]] const char *formatName(SynthFormat format);
[[nodiscard]] const char *degradationName(Degradation degradation);
[[nodiscard]] bool isLinear(SynthFormat format);
[[nodiscard]] std::vector<SynthFormat> allSynthFormats();
/// The levels each degradation is measured at, mildest first.
[[nodiscard]] std::vector<double> levels(Degradation degradation);

/// Renders @p format holding a payload drawn from @p seed, @p moduleWidth pixels a module, on a light margin, and
/// spoils it as @p degradation at @p level says. Every image also gets the sensor's mild noise (sigma 2), so a
/// deconvolution cannot lean on noise-free pixels. Deterministic for a seed. An empty image when zint refuses.
[[nodiscard]] SynthSample makeSample(
    SynthFormat format, Degradation degradation, double level, unsigned seed, double moduleWidth = 3.0);
/// @p count codeless images (cycling through the kinds: random stripes, gratings, text, noise, grids, wood-like
/// grain, blurred copies of these), about @p side pixels across.
[[nodiscard]] std::vector<SynthNegative> makeNegatives(int count, unsigned seed, int side = 480);

} // namespace closient::bench
