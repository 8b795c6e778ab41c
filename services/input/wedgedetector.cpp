// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wedgedetector.h"

#include <QCoreApplication>
#include <QWindow>

#include <limits>

namespace closient::input {

namespace {
constexpr QChar GS(0x1D);
// A scanner may stall once in a burst (USB, a busy host); a second slow key means a person.
constexpr int kForgivenSlowKeys = 1;
constexpr qsizetype kMaxSwallowedReleases = 64;

bool isModifier(int key)
{
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
        return true; // scanners press Shift for capitals and Ctrl for GS: part of a burst, not an end to it
    default:
        return false;
    }
}
} // namespace

WedgeDetector::WedgeDetector(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_release.setSingleShot(true);
    connect(&m_release, &QTimer::timeout, this, [this] {
        // No next key came: an unterminated burst is a person's typing.
        release();
        m_mode = Mode::Typing;
    });
    setSettings({});
}

void WedgeDetector::setSettings(const WedgeSettings &settings)
{
    if (!m_held.empty()) {
        release();
        m_mode = Mode::Typing;
    }
    m_settings = settings;
    // Held keys go to their target when no next key comes within twice the scanner's key gap.
    m_release.setInterval(std::max(20, 2 * settings.maxKeyGapMs));
}

bool WedgeDetector::isTerminator(const QKeyEvent *e) const
{
    return (m_settings.terminatorEnter && (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter))
        || (m_settings.terminatorTab && e->key() == Qt::Key_Tab);
}

QString WedgeDetector::dataText(const QKeyEvent *e) const
{
    if (e->isAutoRepeat())
        return {}; // a held-down key: only people do that
    if (m_settings.f8IsGs && e->key() == Qt::Key_F8)
        return GS;
    if (e->key() == Qt::Key_BracketRight && (e->modifiers() & Qt::ControlModifier))
        return GS; // Ctrl+] is how a keyboard types GS
    const QString text = e->text();
    return text.size() == 1 && (text[0] == GS || text[0].isPrint()) ? text : QString();
}

bool WedgeDetector::eventFilter(QObject *watched, QEvent *event)
{
    // Look at keys once, as they reach a window; the window hands them on to its items itself.
    if (!m_settings.enabled || m_replaying || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease)
        || !qobject_cast<QWindow *>(watched))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (event->type() == QEvent::KeyRelease)
        return m_swallowedReleases.removeOne(key->key()); // the replay sends the releases of held keys
    if (isModifier(key->key()))
        return false;
    return keyPressed(watched, key);
}

bool WedgeDetector::keyPressed(QObject *watched, QKeyEvent *key)
{
    // The window system's time of the key, not of its delivery: event-loop delays must not make a scanner
    // look slow. Events without a time stamp fall back to the clock.
    const qint64 now = key->timestamp() > 0 ? qint64(key->timestamp()) : m_clock.elapsed();
    const qint64 gap = m_anyKey ? now - m_lastKeyMs : std::numeric_limits<qint64>::max();
    m_anyKey = true;
    m_lastKeyMs = now;
    const int maxGap = m_settings.maxKeyGapMs;
    const bool quiet = gap >= m_settings.effectiveQuietMs();

    if (m_mode == Mode::Holding) {
        if (gap > 2 * maxGap || (gap > maxGap && ++m_slowGaps > kForgivenSlowKeys)) {
            // Too slow for a scanner: the whole burst so far is a person's, and so is this key unless it
            // comes after a quiet period.
            release();
            m_mode = quiet ? Mode::Open : Mode::Typing;
        }
    } else if (m_mode == Mode::Typing && quiet) {
        m_mode = Mode::Open;
    }
    if (m_mode == Mode::Typing)
        return false;

    if (m_mode == Mode::Holding && isTerminator(key))
        return decide(watched, key);
    if (dataText(key).isEmpty()) {
        // Not something a scanner sends (arrows, Backspace, a held-down key, a lone Enter): a person.
        release();
        m_mode = Mode::Typing;
        return false;
    }
    if (m_mode == Mode::Open) {
        m_mode = Mode::Holding;
        m_firstKeyMs = now;
        m_slowGaps = 0;
    }
    hold(watched, key);
    m_release.start();
    return true;
}

bool WedgeDetector::decide(QObject *watched, QKeyEvent *terminator)
{
    const double averageGap = double(m_lastKeyMs - m_firstKeyMs) / double(m_buffer.size());
    if (m_buffer.size() < m_settings.minLength || averageGap > m_settings.maxKeyGapMs) {
        release(); // the terminator follows the held keys
        m_mode = Mode::Typing;
        return false;
    }
    const QString data = clean(m_buffer);
    m_mode = Mode::Open; // a scanner may send its next code at once
    if (m_dialogCheck && m_dialogCheck()) {
        // A scan into a dialog or a field that does not capture is typed there, whole, but its terminator is
        // kept back: a scan never presses a dialog's default button on its own; the person confirms.
        release();
        m_swallowedReleases.append(terminator->key());
        Q_EMIT scannedIntoDialog(data);
        return true;
    }
    m_release.stop();
    m_buffer.clear();
    m_held.clear();
    m_swallowedReleases.append(terminator->key());
    if (!data.isEmpty())
        Q_EMIT scanned(data);
    return true; // the terminator belonged to the scan
}

void WedgeDetector::hold(QObject *watched, const QKeyEvent *key)
{
    m_buffer += dataText(key);
    m_held.push_back({ watched,
        std::make_unique<QKeyEvent>(QEvent::KeyPress, key->key(), key->modifiers(), key->nativeScanCode(),
            key->nativeVirtualKey(), key->nativeModifiers(), key->text(), key->isAutoRepeat(), key->count()) });
    m_held.back().event->setTimestamp(key->timestamp());
    m_swallowedReleases.append(key->key());
    while (m_swallowedReleases.size() > kMaxSwallowedReleases)
        m_swallowedReleases.removeFirst(); // a release the window system never sent
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
        QKeyEvent up(QEvent::KeyRelease, h.event->key(), h.event->modifiers(), h.event->nativeScanCode(),
            h.event->nativeVirtualKey(), h.event->nativeModifiers(), h.event->text());
        up.setTimestamp(h.event->timestamp());
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
