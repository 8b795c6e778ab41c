// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serialscanner.h"
#include "statusmessage.h"
#include "wedgedetector.h"

#include <QMediaDevices>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace closient::store {
class Settings;
}

namespace closient::scanning {
class ScanPipeline;
}

namespace closient::models {

/**
 * The Settings screen's devices: cameras and their resolution, the sound, how many reads confirm a code and how long
 * a code counts as a duplicate, the keyboard-wedge and serial scanners with what each read last. Kept in the
 * station's settings; the Scan screen (ScanController) uses what is chosen here.
 */
class DeviceSettingsController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(DeviceSettings)
    QML_SINGLETON
    Q_PROPERTY(bool muted READ muted WRITE setMuted NOTIFY settingsChanged)
    Q_PROPERTY(int linearReads READ linearReads WRITE setLinearReads NOTIFY settingsChanged)
    Q_PROPERTY(
        int duplicateWindowSeconds READ duplicateWindowSeconds WRITE setDuplicateWindowSeconds NOTIFY settingsChanged)
    Q_PROPERTY(QVariantList cameras READ cameras NOTIFY devicesChanged)
    Q_PROPERTY(QString cameraId READ cameraId WRITE setCameraId NOTIFY settingsChanged)
    Q_PROPERTY(QString cameraResolution READ cameraResolution WRITE setCameraResolution NOTIFY settingsChanged)
    Q_PROPERTY(QVariantMap wedge READ wedge WRITE setWedge NOTIFY settingsChanged)
    Q_PROPERTY(QVariantMap serial READ serial WRITE setSerial NOTIFY settingsChanged)
    Q_PROPERTY(QVariantList serialPorts READ serialPorts NOTIFY devicesChanged)
    Q_PROPERTY(QString serialStatus READ serialStatus NOTIFY serialStatusChanged)
    Q_PROPERTY(QVariantList deviceReads READ deviceReads NOTIFY deviceReadsChanged)
    Q_PROPERTY(bool audioAvailable READ audioAvailable NOTIFY devicesChanged)
    Q_PROPERTY(QString audioOutput READ audioOutput NOTIFY devicesChanged)
    Q_PROPERTY(closient::models::StatusMessage *status READ status CONSTANT)

public:
    DeviceSettingsController(store::Settings *settings, scanning::ScanPipeline &pipeline, input::WedgeDetector &wedge,
        input::SerialScanner &serial, QObject *parent = nullptr);

    static void setInstance(DeviceSettingsController *instance) { s_instance = instance; }
    static DeviceSettingsController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] bool muted() const { return m_muted; }
    void setMuted(bool muted);
    [[nodiscard]] int linearReads() const;
    void setLinearReads(int reads);
    [[nodiscard]] int duplicateWindowSeconds() const;
    void setDuplicateWindowSeconds(int seconds);
    [[nodiscard]] QVariantList cameras() const;
    [[nodiscard]] QString cameraId() const { return m_cameraId; }
    void setCameraId(const QString &id);
    [[nodiscard]] QString cameraResolution() const { return m_cameraResolution; }
    void setCameraResolution(const QString &resolution);
    [[nodiscard]] QVariantMap wedge() const;
    void setWedge(const QVariantMap &settings);
    [[nodiscard]] QVariantMap serial() const;
    void setSerial(const QVariantMap &settings);
    [[nodiscard]] QVariantList serialPorts() const;
    [[nodiscard]] QString serialStatus() const { return m_serial.statusText(); }
    [[nodiscard]] QVariantList deviceReads() const { return m_deviceReads; }
    [[nodiscard]] bool audioAvailable() const;
    [[nodiscard]] QString audioOutput() const;
    [[nodiscard]] StatusMessage *status() { return &m_status; }

    Q_INVOKABLE void refreshDevices();
    /// Shows what @p device read last (the Settings screen's "what each reads, live").
    void noteRead(const QString &device, const QString &data);

Q_SIGNALS:
    void settingsChanged();
    void devicesChanged();
    void serialStatusChanged();
    void deviceReadsChanged();

private:
    void loadSettings();
    void save(const QString &key, const QVariant &value);

    static inline DeviceSettingsController *s_instance = nullptr;
    store::Settings *m_settings;
    scanning::ScanPipeline &m_pipeline;
    input::WedgeDetector &m_wedge;
    input::SerialScanner &m_serial;
    QMediaDevices m_mediaDevices; // cameras and sound devices coming and going
    StatusMessage m_status;
    bool m_muted = false;
    QString m_cameraId, m_cameraResolution;
    bool m_serialEnabled = false;
    QVariantList m_deviceReads;
};

} // namespace closient::models
