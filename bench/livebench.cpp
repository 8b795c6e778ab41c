// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livebench.h"

#include "corpus.h"
#include "database.h"
#include "isolateddecoder.h"
#include "machine.h"
#include "scanpipeline.h"
#include "sessionrepository.h"
#include "syntheticvideo.h"
#include "videofilesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace Qt::StringLiterals;
using namespace closient::scanning;

namespace closient::bench {

int runLiveBench(const LiveBenchOptions &o, QTextStream &out, QTextStream &err)
{
    QTemporaryDir dir;
    // Codes people hold up: EAN/UPC, Code 128, ITF, QR, DataMatrix and DataBar images from the corpus.
    const auto corpus = loadCorpus(o.corpusDir);
    QList<CorpusImage> chosen;
    const QStringList folders { u"ean13-3"_s, u"qrcode-5"_s, u"datamatrix-4"_s, u"code128-2"_s, u"itf-2"_s,
        u"rssexpanded-3"_s, u"upca-3"_s, u"qrcode-6"_s, u"datamatrix-2"_s, u"ean8-1"_s };
    for (int round = 0; chosen.size() < o.codes && round < 50; ++round) {
        for (const auto &folder : folders) {
            int seen = 0;
            for (const auto &img : corpus) {
                if (img.folder == folder && seen++ == round && chosen.size() < o.codes)
                    chosen << img;
            }
        }
    }
    if (chosen.isEmpty()) {
        err << "closient-station: no corpus images under " << o.corpusDir << Qt::endl;
        return 2;
    }
    QList<Scene> scenes;
    for (const auto &img : chosen) {
        scenes << Scene { QImage(img.path), int(o.fps * 1.5) } << Scene { {}, int(o.fps / 3) };
    }
    const QString video = o.keepVideo.isEmpty() ? dir.filePath(u"live.avi"_s) : o.keepVideo;
    err << "writing a " << o.width << "x" << o.height << " video of " << chosen.size() << " codes..." << Qt::endl;
    if (!writeVideo(video, scenes, { o.width, o.height }, o.fps)) {
        err << "closient-station: the video cannot be written" << Qt::endl;
        return 3;
    }

    store::Database db;
    auto opened = db.open(dir.filePath(u"live.sqlite"_s));
    opened.waitForFinished();
    if (!opened.result().ok()) {
        err << "closient-station: " << opened.result().error().message << Qt::endl;
        return 3;
    }
    auto created = store::SessionRepository(&db).create(u"barcode_scan"_s, { { u"name"_s, u"bench live"_s } });
    created.waitForFinished();
    ScanPipeline pipeline(&db);
    pipeline.setSessionId(created.result().value().id);
    std::vector<double> decodeMs;
    std::vector<ScanResult> capturedCodes;
    int duplicates = 0, restarts = 0;
    QObject::connect(&pipeline.scanner(), &LiveScanner::frameDecoded, &pipeline, [&](const FrameResult &r) {
        decodeMs.push_back(r.outcome.decodeMs);
        restarts += r.outcome.crashes;
    });
    QObject::connect(
        &pipeline, &ScanPipeline::captured, &pipeline, [&](const store::Capture &c, const QString &, double) {
            ScanResult r;
            r.format = c.format;
            r.text = c.rawValue;
            capturedCodes.push_back(r);
        });
    QObject::connect(&pipeline, &ScanPipeline::duplicate, &pipeline, [&] { ++duplicates; });

    QElapsedTimer wall;
    wall.start();
    pipeline.setSource(std::make_unique<VideoFileSource>(video));
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const auto s = pipeline.source()->state();
        if (s == FrameSource::State::Finished || s == FrameSource::State::Error)
            loop.quit();
    });
    poll.start();
    loop.exec();
    const double seconds = wall.elapsed() / 1000.0;
    QTimer::singleShot(500, &loop, &QEventLoop::quit); // the last captures reach the store
    loop.exec();
    if (pipeline.source()->state() == FrameSource::State::Error) {
        err << "closient-station: " << pipeline.source()->statusText() << Qt::endl;
        return 3;
    }
    const auto stats = pipeline.scanner().stats();
    // Several corpus images can hold the same code: count distinct codes shown and captured.
    QSet<QString> shown, read;
    for (const auto &img : chosen) {
        shown.insert(img.expected);
        const bool found = std::any_of(capturedCodes.begin(), capturedCodes.end(),
            [&](const ScanResult &r) { return compare(r, img.expected) == Match::Correct; });
        if (found)
            read.insert(img.expected);
    }
    // What the still pipeline reads in the same video: the middle frame of each code's scene, as the video holds
    // it (MJPEG), through the Still strategy. Every code it reads should have been captured live.
    QSet<QString> stillRead;
    QStringList missed;
    {
        cv::VideoCapture capture(video.toStdString());
        IsolatedDecoder decoder;
        int first = 0;
        for (qsizetype i = 0; i < scenes.size(); ++i) {
            const int middle = first + scenes[i].frames / 2;
            first += scenes[i].frames;
            if (scenes[i].image.isNull() || !capture.isOpened())
                continue;
            capture.set(cv::CAP_PROP_POS_FRAMES, middle);
            cv::Mat frame, gray;
            if (!capture.read(frame))
                continue;
            cv::cvtColor(frame, gray, cv::COLOR_BGR2GRAY);
            const auto &img = chosen[i / 2];
            const auto o = decoder.decodeGray(gray.data, gray.cols, gray.rows, int(gray.step), Strategy::Still);
            if (std::any_of(o.results.begin(), o.results.end(),
                    [&](const ScanResult &r) { return compare(r, img.expected) == Match::Correct; })) {
                stillRead.insert(img.expected);
                if (!read.contains(img.expected) && !missed.contains(img.folder))
                    missed << QFileInfo(img.path).dir().dirName() + u'/' + QFileInfo(img.path).fileName();
            }
        }
    }
    int wrong = 0;
    for (const auto &r : capturedCodes) {
        wrong += std::none_of(chosen.begin(), chosen.end(),
                     [&](const CorpusImage &img) { return compare(r, img.expected) == Match::Correct; })
            ? 1
            : 0;
    }
    const double dropped = stats.frames ? 100.0 * double(stats.dropped) / double(stats.frames) : 0;
    const auto &lat = pipeline.captureLatenciesMs();

    QString md;
    QTextStream s(&md);
    s << "# Live pipeline benchmark\n\nCommand: `" << commandLine() << "`\n\n"
      << machineDescription() << "\n\n"
      << "A " << o.width << "×" << o.height << " MJPEG video at " << o.fps << " fps (" << chosen.size()
      << " corpus codes, each held 1.5 s, wandering a little, with gaps) is played in real time by Qt Multimedia "
         "(GStreamer) into a QVideoSink; the live pipeline decodes in its worker process, confirms codes, and captures "
         "them into a real SQLite store (WAL, synchronous=FULL). Latency runs from the arrival of the frame that "
         "confirmed a code to the capture's commit.\n\n"
      << "| figure | value |\n|---|---:|\n"
      << "| video length | "
      << QString::number(scenes.size() ? double(std::accumulate(scenes.begin(), scenes.end(), 0,
                                             [](int a, const Scene &sc) { return a + sc.frames; }))
                     / o.fps
                                       : 0,
             'f', 1)
      << " s |\n"
      << "| wall time | " << QString::number(seconds, 'f', 1) << " s |\n"
      << "| frames delivered to the sink | " << stats.frames << " |\n"
      << "| frames dropped while the decoder was busy | " << stats.dropped << " (" << QString::number(dropped, 'f', 2)
      << "%) |\n"
      << "| frames decoded | " << stats.decoded << " |\n"
      << "| decode ms p50 / p95 | " << QString::number(percentile(decodeMs, 50), 'f', 2) << " / "
      << QString::number(percentile(decodeMs, 95), 'f', 2) << " |\n"
      << "| distinct codes shown / captured | " << shown.size() << " / " << read.size() << " |\n"
      << "| codes the still pipeline reads in the video (middle frame) / of those captured live | " << stillRead.size()
      << " / " << (stillRead & read).size() << " |\n"
      << "| captures stored (wrong) | " << capturedCodes.size() << " (" << wrong << ") |\n"
      << "| duplicate notices | " << duplicates << " |\n"
      << "| decoder restarts | " << restarts << " |\n"
      << "| frame arrival → stored capture p50 / p95 / max | " << QString::number(percentile(lat, 50), 'f', 1) << " / "
      << QString::number(percentile(lat, 95), 'f', 1) << " / "
      << QString::number(lat.empty() ? 0 : *std::max_element(lat.begin(), lat.end()), 'f', 1) << " ms |\n";
    if (!missed.isEmpty())
        s << "\nRead by the still pipeline in the video but not captured live: " << missed.join(u", "_s) << ".\n";
    s.flush();
    if (!o.output.isEmpty()) {
        const auto error = writeResult(o.output, md);
        if (!error.isEmpty()) {
            err << "closient-station: cannot write " << o.output << ": " << error << Qt::endl;
            return 3;
        }
        err << "written to " << o.output << Qt::endl;
    }
    out << md;
    out.flush();
    return 0;
}

} // namespace closient::bench
