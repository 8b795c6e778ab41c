// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "camerasource.h"

#include <QCameraFormat>

namespace closient::scanning {

namespace {
// The format to ask for: the requested size if the camera has it, else the largest up to 1280×720 (enough
// to read codes, light on the two cores), preferring 30 fps and uncompressed pixels.
QCameraFormat chooseFormat(const QCameraDevice &device, const QSize &wanted)
{
    QCameraFormat best;
    int bestScore = -1;
    for (const auto &f : device.videoFormats()) {
        const QSize r = f.resolution();
        int score = 0;
        if (wanted.isValid())
            score += r == wanted ? 1000000 : 0;
        if (r.width() <= 1280 && r.height() <= 720)
            score += r.width() * r.height() / 10;
        score += f.maxFrameRate() >= 29 ? 50000 : int(f.maxFrameRate()) * 1000;
        score += f.pixelFormat() == QVideoFrameFormat::Format_Jpeg ? 0 : 10;
        if (score > bestScore) {
            best = f;
            bestScore = score;
        }
    }
    return best;
}
} // namespace

CameraSource::CameraSource(QString deviceId, QSize resolution, QObject *parent)
    : FrameSource(parent)
    , m_deviceId(std::move(deviceId))
    , m_resolution(resolution)
{
    m_retry.setInterval(2000);
    connect(&m_retry, &QTimer::timeout, this, &CameraSource::tryStart);
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, [this] {
        if (!m_wanted)
            return;
        if (findDevice().isNull()) {
            m_camera.reset();
            setState(
                State::Unavailable, tr("%1 was unplugged. Plug it back in: scanning resumes by itself.").arg(name()));
        } else if (state() != State::Running) {
            tryStart();
        }
    });
}

QList<CameraInfo> CameraSource::cameras()
{
    QList<CameraInfo> out;
    const auto def = QMediaDevices::defaultVideoInput();
    for (const auto &d : QMediaDevices::videoInputs()) {
        CameraInfo info { QString::fromLatin1(d.id()), d.description(), d.id() == def.id(), {} };
        for (const auto &f : d.videoFormats()) {
            if (!info.resolutions.contains(f.resolution()))
                info.resolutions << f.resolution();
        }
        std::sort(info.resolutions.begin(), info.resolutions.end(),
            [](const QSize &a, const QSize &b) { return a.width() * a.height() > b.width() * b.height(); });
        out << info;
    }
    return out;
}

QCameraDevice CameraSource::findDevice() const
{
    const auto inputs = QMediaDevices::videoInputs();
    for (const auto &d : inputs) {
        if (m_deviceId.isEmpty() ? d.isDefault() : QString::fromLatin1(d.id()) == m_deviceId)
            return d;
    }
    return m_deviceId.isEmpty() && !inputs.isEmpty() ? inputs.first() : QCameraDevice();
}

QString CameraSource::name() const
{
    if (!m_name.isEmpty())
        return m_name;
    const auto d = findDevice();
    return d.isNull() ? tr("the camera") : d.description();
}

void CameraSource::start(QVideoSink *sink)
{
    m_sink = sink;
    m_wanted = true;
    tryStart();
}

void CameraSource::tryStart()
{
    const auto device = findDevice();
    if (device.isNull()) {
        setState(State::Unavailable,
            QMediaDevices::videoInputs().isEmpty()
                ? tr("No camera is connected. Plug one in, or open a video file or images.")
                : tr("The chosen camera is not connected. Plug it in, or choose another one in Settings."));
        m_retry.start();
        return;
    }
    m_name = device.description();
    setState(State::Starting, tr("Starting %1…").arg(m_name));
    m_camera = std::make_unique<QCamera>(device);
    const auto format = chooseFormat(device, m_resolution);
    if (!format.isNull())
        m_camera->setCameraFormat(format);
    if (m_camera->isFocusModeSupported(QCamera::FocusModeAutoNear))
        m_camera->setFocusMode(QCamera::FocusModeAutoNear); // codes are held close
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &text) {
        setState(State::Error,
            tr("%1 cannot be used: %2. Trying again…")
                .arg(m_name, text.isEmpty() ? tr("it may be busy in another program") : text));
        m_retry.start();
    });
    connect(m_camera.get(), &QCamera::activeChanged, this, [this](bool active) {
        if (active) {
            m_retry.stop();
            setState(State::Running, tr("%1 is on").arg(m_name));
        }
    });
    m_session.setCamera(m_camera.get());
    m_session.setVideoSink(m_sink);
    m_camera->start();
}

void CameraSource::stop()
{
    m_wanted = false;
    m_retry.stop();
    if (m_camera)
        m_camera->stop();
    m_session.setCamera(nullptr);
    m_session.setVideoSink(nullptr);
    m_camera.reset();
    setState(State::Stopped);
}

bool CameraSource::torchAvailable() const
{
    return m_camera && m_camera->isTorchModeSupported(QCamera::TorchOn);
}

void CameraSource::setTorch(bool on)
{
    if (torchAvailable())
        m_camera->setTorchMode(on ? QCamera::TorchOn : QCamera::TorchOff);
}

} // namespace closient::scanning
