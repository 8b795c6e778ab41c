// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodebench.h"

#include "corpus.h"
#include "decoderpool.h"
#include "isolateddecoder.h"
#include "machine.h"
#include "syntheticbench.h"

#include <QElapsedTimer>
#include <QImage>
#include <QMap>
#include <QPainter>
#include <QPolygonF>
#include <QRandomGenerator>
#include <QThread>

#include <map>
#include <thread>

using namespace Qt::StringLiterals;
using namespace closient::scanning;

namespace closient::bench {

namespace {

QRectF box(const ScanResult &r)
{
    QPolygonF poly;
    for (const auto &p : r.quad)
        poly << p;
    QRectF b = poly.boundingRect();
    const qreal pad = 0.2 * std::max(b.width(), b.height()); // a linear read is a thin line along its symbol
    return b.adjusted(-pad, -pad, pad, pad);
}

bool overlaps(const ScanResult &a, const ScanResult &b)
{
    return box(a).intersects(box(b));
}

/** Counts for one engine over a set of images. */
struct Tally
{
    int images = 0;
    int decoded = 0;
    int wrong = 0;
    int partial = 0;
    int falsePositives = 0;
    int otherCodes = 0;
    int aborts = 0;
    int unreadable = 0;
    std::vector<double> ms;
    std::vector<double> cpuMs;
    std::vector<double> roundTripMs;

