// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "decodebench.h"
#include "labelbench.h"
#include "livebench.h"

using namespace Qt::StringLiterals;

namespace closient::cli {

namespace {

int benchDecode(Context &ctx)
{
    bench::DecodeBenchOptions o;
    const auto &args = ctx.args();
    for (qsizetype i = 0; i < args.size(); ++i) {
        const auto &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == u"--out" && hasValue) {
            o.output = args[++i];
        } else if (a == u"--engines" && hasValue) {
            o.engines = args[++i].split(u',', Qt::SkipEmptyParts);
        } else if (a == u"--no-still") {
            o.still = false;
        } else if (a == u"--no-frames") {
            o.frames = false;
        } else if (a == u"--held-out") {
            o.leaveOneFolderOut = true;
        } else if (a == u"--synthetic" && hasValue) {
            const auto n = wholeNumber(a, args[++i], 0, 100);
            if (!n.ok())
                return ctx.fail(n.error().message);
            o.synthetic = int(n.value());
        } else if (a == u"--frame-sample" && hasValue) {
            const auto n = wholeNumber(a, args[++i], 1, 1000);
            if (!n.ok())
                return ctx.fail(n.error().message);
            o.frameSample = int(n.value());
        } else if (a == u"--workers" && hasValue) {
            const auto n = wholeNumber(a, args[++i], 1, 64);
            if (!n.ok())
                return ctx.fail(n.error().message);
            o.workers = int(n.value());
        } else if (!a.startsWith(u"--") && o.corpusDir.isEmpty()) {
            o.corpusDir = a;
        } else {
            return ctx.fail(u"bench decode: unexpected \"%1\"; see closient-station bench decode --help"_s.arg(a));
        }
    }
    if (o.corpusDir.isEmpty())
        return ctx.fail(u"bench decode needs the corpus folder"_s);
    return bench::runDecodeBench(o, ctx.out(), ctx.err());
}

int benchLabels(Context &ctx)
{
    bench::LabelBenchOptions o;
    const auto &args = ctx.args();
    for (qsizetype i = 0; i < args.size(); ++i) {
        const auto &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == u"--out" && hasValue) {
            o.output = args[++i];
        } else if (a == u"--count" && hasValue) {
            const auto n = wholeNumber(a, args[++i], 10, 1'000'000);
            if (!n.ok())
                return ctx.fail(n.error().message);
            o.count = int(n.value());
        } else if (a == u"--no-glabels") {
            o.glabels = false;
        } else {
            return ctx.fail(u"bench labels: unexpected \"%1\"; see closient-station bench labels --help"_s.arg(a));
        }
    }
    return bench::runLabelBench(o, ctx.out(), ctx.err());
}

int benchLive(Context &ctx)
{
    bench::LiveBenchOptions o;
    const auto &args = ctx.args();
    for (qsizetype i = 0; i < args.size(); ++i) {
        const auto &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == u"--out" && hasValue) {
            o.output = args[++i];
        } else if (a == u"--codes" && hasValue) {
            const auto n = wholeNumber(a, args[++i], 1, 1000);
            if (!n.ok())
                return ctx.fail(n.error().message);
            o.codes = int(n.value());
        } else if (a == u"--keep-video" && hasValue) {
            o.keepVideo = args[++i];
        } else if (a == u"--size" && hasValue) {
            const auto wh = args[++i].split(u'x');
            const auto w = wholeNumber(u"--size width"_s, wh.value(0), 16, 7680);
            const auto h = wholeNumber(u"--size height"_s, wh.value(1), 16, 4320);
            if (wh.size() != 2 || !w.ok() || !h.ok())
                return ctx.fail(u"--size takes WIDTHxHEIGHT in pixels, such as 1280x720, not \"%1\""_s.arg(args[i]));
            o.width = int(w.value());
            o.height = int(h.value());
        } else if (!a.startsWith(u"--") && o.corpusDir.isEmpty()) {
            o.corpusDir = a;
        } else {
            return ctx.fail(u"bench live: unexpected \"%1\"; see closient-station bench live --help"_s.arg(a));
        }
    }
    if (o.corpusDir.isEmpty())
        return ctx.fail(u"bench live needs the corpus folder"_s);
    return bench::runLiveBench(o, ctx.out(), ctx.err());
}

} // namespace

std::vector<Command> benchCommands()
{
    return { { u"bench decode"_s,
                 u"decode benchmark against plain ZXing-cpp and zbar; writes bench/results/decode.md"_s, true,
                 benchDecode,
                 u"DIR [--out FILE] [--engines closient,zxing-demo,zbar,zxing-multi] [--no-still] [--no-frames]\n"
                 "                                    [--frame-sample N] [--workers N] [--held-out] [--synthetic N]"_s,
                 u"Decode rate, misreads, false positives, aborts and p50/p95 ms per format folder of DIR (the\n"
                 "zxing-cpp black-box layout) for each engine, on still images and on codes composited into\n"
                 "640x480, 1280x720 and 1920x1080 frames. --held-out adds the leave-one-folder-out analysis of the\n"
                 "still stages; --synthetic N adds the generated set (N payloads a format and degradation step).\n"
                 "Writes Markdown (default bench/results/decode.md)."_s },
        { u"bench live"_s, u"30 fps video through the live pipeline: drops and latency; writes bench/results/live.md"_s,
            true, benchLive, u"DIR [--out FILE] [--codes N] [--size WxH] [--keep-video FILE]"_s,
            u"Plays a generated 30 fps video of codes from DIR through Qt Multimedia into the live pipeline and a\n"
            "store; reports dropped frames, decode time and frame-to-stored-capture latency (default output\n"
            "bench/results/live.md)."_s },
        { u"bench labels"_s, u"10,000 verified labels against glabels-3-batch; writes bench/results/labels.md"_s, false,
            benchLabels, u"[--count N] [--out FILE] [--no-glabels]"_s,
            u"Makes N serials (default 10,000) as verified sheets on 63up_1in_letter (GS1 DataMatrix) and\n"
            "Avery 5160 (GS1-128), and the same sheets with glabels-3-batch; reports time and peak memory\n"
            "(default output bench/results/labels.md)."_s } };
}

} // namespace closient::cli
