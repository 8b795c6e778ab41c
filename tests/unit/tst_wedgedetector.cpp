// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Key events with explicit window-system time stamps go into a real window through the application, where the
// detector filters them; the window records what reaches it. The time line is virtual, so no test depends on
// how fast this machine is, except the one that waits for held keys to be let go.
#include "wedgedetector.h"

#include <QGuiApplication>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace Qt::StringLiterals;
using namespace closient::input;

namespace {
constexpr QChar GS(0x1D);

/** A window that keeps every key press it is given, as a text field would, and where each key came from. */
class RecordingWindow : public QWindow
{
public:
    struct Key
    {
        int key = 0;
        QString text;
        quint32 origin = 0; // the stroke's tag, carried in nativeVirtualKey
    };
    std::vector<Key> pressed;

    [[nodiscard]] QString typed() const
    {
        QString out;
        for (const auto &k : pressed)
            out += k.key == Qt::Key_Return ? u"⏎"_s : k.key == Qt::Key_Tab ? u"⇥"_s : k.text;
        return out;
    }

protected:
    void keyPressEvent(QKeyEvent *e) override
    {
        if (e->key() != Qt::Key_Shift && e->key() != Qt::Key_Control)
            pressed.push_back({ e->key(), e->text(), e->nativeVirtualKey() });
    }
};

/** One key as a keyboard (or a scanner pretending to be one) sends it. */
struct Stroke
{
    int key = 0;
    QString text;
    Qt::KeyboardModifiers modifiers;
    int gapMs = 0; // since the previous key
    bool autoRepeat = false;
};

Stroke charStroke(QChar c, int gapMs)
{
    if (c == GS)
        return { Qt::Key_BracketRight, QString(GS), Qt::ControlModifier, gapMs }; // how a keyboard types GS
    const bool upper = c.isUpper();
    return { int(c.toUpper().unicode()), QString(c), upper ? Qt::ShiftModifier : Qt::NoModifier, gapMs };
}

Stroke enterStroke(int gapMs)
{
    return { Qt::Key_Return, u"\r"_s, Qt::NoModifier, gapMs };
}

Stroke tabStroke(int gapMs)
{
    return { Qt::Key_Tab, u"\t"_s, Qt::NoModifier, gapMs };
}

/// @p text typed with the same gap before every key, then @p terminator (Qt::Key_Return, Qt::Key_Tab, or 0).
std::vector<Stroke> strokes(const QString &text, int gapMs, int terminator = Qt::Key_Return)
{
    std::vector<Stroke> out;
    for (const QChar c : text)
        out.push_back(charStroke(c, gapMs));
    if (terminator == Qt::Key_Return)
        out.push_back(enterStroke(gapMs));
    else if (terminator == Qt::Key_Tab)
        out.push_back(tabStroke(gapMs));
    return out;
}
} // namespace

class TestWedgeDetector : public QObject
{
    Q_OBJECT
private:
    RecordingWindow m_window;
    WedgeDetector m_detector;
    quint64 m_clockMs = 1'000'000; // the window system's clock
    bool m_dialogOpen = false;

    void sendKey(QEvent::Type type, int key, Qt::KeyboardModifiers modifiers, const QString &text, quint32 origin,
        bool autoRepeat = false)
    {
        QKeyEvent e(type, key, modifiers, 0, origin, 0, text, autoRepeat);
        e.setTimestamp(m_clockMs);
        QCoreApplication::sendEvent(&m_window, &e);
    }

    /// Plays @p keys, the first @p firstGapMs after the last key played; key i is tagged @p tag * 1000 + i.
    void play(const std::vector<Stroke> &keys, int firstGapMs, quint32 tag = 0)
    {
        for (size_t i = 0; i < keys.size(); ++i) {
            const auto &s = keys[i];
            m_clockMs += quint64(i == 0 ? firstGapMs : s.gapMs);
            const quint32 origin = tag * 1000 + quint32(i);
            const int modifierKey = s.modifiers & Qt::ShiftModifier ? Qt::Key_Shift
                : s.modifiers & Qt::ControlModifier                 ? Qt::Key_Control
                                                                    : 0;
            if (modifierKey)
                sendKey(QEvent::KeyPress, modifierKey, s.modifiers, {}, origin);
            sendKey(QEvent::KeyPress, s.key, s.modifiers, s.text, origin, s.autoRepeat);
            sendKey(QEvent::KeyRelease, s.key, s.modifiers, s.text, origin, s.autoRepeat);
            if (modifierKey)
                sendKey(QEvent::KeyRelease, modifierKey, Qt::NoModifier, {}, origin);
        }
    }

