// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wedgedetector.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace Qt::StringLiterals;
using namespace closient::input;

namespace {
/** A window that keeps what it was typed, as a text field would. */
class TypingWindow : public QWindow
{
public:
    QString typed;
    int enters = 0;

protected:
    void keyPressEvent(QKeyEvent *e) override
    {
        if (e->key() == Qt::Key_Return)
            ++enters;
        else
            typed += e->text();
    }
};

// Qt 6.4's QWindow key functions ignore their delay argument: wait for real between keys.
void typeAt(QWindow *w, const QString &text, int delayMs)
{
    for (const QChar c : text) {
        QTest::qWait(delayMs);
        QTest::keyClick(w, c.toLatin1());
    }
}

void pressAfter(QWindow *w, Qt::Key key, int delayMs)
{
    QTest::qWait(delayMs);
    QTest::keyClick(w, key);
}
} // namespace

class TestWedgeDetector : public QObject
{
    Q_OBJECT
private:
    TypingWindow m_window;
    WedgeDetector m_detector;

private Q_SLOTS:
    void initTestCase()
    {
        m_window.resize(200, 100);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
        qApp->installEventFilter(&m_detector);
    }

    void init()
    {
        m_window.typed.clear();
        m_window.enters = 0;
        m_detector.setSettings({});
    }

    void scannerBurstBecomesOneCode()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        typeAt(&m_window, u"4006381333931"_s, 2); // a scanner: a key every 2 ms
        pressAfter(&m_window, Qt::Key_Return, 2);
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), u"4006381333931"_s);
        QTest::qWait(100);
        QCOMPARE(m_window.typed, QString()); // nothing leaked into the focused field
        QCOMPARE(m_window.enters, 0);
    }

    void personTypingIsDeliveredUnchanged()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        typeAt(&m_window, u"dock 3"_s, 110); // a fast typist: 110 ms a key
        pressAfter(&m_window, Qt::Key_Return, 110);
        QTest::qWait(120);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed, u"dock 3"_s);
        QCOMPARE(m_window.enters, 1);
    }

    void shortFastBurstsAreAPersonsKeys()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        typeAt(&m_window, u"ok"_s, 5); // a rolled pair of keys, then Enter
        pressAfter(&m_window, Qt::Key_Return, 5);
        QTest::qWait(120);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed, u"ok"_s);
        QCOMPARE(m_window.enters, 1);
    }

    void groupSeparatorAndSymbologyIdentifier()
    {
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        typeAt(&m_window, u"]C1010950600013435210ABC"_s, 1);
        // the scanner sends GS as Ctrl+] (the key event carries the control character)
        QTest::sendKeyEvent(QTest::Press, &m_window, Qt::Key_BracketRight, QString(QChar(0x1D)), Qt::ControlModifier);
        QTest::sendKeyEvent(QTest::Release, &m_window, Qt::Key_BracketRight, QString(QChar(0x1D)), Qt::ControlModifier);
        typeAt(&m_window, u"21XYZ"_s, 1);
        pressAfter(&m_window, Qt::Key_Tab, 1);
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), u"]C1010950600013435210ABC"_s + QChar(0x1D) + u"21XYZ"_s);
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
        typeAt(&m_window, u"@0109506000134352"_s + u"10L1~21S1#"_s, 2);
        pressAfter(&m_window, Qt::Key_Return, 2);
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), u"0109506000134352"_s + u"10L1"_s + QChar(0x1D) + u"21S1"_s);
    }

    void disabledPassesEverything()
    {
        WedgeSettings s;
        s.enabled = false;
        m_detector.setSettings(s);
        QSignalSpy scanned(&m_detector, &WedgeDetector::scanned);
        typeAt(&m_window, u"4006381333931"_s, 1);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window.typed, u"4006381333931"_s);
    }
};

QTEST_MAIN(TestWedgeDetector)
#include "tst_wedgedetector.moc"
