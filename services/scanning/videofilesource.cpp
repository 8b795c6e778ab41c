// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "videofilesource.h"

#include <QFileInfo>
#include <QUrl>

namespace closient::scanning {

VideoFileSource::VideoFileSource(QString path, bool loop, QObject *parent)
    : FrameSource(parent)
    , m_path(std::move(path))
{
    m_player.setLoops(loop ? QMediaPlayer::Infinite : 1);
    connect(&m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &text) {
        setState(State::Error, tr("The video cannot be played: %1").arg(text));
    });
    connect(&m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::EndOfMedia)
            setState(State::Finished, tr("End of the video"));
        else if (status == QMediaPlayer::InvalidMedia)
            setState(State::Error, tr("This file is not a video that can be played"));
        else if (status == QMediaPlayer::BufferedMedia && state() != State::Running)
            setState(State::Running, tr("Playing %1").arg(name()));
    });
}

QString VideoFileSource::name() const
{
    return QFileInfo(m_path).fileName();
}

void VideoFileSource::start(QVideoSink *sink)
{
    if (!QFileInfo(m_path).isFile()) {
        setState(State::Error, tr("There is no video file %1").arg(m_path));
        return;
    }
    setState(State::Starting, tr("Opening %1").arg(name()));
    m_player.setVideoSink(sink);
    m_player.setSource(QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath()));
    m_player.play();
}

void VideoFileSource::stop()
{
    m_player.stop();
    m_player.setVideoSink(nullptr);
    setState(State::Stopped);
}

} // namespace closient::scanning