    /// Plays @p keys after a quiet period.
    void playAfterQuiet(const std::vector<Stroke> &keys) { play(keys, 2000); }

    /// The property run for one seed: random bursts of people and scanners.
    void runSeed(quint32 seed);

private Q_SLOTS:
    void initTestCase()
    {
        m_window.resize(200, 100);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
        qApp->installEventFilter(&m_detector);
        m_detector.setDialogCheck([this] { return m_dialogOpen; });
    }

    void init()
    {
        m_window.pressed.clear();
        m_detector.setSettings({});
        m_dialogOpen = false;
        m_clockMs += 5000;
    }

    void scannerBurstBecomesOneCode()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        playAfterQuiet(strokes(u"4006381333931"_s, 2)); // a scanner: a key every 2 ms
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), u"4006381333931"_s);
        QCOMPARE(m_window.typed(), QString()); // nothing leaked into the focused field
    }

    void personTypingIsDeliveredUnchanged()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        playAfterQuiet(strokes(u"dock 3"_s, 110)); // a fast typist: 110 ms a key
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed(), u"dock 3⏎"_s);
    }

    void shortFastBurstsAreAPersonsKeys()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        playAfterQuiet(strokes(u"ok"_s, 5)); // a rolled pair of keys, then Enter
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed(), u"ok⏎"_s);
    }

    // A person typing a code at 45-60 ms a key, some gaps under the scanner's 35 ms: the head was let through as
    // typing and the fast tail taken for a scanner, so the code ended up in two halves in two places.
    void aPersonsCodeIsNeverSplit()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        const QString code = u"0950600013435"_s;
        const int gaps[] = { 50, 55, 48, 52, 47, 33, 30, 34, 31, 32, 29, 33, 30 };
        std::vector<Stroke> keys;
        for (qsizetype i = 0; i < code.size(); ++i)
            keys.push_back(charStroke(code[i], gaps[i]));
        keys.push_back(enterStroke(30));
        playAfterQuiet(keys);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed(), code + u"⏎"_s);
    }

    void aScannerMayStallOnce()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        auto keys = strokes(u"4006381333931"_s, 4);
        keys[7].gapMs = 60; // one slow key, under twice the gap
        playAfterQuiet(keys);
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), u"4006381333931"_s);
        QCOMPARE(m_window.typed(), QString());

        // Twice is a person: every key reaches the field.
        keys[3].gapMs = 50;
        playAfterQuiet(keys);
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(m_window.typed(), u"4006381333931⏎"_s);
    }

    // A scanner's burst starts only after a quiet period: right after typing, fast keys are still the typing.
    void noScanWithoutAQuietPeriod()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        playAfterQuiet(strokes(u"lot "_s, 80, 0));
        play(strokes(u"A1234567"_s, 3), 150); // 150 ms after the last typed key: under the quiet period
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed(), u"lot A1234567⏎"_s);

        // After a quiet period the same burst is a scan.
        play(strokes(u"A1234567"_s, 3), m_detector.settings().effectiveQuietMs());
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), u"A1234567"_s);
        QCOMPARE(m_window.typed(), u"lot A1234567⏎"_s);
    }

    void codesBackToBack()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        playAfterQuiet(strokes(u"4006381333931"_s, 3));
        play(strokes(u"96385074"_s, 3), 20); // the scanner's next code, no pause between
        QCOMPARE(scanned.count(), 2);
        QCOMPARE(scanned.at(1).at(0).toString(), u"96385074"_s);
        QCOMPARE(m_window.typed(), QString());
    }

    void heldDownKeysAreAPersons()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        auto keys = strokes(u"xxxxxxx"_s, 30);
        for (size_t i = 1; i < keys.size() - 1; ++i)
            keys[i].autoRepeat = true;
        playAfterQuiet(keys);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed(), u"xxxxxxx⏎"_s);
    }

    void scanIntoADialogIsTypedThere()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        QSignalSpy intoDialog(&m_detector, &WedgeDetector::scannedIntoDialog);
        m_dialogOpen = true;
        playAfterQuiet(strokes(u"4006381333931"_s, 2, Qt::Key_Tab));
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(intoDialog.count(), 1);
        QCOMPARE(intoDialog.first().at(0).toString(), u"4006381333931"_s);
        QCOMPARE(m_window.typed(), u"4006381333931"_s); // typed whole; the terminator never confirms the dialog

        m_dialogOpen = false; // closed again: the next scan is captured
        m_window.pressed.clear();
        playAfterQuiet(strokes(u"4006381333931"_s, 2));
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(m_window.typed(), QString());
    }

    void heldKeysGoOutWhenNoMoreCome()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        playAfterQuiet(strokes(u"ab"_s, 10, 0)); // fast, no terminator: held until it is clear no more come
        QTRY_COMPARE(m_window.typed(), u"ab"_s);
        QCOMPARE(scanned.count(), 0);
    }

    void groupSeparatorAndSymbologyIdentifier()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        const QString data = u"]C1010950600013435210ABC"_s + GS + u"21XYZ"_s;
        playAfterQuiet(strokes(data, 1, Qt::Key_Tab));
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), data);

        WedgeSettings s;
        s.f8IsGs = true;
        m_detector.setSettings(s);
        auto keys = strokes(u"10ABC_21XYZ"_s, 2);
        keys[5] = { Qt::Key_F8, {}, Qt::NoModifier, 2 };
        playAfterQuiet(keys);
        QCOMPARE(scanned.count(), 2);
        QCOMPARE(scanned.last().at(0).toString(), u"10ABC"_s + GS + u"21XYZ"_s);
        QCOMPARE(m_window.typed(), QString());
    }

    void prefixSuffixAndSubstitute()
    {
        WedgeSettings s;
        s.prefix = u"@"_s;
        s.suffix = u"#"_s;
        s.gsSubstitute = u"~"_s;
        s.terminatorTab = false;
        m_detector.setSettings(s);
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        playAfterQuiet(strokes(u"@0109506000134352"_s + u"10L1~21S1#"_s, 2));
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), u"0109506000134352"_s + u"10L1"_s + GS + u"21S1"_s);
    }

    void disabledPassesEverything()
    {
        WedgeSettings s;
        s.enabled = false;
        m_detector.setSettings(s);
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        playAfterQuiet(strokes(u"4006381333931"_s, 1));
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed(), u"4006381333931⏎"_s);
    }

    // Bursts of people and scanners in random order and timing. For every burst: either one scan of exactly its
    // code and none of its keys delivered, or no scan and every one of its keys delivered, in order.
    void everyBurstIsAScanOrTypingInFull_data()
    {
        QTest::addColumn<quint32>("firstSeed");
        for (quint32 first = 1; first <= 400; first += 50)
            QTest::addRow("seeds %u-%u", first, first + 49) << first;
    }

    void everyBurstIsAScanOrTypingInFull()
    {
        QFETCH(quint32, firstSeed);
        for (quint32 seed = firstSeed; seed < firstSeed + 50; ++seed) {
            runSeed(seed);
            if (QTest::currentTestFailed()) {
                qWarning() << "seed" << seed;
                return;
            }
        }
    }
};