    void add(const DecodeOutcome &o, const QString &expected, bool negative, double roundTrip = -1)
    {
        ++images;
        aborts += o.crashes;
        if (!o.ok() && o.crashes == 0) {
            ++unreadable;
            return;
        }
        ms.push_back(o.decodeMs);
        cpuMs.push_back(o.cpuMs);
        if (roundTrip >= 0)
            roundTripMs.push_back(roundTrip);
        if (negative) {
            falsePositives += o.results.empty() ? 0 : 1;
            return;
        }
        const ScanResult *correct = nullptr;
        bool anyPartial = false;
        for (const auto &r : o.results) {
            const auto m = compare(r, expected);
            if (m == Match::Correct && !correct)
                correct = &r;
            anyPartial = anyPartial || m == Match::Partial;
        }
        // A wrong text is a misread when the image's code was not read right, or when it sits on the code that
        // was (a second reading of the same symbol). Elsewhere in the image it is another code, counted apart.
        bool misread = false, other = false;
        for (const auto &r : o.results) {
            if (compare(r, expected) != Match::Wrong)
                continue;
            if (!correct || overlaps(r, *correct))
                misread = true;
            else
                other = true;
        }
        decoded += correct ? 1 : 0;
        wrong += misread ? 1 : 0;
        otherCodes += other ? 1 : 0;
        partial += (!correct && anyPartial) ? 1 : 0;
    }
    void merge(const Tally &t)
    {
        images += t.images;
        decoded += t.decoded;
        wrong += t.wrong;
        partial += t.partial;
        falsePositives += t.falsePositives;
        otherCodes += t.otherCodes;
        aborts += t.aborts;
        unreadable += t.unreadable;
        ms.insert(ms.end(), t.ms.begin(), t.ms.end());
        cpuMs.insert(cpuMs.end(), t.cpuMs.begin(), t.cpuMs.end());
        roundTripMs.insert(roundTripMs.end(), t.roundTripMs.begin(), t.roundTripMs.end());
    }
};

struct Engine
{
    QString name;
    Strategy still;
    Strategy frame;
};

const std::vector<Engine> &allEngines()
{
    static const std::vector<Engine> engines {
        { u"closient"_s, Strategy::Still, Strategy::Frame },
        { u"zxing-demo"_s, Strategy::ZxingDemo, Strategy::ZxingDemo },
        { u"zbar"_s, Strategy::Zbar, Strategy::Zbar },
        { u"zxing-multi"_s, Strategy::ZxingMulti, Strategy::ZxingMulti },
    };
    return engines;
}

QString pct(int part, int whole)
{
    return whole == 0 ? u"–"_s : QString::number(100.0 * part / whole, 'f', 1) + u'%';
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

// A camera-like background: uneven light and sensor noise, so frames are not trivially blank.
QImage background(const QSize &size, quint32 seed)
{
    QImage img(size, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    const int base = 70 + int(rng.bounded(60));
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int v
                = std::clamp(base + 50 * x / size.width() + 30 * y / size.height() + int(rng.bounded(25)) - 12, 0, 255);
            line[x] = qRgb(v, v, v);
        }
    }
    return img;
}

QImage composite(const QImage &code, const QSize &frame, quint32 seed)
{
    QImage img = background(frame, seed);
    QRandomGenerator rng(seed ^ 0x9E3779B9u);
    if (!code.isNull()) {
        const double fit = std::min(0.8 * frame.width() / code.width(), 0.7 * frame.height() / code.height());
        const double scale = fit * (0.55 + 0.45 * rng.generateDouble());
        const QImage scaled
            = code.scaled(QSize(std::max(1, int(code.width() * scale)), std::max(1, int(code.height() * scale))),
                Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const int x = int(rng.bounded(std::max(1, frame.width() - scaled.width())));
        const int y = int(rng.bounded(std::max(1, frame.height() - scaled.height())));
        QPainter p(&img);
        p.drawImage(x, y, scaled);
    }
    return img.convertToFormat(QImage::Format_Grayscale8);
}

QString summaryRow(const QString &name, const Tally &t)
{
    return u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | "_s.arg(name)
               .arg(t.images)
               .arg(t.decoded)
               .arg(pct(t.decoded, t.images))
               .arg(u"%1 (%2)"_s.arg(t.wrong).arg(pct(t.wrong, t.images)))
               .arg(t.otherCodes)
               .arg(t.aborts)
               .arg(ms(percentile(t.ms, 50)))
               .arg(ms(percentile(t.ms, 95)))
        + ms(percentile(t.cpuMs, 50)) + u" | "_s + ms(percentile(t.cpuMs, 95)) + u" |"_s;
}

} // namespace

int runDecodeBench(const DecodeBenchOptions &options, QTextStream &out, QTextStream &err)
{
    const auto corpus = loadCorpus(options.corpusDir);
    if (corpus.empty()) {
        err << "closient-station: no corpus images with expected texts under " << options.corpusDir << Qt::endl;
        return 2;
    }
    std::vector<Engine> engines;
    for (const auto &e : allEngines()) {
        if (options.engines.contains(e.name))
            engines.push_back(e);
    }
    QStringList files;
    for (const auto &img : corpus)
        files << img.path;

    // Still images: every engine over every image, each through its own isolated worker.
    std::map<QString, std::map<QString, Tally>> byFolder; // folder → engine → tally
    std::map<QString, Tally> totals, negatives;
    std::map<QString, int> passWins;
    if (options.still) {
        // Every engine reads an image right after the others, each in its own isolated worker, so that all of them
        // meet the same machine state (on a machine shared with other work, a busy minute would otherwise fall on
        // one engine's whole run).
        QElapsedTimer timer;
        timer.start();
        std::vector<std::vector<DecodeOutcome>> outcomes(engines.size(), std::vector<DecodeOutcome>(corpus.size()));
        std::atomic<int> next { 0 };
        const auto work = [&] {
            std::vector<std::unique_ptr<IsolatedDecoder>> decoders;
            for (size_t e = 0; e < engines.size(); ++e)
                decoders.push_back(std::make_unique<IsolatedDecoder>());
            for (int i = next++; i < files.size(); i = next++) {
                for (size_t e = 0; e < engines.size(); ++e)
                    outcomes[e][size_t(i)] = decoders[e]->decodeFile(files[i], engines[e].still, 0);
                if ((i + 1) % 100 == 0)
                    err << "still images: " << i + 1 << "/" << files.size() << Qt::endl;
            }
        };
        std::vector<std::thread> threads;
        for (int w = 1; w < std::max(1, options.workers); ++w)
            threads.emplace_back(work);
        work();
        for (auto &t : threads)
            t.join();
        for (size_t e = 0; e < engines.size(); ++e) {
            for (size_t i = 0; i < corpus.size(); ++i) {
                const auto &img = corpus[i];
                byFolder[img.folder][engines[e].name].add(outcomes[e][i], img.expected, img.negative);
                if (engines[e].name == u"closient" && !img.negative && !outcomes[e][i].results.empty())
                    ++passWins[outcomes[e][i].results.front().pass];
            }
        }
        err << "still images done in " << timer.elapsed() / 1000 << " s" << Qt::endl;
    }
    for (const auto &[folder, perEngine] : byFolder) {
        for (const auto &[engine, tally] : perEngine)
            (folder.startsWith(u"falsepositives") ? negatives : totals)[engine].merge(tally);
    }

    QString md;
    QTextStream s(&md);
    s << "# Decode benchmark\n\n"
      << "Command: `" << commandLine() << "`\n\n"
      << machineDescription() << "\n"
      << "- corpus: " << options.corpusDir << " (" << corpus.size() << " images with expected text)\n\n"
      << "Engines: **closient** is this workstation's pipeline (`Still` cascade for images, `Frame` budget for "
         "frames); "
         "**zxing-demo** is plain ZXing-cpp "
      << QStringLiteral(CLOSIENT_ZXING_VERSION)
      << " with the settings of its Qt demo (`ReadBarcode`, tryHarder, tryRotate, tryDownscale, linear + matrix "
         "formats); **zxing-multi** is the same with `ReadBarcodes`; **zbar** has every symbology enabled. Every "
         "engine "
         "runs in the isolated decoder process, so an abort is counted, not fatal. Texts are compared exactly, EAN/UPC "
         "as GTINs (an add-on counts where the expected text has one). A misread is an image whose code was read with "
         "a "
         "wrong text (or read twice, once wrongly); a wrong text elsewhere in an image whose code was read right is "
         "another code in the picture (\"other codes\"). A false positive is any result on a `falsepositives-*` image. "
         "An abort is the library killing its process; the image is then read again in safe mode. Times are the "
         "decoder's own wall-clock time per image. The engines take turns image by image (each in its own worker), so "
         "all of them meet the same load on a machine shared with other work: this one has "
      << QThread::idealThreadCount()
      << " logical cores, shared with other people building software at the same time, so absolute times swing "
         "and the ratios between engines measured in the same run are the figures to compare.\n\n";
    s << "## Still images\n\n| engine | images | decoded | rate | misreads | other codes | aborts | p50 ms | p95 ms | "
         "CPU p50 ms | CPU p95 ms |\n"
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto &e : engines)
        s << summaryRow(e.name, totals[e.name]) << '\n';
    if (totals.count(u"closient"_s) && totals.count(u"zxing-demo"_s)) {
        const auto ratio = [&](const auto &member) {
            const double demo = percentile(totals[u"zxing-demo"_s].*member, 95);
            return demo > 0 ? percentile(totals[u"closient"_s].*member, 95) / demo : 0.0;
        };
        s << "\np95 of closient against zxing-demo in this run: " << QString::number(ratio(&Tally::ms), 'f', 1)
          << "× wall-clock, " << QString::number(ratio(&Tally::cpuMs), 'f', 1)
          << "× CPU (the decoder's own CPU time, which other work on the machine hardly changes).\n";
    }
    s << "\nFalse positives on the " << (negatives.empty() ? 0 : negatives.begin()->second.images)
      << " `falsepositives-*` images: ";
    QStringList fp;
    for (const auto &e : engines)
        fp << u"%1 %2"_s.arg(e.name).arg(negatives[e.name].falsePositives);
    s << fp.join(u", "_s) << ".\n\n";

