// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "framesource.h"

#include <QImage>
#include <QPointer>
#include <QStringList>
#include <QVideoFrame>

class QVideoSink;

namespace closient::scanning {

/**
 * Still images (files, or every image in a folder), shown one at a time and read with the thorough cascade. A file
 * that cannot be read (too large for protocol::kMaxImagePixels, damaged, not an image) is reported with its reason
 * and the next one follows; it never reaches the decoder.
 */
class ImageSource : public FrameSource
{
    Q_OBJECT
public:
    /// @p paths are files or folders.
    explicit ImageSource(const QStringList &paths, QObject *parent = nullptr);

    [[nodiscard]] QString kind() const override { return QStringLiteral("images"); }
    [[nodiscard]] QString name() const override;
    /// The image being read now: a code read from a folder says which file it was in.
    [[nodiscard]] QString captureSource() const override;
    [[nodiscard]] QString currentFile() const { return m_current; }
    [[nodiscard]] int count() const { return int(m_files.size()); }
    void start(QVideoSink *sink) override;
    void stop() override;
    /// Shows the next image and hands it over through imageReady(); false when there is none left.
    bool next();

    [[nodiscard]] static QStringList imageFiles(const QStringList &paths);
    /// A video frame that shows @p image (for a view that displays a sink).
    [[nodiscard]] static QVideoFrame toVideoFrame(const QImage &image);

Q_SIGNALS:
    void imageReady(const QImage &image, const QString &file);
    /// @p file was skipped; @p reason says why, for the person at the desk ("a.png cannot be read: too large (…)").
    void unreadable(const QString &file, const QString &reason);

private:
    QStringList m_files;
    int m_index = 0;
    int m_unreadableCount = 0; // files refused on the way (too large, not an image)
    QString m_current;
    QPointer<QVideoSink> m_sink;
};

} // namespace closient::scanning
