// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "framesource.h"

#include <QMediaPlayer>

namespace closient::scanning {

/** A video file played into the sink exactly as a camera would deliver it: for tests, demos and recorded scans. */
class VideoFileSource : public FrameSource
{
    Q_OBJECT
public:
    explicit VideoFileSource(QString path, bool loop = false, QObject *parent = nullptr);

    [[nodiscard]] QString kind() const override { return QStringLiteral("video"); }
    [[nodiscard]] QString name() const override;
    void start(QVideoSink *sink) override;
    void stop() override;
    void setPlaybackRate(qreal rate) { m_player.setPlaybackRate(rate); }

private:
    QString m_path;
    QMediaPlayer m_player;
};

} // namespace closient::scanning