void TestWedgeDetector::runSeed(quint32 seed)
{
    QRandomGenerator rng(seed);
    const auto between = [&](int lo, int hi) { return int(rng.bounded(lo, hi + 1)); };
    WedgeSettings settings;
    if (seed % 4 == 1) {
        settings.prefix = u"@"_s;
        settings.suffix = u"#"_s;
    }
    m_detector.setSettings(settings);
    const int maxGap = settings.maxKeyGapMs;
    const int quietMs = settings.effectiveQuietMs();

    enum class Kind { Scanner, Person, SlowPerson };
    struct Burst
    {
        Kind kind;
        int pauseBefore;
        std::vector<Stroke> keys;
        QString code; // Scanner: what scanned() must carry
        bool dialog = false;
        bool expectScan = false; // by the rules: a scanner's burst after a quiet period (or right after a scan)
    };
    std::vector<Burst> bursts;
    const QString scannerChars = u"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ-./"_s;
    const QString personChars = u"abcdefghijklmnopqrstuvwxyz 0123456789"_s;
    bool open = true; // whether a scanner's burst may start with the next key
    const int count = between(4, 12);
    for (int b = 0; b < count; ++b) {
        Burst burst;
        const int roll = between(0, 9);
        burst.kind = roll < 5 ? Kind::Scanner : roll < 9 ? Kind::Person : Kind::SlowPerson;
        // After a quiet period, or soon after the last key (a scan straight after typing, typing straight
        // after a scan) but always long enough for the previous burst to have been decided.
        burst.pauseBefore = between(0, 2) == 0 ? between(2 * maxGap + 5, quietMs - 1) : between(quietMs, 3000);
        if (burst.kind == Kind::Scanner) {
            QString raw;
            const int length = between(6, 24);
            for (int i = 0; i < length; ++i)
                raw += (i > 2 && between(0, 12) == 0) ? GS : scannerChars[between(0, int(scannerChars.size()) - 1)];
            burst.code = raw;
            if (!settings.prefix.isEmpty())
                raw = settings.prefix + raw + settings.suffix;
            const int typical = between(5, 20);
            for (const QChar c : raw)
                burst.keys.push_back(charStroke(c, std::max(1, typical + between(-4, 4))));
            burst.keys.push_back(between(0, 1) ? enterStroke(typical) : tabStroke(typical));
            if (between(0, 2) == 0) // one slow key: the scanner stalled
                burst.keys[size_t(between(1, int(burst.keys.size()) - 1))].gapMs = between(maxGap + 1, 2 * maxGap);
            burst.dialog = between(0, 4) == 0;
            burst.expectScan = open || burst.pauseBefore >= quietMs;
            open = burst.expectScan;
        } else {
            const int length = between(3, 16);
            // A person: 45-60 ms a key with jitter that sometimes dips under the scanner's gap, or a slow typist.
            // Keep only runs a person can be told by: two keys slower than a scanner's (one slow key is a
            // scanner's stall), or one slower than twice that.
            for (;;) {
                burst.keys.clear();
                const int base = burst.kind == Kind::Person ? between(45, 60) : between(60, 120);
                for (int i = 0; i < length; ++i)
                    burst.keys.push_back(
                        charStroke(personChars[between(0, int(personChars.size()) - 1)], base + between(-15, 15)));
                if (between(0, 1))
                    burst.keys.push_back(enterStroke(base + between(-15, 15)));
                int slow = 0;
                bool verySlow = false;
                for (size_t i = 1; i < burst.keys.size(); ++i) {
                    slow += burst.keys[i].gapMs > maxGap ? 1 : 0;
                    verySlow = verySlow || burst.keys[i].gapMs > 2 * maxGap;
                }
                if (slow >= 2 || verySlow)
                    break;
            }
            open = false;
        }
        bursts.push_back(std::move(burst));
    }

    m_window.pressed.clear();
    QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
    QSignalSpy intoDialog(&m_detector, &WedgeDetector::scannedIntoDialog);
    for (size_t b = 0; b < bursts.size(); ++b) {
        m_dialogOpen = bursts[b].dialog;
        play(bursts[b].keys, bursts[b].pauseBefore, quint32(b + 1));
    }
    m_dialogOpen = false;
    m_clockMs += 5000;

    // Every delivered key, in the order it was sent.
    for (size_t i = 1; i < m_window.pressed.size(); ++i)
        QVERIFY2(m_window.pressed[i - 1].origin < m_window.pressed[i].origin,
            qPrintable(u"seed %1: keys out of order"_s.arg(seed)));
    int scanIndex = 0;
    int dialogIndex = 0;
    for (size_t b = 0; b < bursts.size(); ++b) {
        const auto &burst = bursts[b];
        QString delivered;
        std::vector<quint32> origins;
        for (const auto &k : m_window.pressed) {
            if (k.origin / 1000 == b + 1) {
                delivered += k.text;
                origins.push_back(k.origin % 1000);
            }
        }
        QString sent;
        for (const auto &s : burst.keys)
            sent += s.text;
        const QString what
            = u"seed %1 burst %2 (%3)"_s.arg(seed).arg(b).arg(burst.kind == Kind::Scanner ? u"scanner"_s : u"person"_s);
        if (burst.expectScan && !burst.dialog) {
            QVERIFY2(scanIndex < scanned.count(), qPrintable(what + u": not scanned"_s));
            QCOMPARE(scanned.at(scanIndex++).at(0).toString(), burst.code);
            QVERIFY2(origins.empty(), qPrintable(what + u": scanned, but keys reached the field"_s));
            continue;
        }
        if (burst.expectScan) {
            QVERIFY2(dialogIndex < intoDialog.count(), qPrintable(what + u": not reported as typed into a dialog"_s));
            QCOMPARE(intoDialog.at(dialogIndex++).at(0).toString(), burst.code);
            // Typed whole into the dialog, all but the terminator, which the scan keeps back.
            QVERIFY2(origins.size() == burst.keys.size() - 1, qPrintable(what + u": not typed whole"_s));
            QCOMPARE(delivered, sent.chopped(burst.keys.back().text.size()));
            continue;
        }
        QVERIFY2(origins.size() == burst.keys.size(), qPrintable(what + u": only part of its keys were delivered"_s));
        QCOMPARE(delivered, sent);
    }
    QCOMPARE(scanIndex, int(scanned.count()));
    QCOMPARE(dialogIndex, int(intoDialog.count()));
}

QTEST_MAIN(TestWedgeDetector)
#include "tst_wedgedetector.moc"
