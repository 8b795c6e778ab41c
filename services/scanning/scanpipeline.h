// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "confirmationpolicy.h"
#include "framesource.h"
#include "livescanner.h"
#include "types.h"

#include <QObject>
#include <QPolygonF>
#include <QVideoSink>

#include <functional>
#include <memory>
#include <vector>

namespace closient::store {
class Database;
}

namespace closient::scanning {

/** A code on screen and what became of it, for the overlay. */
struct CodeMark
{
    enum class State { Seen, Pending, Captured, Duplicate, Rejected };
    QPolygonF quad; // frame pixels
    QString label;
    State state = State::Seen;
};

/**
 * From picture to capture: frames from a source are decoded, each code goes through the confirmation policy,
 * and a confirmed code becomes a BARCODE capture of the current session through the capture service, which
 * stores it and its outbox row before anything is announced. Hand scanners enter at submitScannerCode().
 */
class ScanPipeline : public QObject
{
    Q_OBJECT
public:
    explicit ScanPipeline(
        store::Database *db, QObject *parent = nullptr, QString workerPath = IsolatedDecoder::defaultWorkerPath());
    ~ScanPipeline() override;

    void setSessionId(const QString &id);
    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    void setPolicy(const PolicySettings &settings) { m_policy.setSettings(settings); }
    [[nodiscard]] const PolicySettings &policy() const { return m_policy.settings(); }

    /// Where frames are shown and read from; without one the pipeline keeps a sink of its own.
    void setVideoSink(QVideoSink *sink);
    [[nodiscard]] QVideoSink *videoSink() const;

    /// Starts @p source (the pipeline owns it); the previous source stops.
    void setSource(std::unique_ptr<FrameSource> source);
    [[nodiscard]] FrameSource *source() const { return m_source.get(); }
    void stopSource();

    /// Another home than the session for the codes the camera confirms (an inventory count): while set, each
    /// confirmed code goes to @p target (text, symbology identifier, source) instead of becoming a capture, and
    /// no duplicate window applies (a code held in view counts once; shown again, it counts again). Empty: back to
    /// the session.
    using CodeTarget = std::function<void(const QString &text, const QString &symbologyId, const QString &source)>;
    void setCodeTarget(CodeTarget target) { m_codeTarget = std::move(target); }
    [[nodiscard]] bool hasCodeTarget() const { return bool(m_codeTarget); }
    /// A code from a hand scanner (keyboard wedge or serial): its trigger already confirmed it.
    void submitScannerCode(const QString &data, const QString &source);
    /// Captures the last code reported as a duplicate anyway (the operator asked for it).
    void captureAgain();

    [[nodiscard]] LiveScanner &scanner() { return m_scanner; }
    /// Frame arrival → stored capture, in milliseconds, for every capture so far (for the benchmark).
    [[nodiscard]] const std::vector<double> &captureLatenciesMs() const { return m_latencies; }
    /// Milliseconds between images of a still-image source (0 = as fast as they are read).
    void setImageDwellMs(int ms) { m_imageDwellMs = ms; }

Q_SIGNALS:
    void marksChanged(const QSize &frameSize, const QList<closient::scanning::CodeMark> &marks);
    void captured(const closient::store::Capture &capture, const QString &summary, double latencyMs);
    void rejected(const QString &rawValue, const QString &reason);
    void duplicate(const QString &rawValue, const QString &summary, int secondsAgo);
    void sourceChanged();
    void imagesDone();

private:
    struct Seen
    {
        QString key;
        QString text;
        QString symbologyId;
        QString format;
        QString source;
        QJsonArray quad;
        qint64 arrivalNs = 0;
    };
    void onFrame(const FrameResult &result);
    CodeMark::State handle(const Seen &seen, bool linear, bool confirmed);
    void submit(const Seen &seen);

    store::Database *m_db;
    QString m_sessionId;
    ConfirmationPolicy m_policy;
    LiveScanner m_scanner;
    QVideoSink m_ownSink;
    QPointer<QVideoSink> m_sink;
    std::unique_ptr<FrameSource> m_source;
    QHash<QString, qint64> m_capturedAtMs; // for "captured N seconds ago"
    QHash<QString, QString> m_labels; // the words shown for a code, parsed once per code (not once per frame)
    [[nodiscard]] QString labelFor(const QString &symbologyId, const QString &text);
    std::optional<Seen> m_lastDuplicate;
    std::vector<double> m_latencies;
    int m_imageDwellMs = 700;
    CodeTarget m_codeTarget;
};

} // namespace closient::scanning

Q_DECLARE_METATYPE(closient::scanning::CodeMark)
