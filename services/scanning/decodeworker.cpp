// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodeworker.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWorker, "closient.scanning.worker")

namespace closient::scanning {

qint64 monotonicNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

DecodeWorker::DecodeWorker(QString workerPath, QObject *parent)
    : QObject(parent)
    , m_decoder(std::move(workerPath))
{ }

void DecodeWorker::decodeVideoFrame(const QVideoFrame &input, qint64 arrivalNs, quint64 number, quint32 strategy)
{
    FrameResult r;
    r.number = number;
    r.arrivalNs = arrivalNs;
    QVideoFrame frame(input);
    r.size = frame.size();
    const auto s = Strategy(strategy);
    if (!frame.map(QVideoFrame::ReadOnly)) {
        r.outcome.error = tr("the frame could not be read");
    } else {
        const int w = frame.width(), h = frame.height();
        switch (frame.pixelFormat()) {
        case QVideoFrameFormat::Format_YUV420P:
        case QVideoFrameFormat::Format_YUV422P:
        case QVideoFrameFormat::Format_YV12:
        case QVideoFrameFormat::Format_NV12:
        case QVideoFrameFormat::Format_NV21:
        case QVideoFrameFormat::Format_IMC1:
        case QVideoFrameFormat::Format_IMC2:
        case QVideoFrameFormat::Format_IMC3:
        case QVideoFrameFormat::Format_IMC4:
        case QVideoFrameFormat::Format_Y8:
            // Planar YUV: plane 0 is the luminance image itself.
            r.outcome = m_decoder.decodeGray(frame.bits(0), w, h, frame.bytesPerLine(0), s);
            break;
        case QVideoFrameFormat::Format_YUYV:
        case QVideoFrameFormat::Format_UYVY: {
            // Packed YUV: every other byte is luminance.
            const int offset = frame.pixelFormat() == QVideoFrameFormat::Format_UYVY ? 1 : 0;
            m_packed.resize(qsizetype(w) * h);
            for (int y = 0; y < h; ++y) {
                const uchar *src = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0) + offset;
                auto *dst = reinterpret_cast<uchar *>(m_packed.data()) + qsizetype(y) * w;
                for (int x = 0; x < w; ++x)
                    dst[x] = src[2 * x];
            }
            r.outcome = m_decoder.decodeGray(reinterpret_cast<const uchar *>(m_packed.constData()), w, h, w, s);
            break;
        }
        default: {
            frame.unmap();
            const QImage gray = frame.toImage().convertToFormat(QImage::Format_Grayscale8);
            r.outcome
                = m_decoder.decodeGray(gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()), s);
            break;
        }
        }
        if (frame.isMapped())
            frame.unmap();
    }
    r.decodedNs = monotonicNs();
    Q_EMIT decoded(r);
}

void DecodeWorker::decodeImage(const QImage &image, qint64 arrivalNs, quint64 number, quint32 strategy)
{
    FrameResult r;
    r.number = number;
    r.arrivalNs = arrivalNs;
    r.size = image.size();
    r.still = true;
    const QImage gray
        = image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    r.outcome = m_decoder.decodeGray(
        gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()), Strategy(strategy), 0, 30000);
    r.decodedNs = monotonicNs();
    Q_EMIT decoded(r);
}

} // namespace closient::scanning
