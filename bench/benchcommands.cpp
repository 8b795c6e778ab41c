// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark subcommands, run by closient-bench (closient-station bench ... hands them over).
#include "benchcommands.h"

#include "decodebench.h"
#include "labelbench.h"
#include "livebench.h"
#include "reviewbench.h"
#include "syncbench.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;
using closient::cli::Context;

namespace closient::bench {

namespace {

// One positional argument (the corpus folder), or why not.
bool corpusFolder(Context &ctx, const QCommandLineParser &p, const QString &command, QString *dir)
{
    const auto rest = p.positionalArguments();
    if (rest.isEmpty()) {
        ctx.fail(u"%1 needs the corpus folder"_s.arg(command));
        return false;
    }
    if (rest.size() > 1) {
        ctx.fail(u"%1: unexpected \"%2\"; see closient-station %1 --help"_s.arg(command, rest.at(1)));
        return false;
    }
    *dir = rest.first();
    return true;
}

int benchDecode(Context &ctx)
{
    DecodeBenchOptions o;
    QCommandLineParser p;
    const QCommandLineOption out(u"out"_s, u"where the Markdown goes"_s, u"file"_s, o.output);
    const QCommandLineOption engines(u"engines"_s, u"closient,zxing-demo,zbar,zxing-multi"_s, u"list"_s);
    const QCommandLineOption noStill(u"no-still"_s, u"skip the still images"_s);
    const QCommandLineOption noFrames(u"no-frames"_s, u"skip the codes composited into frames"_s);
    const QCommandLineOption sample(u"frame-sample"_s, u"codes placed into frames per frame size"_s, u"n"_s);
    const QCommandLineOption workers(u"workers"_s, u"decoder processes"_s, u"n"_s);
    const QCommandLineOption heldOut(u"held-out"_s, u"leave-one-folder-out analysis of the still stages"_s);
    const QCommandLineOption synthetic(
        u"synthetic"_s, u"generated degradation set: payloads per format and level (0 skips it)"_s, u"n"_s);
    if (!cli::parseOptions(ctx, p,
            u"bench decode DIR [--out FILE] [--engines closient,zxing-demo,zbar,zxing-multi] [--no-still] "
            u"[--no-frames] [--frame-sample N] [--workers N] [--held-out] [--synthetic N]\n\n"
            u"Decode rate, misreads, false positives, aborts and p50/p95 ms per format folder of DIR (the\n"
            u"zxing-cpp black-box layout) for each engine, on still images and on codes composited into\n"
            u"640x480, 1280x720 and 1920x1080 frames. Writes Markdown (default bench/results/decode.md)."_s,
            { out, engines, noStill, noFrames, sample, workers, heldOut, synthetic }))
        return p.isSet(u"help"_s) ? cli::Ok : cli::Usage;
    if (const auto r = cli::readWholeOption(p, sample, 1, 1000, o.frameSample); !r.ok())
        return ctx.fail(r.error().message);
    if (const auto r = cli::readWholeOption(p, workers, 1, 64, o.workers); !r.ok())
        return ctx.fail(r.error().message);
    if (const auto r = cli::readWholeOption(p, synthetic, 0, 100, o.synthetic); !r.ok())
        return ctx.fail(r.error().message);
    o.leaveOneFolderOut = p.isSet(heldOut);
    if (!corpusFolder(ctx, p, u"bench decode"_s, &o.corpusDir))
        return cli::Usage;
    o.output = p.value(out);
    if (p.isSet(engines))
        o.engines = p.value(engines).split(u',', Qt::SkipEmptyParts);
    o.still = !p.isSet(noStill);
    o.frames = !p.isSet(noFrames);
    return runDecodeBench(o, ctx.out(), ctx.err());
}

int benchLabels(Context &ctx)
{
    LabelBenchOptions o;
    QCommandLineParser p;
    const QCommandLineOption out(u"out"_s, u"where the Markdown goes"_s, u"file"_s, o.output);
    const QCommandLineOption count(u"count"_s, u"serials to label"_s, u"n"_s);
    const QCommandLineOption noGlabels(u"no-glabels"_s, u"skip glabels-3-batch"_s);
    const QCommandLineOption layoutsOnly(u"layouts-only"_s, u"only the sheets drawn with the Product label layout"_s);
    if (!cli::parseOptions(ctx, p,
            u"bench labels [--count N] [--out FILE] [--no-glabels] [--layouts-only]\n\n"
            u"Makes N serials (default 10,000) as verified sheets on 63up_1in_letter (GS1 DataMatrix) and\n"
            u"Avery 5160 (GS1-128), symbol only and with the Product label layout (symbol and three lines of\n"
            u"text), and the same sheets with glabels-3-batch; reports time and peak memory\n"
            u"(default output bench/results/labels.md)."_s,
            { out, count, noGlabels, layoutsOnly }))
        return p.isSet(u"help"_s) ? cli::Ok : cli::Usage;
    if (const auto r = cli::readWholeOption(p, count, 10, 1'000'000, o.count); !r.ok())
        return ctx.fail(r.error().message);
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"bench labels: unexpected \"%1\"; see closient-station bench labels --help"_s.arg(
            p.positionalArguments().first()));
    o.output = p.value(out);
    o.glabels = !p.isSet(noGlabels);
    o.layoutsOnly = p.isSet(layoutsOnly);
    return runLabelBench(o, ctx.out(), ctx.err());
}

int benchLive(Context &ctx)
{
    LiveBenchOptions o;
    QCommandLineParser p;
    const QCommandLineOption out(u"out"_s, u"where the Markdown goes"_s, u"file"_s, o.output);
    const QCommandLineOption codes(u"codes"_s, u"codes shown, one after the other"_s, u"n"_s);
    const QCommandLineOption size(u"size"_s, u"the video's size in pixels, such as 1280x720"_s, u"WxH"_s);
    const QCommandLineOption keep(u"keep-video"_s, u"keep the generated video here"_s, u"file"_s);
    if (!cli::parseOptions(ctx, p,
            u"bench live DIR [--out FILE] [--codes N] [--size WxH] [--keep-video FILE]\n\n"
            u"Plays a generated 30 fps video of codes from DIR through Qt Multimedia into the live pipeline and a\n"
            u"store; reports dropped frames, decode time and frame-to-stored-capture latency (default output\n"
            u"bench/results/live.md)."_s,
            { out, codes, size, keep }))
        return p.isSet(u"help"_s) ? cli::Ok : cli::Usage;
    if (const auto r = cli::readWholeOption(p, codes, 1, 1000, o.codes); !r.ok())
        return ctx.fail(r.error().message);
    if (p.isSet(size)) {
        const auto wh = p.value(size).split(u'x');
        const auto w = cli::wholeNumber(u"--size width"_s, wh.value(0), 16, 7680);
        const auto h = cli::wholeNumber(u"--size height"_s, wh.value(1), 16, 4320);
        if (wh.size() != 2 || !w.ok() || !h.ok())
            return ctx.fail(u"--size takes WIDTHxHEIGHT in pixels, such as 1280x720, not \"%1\""_s.arg(p.value(size)));
        o.width = int(w.value());
        o.height = int(h.value());
    }
    if (!corpusFolder(ctx, p, u"bench live"_s, &o.corpusDir))
        return cli::Usage;
    o.output = p.value(out);
    o.keepVideo = p.value(keep);
    return runLiveBench(o, ctx.out(), ctx.err());
}

int benchSync(Context &ctx)
{
    SyncBenchOptions o;
    QCommandLineParser p;
    const QCommandLineOption out(u"out"_s, u"where the Markdown goes"_s, u"file"_s, o.output);
    const QCommandLineOption records(u"records"_s, u"records per run (default 900)"_s, u"n"_s);
    const QCommandLineOption limit(u"limit"_s, u"the key's requests per minute (default 300)"_s, u"n"_s);
    const QCommandLineOption noFaults(u"no-faults"_s, u"skip the run with faults"_s);
    if (!cli::parseOptions(ctx, p,
            u"bench sync [--records N] [--limit N] [--no-faults] [--out FILE]\n\n"
            u"Drains a station store into closient-sandbox with the real sync engine: records per second against\n"
            u"the bound the rate limit allows, with and without faults, 429s drawn, records lost and duplicated.\n"
            u"Writes Markdown (default bench/results/sync.md). Exit 1 when a 429 was drawn or a record was lost\n"
            u"or duplicated."_s,
            { out, records, limit, noFaults }))
        return p.isSet(u"help"_s) ? cli::Ok : cli::Usage;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"bench sync takes no arguments"_s);
    if (const auto r = cli::readWholeOption(p, records, 10, 100000, o.records); !r.ok())
        return ctx.fail(r.error().message);
    if (const auto r = cli::readWholeOption(p, limit, 10, 100000, o.perMinute); !r.ok())
        return ctx.fail(r.error().message);
    o.faults = !p.isSet(noFaults);
    o.output = p.value(out);
    return runSyncBench(o, ctx.out(), ctx.err());
}

