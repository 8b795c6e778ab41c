// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scancontroller.h"

#include "camerasource.h"
#include "database.h"
#include "devicesettingscontroller.h"
#include "displayformat.h"
#include "displaytext.h"
#include "imagesource.h"
#include "sessionlistmodel.h"
#include "sessionrepository.h"
#include "videofilesource.h"

#include <QAudioDevice>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaDevices>
#include <QMimeDatabase>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace closient::scanning;

namespace closient::models {

namespace {
QString stateName(CodeMark::State s)
{
    switch (s) {
    case CodeMark::State::Seen:
        return u"seen"_s;
    case CodeMark::State::Pending:
        return u"pending"_s;
    case CodeMark::State::Captured:
        return u"captured"_s;
    case CodeMark::State::Duplicate:
        return u"duplicate"_s;
    case CodeMark::State::Rejected:
        return u"rejected"_s;
    }
    return {};
}

ScanController::SourceState sourceStateOf(FrameSource::State s)
{
    switch (s) {
    case FrameSource::State::Stopped:
        return ScanController::SourceState::Stopped;
    case FrameSource::State::Starting:
        return ScanController::SourceState::Starting;
    case FrameSource::State::Running:
        return ScanController::SourceState::Running;
    case FrameSource::State::Finished:
        return ScanController::SourceState::Finished;
    case FrameSource::State::Unavailable:
        return ScanController::SourceState::Unavailable;
    case FrameSource::State::Error:
        break;
    }
    return ScanController::SourceState::Error;
}
} // namespace

ScanController::ScanController(store::Database *db, DeviceSettingsController &devices, ScanPipeline &pipeline,
    input::WedgeDetector &wedge, input::SerialScanner &serial, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_devices(devices)
    , m_pipeline(pipeline)
    , m_wedge(wedge)
    , m_serial(serial)
{
    for (auto [sound, file] :
        { std::pair { &m_acceptSound, "accept" }, { &m_duplicateSound, "duplicate" }, { &m_rejectSound, "reject" } })
        sound->setSource(QUrl(u"qrc:/sounds/%1.wav"_s.arg(QString::fromLatin1(file))));

    connect(&m_pipeline, &ScanPipeline::sourceChanged, this, [this] {
        if (auto *s = m_pipeline.source())
            connect(s, &FrameSource::stateChanged, this, &ScanController::sourceChanged, Qt::UniqueConnection);
        Q_EMIT sourceChanged();
    });
    connect(&m_pipeline.scanner(), &LiveScanner::statsChanged, this, &ScanController::statsChanged);
    connect(&m_pipeline, &ScanPipeline::marksChanged, this, [this](const QSize &size, const QList<CodeMark> &marks) {
        m_frameSize = size;
        m_marks.clear();
        for (const auto &m : marks) {
            QVariantList points;
            for (const auto &p : m.quad)
                points << p;
            m_marks << QVariantMap { { u"points"_s, points }, { u"state"_s, stateName(m.state) },
                { u"label"_s, m.label } };
            if (m_pipeline.source())
                m_devices.noteRead(m_pipeline.source()->captureSource(), m.label);
        }
        // "Already captured" is about one code: the next read of anything else takes it away.
        if (m_messageKind == MessageKind::Duplicate && !marks.isEmpty()
            && std::none_of(
                marks.begin(), marks.end(), [](const CodeMark &m) { return m.state == CodeMark::State::Duplicate; }))
            say(MessageKind::None, {});
        Q_EMIT marksChanged();
    });
    connect(&m_pipeline, &ScanPipeline::captured, this, [this](const store::Capture &, const QString &summary, double) {
        say(MessageKind::Captured, tr("Captured into “%1”: %2").arg(sessionTitle(), summary));
        play(m_acceptSound);
        Q_EMIT captured(summary);
    });
    connect(&m_pipeline, &ScanPipeline::duplicate, this, [this](const QString &, const QString &summary, int ago) {
        say(MessageKind::Duplicate, tr("Already captured %1 s ago: %2").arg(ago).arg(summary));
        play(m_duplicateSound);
    });
    connect(&m_pipeline, &ScanPipeline::rejected, this, [this](const QString &code, const QString &reason) {
        // The code is named: a scan from a hand scanner may have come from across the room.
        say(MessageKind::Rejected, tr("Not captured, %1: %2").arg(visibleText(code.left(40)), reason));
        play(m_rejectSound);
    });

    connect(&m_wedge, &input::WedgeDetector::scanned, this,
        [this](const QString &data) { scannerCode(data, tr("keyboard scanner")); });
    connect(&m_wedge, &input::WedgeDetector::scannedIntoDialog, this, [this](const QString &data) {
        m_devices.noteRead(tr("keyboard scanner"), visibleText(data));
        say(MessageKind::Notice, tr("Typed into the open dialog, not captured: %1").arg(visibleText(data.left(60))));
        play(m_duplicateSound);
    });
    connect(&m_serial, &input::SerialScanner::scanned, this,
        [this](const QString &data) { scannerCode(data, u"serial:"_s + m_serial.settings().portName); });
    connect(m_db, &store::Database::ready, this, &ScanController::refreshSessions);
    connect(m_db, &store::Database::sessionChanged, this, &ScanController::refreshSessions);
    connect(m_db, &store::Database::sessionsExpired, this, &ScanController::refreshSessions);
    connect(m_db, &store::Database::changedElsewhere, this, &ScanController::refreshSessions);
}

ScanController::~ScanController()
{
    m_pipeline.stopSource();
}

ScanController *ScanController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void ScanController::setSessionId(const QString &id)
{
    if (id == sessionId())
        return;
    const auto it = std::find_if(m_active.begin(), m_active.end(), [&](const auto &s) { return s.id == id; });
    if (it != m_active.end()) {
        if (it->captureMode == u"product_photography") {
            say(MessageKind::Notice,
                tr("“%1” takes photos only: choose or start a session for barcodes").arg(SessionListModel::title(*it)));
            return;
        }
    }
    m_pipeline.setSessionId(id);
    say(MessageKind::None, {});
    Q_EMIT sessionIdChanged();
    if (id.isEmpty() || it != m_active.end())
        m_confirmedSessionId = id;
    else
        refreshSessions(); // a session this controller has not seen yet (just created): checked when it is read
}

QString ScanController::sessionTitle() const
{
    for (const auto &s : m_active) {
        if (s.id == sessionId())
            return SessionListModel::title(s);
    }
    return {};
}

void ScanController::refreshSessions()
{
    if (m_sessionsQueued || !m_db->isOpen())
        return;
    m_sessionsQueued = true; // many changes in one go cost one query
    QTimer::singleShot(0, this, [this] {
        m_sessionsQueued = false;
        store::SessionRepository(m_db).list(u"ACTIVE"_s).then(this, [this](const std::vector<store::Session> &active) {
            applySessions(active);
        });
    });
}

void ScanController::applySessions(const std::vector<store::Session> &active)
{
    const QString before = sessionTitle();
    m_active = active;
    m_sessions.clear();
    for (const auto &s : m_active) {
        if (s.captureMode != u"product_photography")
            m_sessions << QVariantMap { { u"sessionId"_s, s.id }, { u"title"_s, SessionListModel::title(s) } };
    }
    Q_EMIT sessionsChanged();
    if (!m_sessionsLoaded) {
        // The first time: the most recently active session that takes barcodes, so scanning works at once.
        m_sessionsLoaded = true;
        if (sessionId().isEmpty() && !m_sessions.isEmpty())
            setSessionId(m_sessions.first().toMap().value(u"sessionId"_s).toString());
        openStartFiles();
        Q_EMIT sessionIdChanged();
        return;
    }
    const auto takesBarcodes = [this](const QString &id) {
        return std::any_of(m_sessions.begin(), m_sessions.end(),
            [&](const QVariant &s) { return s.toMap().value(u"sessionId"_s).toString() == id; });
    };
    const auto target
        = std::find_if(m_active.begin(), m_active.end(), [this](const auto &s) { return s.id == sessionId(); });
    if (!sessionId().isEmpty() && !takesBarcodes(sessionId())) {
        // Never move captures silently into another session: a refused choice goes back to the session chosen
        // before it (still on screen in the picker), an ended one leaves none until the operator chooses.
        const bool goBack
            = target != m_active.end() && m_confirmedSessionId != sessionId() && takesBarcodes(m_confirmedSessionId);
        m_pipeline.setSessionId(goBack ? m_confirmedSessionId : QString());
        if (!goBack)
            m_confirmedSessionId.clear();
        Q_EMIT sessionIdChanged();
        if (target != m_active.end())
            say(MessageKind::Notice,
                tr("“%1” takes photos only: choose or start a session for barcodes")
                    .arg(SessionListModel::title(*target)));
        else if (!before.isEmpty())
            say(MessageKind::Notice, tr("“%1” has ended: choose or start a session to keep capturing").arg(before));
        else
            say(MessageKind::Notice, tr("That session is not active: choose or start a session to keep capturing"));
    } else {
        m_confirmedSessionId = sessionId();
        Q_EMIT sessionIdChanged(); // its title may have changed
    }
}

void ScanController::setVideoSink(QVideoSink *sink)
{
    if (sink == m_viewSink)
        return;
    m_viewSink = sink;
    m_pipeline.setVideoSink(sink);
    Q_EMIT videoSinkChanged();
    openStartFiles();
}

QString ScanController::sourceKind() const
{
    return m_pipeline.source() ? m_pipeline.source()->kind() : QString();
}

QString ScanController::sourceName() const
{
    return m_pipeline.source() ? m_pipeline.source()->name() : QString();
}

ScanController::SourceState ScanController::sourceState() const
{
    return m_pipeline.source() ? sourceStateOf(m_pipeline.source()->state()) : SourceState::Stopped;
}

QString ScanController::sourceStatus() const
{
    return m_pipeline.source() ? m_pipeline.source()->statusText()
                               : tr("No picture source: start the camera, or open a video or images");
}

bool ScanController::torchAvailable() const
{
    const auto *camera = qobject_cast<CameraSource *>(m_pipeline.source());
    return camera && camera->torchAvailable();
}

QVariantMap ScanController::stats() const
{
    const auto s = const_cast<ScanPipeline &>(m_pipeline).scanner().stats();
    return {
        { u"fps"_s, qRound(s.fps * 10) / 10.0 },
        { u"decodedFps"_s, qRound(s.decodedFps * 10) / 10.0 },
        { u"decodeMs"_s, qRound(s.decodeMs * 10) / 10.0 },
        { u"frames"_s, s.frames },
        { u"droppedPercent"_s, s.frames ? qRound(1000.0 * double(s.dropped) / double(s.frames)) / 10.0 : 0.0 },
        { u"restarts"_s, s.crashes },
    };
}

void ScanController::say(MessageKind kind, const QString &text)
{
    m_messageKind = kind;
    m_message = text;
    Q_EMIT messageChanged();
}

void ScanController::play(QSoundEffect &sound)
{
    if (!m_devices.muted())
        sound.play();
}

void ScanController::setCountTarget(CountTarget target)
{
    m_countTarget = target;
    m_pipeline.setCodeTarget(std::move(target));
}

void ScanController::scannerCode(const QString &data, const QString &device)
{
    say(MessageKind::None, {}); // a message about the previous code goes with the next one
    m_devices.noteRead(device, visibleText(data));
    if (m_countTarget) {
        m_countTarget(data, {}, device);
        return;
    }
    m_pipeline.submitScannerCode(data, device);
}

void ScanController::startCamera()
{
    QSize resolution;
    const auto parts = m_devices.cameraResolution().split(u'x');
    if (parts.size() == 2)
        resolution = QSize(parts[0].toInt(), parts[1].toInt());
    m_pipeline.setSource(std::make_unique<CameraSource>(m_devices.cameraId(), resolution));
}

void ScanController::openFiles(const QList<QUrl> &urls)
{
    QStringList images, videos;
    const QMimeDatabase mime;
    for (const auto &url : urls) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
        const QFileInfo fi(path);
        if (fi.isDir() || mime.mimeTypeForFile(fi).name().startsWith(u"image/"))
            images << path;
        else
            videos << path;
    }
    if (!videos.isEmpty())
        m_pipeline.setSource(std::make_unique<VideoFileSource>(videos.first()));
    else if (!images.isEmpty())
        m_pipeline.setSource(std::make_unique<ImageSource>(images));
}

void ScanController::openAtStart(const QList<QUrl> &urls)
{
    m_startFiles = urls;
    openStartFiles();
}

void ScanController::openStartFiles()
{
    if (m_startFiles.isEmpty() || !m_viewSink || !m_sessionsLoaded)
        return;
    openFiles(std::exchange(m_startFiles, {}));
}

void ScanController::stopSource()
{
    m_pipeline.stopSource();
    m_marks.clear();
    Q_EMIT marksChanged();
}

void ScanController::setTorch(bool on)
{
    if (auto *camera = qobject_cast<CameraSource *>(m_pipeline.source()))
        camera->setTorch(on);
}

void ScanController::captureAgain()
{
    m_pipeline.captureAgain();
}

} // namespace closient::models
