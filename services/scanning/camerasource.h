// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "framesource.h"

#include <QCamera>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QSize>
#include <QTimer>

namespace closient::scanning {

/** A camera the workstation can use, as the operator chooses it. */
struct CameraInfo
{
    QString id;
    QString description;
    bool isDefault = false;
    QList<QSize> resolutions; // largest first
};

/**
 * A webcam through Qt Multimedia: the chosen device at the chosen resolution, torch and close focus where the
 * device has them. When the camera is busy or unplugged it says so and keeps trying; plugged back in, it resumes.
 */
class CameraSource : public FrameSource
{
    Q_OBJECT
public:
    explicit CameraSource(QString deviceId = {}, QSize resolution = {}, QObject *parent = nullptr);

    [[nodiscard]] static QList<CameraInfo> cameras();

    [[nodiscard]] QString kind() const override { return QStringLiteral("camera"); }
    [[nodiscard]] QString name() const override;
    void start(QVideoSink *sink) override;
    void stop() override;

    [[nodiscard]] bool torchAvailable() const;
    void setTorch(bool on);

private:
    void tryStart();
    [[nodiscard]] QCameraDevice findDevice() const;

    QString m_deviceId;
    QSize m_resolution;
    QString m_name;
    QVideoSink *m_sink = nullptr;
    QMediaDevices m_devices;
    QMediaCaptureSession m_session;
    std::unique_ptr<QCamera> m_camera;
    QTimer m_retry;
    bool m_wanted = false;
};

} // namespace closient::scanning
