// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntheticvideo.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <random>

namespace closient::bench {

bool writeVideo(const QString &path, const QList<Scene> &scenes, QSize frameSize, double fps)
{
    cv::VideoWriter writer(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
        cv::Size(frameSize.width(), frameSize.height()), true);
    if (!writer.isOpened())
        return false;
    std::mt19937 rng(42);
    int frameNo = 0;
    for (const auto &scene : scenes) {
        cv::Mat code;
        if (!scene.image.isNull()) {
            const QImage g = scene.image.convertToFormat(QImage::Format_Grayscale8);
            code = cv::Mat(g.height(), g.width(), CV_8UC1, const_cast<uchar *>(g.constBits()), size_t(g.bytesPerLine()))
                       .clone();
            const double fit = std::min(0.7 * frameSize.width() / code.cols, 0.7 * frameSize.height() / code.rows);
            cv::resize(code, code, {}, fit, fit, cv::INTER_AREA);
        }
        for (int i = 0; i < scene.frames; ++i, ++frameNo) {
            cv::Mat gray(frameSize.height(), frameSize.width(), CV_8UC1);
            for (int y = 0; y < gray.rows; ++y) {
                auto *p = gray.ptr<uchar>(y);
                for (int x = 0; x < gray.cols; ++x)
                    p[x] = cv::saturate_cast<uchar>(110 + 40 * x / gray.cols + int(rng() % 17) - 8);
            }
            if (!code.empty()) {
                // A hand is never still: the code wanders a little from frame to frame.
                const int dx = (gray.cols - code.cols) / 2 + int(6 * std::sin(frameNo * 0.3));
                const int dy = (gray.rows - code.rows) / 2 + int(4 * std::cos(frameNo * 0.25));
                code.copyTo(gray(cv::Rect(std::max(0, dx), std::max(0, dy), code.cols, code.rows)));
            }
            cv::Mat bgr;
            cv::cvtColor(gray, bgr, cv::COLOR_GRAY2BGR);
            writer.write(bgr);
        }
    }
    writer.release();
    return true;
}

} // namespace closient::bench
