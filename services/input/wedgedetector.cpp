// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wedgedetector.h"

#include <QCoreApplication>
#include <QWindow>

namespace closient::input {

namespace {
constexpr QChar GS(0x1D);
}

WedgeDetector::WedgeDetector(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_release.setSingleShot(true);
    connect(&m_release, &QTimer::timeout, this, &WedgeDetector::release);
    setSettings({});
}

void WedgeDetector::setSettings(const WedgeSettings &settings)
{
    m_settings = settings;
    // Held keys go to their target when no next key comes within twice the scanner's key gap.
    m_release.setInterval(std::max(20, 2 * settings.maxKeyGapMs));
}

bool WedgeDetector::isTerminator(const QKeyEvent *e) const
{
    return (m_settings.terminatorEnter && (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter))
        || (m_settings.terminatorTab && e->key() == Qt::Key_Tab);
}

bool WedgeDetector::eventFilter(QObject *watched, QEvent *event)
{
    // Look at keys once, as they reach a window; the window hands them on to its items itself.
    if (!m_settings.enabled || m_replaying || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease)
        || !qobject_cast<QWindow *>(watched))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (event->type() == QEvent::KeyRelease)
        return !m_held.empty(); // releases of held keys are not delivered alone; the replay sends them
    switch (key->key()) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
        return false; // scanners press Shift for capitals and Ctrl for GS: part of a burst, not an end to it
    default:
        break;
    }
    // The window system's time of the key, not of its delivery: event-loop delays must not make a scanner
    // look slow. Events without a time stamp fall back to the clock.
    const qint64 now = key->timestamp() > 0 ? qint64(key->timestamp()) : m_clock.elapsed();
    if (!m_buffer.isEmpty() && now - m_lastKeyMs > m_settings.maxKeyGapMs)
        release(); // too slow for a scanner: what was held is a person's typing

    if (isTerminator(key) && !m_buffer.isEmpty()) {
        const double averageGap = double(now - m_firstKeyMs) / double(m_buffer.size());
        if (m_buffer.size() >= m_settings.minLength && averageGap <= m_settings.maxKeyGapMs
            && m_maxGapMs <= 2 * m_settings.maxKeyGapMs) {
            const QString data = clean(m_buffer);
            m_buffer.clear();
            m_held.clear();
            m_release.stop();
            if (!data.isEmpty())
                Q_EMIT scanned(data);
            return true; // the terminator belonged to the scan
        }
        release();
        return false;
    }

    QString text = key->text();
    if (m_settings.f8IsGs && key->key() == Qt::Key_F8)
        text = GS;
    else if (key->key() == Qt::Key_BracketRight && (key->modifiers() & Qt::ControlModifier))
        text = GS; // Ctrl+] is how a keyboard types GS
    const bool data = text.size() == 1 && (text[0] == GS || text[0].isPrint());
    if (!data) {
        release();
        return false;
    }
    if (m_buffer.isEmpty()) {
        m_firstKeyMs = now;
        m_maxGapMs = 0;
    } else {
        m_maxGapMs = std::max(m_maxGapMs, now - m_lastKeyMs);
    }
    m_lastKeyMs = now;
    m_buffer += text;
    m_held.push_back({ watched,
        std::make_unique<QKeyEvent>(QEvent::KeyPress, key->key(), key->modifiers(), key->nativeScanCode(),
            key->nativeVirtualKey(), key->nativeModifiers(), key->text(), key->isAutoRepeat(), key->count()) });
    m_release.start();
    return true;
}

void WedgeDetector::release()
{
    m_release.stop();
    m_buffer.clear();
    auto held = std::move(m_held);
    m_held.clear();
    m_replaying = true;
    for (auto &h : held) {
        if (!h.target)
            continue;
        QCoreApplication::sendEvent(h.target, h.event.get());
        QKeyEvent up(QEvent::KeyRelease, h.event->key(), h.event->modifiers(), h.event->text());
        QCoreApplication::sendEvent(h.target, &up);
    }
    m_replaying = false;
}

QString WedgeDetector::clean(QString data) const
{
    if (!m_settings.prefix.isEmpty() && data.startsWith(m_settings.prefix))
        data.remove(0, m_settings.prefix.size());
    if (!m_settings.suffix.isEmpty() && data.endsWith(m_settings.suffix))
        data.chop(m_settings.suffix.size());
    if (!m_settings.gsSubstitute.isEmpty())
        data.replace(m_settings.gsSubstitute, QString(GS));
    return data;
}

} // namespace closient::input
