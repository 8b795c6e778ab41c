// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagesource.h"

#include "decoderprotocol.h"
#include "isolateddecoder.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImageReader>
#include <QVideoFrame>
#include <QVideoSink>

namespace closient::scanning {

ImageSource::ImageSource(const QStringList &paths, QObject *parent)
    : FrameSource(parent)
    , m_files(imageFiles(paths))
{ }

QStringList ImageSource::imageFiles(const QStringList &paths)
{
    QStringList patterns;
    for (const auto &f : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(f);
    QStringList out;
    for (const auto &p : paths) {
        const QFileInfo fi(p);
        if (fi.isDir()) {
            QStringList inFolder;
            QDirIterator it(p, patterns, QDir::Files);
            while (it.hasNext())
                inFolder << it.next();
            inFolder.sort();
            out << inFolder;
        } else if (fi.isFile()) {
            out << fi.absoluteFilePath();
        }
    }
    return out;
}

QString ImageSource::name() const
{
    return m_files.size() == 1 ? QFileInfo(m_files.first()).fileName() : tr("%1 images").arg(m_files.size());
}

QString ImageSource::captureSource() const
{
    return kind() + u':' + (m_current.isEmpty() ? name() : QFileInfo(m_current).fileName());
}

void ImageSource::start(QVideoSink *sink)
{
    m_sink = sink;
    m_index = 0;
    if (m_files.isEmpty()) {
        setState(State::Error, tr("There are no images to read there"));
        return;
    }
    setState(State::Running, tr("Reading %1").arg(name()));
    next();
}

void ImageSource::stop()
{
    m_index = int(m_files.size());
    setState(State::Stopped);
}

bool ImageSource::next()
{
    while (m_index < m_files.size()) {
        m_current = m_files[m_index++];
        const QString fileName = QFileInfo(m_current).fileName();
        QImageReader reader(m_current);
        reader.setAutoTransform(true);
        // The header's size first: an image past the limit is refused before its pixels are read.
        if (const auto fits = checkImageSize(reader.size()); !fits.ok()) {
            ++m_unreadableCount;
            Q_EMIT unreadable(m_current, fileName + u' ' + fits.error().message);
            continue;
        }
        // Qt's own allocation limit (128 MB in Qt 6.4) would refuse colour images below ours: one limit decides.
        reader.setAllocationLimit(int(protocol::kMaxImagePixels * 4 / (1024 * 1024)) + 1);
        const QImage image = reader.read();
        if (image.isNull()) {
            ++m_unreadableCount;
            Q_EMIT unreadable(m_current, tr("%1 cannot be read: %2").arg(fileName, reader.errorString().toLower()));
            continue;
        }
        if (m_sink)
            m_sink->setVideoFrame(toVideoFrame(image));
        setState(State::Running,
            tr("Image %1 of %2: %3").arg(m_index).arg(m_files.size()).arg(QFileInfo(m_current).fileName()));
        Q_EMIT imageReady(image, m_current);
        return true;
    }
    const int total = int(m_files.size());
    const int read = total - m_unreadableCount;
    setState(State::Finished,
        m_unreadableCount == 0
            ? (total == 1 ? tr("The image was read") : tr("All %1 images read").arg(total))
            : tr("%1 of %2 images read; %3 could not be read").arg(read).arg(total).arg(m_unreadableCount));
    return false;
}

QVideoFrame ImageSource::toVideoFrame(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_ARGB32);
    QVideoFrame frame(QVideoFrameFormat(rgb.size(), QVideoFrameFormat::Format_BGRA8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(
            frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), rgb.constScanLine(y), size_t(rgb.width()) * 4);
    frame.unmap();
    return frame;
}

} // namespace closient::scanning
