// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanpipeline.h"
#include "serialscanner.h"
#include "types.h"
#include "wedgedetector.h"

#include <QMediaDevices>
#include <QObject>
#include <QQmlEngine>
#include <QSoundEffect>
#include <QVariantList>
#include <QVideoSink>

namespace closient::store {
class Database;
class Settings;
} // namespace closient::store

namespace closient::models {

class DeviceSettingsController;

/**
 * What the Scan screen does: choose and run a picture source, show what is read, capture into the current session
 * with sound and overlay feedback, and capture what the hand scanners (wedge and serial) read. The devices
 * themselves are set up in DeviceSettingsController.
 */
class ScanController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(QString sessionTitle READ sessionTitle NOTIFY sessionIdChanged)
    Q_PROPERTY(QVariantList sessions READ sessions NOTIFY sessionsChanged)
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(QString sourceKind READ sourceKind NOTIFY sourceChanged)
    Q_PROPERTY(bool cameraSource READ cameraSource NOTIFY sourceChanged)
    Q_PROPERTY(QString sourceName READ sourceName NOTIFY sourceChanged)
    Q_PROPERTY(SourceState sourceState READ sourceState NOTIFY sourceChanged)
    Q_PROPERTY(QString sourceStatus READ sourceStatus NOTIFY sourceChanged)
    Q_PROPERTY(bool torchAvailable READ torchAvailable NOTIFY sourceChanged)
    Q_PROPERTY(QVariantMap stats READ stats NOTIFY statsChanged)
    Q_PROPERTY(QVariantList marks READ marks NOTIFY marksChanged)
    Q_PROPERTY(int frameWidth READ frameWidth NOTIFY marksChanged)
    Q_PROPERTY(int frameHeight READ frameHeight NOTIFY marksChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(MessageKind messageKind READ messageKind NOTIFY messageChanged)
    Q_PROPERTY(bool canCaptureAgain READ canCaptureAgain NOTIFY messageChanged)

public:
    /// What the last message says about the last read.
    enum class MessageKind { None, Captured, Duplicate, Rejected, Notice };
    Q_ENUM(MessageKind)
    /// Where the picture source is (none: Stopped).
    enum class SourceState { Stopped, Starting, Running, Finished, Unavailable, Error };
    Q_ENUM(SourceState)

    /// The services are the application's (app/main.cpp builds them): the scan pipeline, the keyboard-wedge detector
    /// (installed as the application's event filter by main) and the serial scanner.
    ScanController(store::Database *db, DeviceSettingsController &devices, scanning::ScanPipeline &pipeline,
        input::WedgeDetector &wedge, input::SerialScanner &serial, QObject *parent = nullptr);
    ~ScanController() override;

    static void setInstance(ScanController *instance) { s_instance = instance; }
    static ScanController *create(QQmlEngine *, QJSEngine *);

    /// The session every capture goes into (camera, files, hand scanners); empty when none is chosen.
    [[nodiscard]] QString sessionId() const { return m_pipeline.sessionId(); }
    /// Chooses the session to capture into. A session that is not active or takes photos only is refused, and
    /// the refusal is said on screen.
    void setSessionId(const QString &id);
    [[nodiscard]] QString sessionTitle() const;
    /// The sessions barcodes can go into: active, not photos-only; most recently active first [{sessionId, title}].
    [[nodiscard]] QVariantList sessions() const { return m_sessions; }
    [[nodiscard]] QVideoSink *videoSink() const { return m_viewSink; }
    void setVideoSink(QVideoSink *sink);
    [[nodiscard]] QString sourceKind() const;
    /// The picture comes from a camera (not a file or images).
    [[nodiscard]] bool cameraSource() const { return sourceKind() == u"camera"; }
    [[nodiscard]] QString sourceName() const;
    [[nodiscard]] SourceState sourceState() const;
    [[nodiscard]] QString sourceStatus() const;
    [[nodiscard]] bool torchAvailable() const;
    [[nodiscard]] QVariantMap stats() const;
    [[nodiscard]] QVariantList marks() const { return m_marks; }
    [[nodiscard]] int frameWidth() const { return m_frameSize.width(); }
    [[nodiscard]] int frameHeight() const { return m_frameSize.height(); }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] MessageKind messageKind() const { return m_messageKind; }
    [[nodiscard]] bool canCaptureAgain() const { return m_messageKind == MessageKind::Duplicate; }
    /// Whether feedback sounds can be heard: there is an audio output device.
    /// The audio output the sounds play on, by its name.

    Q_INVOKABLE void startCamera();
    /// Opens files dropped or chosen: videos play, images (or folders of them) are read one by one.
    Q_INVOKABLE void openFiles(const QList<QUrl> &urls);
    /// Opens @p urls as soon as the Scan screen shows its view and the sessions to capture into are known
    /// (`--scan FILE`).
    void openAtStart(const QList<QUrl> &urls);
    Q_INVOKABLE void stopSource();
    Q_INVOKABLE void setTorch(bool on);
    Q_INVOKABLE void captureAgain();
    /// Takes away the message about the last code (the person started typing the next one).
    Q_INVOKABLE void clearMessage() { say(MessageKind::None, {}); }
    /// For the hand scanners and tests: a code as a scanner would send it.
    Q_INVOKABLE void scannerCode(const QString &data, const QString &device);
    /// The capture target is a count (the Counts page is in front with a count open): every code the station
    /// reads, camera, files, keyboard wedge and serial scanners, goes to @p target (data, symbology identifier,
    /// source) instead of the session; hand-scanner codes skip the duplicate window (each trigger counts).
    /// Empty: codes go to the session again.
    using CountTarget = scanning::ScanPipeline::CodeTarget;
    void setCountTarget(CountTarget target);
    [[nodiscard]] bool countIsTarget() const { return bool(m_countTarget); }

    [[nodiscard]] scanning::ScanPipeline &pipeline() { return m_pipeline; }
    [[nodiscard]] input::WedgeDetector &wedgeDetector() { return m_wedge; }

Q_SIGNALS:
    void sessionIdChanged();
    void sessionsChanged();
    void videoSinkChanged();
    void sourceChanged();
    void statsChanged();
    void marksChanged();
    void messageChanged();
    void captured(const QString &summary);

private:
    void say(MessageKind kind, const QString &text);
    void refreshSessions();
    void applySessions(const std::vector<store::Session> &active);
    void play(QSoundEffect &sound);

    static inline ScanController *s_instance = nullptr;
    store::Database *m_db;
    DeviceSettingsController &m_devices; // the camera, the sound and what each device read
    scanning::ScanPipeline &m_pipeline;
    QPointer<QVideoSink> m_viewSink;
    input::WedgeDetector &m_wedge;
    input::SerialScanner &m_serial;
    QSoundEffect m_acceptSound, m_duplicateSound, m_rejectSound;
    QVariantList m_marks;
    QSize m_frameSize;
    QString m_message;
    MessageKind m_messageKind = MessageKind::None;
    QVariantList m_sessions; // see sessions()
    std::vector<store::Session> m_active; // every active session, photos-only ones too
    QString m_confirmedSessionId; // the last target known to take barcodes, to go back to when a choice is refused
    bool m_sessionsLoaded = false;
    bool m_sessionsQueued = false;
    QList<QUrl> m_startFiles; // see openAtStart()
    CountTarget m_countTarget; // see setCountTarget()
    void openStartFiles();
};

} // namespace closient::models
