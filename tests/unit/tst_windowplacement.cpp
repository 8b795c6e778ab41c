// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowplacement.h"

#include <QTest>

using closient::ui::fitWindow;

/** The main window opens at a size and place that fit the screen it is on. */
class TestWindowPlacement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstStartFitsALaptopScreen()
    {
        // 1366 × 768 with a 32 px panel: 1280 × 800 would not fit; the window takes the height there is.
        const QRect available(0, 32, 1366, 736);
        const QRect r = fitWindow({}, available, { 1280, 800 }, { 800, 480 });
        QVERIFY(available.contains(r));
        QCOMPARE(r.size(), QSize(1280, 736));
        QCOMPARE(r.left(), 43); // centred
    }

    void smallScreenGetsTheWholeScreen()
    {
        const QRect available(0, 0, 1024, 600);
        const QRect r = fitWindow({}, available, { 1280, 800 }, { 800, 480 });
        QCOMPARE(r, available);
    }

    void screenSmallerThanTheMinimumWins()
    {
        const QRect available(0, 0, 640, 400);
        QCOMPARE(fitWindow({}, available, { 1280, 800 }, { 800, 480 }), available);
    }

    void savedGeometryIsKeptWhenItFits()
    {
        const QRect saved(100, 80, 1000, 650);
        QCOMPARE(fitWindow(saved, QRect(0, 0, 1920, 1080), { 1280, 800 }, { 800, 480 }), saved);
    }

    void savedGeometryOffScreenIsBroughtBack()
    {
        // Saved on a big monitor that is no longer there: moved and shrunk onto the laptop screen.
        const QRect available(0, 0, 1366, 768);
        const QRect r = fitWindow(QRect(1900, 900, 1800, 1000), available, { 1280, 800 }, { 800, 480 });
        QVERIFY(available.contains(r));
        QCOMPARE(r.size(), QSize(1366, 768));
        const QRect moved = fitWindow(QRect(-500, -300, 900, 600), available, { 1280, 800 }, { 800, 480 });
        QCOMPARE(moved, QRect(0, 0, 900, 600));
    }
};

QTEST_GUILESS_MAIN(TestWindowPlacement)
#include "tst_windowplacement.moc"
