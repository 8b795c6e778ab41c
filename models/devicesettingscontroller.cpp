// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicesettingscontroller.h"

#include "camerasource.h"
#include "displayformat.h"
#include "scanpipeline.h"
#include "settings.h"

#include <QAudioDevice>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace closient::scanning;

namespace closient::models {

DeviceSettingsController::DeviceSettingsController(store::Settings *settings, ScanPipeline &pipeline,
    input::WedgeDetector &wedge, input::SerialScanner &serial, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_pipeline(pipeline)
    , m_wedge(wedge)
    , m_serial(serial)
{
    connect(&m_serial, &input::SerialScanner::stateChanged, this, &DeviceSettingsController::serialStatusChanged);
    connect(m_settings, &store::Settings::loaded, this, &DeviceSettingsController::loadSettings);
    connect(m_settings, &store::Settings::saveFailed, this,
        [this](const Error &e) { m_status.report(tr("The device settings were not saved"), e); });
    connect(&m_mediaDevices, &QMediaDevices::audioOutputsChanged, this, &DeviceSettingsController::devicesChanged);
    connect(&m_mediaDevices, &QMediaDevices::videoInputsChanged, this, &DeviceSettingsController::devicesChanged);
}

DeviceSettingsController *DeviceSettingsController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

int DeviceSettingsController::linearReads() const
{
    return m_pipeline.policy().linearReads;
}

int DeviceSettingsController::duplicateWindowSeconds() const
{
    return m_pipeline.policy().duplicateWindowMs / 1000;
}

void DeviceSettingsController::refreshDevices()
{
    Q_EMIT devicesChanged();
}

QVariantList DeviceSettingsController::cameras() const
{
    QVariantList out;
    for (const auto &c : CameraSource::cameras()) {
        QStringList sizes;
        for (const auto &r : c.resolutions)
            sizes << u"%1x%2"_s.arg(r.width()).arg(r.height());
        out << QVariantMap { { u"id"_s, c.id }, { u"name"_s, c.description }, { u"isDefault"_s, c.isDefault },
            { u"resolutions"_s, sizes } };
    }
    return out;
}

bool DeviceSettingsController::audioAvailable() const
{
    return !QMediaDevices::audioOutputs().isEmpty();
}

QString DeviceSettingsController::audioOutput() const
{
    return QMediaDevices::defaultAudioOutput().description();
}

QVariantList DeviceSettingsController::serialPorts() const
{
    QVariantList out;
    for (const auto &p : input::SerialScanner::ports()) {
        out << QVariantMap { { u"name"_s, p.name }, { u"location"_s, p.systemLocation },
            { u"description"_s, p.description.isEmpty() ? p.manufacturer : p.description } };
    }
    return out;
}

void DeviceSettingsController::setMuted(bool muted)
{
    if (muted == m_muted)
        return;
    m_muted = muted;
    save(u"sound_muted"_s, muted);
    Q_EMIT settingsChanged();
}

void DeviceSettingsController::setLinearReads(int reads)
{
    auto p = m_pipeline.policy();
    if (reads == p.linearReads || reads < 1)
        return;
    p.linearReads = reads;
    m_pipeline.setPolicy(p);
    save(u"confirm_linear_reads"_s, reads);
    Q_EMIT settingsChanged();
}

void DeviceSettingsController::setDuplicateWindowSeconds(int seconds)
{
    auto p = m_pipeline.policy();
    if (seconds * 1000 == p.duplicateWindowMs || seconds < 0)
        return;
    p.duplicateWindowMs = seconds * 1000;
    m_pipeline.setPolicy(p);
    save(u"duplicate_window_seconds"_s, seconds);
    Q_EMIT settingsChanged();
}

void DeviceSettingsController::setCameraId(const QString &id)
{
    if (id == m_cameraId)
        return;
    m_cameraId = id;
    save(u"camera_id"_s, id);
    Q_EMIT settingsChanged();
}

void DeviceSettingsController::setCameraResolution(const QString &resolution)
{
    if (resolution == m_cameraResolution)
        return;
    m_cameraResolution = resolution;
    save(u"camera_resolution"_s, resolution);
    Q_EMIT settingsChanged();
}

QVariantMap DeviceSettingsController::wedge() const
{
    const auto &w = m_wedge.settings();
    return { { u"enabled"_s, w.enabled }, { u"maxKeyGapMs"_s, w.maxKeyGapMs }, { u"quietMs"_s, w.quietMs },
        { u"minLength"_s, w.minLength }, { u"terminatorEnter"_s, w.terminatorEnter },
        { u"terminatorTab"_s, w.terminatorTab }, { u"prefix"_s, w.prefix }, { u"suffix"_s, w.suffix },
        { u"gsSubstitute"_s, w.gsSubstitute }, { u"f8IsGs"_s, w.f8IsGs } };
}

void DeviceSettingsController::setWedge(const QVariantMap &m)
{
    input::WedgeSettings w = m_wedge.settings();
    w.enabled = m.value(u"enabled"_s, w.enabled).toBool();
    w.maxKeyGapMs = std::clamp(m.value(u"maxKeyGapMs"_s, w.maxKeyGapMs).toInt(), 5, 200);
    w.quietMs = std::clamp(m.value(u"quietMs"_s, w.quietMs).toInt(), 50, 2000);
    w.minLength = std::clamp(m.value(u"minLength"_s, w.minLength).toInt(), 2, 50);
    w.terminatorEnter = m.value(u"terminatorEnter"_s, w.terminatorEnter).toBool();
    w.terminatorTab = m.value(u"terminatorTab"_s, w.terminatorTab).toBool();
    w.prefix = m.value(u"prefix"_s, w.prefix).toString();
    w.suffix = m.value(u"suffix"_s, w.suffix).toString();
    w.gsSubstitute = m.value(u"gsSubstitute"_s, w.gsSubstitute).toString();
    w.f8IsGs = m.value(u"f8IsGs"_s, w.f8IsGs).toBool();
    m_wedge.setSettings(w);
    save(u"wedge"_s,
        QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(wedge())).toJson(QJsonDocument::Compact)));
    Q_EMIT settingsChanged();
}

