// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace closient::input {

/** How a keyboard-wedge scanner is told apart from a person, and what it wraps around its data. */
struct WedgeSettings
{
    bool enabled = true;
    int maxKeyGapMs = 35; // a scanner types faster than any person (typically 1-10 ms between keys)
    // A scanner's burst starts only after this long without a key: a person needs far longer to take up the
    // scanner after typing, while a person who is typing pauses less than this within and between words.
    // Never less than 3 × maxKeyGapMs (see effectiveQuietMs()).
    int quietMs = 300;
    int minLength = 4; // shorter bursts are a person's quick keys
    bool terminatorEnter = true;
    bool terminatorTab = true;
    QString prefix; // stripped when the scanner is set to send one
    QString suffix;
    QString gsSubstitute; // a printable character the scanner sends for GS (0x1D), if it is set up so
    bool f8IsGs = false; // some scanners send FNC1/GS as F8

    /// The quiet period in force: quietMs, but always longer than the silence that ends a burst (2 × maxKeyGapMs).
    [[nodiscard]] int effectiveQuietMs() const { return std::max(quietMs, 3 * maxKeyGapMs); }
};

/**
 * Recognises a USB keyboard-wedge scanner by its typing: after a quiet period, a burst of keys far faster than
 * a person, ended by Enter or Tab, wherever the focus is in the window. A burst is decided as a whole: either
 * it is taken out of the key stream and announced as one code, or every one of its keys reaches the focus, in
 * order. Keys are held only while that is undecided; once a burst is a person's, keys pass straight through
 * until the next quiet period. Install on the application (QCoreApplication::installEventFilter).
 * NOTE: runs on the GUI thread.
 */
class WedgeDetector : public QObject
{
    Q_OBJECT
public:
    explicit WedgeDetector(QObject *parent = nullptr);

    void setSettings(const WedgeSettings &settings);
    [[nodiscard]] const WedgeSettings &settings() const { return m_settings; }
    /// Asked when a burst turns out to be a scanner's: true while the focus is where a code is typed rather than
    /// captured (a dialog, a popup, a search box). Its keys are then typed there in full, without the terminator
    /// (a scan never confirms a dialog on its own), and scannedIntoDialog() is emitted instead of scanned().
    void setDialogCheck(std::function<bool()> check) { m_dialogCheck = std::move(check); }

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    /// A scanner sent @p data (GS as 0x1D, AIM symbology identifier kept when the scanner sends one).
    void scanned(const QString &data);
    /// A scanner sent @p data while a dialog had the focus: it was typed there, not captured.
    void scannedIntoDialog(const QString &data);

private:
    /// Open: a scanner's burst may start with the next key. Holding: the keys of a burst that may be a
    /// scanner's are held back. Typing: a person is typing; keys pass until the next quiet period.
    enum class Mode { Open, Holding, Typing };
    struct Held
    {
        QPointer<QObject> target;
        std::unique_ptr<QKeyEvent> event;
    };
    [[nodiscard]] bool keyPressed(QObject *watched, QKeyEvent *key);
    [[nodiscard]] bool decide(QObject *watched, QKeyEvent *terminator);
    void hold(QObject *watched, const QKeyEvent *key);
    void release();
    [[nodiscard]] QString dataText(const QKeyEvent *e) const;
    [[nodiscard]] QString clean(QString data) const;
    [[nodiscard]] bool isTerminator(const QKeyEvent *e) const;

    WedgeSettings m_settings;
    std::function<bool()> m_dialogCheck;
    Mode m_mode = Mode::Open;
    std::vector<Held> m_held;
    QList<int> m_swallowedReleases; // keys whose press was taken: their releases are taken too
    QString m_buffer;
    QElapsedTimer m_clock;
    bool m_anyKey = false;
    qint64 m_firstKeyMs = 0;
    qint64 m_lastKeyMs = 0;
    int m_slowGaps = 0;
    QTimer m_release;
    bool m_replaying = false;
};

} // namespace closient::input
