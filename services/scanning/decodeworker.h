// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "isolateddecoder.h"
#include "scanresult.h"

#include <QImage>
#include <QObject>
#include <QSize>
#include <QVideoFrame>

namespace closient::scanning {

/** What one frame (or still image) gave, with the times the latency figures need. */
struct FrameResult
{
    quint64 number = 0;
    qint64 arrivalNs = 0; // when the frame reached the workstation (monotonic clock)
    qint64 decodedNs = 0; // when the decoder's answer was back
    QSize size;
    bool still = false;
    DecodeOutcome outcome;
};

/// The monotonic clock every frame time is read from (nanoseconds).
[[nodiscard]] qint64 monotonicNs();

/**
 * Hands frames to the isolated decoder, on its own thread (the KDE Prison pattern): the luminance plane is
 * taken from the mapped frame without conversion where the pixel format allows, and the answer goes back by
 * queued signal. NOTE: every slot runs on the decode thread.
 */
class DecodeWorker : public QObject
{
    Q_OBJECT
public:
    explicit DecodeWorker(QString workerPath = IsolatedDecoder::defaultWorkerPath(), QObject *parent = nullptr);

public Q_SLOTS:
    // NOTE: runs on the decode thread.
    void decodeVideoFrame(const QVideoFrame &frame, qint64 arrivalNs, quint64 number, quint32 strategy);
    // NOTE: runs on the decode thread.
    void decodeImage(const QImage &image, qint64 arrivalNs, quint64 number, quint32 strategy);

Q_SIGNALS:
    void decoded(const closient::scanning::FrameResult &result);

private:
    IsolatedDecoder m_decoder;
    QByteArray m_packed; // reused buffer for packed YUV frames
};

} // namespace closient::scanning

Q_DECLARE_METATYPE(closient::scanning::FrameResult)
