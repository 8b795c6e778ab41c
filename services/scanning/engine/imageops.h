// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <opencv2/core.hpp>

#include <optional>
#include <string>
#include <vector>

namespace closient::scanning::engine {

/// The identity mapping: a view that is the original image.
inline const cv::Matx23d kIdentity(1, 0, 0, 0, 1, 0);

/** A prepared view of the image for one decode attempt, and how its pixels map back to the original. */
struct View
{
    std::string name;
    cv::Mat image; // 8-bit grey
    cv::Matx23d toOriginal = kIdentity; // affine: view pixel → original pixel
};

/// One of the still cascade's alternative views of an image by name: "upscale-sharpen", "clahe", "sharpen",
/// "smooth", "invert", "adaptive-threshold", "downscale"; none for another name.
[[nodiscard]] std::optional<View> stillView(const cv::Mat &gray, const std::string &name);
/// Rectangles (rotated) where bars or modules seem to be: strong, dense, high-contrast gradients. At most
/// @p maxRegions, largest first. The analysis runs on a copy at most @p analysisSide pixels long.
[[nodiscard]] std::vector<cv::RotatedRect> candidateRegions(
    const cv::Mat &gray, int maxRegions, int analysisSide = 640);
/// A region cut out and turned upright (long side horizontal), its short side scaled to about @p minSide pixels
/// (never below 1:1 unless longer than @p maxSide); @p fine adds cubic interpolation and sharpening.
[[nodiscard]] View regionView(
    const cv::Mat &gray, const cv::RotatedRect &region, int minSide, bool fine = true, int maxSide = 1600);

} // namespace closient::scanning::engine