QVariantMap DeviceSettingsController::serial() const
{
    const auto &s = m_serial.settings();
    return { { u"enabled"_s, m_serialEnabled }, { u"port"_s, s.portName }, { u"baudRate"_s, s.baudRate },
        { u"dataBits"_s, int(s.dataBits) }, { u"parity"_s, int(s.parity) }, { u"stopBits"_s, int(s.stopBits) },
        { u"flowControl"_s, int(s.flowControl) }, { u"terminator"_s, QString::fromLatin1(s.terminator) },
        { u"prefix"_s, s.prefix }, { u"suffix"_s, s.suffix } };
}

void DeviceSettingsController::setSerial(const QVariantMap &m)
{
    input::SerialSettings s = m_serial.settings();
    s.portName = m.value(u"port"_s, s.portName).toString();
    s.baudRate = m.value(u"baudRate"_s, s.baudRate).toInt();
    s.dataBits = QSerialPort::DataBits(m.value(u"dataBits"_s, int(s.dataBits)).toInt());
    s.parity = QSerialPort::Parity(m.value(u"parity"_s, int(s.parity)).toInt());
    s.stopBits = QSerialPort::StopBits(m.value(u"stopBits"_s, int(s.stopBits)).toInt());
    s.flowControl = QSerialPort::FlowControl(m.value(u"flowControl"_s, int(s.flowControl)).toInt());
    s.terminator = m.value(u"terminator"_s, QString::fromLatin1(s.terminator)).toString().toLatin1();
    s.prefix = m.value(u"prefix"_s, s.prefix).toString();
    s.suffix = m.value(u"suffix"_s, s.suffix).toString();
    m_serialEnabled = m.value(u"enabled"_s, m_serialEnabled).toBool();
    m_serial.setSettings(s);
    if (m_serialEnabled)
        m_serial.start();
    else
        m_serial.stop();
    save(u"serial"_s,
        QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(serial())).toJson(QJsonDocument::Compact)));
    Q_EMIT settingsChanged();
}

void DeviceSettingsController::save(const QString &key, const QVariant &value)
{
    // Checked now, written with the other changes of the moment; a refusal is said on the screen.
    if (auto r = m_settings->set(key, value); !r.ok())
        m_status.warn(tr("Not kept: %1").arg(r.error().message));
}

void DeviceSettingsController::loadSettings()
{
    const auto &all = *m_settings;
    PolicySettings p = m_pipeline.policy();
    p.linearReads = all.integer(u"confirm_linear_reads"_s);
    p.duplicateWindowMs = all.integer(u"duplicate_window_seconds"_s) * 1000;
    m_pipeline.setPolicy(p);
    m_muted = all.boolean(u"sound_muted"_s);
    m_cameraId = all.text(u"camera_id"_s);
    m_cameraResolution = all.text(u"camera_resolution"_s);
    const auto wedgeJson = QJsonDocument::fromJson(all.text(u"wedge"_s).toUtf8()).object();
    const auto serialJson = QJsonDocument::fromJson(all.text(u"serial"_s).toUtf8()).object();
    QSignalBlocker block(this);
    if (!wedgeJson.isEmpty())
        setWedge(wedgeJson.toVariantMap());
    if (!serialJson.isEmpty())
        setSerial(serialJson.toVariantMap());
    block.unblock();
    Q_EMIT settingsChanged();
}

void DeviceSettingsController::noteRead(const QString &device, const QString &data)
{
    if (!m_deviceReads.isEmpty()) {
        const auto last = m_deviceReads.first().toMap();
        if (last.value(u"device"_s) == device && last.value(u"text"_s) == data)
            return;
    }
    m_deviceReads.prepend(QVariantMap {
        { u"device"_s, device }, { u"text"_s, data }, { u"time"_s, formatTime(QDateTime::currentDateTime()) } });
    while (m_deviceReads.size() > 8)
        m_deviceReads.removeLast();
    Q_EMIT deviceReadsChanged();
}

} // namespace closient::models
