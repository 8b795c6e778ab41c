// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodeworker.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QVideoSink>

#include <atomic>
#include <deque>

namespace closient::scanning {

/**
 * Watches a QVideoSink and decodes what it shows, without ever holding the video back: a frame that arrives
 * while the decode thread is busy is dropped (and counted). Still images are queued instead, never dropped.
 * Results come back on the owner's thread through frameDecoded().
 */
class LiveScanner : public QObject
{
    Q_OBJECT
public:
    explicit LiveScanner(QObject *parent = nullptr, QString workerPath = IsolatedDecoder::defaultWorkerPath());
    ~LiveScanner() override;

    /// The sink whose frames are decoded (the view's, or one of our own without a view). Not owned.
    void setVideoSink(QVideoSink *sink);
    [[nodiscard]] QVideoSink *videoSink() const { return m_sink; }
    /// While false, frames are shown but not decoded (e.g. while still images are being read).
    void setDecodingFrames(bool on) { m_decodeFrames = on; }
    void setStrategy(Strategy s) { m_strategy = quint32(s); }

    /// Queues a still image (decoded with the thorough cascade). Returns its number.
    quint64 submitImage(const QImage &image);

    /** Counters since the last reset; frames per second over the last second. */
    struct Stats
    {
        quint64 frames = 0;
        quint64 dropped = 0;
        quint64 decoded = 0;
        quint64 crashes = 0;
        double fps = 0; // frames the source delivers
        double decodedFps = 0; // frames the decoder reads
        double decodeMs = 0; // the last frame's
    };
    [[nodiscard]] Stats stats() const;
    void resetStats();

Q_SIGNALS:
    void frameDecoded(const closient::scanning::FrameResult &result);
    void statsChanged();

private:
    // NOTE: runs on the thread that delivers video frames (GStreamer's), or the owner's.
    void onFrame(const QVideoFrame &frame);
    void onDecoded(const FrameResult &result);
    void sendNextImage();

    QThread m_thread;
    DecodeWorker *m_worker = nullptr;
    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_sinkConnection;
    std::atomic<bool> m_busy { false };
    std::atomic<bool> m_decodeFrames { true };
    std::atomic<quint32> m_strategy { quint32(Strategy::Frame) };
    std::atomic<quint64> m_frames { 0 }, m_dropped { 0 }, m_nextNumber { 1 };
    quint64 m_decoded = 0, m_crashes = 0;
    double m_lastDecodeMs = 0;
    std::deque<std::pair<quint64, QImage>> m_images;
    bool m_imageInFlight = false;
    QTimer m_statsTimer;
    qint64 m_lastSampleNs = 0;
    quint64 m_lastFrames = 0, m_lastDecoded = 0;
    double m_fps = 0, m_decodedFps = 0;
};

} // namespace closient::scanning
