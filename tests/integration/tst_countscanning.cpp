// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A count scanned through the same input paths as the Scan screen, in the station's real object graph: a video file
// through Qt Multimedia and the isolated decoder, the keyboard-wedge detector's codes, and a serial scanner on a
// pty, with 12x prefixes, a repeated serial and undo; then the variance against an expected CSV and the finished
// count's EPCIS document. The Scan screen's routing comes back when the count stops being the target.
#include "capturerepository.h"
#include "sessionrepository.h"
#include "station.h"
#include "storetestutil.h"
#include "testbase.h"
#include "testmedia.h"
#include "validator.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <pty.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace closient;
using closient::test::await;

namespace {
/** The scanner side of a pty: what it writes, the station reads from the slave's path. */
struct FakeSerialScanner
{
    int master = -1;
    QString slavePath;
    bool open()
    {
        int slave = -1;
        char name[256] = {};
        if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
            return false;
        ::close(slave);
        slavePath = QString::fromLocal8Bit(name);
        return true;
    }
    bool send(const QByteArray &bytes)
    {
        return ::write(master, bytes.constData(), size_t(bytes.size())) == bytes.size();
    }
    ~FakeSerialScanner()
    {
        if (master >= 0)
            ::close(master);
    }
};

double tallyOf(models::CountsTallyModel *m, const QString &gtin, const QString &lot)
{
    double sum = 0;
    for (int i = 0; i < m->rowCount(); ++i) {
        const auto idx = m->index(i);
        if (idx.data(models::CountsTallyModel::GtinRole).toString() == gtin
            && idx.data(models::CountsTallyModel::LotRole).toString() == lot)
            sum += idx.data(models::CountsTallyModel::CountedRole).toDouble();
    }
    return sum;
}
} // namespace

