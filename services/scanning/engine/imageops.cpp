// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageops.h"

#include <opencv2/imgproc.hpp>

namespace closient::scanning::engine {

namespace {

cv::Mat sharpen(const cv::Mat &in)
{
    cv::Mat blurred, out;
    cv::GaussianBlur(in, blurred, { 0, 0 }, 2);
    cv::addWeighted(in, 1.8, blurred, -0.8, 0, out);
    return out;
}

View scaled(const std::string &name, const cv::Mat &in, double factor, bool sharpened)
{
    View v;
    v.name = name;
    cv::resize(in, v.image, {}, factor, factor, factor > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
    if (sharpened)
        v.image = sharpen(v.image);
    v.toOriginal = cv::Matx23d(1 / factor, 0, 0, 0, 1 / factor, 0);
    return v;
}

} // namespace

std::optional<View> stillView(const cv::Mat &gray, const std::string &name)
{
    if (name == "upscale-sharpen")
        return scaled(name, gray, 2.0, true);
    View v { name, {}, kIdentity };
    if (name == "clahe")
        cv::createCLAHE(2.0, { 8, 8 })->apply(gray, v.image);
    else if (name == "sharpen")
        v.image = sharpen(gray);
    else if (name == "smooth")
        cv::GaussianBlur(gray, v.image, { 3, 3 }, 0);
    else if (name == "invert")
        cv::bitwise_not(gray, v.image);
    else if (name == "adaptive-threshold")
        cv::adaptiveThreshold(gray, v.image, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, 31, 10);
    else if (name == "downscale")
        return scaled(name, gray, 0.5, false);
    else
        return std::nullopt;
    return v;
}

std::vector<cv::RotatedRect> candidateRegions(const cv::Mat &gray, int maxRegions, int analysisSide)
{
    // Work on a small copy: regions only need to be roughly right, and this keeps it at a few milliseconds.
    const double scale = std::min(1.0, double(analysisSide) / std::max(gray.cols, gray.rows));
    cv::Mat small;
    if (scale < 1.0)
        cv::resize(gray, small, {}, scale, scale, cv::INTER_AREA);
    else
        small = gray;
    cv::Mat gx, gy, mag;
    cv::Sobel(small, gx, CV_16S, 1, 0, 3);
    cv::Sobel(small, gy, CV_16S, 0, 1, 3);
    cv::convertScaleAbs(gx, gx);
    cv::convertScaleAbs(gy, gy);
    cv::addWeighted(gx, 0.5, gy, 0.5, 0, mag);
    cv::blur(mag, mag, { 7, 7 });
    // Printed codes are high-contrast; sensor noise and soft texture are not: never go below this edge strength.
    constexpr double kMinEdgeStrength = 28;
    const double otsu = cv::threshold(mag, mag, 0, 255, cv::THRESH_TOZERO | cv::THRESH_OTSU);
    cv::threshold(mag, mag, std::max(otsu, kMinEdgeStrength), 255, cv::THRESH_BINARY);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, { 15, 15 });
    cv::morphologyEx(mag, mag, cv::MORPH_CLOSE, kernel);
    cv::erode(mag, mag, {}, { -1, -1 }, 2);
    cv::dilate(mag, mag, {}, { -1, -1 }, 4);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mag, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::sort(contours.begin(), contours.end(),
        [](const auto &a, const auto &b) { return cv::contourArea(a) > cv::contourArea(b); });
    std::vector<cv::RotatedRect> out;
    const double minArea = 0.002 * small.cols * small.rows;
    for (const auto &c : contours) {
        if (int(out.size()) >= maxRegions || cv::contourArea(c) < minArea)
            break;
        auto r = cv::minAreaRect(c);
        r.center *= 1.0 / scale;
        r.size.width = float(r.size.width / scale);
        r.size.height = float(r.size.height / scale);
        out.push_back(r);
    }
    return out;
}

View regionView(const cv::Mat &gray, const cv::RotatedRect &region, int minSide, bool fine, int maxSide)
{
    // Turn the region upright (long side horizontal) with a margin for the quiet zone.
    cv::RotatedRect r = region;
    if (r.size.width < r.size.height) {
        std::swap(r.size.width, r.size.height);
        r.angle += 90;
    }
    const float margin = 0.15f * std::max(r.size.width, r.size.height);
    const cv::Size2f size(r.size.width + 2 * margin, r.size.height + 2 * margin);
    double f = std::min(4.0, std::max(1.0, double(minSide) / std::max(1.0f, std::min(size.width, size.height))));
    f = std::min(f, double(maxSide) / std::max(1.0f, std::max(size.width, size.height)));
    const cv::Size out(std::max(8, int(size.width * f)), std::max(8, int(size.height * f)));
    // Affine map from original to output: rotate around the region centre, scale, move the centre to the middle.
    const cv::Matx23d rot = cv::getRotationMatrix2D(r.center, r.angle, f);
    cv::Matx23d toView = rot;
    toView(0, 2) += out.width / 2.0 - r.center.x;
    toView(1, 2) += out.height / 2.0 - r.center.y;
    View v;
    v.name = "region";
    cv::warpAffine(gray, v.image, toView, out, fine ? cv::INTER_CUBIC : cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    if (fine) {
        cv::Mat blurred;
        cv::GaussianBlur(v.image, blurred, { 0, 0 }, 1.5);
        cv::addWeighted(v.image, 1.6, blurred, -0.6, 0, v.image);
    }
    cv::Mat inverse;
    cv::invertAffineTransform(cv::Mat(toView), inverse);
    v.toOriginal = cv::Matx23d(inverse);
    return v;
}

} // namespace closient::scanning::engine
