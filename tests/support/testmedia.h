// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace closient::test {

/// A clean barcode image made with ZXing-cpp's writer ("QRCode", "EAN-13", "Code128", "DataMatrix"), quiet zone
/// included, about @p size pixels.
[[nodiscard]] QImage makeBarcode(const QString &format, const QString &text, int size = 240);

/** One scene of a test video: an image held in front of the "camera" for a number of frames. */
struct Scene
{
    QImage image; // null = an empty view
    int frames = 30;
};

/// Writes an MJPEG .avi at @p fps (what a webcam delivers), each scene on a camera-like background. True on success.
bool writeVideo(const QString &path, const QList<Scene> &scenes, QSize frameSize = { 640, 480 }, double fps = 30);

} // namespace closient::test