class TestCountScanning : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyInputCountsIntoTheOpenCount()
    {
        const QString storePath = m_dir.filePath(u"station.sqlite"_s);
        models::Station station(storePath);
        station.publish();
        station.app.openStore();
        QTRY_VERIFY_WITH_TIMEOUT(station.database.isOpen(), 10000);
        auto &counts = station.counts;

        QSignalSpy started(&counts, &models::CountsController::countStarted);
        counts.startCount(
            u"9521234000006.A1"_s, u"Aisle 4"_s, QUrl::fromLocalFile(test::dataFile(u"counts/expected.csv"_s)), false);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
        QVERIFY(counts.isOpen());
        QVERIFY(!station.scan.countIsTarget()); // the page is not in front yet
        counts.setCapturing(true);
        QVERIFY(station.scan.countIsTarget());
        QSignalSpy answered(&counts, &models::CountsController::scanAnswered);

        // Keyboard wedge: what the detector announces goes where ScanController sends it.
        Q_EMIT station.wedge.scanned(u"12x"_s);
        QCOMPARE(counts.multiplier(), 12);
        Q_EMIT station.wedge.scanned(u"]C1010950600013435210L1"_s);
        QTRY_COMPARE(answered.count(), 1);
        QCOMPARE(counts.lastKind(), models::CountsController::Feedback::Counted);
        QCOMPARE(counts.multiplier(), 1);
        Q_EMIT station.wedge.scanned(u"]C1010950600013435210L1"_s); // each trigger counts: no duplicate window
        QTRY_COMPARE(answered.count(), 2);
        QTRY_COMPARE(tallyOf(counts.tally(), u"09506000134352"_s, u"L1"_s), 13.0);

        // Serial scanner on a pty: a serial, the same serial again (flagged), a prefix, a refused code.
        FakeSerialScanner pty;
        QVERIFY(pty.open());
        input::SerialSettings s;
        s.portName = pty.slavePath;
        s.terminator = "\r\n";
        station.serial.setSettings(s);
        station.serial.start();
        QTRY_COMPARE_WITH_TIMEOUT(station.serial.state(), input::SerialScanner::State::Connected, 5000);
        QVERIFY(pty.send("]d2010950600013435221S1\r\n"));
        QTRY_COMPARE(answered.count(), 3);
        QCOMPARE(counts.lastKind(), models::CountsController::Feedback::Counted);
        QVERIFY(pty.send("]d2010950600013435221S1\r\n"));
        QTRY_COMPARE(answered.count(), 4);
        QCOMPARE(counts.lastKind(), models::CountsController::Feedback::Repeated);
        QVERIFY(pty.send("5x\r\n9506000134376\r\n"));
        QTRY_COMPARE(answered.count(), 5);
        QVERIFY(counts.lastTitle().contains(u"+5"_s));
        QVERIFY(pty.send("(01)09506000134353\r\n"));
        QTRY_COMPARE(answered.count(), 6);
        QCOMPARE(counts.lastKind(), models::CountsController::Feedback::Refused);
        QVERIFY(counts.lastDetail().contains(u"check digit"_s));
        QTRY_COMPARE(tallyOf(counts.tally(), u"09506000134352"_s, {}), 1.0); // S1 once
        QTRY_COMPARE(tallyOf(counts.tally(), u"09506000134376"_s, {}), 5.0);

        // Undo takes back the 5 of 09506000134376.
        counts.undo();
        QTRY_COMPARE(tallyOf(counts.tally(), u"09506000134376"_s, {}), 0.0);

        // The camera: a video of codes. A code held in view counts once; shown again after a gap, again.
        const QString ean = u"4006381333931"_s;
        const QString video = m_dir.filePath(u"count.avi"_s);
        QVERIFY(test::writeVideo(video,
            { { test::makeBarcode(u"EAN-13"_s, ean.left(12)), 30 }, { {}, 10 },
                { test::makeBarcode(u"QRCode"_s, u"https://id.gs1.org/01/09506000134376"_s), 30 }, { {}, 10 },
                { test::makeBarcode(u"EAN-13"_s, ean.left(12)), 30 }, { {}, 10 } }));
        const int before = int(answered.count());
        station.scan.openFiles({ QUrl::fromLocalFile(video) });
        QTRY_VERIFY_WITH_TIMEOUT(
            station.pipeline.source() && station.pipeline.source()->state() == scanning::FrameSource::State::Finished,
            30000);
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), before + 3, 5000);
        QTest::qWait(300);
        QCOMPARE(answered.count(), before + 3);
        QTRY_COMPARE(tallyOf(counts.tally(), u"04006381333931"_s, {}), 2.0);
        QTRY_COMPARE(tallyOf(counts.tally(), u"09506000134376"_s, {}), 1.0);
        QVERIFY(counts.lastSource().startsWith(u"video:"_s));

        // Nothing went into a session.
        QCOMPARE(await(store::SessionRepository(&station.database).list(u"ACTIVE"_s)).size(), size_t(0));

        // Variance against the expected CSV: L1 10 → 13 over, 09506000134376 5 → 1 short, B7 missing,
        // the GTIN-only 09506000134352 (S1) and 04006381333931 without lot unexpected.
        counts.loadVariance();
        QTRY_COMPARE(counts.variance()->rowCount(), 5);
        const auto &v = counts.variance()->variance();
        QCOMPARE(v.rowsOf(counts::VarianceRow::Kind::Over), 1);
        QCOMPARE(v.rowsOf(counts::VarianceRow::Kind::Short), 1);
        QCOMPARE(v.rowsOf(counts::VarianceRow::Kind::Missing), 1);
        QCOMPARE(v.rowsOf(counts::VarianceRow::Kind::Unexpected), 2);

        // Finished: locked, documented, and the Scan screen's routing is back.
        QSignalSpy finished(&counts, &models::CountsController::countFinished);
        counts.finish();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!counts.isOpen());
        QVERIFY(!station.scan.countIsTarget());
        QVERIFY(!station.pipeline.hasCodeTarget());
        const auto doc = await(counts::CountService(&station.database).document(counts.countId()));
        QVERIFY(doc.ok());
        QVERIFY(epcis::Validator::instance().validate(doc.value()).empty());
        QSignalSpy refusedBySession(&station.pipeline, &scanning::ScanPipeline::rejected);
        Q_EMIT station.wedge.scanned(u"09506000134352"_s);
        QTRY_COMPARE(refusedBySession.count(), 1); // no session chosen: the Scan screen's own answer
        QCOMPARE(answered.count(), before + 3);
    }
};

QTEST_MAIN(TestCountScanning)
#include "tst_countscanning.moc"