    s << "### Per format folder (decoded / images, p95 ms)\n\n| folder | images |";
    for (const auto &e : engines)
        s << ' ' << e.name << " |";
    s << "\n|---|---:|";
    for (size_t i = 0; i < engines.size(); ++i)
        s << "---:|";
    s << '\n';
    for (const auto &[folder, perEngine] : byFolder) {
        s << "| " << folder << " | " << perEngine.begin()->second.images << " |";
        for (const auto &e : engines) {
            const auto &t = perEngine.at(e.name);
            const QString value
                = folder.startsWith(u"falsepositives") ? u"%1 FP"_s.arg(t.falsePositives) : u"%1"_s.arg(t.decoded);
            s << ' ' << value << (t.wrong ? u" (%1 wrong)"_s.arg(t.wrong) : QString())
              << (t.aborts ? u" (%1 aborts)"_s.arg(t.aborts) : QString()) << ", " << ms(percentile(t.ms, 95)) << " |";
        }
        s << '\n';
    }
    if (!passWins.empty()) {
        s << "\n### What each step of the closient cascade buys\n\nThe step that produced the first result, over the "
             "images the pipeline read (a later step runs only when every earlier one found nothing):\n\n"
             "| step | images read |\n|---|---:|\n";
        for (const auto &[pass, n] : passWins)
            s << "| " << pass << " | " << n << " |\n";
    }

