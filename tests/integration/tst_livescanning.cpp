// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Real video through real Qt Multimedia (GStreamer) into the real decoder process and the real store.
#include "capturerepository.h"
#include "database.h"
#include "imagesource.h"
#include "isolateddecoder.h"
#include "livescanner.h"
#include "outbox.h"
#include "scanpipeline.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testbase.h"
#include "testmedia.h"
#include "videofilesource.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::scanning;
using closient::test::await;

namespace {
const QString kEan = u"4006381333931"_s;
const QString kLink = u"https://id.gs1.org/01/09506000134352/10/LOT42"_s;
const QString kCode128 = u"ORDER-6735"_s;

QString corpus(const QString &relative)
{
    return test::corpusDir() + u"/zxing-cpp-samples/"_s + relative;
}
} // namespace

class TestLiveScanning : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(QFileInfo(IsolatedDecoder::defaultWorkerPath()).isExecutable()); }

    void videoFramesReachTheDecoder()
    {
        const QString video = m_dir.filePath(u"codes.avi"_s);
        QVERIFY(test::writeVideo(video,
            { { test::makeBarcode(u"EAN-13"_s, kEan.left(12)), 30 }, { test::makeBarcode(u"QRCode"_s, kLink), 30 },
                { test::makeBarcode(u"Code128"_s, kCode128), 30 } }));
        LiveScanner scanner;
        QVideoSink sink;
        scanner.setVideoSink(&sink);
        QSet<QString> seen;
        connect(&scanner, &LiveScanner::frameDecoded, this, [&](const FrameResult &r) {
            for (const auto &code : r.outcome.results)
                seen.insert(code.text);
        });
        VideoFileSource source(video);
        source.start(&sink);
        QTRY_VERIFY_WITH_TIMEOUT(source.state() == FrameSource::State::Finished, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(kCode128), 5000);
        QVERIFY2(seen.contains(kEan), qPrintable(QStringList(seen.values()).join(u", ")));
        QVERIFY(seen.contains(kLink));
        const auto stats = scanner.stats();
        QVERIFY(stats.frames >= 80); // the whole video went through the sink
        qInfo() << "frames" << stats.frames << "decoded" << stats.decoded << "dropped" << stats.dropped;
    }

    void eachCodeIsCapturedOnceAndDurablyBeforeItIsAnnounced()
    {
        store::Database db;
        QVERIFY(await(db.open(m_dir.filePath(u"live.sqlite"_s))).ok());
        const auto session = await(store::SessionRepository(&db).create(u"barcode_scan"_s, {})).value().id;
        const QString video = m_dir.filePath(u"session.avi"_s);
        // A, B, C, then A again three seconds later: A must not be captured twice.
        QVERIFY(test::writeVideo(video,
            { { test::makeBarcode(u"EAN-13"_s, kEan.left(12)), 30 }, { {}, 10 },
                { test::makeBarcode(u"QRCode"_s, kLink), 30 }, { {}, 10 },
                { test::makeBarcode(u"Code128"_s, kCode128), 30 }, { {}, 10 },
                { test::makeBarcode(u"EAN-13"_s, kEan.left(12)), 30 } }));
        ScanPipeline pipeline(&db);
        pipeline.setSessionId(session);
        QStringList announced;
        int storedWhenAnnounced = 0;
        connect(&pipeline, &ScanPipeline::captured, this, [&](const store::Capture &c, const QString &, double) {
            announced << c.rawValue;
            // The announcement comes after the commit: the row is there, read from another connection.
            test::RawDb raw(m_dir.filePath(u"live.sqlite"_s), u"check"_s);
            storedWhenAnnounced += raw.scalar(u"SELECT count(*) FROM captures WHERE id = '%1'"_s.arg(c.id)).toInt();
        });
        QSignalSpy duplicates(&pipeline, &ScanPipeline::duplicate);
        pipeline.setSource(std::make_unique<VideoFileSource>(video));
        QTRY_VERIFY_WITH_TIMEOUT(pipeline.source()->state() == FrameSource::State::Finished, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 3, 5000);
        QTest::qWait(300);
        QCOMPARE(announced.size(), 3);
        QCOMPARE(storedWhenAnnounced, 3);
        QVERIFY(announced.contains(kEan));
        QVERIFY(announced.contains(kLink));
        QVERIFY(announced.contains(kCode128));
        QCOMPARE(duplicates.count(), 1);
        QCOMPARE(duplicates.first().at(0).toString(), kEan);

        const auto captures = await(store::CaptureRepository(&db).forSession(session));
        QCOMPARE(captures.size(), size_t(3));
        for (const auto &c : captures) {
            QCOMPARE(c.captureType, u"BARCODE"_s);
            QVERIFY(c.source.startsWith(u"video:"_s));
            QCOMPARE(c.quad.size(), 4);
        }
        const auto link
            = std::find_if(captures.begin(), captures.end(), [](const auto &c) { return c.rawValue == kLink; });
        QCOMPARE(link->gtin, u"09506000134352"_s);
        QCOMPARE(link->lot, u"LOT42"_s);
        QCOMPARE(await(store::OutboxRepository(&db).pendingCount()), 1 + 3); // the session and three captures
        QVERIFY(!pipeline.captureLatenciesMs().empty());

        // The operator asks for the duplicate anyway.
        QSignalSpy again(&pipeline, &ScanPipeline::captured);
        pipeline.captureAgain();
        QTRY_COMPARE(again.count(), 1);
        QCOMPARE(await(store::CaptureRepository(&db).forSession(session)).size(), size_t(4));
    }

    void decoderAbortsDoNotStopScanning()
    {
        // Images on which plain ZXing-cpp ReadBarcodes aborts (stacked DataBar), between readable codes.
        QList<test::Scene> scenes;
        for (const auto name :
            { "rssexpandedstacked-1/1.png", "rssexpandedstacked-1/10.png", "rssexpandedstacked-1/20.png" }) {
            const QImage aborting(corpus(QString::fromLatin1(name)));
            QVERIFY2(!aborting.isNull(), name);
            scenes << test::Scene { aborting, 10 };
            scenes << test::Scene { test::makeBarcode(u"QRCode"_s, u"after %1"_s.arg(QString::fromLatin1(name))), 20 };
        }
        const QString video = m_dir.filePath(u"aborts.avi"_s);
        QVERIFY(test::writeVideo(video, scenes));
        LiveScanner scanner;
        scanner.setStrategy(Strategy::ZxingMulti); // the plain library call, which aborts on these frames
        QVideoSink sink;
        scanner.setVideoSink(&sink);
        QSet<QString> seen;
        int crashedFrames = 0;
        connect(&scanner, &LiveScanner::frameDecoded, this, [&](const FrameResult &r) {
            crashedFrames += r.outcome.crashes;
            for (const auto &code : r.outcome.results)
                seen.insert(code.text);
        });
        VideoFileSource source(video);
        source.start(&sink);
        QTRY_VERIFY_WITH_TIMEOUT(source.state() == FrameSource::State::Finished, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(u"after rssexpandedstacked-1/20.png"_s), 5000);
        QVERIFY2(crashedFrames > 0, "the library aborted on some frames");
        QVERIFY(seen.contains(u"after rssexpandedstacked-1/1.png"_s)); // scanning went on after every abort
        QVERIFY(seen.contains(u"after rssexpandedstacked-1/10.png"_s));
        QCOMPARE(scanner.stats().crashes, quint64(crashedFrames));
        qInfo() << crashedFrames << "frames aborted the library; the workstation carried on";
    }

    void stillImagesSurviveImagesThatAbortTheLibrary()
    {
        IsolatedDecoder decoder;
        // ReadBarcodes aborts on this Code 128 image: reported, not fatal...
        const auto multi = decoder.decodeFile(corpus(u"code128-1/4.png"_s), Strategy::ZxingMulti);
        QVERIFY(multi.crashes >= 1);
        // ...and the still cascade's first read (the demo's single-symbol call) reads it without an abort.
        const auto code128 = decoder.decodeFile(corpus(u"code128-1/4.png"_s), Strategy::Still);
        QCOMPARE(code128.crashes, 0);
        QVERIFY2(code128.ok(), qPrintable(code128.error));
        QCOMPARE(code128.results.size(), size_t(1));
        QCOMPARE(code128.results[0].format, u"Code128"_s);
        // The demo's single-symbol call aborts on this DataBar image: reported, not fatal.
        const auto demo = decoder.decodeFile(corpus(u"rss14-1/9.webp"_s), Strategy::ZxingDemo);
        QCOMPARE(demo.crashes, 1);
        QVERIFY(demo.results.empty());
        // ...and the workstation's own reading of it does not abort.
        const auto ours = decoder.decodeFile(corpus(u"rss14-1/9.webp"_s), Strategy::Still);
        QCOMPARE(ours.crashes, 0);
        QCOMPARE(ours.results.size(), size_t(1));
        QCOMPARE(ours.results[0].text, u"0102001234567893"_s);
        QVERIFY(decoder.totalCrashes() >= 2);
        // Broken input is an error, never a crash.
        QFile broken(m_dir.filePath(u"broken.png"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'x'));
        broken.close();
        const auto bad = decoder.decodeFile(broken.fileName(), Strategy::Still);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error.contains(u"cannot be read"_s));
    }

    void stillImagesAreShownAndRead()
    {
        store::Database db;
        QVERIFY(await(db.open(m_dir.filePath(u"images.sqlite"_s))).ok());
        const auto session = await(store::SessionRepository(&db).create(u"barcode_scan"_s, {})).value().id;
        const QString folder = m_dir.filePath(u"images"_s);
        QDir().mkpath(folder);
        QVERIFY(test::makeBarcode(u"QRCode"_s, kLink).save(folder + u"/a.png"_s));
        QVERIFY(test::makeBarcode(u"EAN-13"_s, kEan.left(12)).save(folder + u"/b.png"_s));
        QFile(folder + u"/c.png"_s).open(QIODevice::WriteOnly); // empty: unreadable
        ScanPipeline pipeline(&db);
        pipeline.setImageDwellMs(0);
        pipeline.setSessionId(session);
        QSignalSpy done(&pipeline, &ScanPipeline::imagesDone);
        QSignalSpy rejected(&pipeline, &ScanPipeline::rejected);
        pipeline.setSource(std::make_unique<ImageSource>(QStringList { folder }));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QTRY_COMPARE(await(store::CaptureRepository(&db).forSession(session)).size(), size_t(2));
        QVERIFY(pipeline.videoSink()->videoFrame().isValid()); // the images were shown
        QCOMPARE(rejected.count(), 1);
        // Each capture names the file its code was read in, and the folder's run ends in plain words.
        QSet<QString> sources;
        for (const auto &c : await(store::CaptureRepository(&db).forSession(session)))
            sources.insert(c.source);
        QCOMPARE(sources, (QSet<QString> { u"images:a.png"_s, u"images:b.png"_s }));
        QCOMPARE(pipeline.source()->statusText(), u"2 of 3 images read; 1 could not be read"_s);
    }
};

QTEST_MAIN(TestLiveScanning)
#include "tst_livescanning.moc"