int benchReview(Context &ctx)
{
    ReviewBenchOptions o;
    QCommandLineParser p;
    const QCommandLineOption out(u"out"_s, u"where the Markdown goes"_s, u"file"_s, o.output);
    const QCommandLineOption sizes(u"sizes"_s, u"store sizes, comma-separated"_s, u"n,n"_s);
    const QCommandLineOption rounds(u"rounds"_s, u"times each step is timed"_s, u"n"_s);
    const QCommandLineOption keep(u"keep"_s, u"keep the generated stores in this folder"_s, u"dir"_s);
    const QCommandLineOption measure(u"measure"_s, u"(internal) measure this store and print JSON"_s, u"file"_s);
    if (!cli::parseOptions(ctx, p,
            u"bench review [--out FILE] [--sizes 10000,100000] [--rounds N] [--keep DIR]\n\n"
            u"Fills stores with generated captures over 500 sessions and times the review table: a filter change,\n"
            u"a search and a sort, in ms to the first rows shown (p50 / p95), and its memory at each size\n"
            u"(default output bench/results/review.md)."_s,
            { out, sizes, rounds, keep, measure }))
        return p.isSet(u"help"_s) ? cli::Ok : cli::Usage;
    if (const auto r = cli::readWholeOption(p, rounds, 1, 1000, o.rounds); !r.ok())
        return ctx.fail(r.error().message);
    if (p.isSet(measure))
        return measureReviewStore(p.value(measure), o.rounds, ctx.out(), ctx.err());
    if (p.isSet(sizes)) {
        o.sizes.clear();
        for (const auto &part : p.value(sizes).split(u',')) {
            const auto n = cli::wholeNumber(u"--sizes"_s, part.trimmed(), 1, 10000000);
            if (!n.ok())
                return ctx.fail(n.error().message);
            o.sizes << int(n.value());
        }
    }
    o.output = p.value(out);
    o.keepDir = p.value(keep);
    return runReviewBench(o, ctx.out(), ctx.err());
}

} // namespace

std::vector<cli::Command> commands()
{
    std::vector<cli::Command> out;
    for (auto c : cli::benchCommands()) { // the names and summaries closient-station lists
        c.run = c.name == u"bench decode" ? benchDecode
            : c.name == u"bench live"     ? benchLive
            : c.name == u"bench sync"     ? benchSync
            : c.name == u"bench review"   ? benchReview
                                          : benchLabels;
        c.ownHelp = true;
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace closient::bench
