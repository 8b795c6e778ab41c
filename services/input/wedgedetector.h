// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace closient::input {

/** How a keyboard-wedge scanner is told apart from a person, and what it wraps around its data. */
struct WedgeSettings
{
    bool enabled = true;
    int maxKeyGapMs = 35; // a scanner types faster than any person (typically 1-10 ms between keys)
    int minLength = 4; // shorter bursts are a person's quick keys
    bool terminatorEnter = true;
    bool terminatorTab = true;
    QString prefix; // stripped when the scanner is set to send one
    QString suffix;
    QString gsSubstitute; // a printable character the scanner sends for GS (0x1D), if it is set up so
    bool f8IsGs = false; // some scanners send FNC1/GS as F8
};

/**
 * Recognises a USB keyboard-wedge scanner by its typing: a burst of keys far faster than a person, ended by
 * Enter or Tab, wherever the focus is in the window. The burst is taken out of the key stream and announced
 * as one code; keys a person types are held for a few milliseconds and then delivered unchanged.
 * Install on the application (QCoreApplication::installEventFilter).
 */
class WedgeDetector : public QObject
{
    Q_OBJECT
public:
    explicit WedgeDetector(QObject *parent = nullptr);

    void setSettings(const WedgeSettings &settings);
    [[nodiscard]] const WedgeSettings &settings() const { return m_settings; }

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    /// A scanner sent @p data (GS as 0x1D, AIM symbology identifier kept when the scanner sends one).
    void scanned(const QString &data);

private:
    struct Held
    {
        QPointer<QObject> target;
        std::unique_ptr<QKeyEvent> event;
    };
    void release();
    [[nodiscard]] QString clean(QString data) const;
    [[nodiscard]] bool isTerminator(const QKeyEvent *e) const;

    WedgeSettings m_settings;
    std::vector<Held> m_held;
    QString m_buffer;
    QElapsedTimer m_clock;
    qint64 m_firstKeyMs = 0;
    qint64 m_lastKeyMs = 0;
    qint64 m_maxGapMs = 0;
    QTimer m_release;
    bool m_replaying = false;
};

} // namespace closient::input