    if (options.frames) {
        s << "\n## Frames\n\nCodes from the corpus (every "
          << std::max<size_t>(1, corpus.size() / size_t(options.frameSample))
          << (corpus.size() / size_t(options.frameSample) == 3 ? "rd" : "th")
          << " image with an expected text) composited at a random place and size into a camera-like frame (uneven "
             "light, sensor noise), plus "
          << options.emptyFrames
          << " frames with no code, timed apart. Frames go through shared memory exactly as live camera frames do; "
             "\"round trip\" adds the copy and the hand-over to the worker process.\n\n";
        std::vector<size_t> sample;
        const size_t step = std::max<size_t>(1, corpus.size() / size_t(options.frameSample));
        for (size_t i = 0; i < corpus.size(); i += step) {
            if (!corpus[i].negative)
                sample.push_back(i);
        }
        for (const QSize size : { QSize(640, 480), QSize(1280, 720), QSize(1920, 1080) }) {
            s << "### " << size.width() << "×" << size.height()
              << "\n\n| engine | frames | decoded | rate per frame | "
                 "read within 3 frames | misreads | aborts | p50 ms | p95 ms | round trip p95 ms | empty p50 ms | "
                 "empty p95 ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
            // Every engine reads the same frame one after the other, so all of them meet the same machine state.
            std::vector<const Engine *> frameEngines;
            for (const auto &engine : engines) {
                if (engine.name != u"zxing-multi")
                    frameEngines.push_back(&engine);
            }
            std::vector<std::unique_ptr<IsolatedDecoder>> decoders;
            for (size_t e = 0; e < frameEngines.size(); ++e)
                decoders.push_back(std::make_unique<IsolatedDecoder>());
            std::vector<Tally> codes(frameEngines.size()), empty(frameEngines.size()), cycle(frameEngines.size());
            const auto run = [&](const QImage &frame, const QString &expected, bool negative) {
                for (size_t e = 0; e < frameEngines.size(); ++e) {
                    // The same scene in three consecutive frames (100 ms at 30 fps): each frame is timed and scored
                    // on its own, and the scene counts as read within the cycle when any of the three read it.
                    DecodeOutcome merged;
                    for (int phase = 0; phase < 3; ++phase) {
                        QElapsedTimer t;
                        t.start();
                        auto o = decoders[e]->decodeGray(frame.constBits(), frame.width(), frame.height(),
                            int(frame.bytesPerLine()), frameEngines[e]->frame, 0, 2000, phase);
                        (negative ? empty : codes)[e].add(o, expected, negative, double(t.nsecsElapsed()) / 1e6);
                        merged.crashes += o.crashes;
                        merged.decodeMs += o.decodeMs;
                        for (auto &r : o.results)
                            merged.results.push_back(std::move(r));
                    }
                    if (!negative)
                        cycle[e].add(merged, expected, false);
                }
            };
            for (size_t k = 0; k < sample.size(); ++k) {
                const auto &img = corpus[sample[k]];
                run(composite(
                        QImage(img.path).convertToFormat(QImage::Format_RGB32), size, quint32(k * 7919 + size.width())),
                    img.expected, false);
            }
            for (int k = 0; k < options.emptyFrames; ++k)
                run(composite({}, size, quint32(k * 104729 + 17)), {}, true);
            for (size_t e = 0; e < frameEngines.size(); ++e) {
                const auto &c = codes[e];
                const auto &m = empty[e];
                s << "| " << frameEngines[e]->name << " | " << c.images << " | " << c.decoded << " | "
                  << pct(c.decoded, c.images) << " | " << pct(cycle[e].decoded, cycle[e].images) << " | " << c.wrong
                  << " | " << c.aborts + m.aborts << " | " << ms(percentile(c.ms, 50)) << " | "
                  << ms(percentile(c.ms, 95)) << " | " << ms(percentile(c.roundTripMs, 95)) << " | "
                  << ms(percentile(m.ms, 50)) << " | " << ms(percentile(m.ms, 95)) << " |\n";
            }
            err << "frames " << size.width() << "x" << size.height() << " done" << Qt::endl;
            s << '\n';
        }
        s << "\n\"Rate per frame\" is one frame on its own. The live strategy spends a few milliseconds a frame and "
             "cycles through three views (upright, turned, candidate regions), so its fair figure is \"read within 3 "
             "frames\" (a code held up to a camera stays for dozens of frames); the other engines try everything on "
             "every frame, which is why they cost two to forty times as much per frame.\n";
    }
    if (options.leaveOneFolderOut)
        s << leaveOneFolderOutSection(corpus, err);
    if (options.synthetic > 0)
        s << syntheticSection(options.synthetic, err);
    s << "\n## Reading these figures\n\n"
         "- **Which figures are held out.** The corpus was used to choose the still cascade's stages, so the \"Still "
         "images\" table is *not* held out for the closient engine. Its held-out figure is the leave-one-folder-out "
         "row (each folder read with stages chosen on the other folders). The time budget (four times the first "
         "read's own CPU time for the rest of the cascade) follows from the target itself (at most five times the "
         "demo's time, the first read being the demo's call) and was not fitted to any figure here. The "
         "blurred-linear reader's thresholds and blur widths, and the edge width past which a linear region counts "
         "as blurred (and goes to that reader first), were set on generated symbols (other seeds than the "
         "benchmark's) and on generated codeless images, never on the corpus: for those the whole corpus, and the "
         "generated set's seeds, are held out. zxing-demo and zbar are untuned.\n"
         "- Misreads include a corpus label that disagrees with the printed digits (ean13-2: the text file says one "
         "GTIN, the symbol and its human-readable digits say another, and every engine that reads it agrees with the "
         "symbol) and an image with two different QR codes where the second one counts as a misread.\n"
         "- GS1 DataBar Limited is not decoded by ZXing-cpp 1.4 at all (databarltd-1: 0 for every engine).\n"
         "- Aborts: the libzxing 1.4.0 that Debian ships is built with assertions; `ReadBarcodes` kills its process "
         "on some DataBar and Code 128 images. Every engine runs in the isolated decoder, which is restarted at once "
         "and, for the closient engine, resumes the image in safe mode.\n";
    s.flush();
    if (!options.output.isEmpty()) {
        const auto error = writeResult(options.output, md);
        if (!error.isEmpty()) {
            err << "closient-station: cannot write " << options.output << ": " << error << Qt::endl;
            return 3;
        }
        err << "written to " << options.output << Qt::endl;
    }
    out << md;
    out.flush();
    return 0;
}

} // namespace closient::bench
