// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livescanner.h"

namespace closient::scanning {

LiveScanner::LiveScanner(QObject *parent, QString workerPath)
    : QObject(parent)
    , m_worker(new DecodeWorker(std::move(workerPath)))
{
    qRegisterMetaType<FrameResult>();
    m_thread.setObjectName(QStringLiteral("closient-decode"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DecodeWorker::decoded, this, &LiveScanner::onDecoded, Qt::QueuedConnection);
    m_thread.start();
    m_statsTimer.setInterval(500);
    connect(&m_statsTimer, &QTimer::timeout, this, [this] {
        // Rates over the last interval: frames the source delivered, and frames the decoder read.
        const qint64 now = monotonicNs();
        const double seconds = double(now - m_lastSampleNs) / 1e9;
        if (seconds > 0) {
            m_fps = double(m_frames - m_lastFrames) / seconds;
            m_decodedFps = double(m_decoded - m_lastDecoded) / seconds;
        }
        m_lastSampleNs = now;
        m_lastFrames = m_frames;
        m_lastDecoded = m_decoded;
        Q_EMIT statsChanged();
    });
    m_statsTimer.start();
}

LiveScanner::~LiveScanner()
{
    setVideoSink(nullptr);
    m_thread.quit();
    m_thread.wait();
}

void LiveScanner::setVideoSink(QVideoSink *sink)
{
    if (m_sink == sink)
        return;
    disconnect(m_sinkConnection);
    m_sink = sink;
    if (sink) {
        // Direct: the frame is looked at on the thread that delivers it, and only handed on when the decoder is
        // free, so a busy decoder never queues frames up behind it.
        m_sinkConnection
            = connect(sink, &QVideoSink::videoFrameChanged, this, &LiveScanner::onFrame, Qt::DirectConnection);
    }
}

void LiveScanner::onFrame(const QVideoFrame &frame)
{
    if (!frame.isValid() || !m_decodeFrames)
        return;
    ++m_frames;
    const qint64 arrival = monotonicNs();
    bool expected = false;
    if (!m_busy.compare_exchange_strong(expected, true)) {
        ++m_dropped;
        return;
    }
    const quint64 number = m_nextNumber++;
    const quint32 strategy = m_strategy;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, frame, arrival, number, strategy] {
            worker->decodeVideoFrame(frame, arrival, number, strategy);
        },
        Qt::QueuedConnection);
}

quint64 LiveScanner::submitImage(const QImage &image)
{
    const quint64 number = m_nextNumber++;
    m_images.emplace_back(number, image);
    sendNextImage();
    return number;
}

void LiveScanner::sendNextImage()
{
    if (m_imageInFlight || m_images.empty())
        return;
    bool expected = false;
    if (!m_busy.compare_exchange_strong(expected, true)) {
        QTimer::singleShot(5, this, &LiveScanner::sendNextImage); // a live frame is being decoded: right after it
        return;
    }
    // Named members, not a structured binding: a lambda may not capture a binding before C++20 in every compiler
    // (clang before 16 refuses it).
    auto next = std::move(m_images.front());
    m_images.pop_front();
    const auto number = next.first;
    m_imageInFlight = true;
    const qint64 arrival = monotonicNs();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, image = std::move(next.second), arrival, number] {
            worker->decodeImage(image, arrival, number, quint32(Strategy::Still));
        },
        Qt::QueuedConnection);
}

void LiveScanner::onDecoded(const FrameResult &result)
{
    m_busy = false;
    ++m_decoded;
    m_crashes += quint64(result.outcome.crashes);
    m_lastDecodeMs = result.outcome.decodeMs;
    if (result.still)
        m_imageInFlight = false;
    Q_EMIT frameDecoded(result);
    sendNextImage();
}

LiveScanner::Stats LiveScanner::stats() const
{
    Stats s;
    s.frames = m_frames;
    s.dropped = m_dropped;
    s.decoded = m_decoded;
    s.crashes = m_crashes;
    s.decodeMs = m_lastDecodeMs;
    s.fps = m_fps;
    s.decodedFps = m_decodedFps;
    return s;
}

void LiveScanner::resetStats()
{
    m_frames = 0;
    m_dropped = 0;
    m_decoded = 0;
    m_crashes = 0;
    m_lastFrames = m_lastDecoded = 0;
    m_fps = m_decodedFps = 0;
}

} // namespace closient::scanning
