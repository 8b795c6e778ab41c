// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QVideoSink;

namespace closient::scanning {

/** Something that puts pictures into a video sink: a camera, a video file, still images. */
class FrameSource : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Finished, Unavailable, Error };
    Q_ENUM(State)

    using QObject::QObject;

    [[nodiscard]] virtual QString kind() const = 0; // "camera", "video", "images"
    [[nodiscard]] virtual QString name() const = 0; // what the operator sees
    /// Where captures say they came from, e.g. "camera:USB Camera", "images:shelf-04.jpg".
    [[nodiscard]] virtual QString captureSource() const { return kind() + u':' + name(); }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString statusText() const { return m_status; }

    virtual void start(QVideoSink *sink) = 0;
    virtual void stop() = 0;

Q_SIGNALS:
    void stateChanged();

protected:
    void setState(State state, const QString &status = {});

private:
    State m_state = State::Stopped;
    QString m_status;
};

} // namespace closient::scanning
