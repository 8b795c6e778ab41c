// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace closient::bench {

/** One scene of a synthetic video: an image held in front of the "camera" for a number of frames. */
struct Scene
{
    QImage image; // null = an empty view
    int frames = 30;
};

/// Writes an MJPEG .avi at @p fps (what a webcam delivers), each scene on a camera-like background, the code
/// wandering a little as a hand holds it. True on success.
bool writeVideo(const QString &path, const QList<Scene> &scenes, QSize frameSize = { 640, 480 }, double fps = 30);

} // namespace closient::bench
