// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanpipeline.h"

#include "captureservice.h"
#include "displaytext.h"
#include "imagesource.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPipeline, "closient.scanning.pipeline")

namespace closient::scanning {

namespace {
qint64 nowMs()
{
    return monotonicNs() / 1'000'000;
}

QString describe(const gs1::ParseResult &p, const QString &text)
{
    if (!p.gtin14.isEmpty())
        return p.lot().isEmpty() ? u"GTIN %1"_s.arg(p.gtin14) : u"GTIN %1 · Lot %2"_s.arg(p.gtin14, p.lot());
    return visibleText(text.left(60));
}
} // namespace

ScanPipeline::ScanPipeline(store::Database *db, QObject *parent, QString workerPath)
    : QObject(parent)
    , m_db(db)
    , m_scanner(nullptr, std::move(workerPath))
{
    qRegisterMetaType<CodeMark>();
    connect(&m_scanner, &LiveScanner::frameDecoded, this, &ScanPipeline::onFrame);
    setVideoSink(nullptr);
}

ScanPipeline::~ScanPipeline()
{
    stopSource();
    m_scanner.setVideoSink(nullptr);
}

QString ScanPipeline::labelFor(const QString &symbologyId, const QString &text)
{
    const QString key = symbologyId + text;
    if (const auto it = m_labels.constFind(key); it != m_labels.cend())
        return *it;
    if (m_labels.size() > 512) // codes come and go; a long session does not keep every label
        m_labels.clear();
    const QString label = describe(gs1::parse(key, gs1::ParseOptions::scanning()), text);
    m_labels.insert(key, label);
    return label;
}

void ScanPipeline::setSessionId(const QString &id)
{
    if (id == m_sessionId)
        return;
    m_sessionId = id;
    m_policy.reset();
    m_capturedAtMs.clear();
    m_lastDuplicate.reset();
}

void ScanPipeline::setVideoSink(QVideoSink *sink)
{
    m_sink = sink ? sink : &m_ownSink;
    m_scanner.setVideoSink(m_sink);
    if (m_source && m_source->state() != FrameSource::State::Stopped) {
        m_source->stop();
        m_source->start(m_sink); // the view changed: show the pictures in the new one
    }
}

QVideoSink *ScanPipeline::videoSink() const
{
    return m_sink;
}

void ScanPipeline::setSource(std::unique_ptr<FrameSource> source)
{
    stopSource();
    m_source = std::move(source);
    if (!m_source)
        return;
    connect(m_source.get(), &FrameSource::stateChanged, this, &ScanPipeline::sourceChanged);
    auto *images = qobject_cast<ImageSource *>(m_source.get());
    m_scanner.setDecodingFrames(!images); // still images are read one by one, thoroughly, not as frames
    if (images) {
        connect(images, &ImageSource::imageReady, this,
            [this](const QImage &image, const QString &) { m_scanner.submitImage(image); });
        connect(images, &ImageSource::unreadable, this,
            [this](const QString &file, const QString &reason) { Q_EMIT rejected(file, reason); });
    }
    m_source->start(m_sink);
    Q_EMIT sourceChanged();
}

void ScanPipeline::stopSource()
{
    if (!m_source)
        return;
    m_source->stop();
    m_source.reset();
    m_scanner.setDecodingFrames(true);
    Q_EMIT sourceChanged();
}

void ScanPipeline::onFrame(const FrameResult &result)
{
    QList<CodeMark> marks;
    const QString source = m_source ? m_source->captureSource() : u"camera"_s;
    for (const auto &r : result.outcome.results) {
        Seen s;
        s.key = r.symbologyId + r.text;
        s.text = r.text;
        s.symbologyId = r.symbologyId;
        s.format = r.format;
        s.source = source;
        s.arrivalNs = result.arrivalNs;
        CodeMark mark;
        for (const auto &p : r.quad) {
            mark.quad << p;
            s.quad.append(QJsonArray { p.x(), p.y() });
        }
        // A still image is one careful look, no second frame: it counts as confirmed.
        mark.state = handle(s, r.isLinear(), result.still);
        mark.label = labelFor(r.symbologyId, r.text);
        marks << mark;
    }
    if (result.outcome.crashes > 0)
        qCInfo(lcPipeline) << "frame" << result.number << "was unreadable: the decoder stopped and was restarted";
    Q_EMIT marksChanged(result.size, marks);
    if (result.still) {
        auto *images = qobject_cast<ImageSource *>(m_source.get());
        if (images) {
            QTimer::singleShot(m_imageDwellMs, images, [this, images] {
                if (!images->next())
                    Q_EMIT imagesDone();
            });
        }
    }
}

CodeMark::State ScanPipeline::handle(const Seen &seen, bool linear, bool confirmed)
{
    switch (m_policy.observe(seen.key, linear, confirmed, nowMs())) {
    case ConfirmationPolicy::Decision::Pending:
        return CodeMark::State::Pending;
    case ConfirmationPolicy::Decision::Quiet:
        return m_capturedAtMs.contains(seen.key) ? CodeMark::State::Captured : CodeMark::State::Seen;
    case ConfirmationPolicy::Decision::Duplicate: {
        if (m_codeTarget) { // captured into a session earlier: a count takes it anyway
            submit(seen);
            return CodeMark::State::Captured;
        }
        m_lastDuplicate = seen;
        const int ago = int((nowMs() - m_capturedAtMs.value(seen.key)) / 1000);
        Q_EMIT duplicate(seen.text, labelFor(seen.symbologyId, seen.text), ago);
        return CodeMark::State::Duplicate;
    }
    case ConfirmationPolicy::Decision::Capture:
        submit(seen);
        return CodeMark::State::Captured;
    }
    return CodeMark::State::Seen;
}

void ScanPipeline::submit(const Seen &seen)
{
    if (m_codeTarget) {
        m_codeTarget(seen.text, seen.symbologyId, seen.source);
        return;
    }
    if (m_sessionId.isEmpty()) {
        Q_EMIT rejected(seen.text, tr("No session is open: start or choose a session to capture codes"));
        return;
    }
    store::CaptureRequest r;
    r.sessionId = m_sessionId;
    r.captureType = u"BARCODE"_s;
    r.rawValue = seen.text;
    r.symbologyId = seen.symbologyId;
    r.format = seen.format;
    r.source = seen.source;
    r.quad = seen.quad;
    store::CaptureService(m_db).submit(r).then(
        this, [this, seen, session = m_sessionId](const store::CaptureOutcome &o) {
            if (session != m_sessionId)
                return;
            if (o.captured) {
                // On disk now: only from here may the operator hear and see it.
                m_policy.captured(seen.key, nowMs());
                m_capturedAtMs.insert(seen.key, nowMs());
                const double latency = double(monotonicNs() - seen.arrivalNs) / 1e6;
                m_latencies.push_back(latency);
                Q_EMIT captured(o.capture, describe(o.parsed, seen.text), latency);
            } else {
                Q_EMIT rejected(seen.text, o.reason);
            }
        });
}

void ScanPipeline::submitScannerCode(const QString &data, const QString &source)
{
    Seen s;
    s.key = data;
    s.text = data;
    s.source = source;
    s.arrivalNs = monotonicNs();
    handle(s, true, true);
}

void ScanPipeline::captureAgain()
{
    if (!m_lastDuplicate)
        return;
    auto s = *m_lastDuplicate;
    m_lastDuplicate.reset();
    s.arrivalNs = monotonicNs();
    submit(s);
}

} // namespace closient::scanning
