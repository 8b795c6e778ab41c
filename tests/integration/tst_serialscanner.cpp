// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A serial scanner end to end through a pseudo-terminal pair: the test holds the "scanner" side.
#include "serialscanner.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace closient::input;

namespace {
/** The scanner side of a pty: what it writes, the workstation reads from the slave's path. */
struct FakeScanner
{
    int master = -1;
    QString slavePath;
    bool open()
    {
        int slave = -1;
        char name[256] = {};
        if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
            return false;
        ::close(slave); // the workstation opens it by name
        slavePath = QString::fromLocal8Bit(name);
        return true;
    }
    void send(const QByteArray &bytes)
    {
        QVERIFY(::write(master, bytes.constData(), size_t(bytes.size())) == bytes.size());
    }
    void unplug()
    {
        ::close(master);
        master = -1;
    }
    ~FakeScanner()
    {
        if (master >= 0)
            ::close(master);
    }
};
} // namespace

class TestSerialScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsCodesAndReconnectsAfterUnplug()
    {
        QTemporaryDir dir;
        // A stable name for the scanner, like /dev/serial/by-id/..., that follows the device.
        const QString link = dir.filePath(u"scanner"_s);
        FakeScanner first;
        QVERIFY(first.open());
        QVERIFY(QFile::link(first.slavePath, link));

        SerialScanner scanner;
        scanner.setRetryIntervalMs(100);
        SerialSettings s;
        s.portName = link;
        s.baudRate = 115200;
        s.terminator = "\r\n";
        scanner.setSettings(s);
        QSignalSpy scanned(&scanner, &SerialScanner::scanned);
        scanner.start();
        QTRY_COMPARE(scanner.state(), SerialScanner::State::Connected);

        first.send("]C10109506000134352"
                   "10ABC\x1d"
                   "21X1\r\n");
        QTRY_COMPARE(scanned.count(), 1);
        QCOMPARE(scanned.last().at(0).toString(), u"]C10109506000134352"_s + u"10ABC"_s + QChar(0x1D) + u"21X1"_s);
        first.send("4006381333931\r\n96385074\r");
        first.send("\n");
        QTRY_COMPARE(scanned.count(), 3);
        QCOMPARE(scanned.at(1).at(0).toString(), u"4006381333931"_s);
        QCOMPARE(scanned.at(2).at(0).toString(), u"96385074"_s);

        // Unplugged: the workstation notices and waits.
        first.unplug();
        QFile::remove(link);
        QTRY_COMPARE_WITH_TIMEOUT(scanner.state(), SerialScanner::State::Waiting, 5000);
        QVERIFY(scanner.statusText().contains(u"come back"_s) || scanner.statusText().contains(u"Waiting"_s));

        // Plugged back in (a new device node behind the same name): it reconnects by itself.
        FakeScanner second;
        QVERIFY(second.open());
        QVERIFY(QFile::link(second.slavePath, link));
        QTRY_COMPARE_WITH_TIMEOUT(scanner.state(), SerialScanner::State::Connected, 5000);
        second.send("09506000134352\r\n");
        QTRY_COMPARE(scanned.count(), 4);
        QCOMPARE(scanned.last().at(0).toString(), u"09506000134352"_s);
    }

    void pauseEndsACodeWithoutTerminator()
    {
        FakeScanner pty;
        QVERIFY(pty.open());
        SerialScanner scanner;
        SerialSettings s;
        s.portName = pty.slavePath;
        s.terminator = {};
        s.idleEndMs = 50;
        s.prefix = u"\x02"_s;
        scanner.setSettings(s);
        QSignalSpy scanned(&scanner, &SerialScanner::scanned);
        scanner.start();
        QTRY_COMPARE(scanner.state(), SerialScanner::State::Connected);
        pty.send("\x02"
                 "ABC-123");
        QTRY_COMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().at(0).toString(), u"ABC-123"_s);
    }

    // The scanner sends a code in two pieces well within the idle gap, but the workstation is busy (a long layout,
    // a big image) when the second piece comes: by the time it looks, the idle timer has run out as well. The
    // pause was the workstation's, not the scanner's: the code must stay whole, whichever of the two the event
    // loop looks at first.
    void aBusyWorkstationDoesNotSplitACode_data()
    {
        QTest::addColumn<bool>("timerFirst");
        QTest::addRow("port first") << false;
        QTest::addRow("timer first") << true; // a nested loop that leaves the port for later
    }

    void aBusyWorkstationDoesNotSplitACode()
    {
        QFETCH(bool, timerFirst);
        FakeScanner pty;
        QVERIFY(pty.open());
        SerialScanner scanner;
        SerialSettings s;
        s.portName = pty.slavePath;
        s.terminator = {};
        s.idleEndMs = 50;
        scanner.setSettings(s);
        QSignalSpy scanned(&scanner, &SerialScanner::scanned);
        scanner.start();
        QTRY_COMPARE(scanner.state(), SerialScanner::State::Connected);
        for (int round = 0; round < 3; ++round) {
            pty.send("0109506000");
            QTest::qWait(10); // the first piece is read and the idle timer runs
            pty.send("134352");
            QThread::msleep(200); // busy: neither the timer nor the port is looked at
            if (timerFirst)
                QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers, 100);
            QTRY_COMPARE(scanned.count(), round + 1);
            QTest::qWait(150);
            QCOMPARE(scanned.count(), round + 1);
            QCOMPARE(scanned.last().at(0).toString(), u"0109506000134352"_s);
        }
    }

    // A scanner that ends its codes with CR LF on a port set to CR: the LF must not start the next code.
    void aLongerEndingDoesNotSpillIntoTheNextCode()
    {
        FakeScanner pty;
        QVERIFY(pty.open());
        SerialScanner scanner;
        SerialSettings s;
        s.portName = pty.slavePath;
        s.terminator = "\r";
        scanner.setSettings(s);
        QSignalSpy scanned(&scanner, &SerialScanner::scanned);
        scanner.start();
        QTRY_COMPARE(scanner.state(), SerialScanner::State::Connected);
        pty.send("4006381333931\r\n");
        QTRY_COMPARE(scanned.count(), 1);
        pty.send("96385074\r\n");
        QTRY_COMPARE(scanned.count(), 2);
        QCOMPARE(scanned.at(0).at(0).toString(), u"4006381333931"_s);
        QCOMPARE(scanned.at(1).at(0).toString(), u"96385074"_s);
    }

    void missingPortWaits()
    {
        SerialScanner scanner;
        SerialSettings s;
        s.portName = u"/nonexistent/ttyACM9"_s;
        scanner.setSettings(s);
        scanner.start();
        QCOMPARE(scanner.state(), SerialScanner::State::Waiting);
        QVERIFY(scanner.statusText().contains(u"Waiting"_s));
    }
};

int main(int argc, char **argv)
{
    // The plain Unix event loop, in which a nested loop can run the idle timer before it looks at the port.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    TestSerialScanner test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_serialscanner.moc"
