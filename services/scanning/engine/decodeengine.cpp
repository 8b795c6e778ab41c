// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodeengine.h"

#include "gs1parser.h"
#include "imageops.h"
#include "linearreader.h"
#include "zbarengine.h"

#include <ZXing/ReadBarcode.h>

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <sstream>

#include <time.h>

namespace closient::scanning::engine {

namespace {

using namespace ZXing;
using Clock = std::chrono::steady_clock;

// The decoding thread's own CPU time: what a stage costs, whatever else runs on the machine at the same moment.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

constexpr auto kDataBarFormats = BarcodeFormat::DataBar | BarcodeFormat::DataBarExpanded;

// ZXing's Flags keep their bits private: go through the single formats.
BarcodeFormats toZxing(FormatMask mask)
{
    const FormatMask m = mask ? mask : defaultFormats();
    BarcodeFormats out;
    for (int bit = 0; bit < 32; ++bit) {
        if (m & (1u << bit))
            out |= BarcodeFormat(1 << bit);
    }
    return out;
}

FormatMask toMask(BarcodeFormats formats)
{
    FormatMask m = 0;
    for (auto f : formats)
        m |= FormatMask(f);
    return m;
}

// ZXing-cpp 1.4 writes some symbologies differently from how scanners transmit them (AIM): DataBar omni
// without its "01", DataBar Expanded as bracketed HRI, EAN/UPC add-ons after a space. Transmit form here.
std::string transmittedText(BarcodeFormat format, std::string text)
{
    if (format == BarcodeFormat::DataBar && text.size() == 14)
        return "01" + text;
    if (format == BarcodeFormat::DataBarExpanded && !text.empty() && text.front() == '(') {
        const auto parsed = gs1::parse(QString::fromStdString(text));
        if (!parsed.elements.empty())
            return gs1::buildElementString(parsed.elements).toStdString();
    }
    if ((format == BarcodeFormat::EAN13 || format == BarcodeFormat::UPCA || format == BarcodeFormat::UPCE
            || format == BarcodeFormat::EAN8)
        && text.find(' ') != std::string::npos)
        text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

EngineResult toResult(const Result &r, const cv::Matx23d &toOriginal, const std::string &pass)
{
    EngineResult out;
    out.format = ToString(r.format());
    out.text = transmittedText(r.format(), r.text());
    out.symbologyId = r.symbologyIdentifier();
    const auto &p = r.position();
    for (int i = 0; i < 4; ++i) {
        const double x = p[i].x, y = p[i].y;
        out.quad[size_t(i)] = { float(toOriginal(0, 0) * x + toOriginal(0, 1) * y + toOriginal(0, 2)),
            float(toOriginal(1, 0) * x + toOriginal(1, 1) * y + toOriginal(1, 2)) };
    }
    out.pass = pass;
    out.lineCount = r.lineCount();
    return out;
}

bool isLinear(const EngineResult &r)
{
    return r.lineCount > 0 || r.format == "DataBar" || r.format == "DataBarExpanded";
}

// Two reads of one linear symbol that disagree (ZXing found both along different rows): keep the one more scan
// lines agree on; when neither wins, trust neither.
void resolveConflicts(std::vector<EngineResult> &results)
{
    const auto extent = [](const EngineResult &r) {
        float minX = r.quad[0][0], maxX = minX, minY = r.quad[0][1], maxY = minY;
        for (const auto &p : r.quad) {
            minX = std::min(minX, p[0]);
            maxX = std::max(maxX, p[0]);
            minY = std::min(minY, p[1]);
            maxY = std::max(maxY, p[1]);
        }
        return std::array<float, 4> { minX, maxX, minY, maxY };
    };
    std::vector<bool> drop(results.size(), false);
    for (size_t i = 0; i < results.size(); ++i) {
        for (size_t j = i + 1; j < results.size(); ++j) {
            const auto &a = results[i];
            const auto &b = results[j];
            if (a.format != b.format || a.text == b.text || !isLinear(a) || !isLinear(b))
                continue;
            // A read is a line (or a thin box) along the symbol: widen it across by a fifth of its length, and
            // call two reads one symbol when those boxes meet.
            auto ea = extent(a), eb = extent(b);
            for (auto *e : { &ea, &eb }) {
                auto &box = *e;
                const float pad = 0.2f * std::max(box[1] - box[0], box[3] - box[2]);
                box = { box[0] - pad, box[1] + pad, box[2] - pad, box[3] + pad };
            }
            if (std::min(ea[1], eb[1]) < std::max(ea[0], eb[0]) || std::min(ea[3], eb[3]) < std::max(ea[2], eb[2]))
                continue; // two different symbols
            if (a.lineCount > b.lineCount)
                drop[j] = true;
            else if (b.lineCount > a.lineCount)
                drop[i] = true;
            else
                drop[i] = drop[j] = true;
        }
    }
    size_t k = 0;
    for (size_t i = 0; i < results.size(); ++i) {
        if (drop[i])
            continue;
        if (k != i)
            results[k] = std::move(results[i]);
        ++k;
    }
    results.resize(k);
}

DecodeHints hints(BarcodeFormats formats, bool thorough, bool rotate)
{
    DecodeHints h;
    h.setFormats(formats);
    h.setTryHarder(thorough);
    // Scanning columns as well as rows triples the cost of a frame; in frames, rotated codes are left to the
    // turned pass and to the candidate regions, which are turned upright first.
    h.setTryRotate(rotate);
    h.setTryDownscale(true);
    h.setEanAddOnSymbol(EanAddOnSymbol::Read);
    return h;
}

// Views other than the original (sharpened, thresholded, enlarged) can make bars look like other bars: a linear
// read from them must be carried by more scan lines than ZXing's default of two.
// On a still image there is no second frame to confirm a read, so linear symbols need more agreeing lines than
// ZXing's default of two; more again on enhanced views (bench/results/decode.md has the trade-off).
constexpr int kStillMinLines = 3;
constexpr int kEnhancedViewMinLines = 4;

// One ZXing pass over a view. Several symbols at once with ReadBarcodes, except DataBar: ZXing-cpp 1.4 aborts
// (assert lineCount() == 1 in Result.cpp) while merging DataBar scan lines. Read alone and accepted from one
// line (DataBar's finder patterns and check value already guard it), it never reached that assert on the
// corpus, rotated or not (bench/results/decode.md), and reads more.
// After an abort the workstation asks again in safe mode: linear symbols are then read one at a time
// (ReadBarcode), which does not merge scan lines across symbols, the step that asserted.
thread_local bool t_safeMode = false;

void readView(
    const View &view, BarcodeFormats formats, bool thorough, std::vector<EngineResult> &out, bool upright = false)
{
    const bool rotate = thorough && !upright;
    const ImageView iv(view.image.data, view.image.cols, view.image.rows, ImageFormat::Lum, int(view.image.step));
    const bool enhanced
        = view.name != "original" && view.name != "frame" && view.name != "frame-turned" && view.name != "verify";
    const size_t first = out.size();
    const auto others = toZxing(toMask(formats) & ~toMask(kDataBarFormats));
    if (toMask(formats) & ~toMask(kDataBarFormats)) {
        auto h = hints(others, thorough, rotate);
        if (enhanced)
            h.setMinLineCount(kEnhancedViewMinLines);
        else if (thorough)
            h.setMinLineCount(kStillMinLines);
        if (t_safeMode) {
            const auto matrix = toZxing(toMask(others) & toMask(BarcodeFormat::MatrixCodes));
            const auto linear = toZxing(toMask(others) & toMask(BarcodeFormat::LinearCodes));
            if (!matrix.empty()) {
                for (const auto &r : ReadBarcodes(iv, DecodeHints(h).setFormats(matrix))) {
                    if (r.isValid())
                        out.push_back(toResult(r, view.toOriginal, view.name));
                }
            }
            if (!linear.empty()) {
                const auto r = ReadBarcode(iv, DecodeHints(h).setFormats(linear));
                if (r.isValid())
                    out.push_back(toResult(r, view.toOriginal, view.name));
            }
        } else {
            for (const auto &r : ReadBarcodes(iv, h)) {
                if (r.isValid())
                    out.push_back(toResult(r, view.toOriginal, view.name));
            }
        }
    }
    const auto dataBar = toZxing(toMask(formats) & toMask(kDataBarFormats));
    if (toMask(formats) & toMask(kDataBarFormats)) {
        auto h = hints(dataBar, thorough, rotate);
        h.setMinLineCount(1);
        const auto r = ReadBarcode(iv, h);
        if (r.isValid())
            out.push_back(toResult(r, view.toOriginal, view.name));
    }
    std::vector<EngineResult> found(
        std::make_move_iterator(out.begin() + qsizetype(first)), std::make_move_iterator(out.end()));
    out.resize(first);
    resolveConflicts(found);
    std::move(found.begin(), found.end(), std::back_inserter(out));
}

void addUnique(std::vector<EngineResult> &into, std::vector<EngineResult> &&found)
{
    for (auto &r : found) {
        const bool known = std::any_of(
            into.begin(), into.end(), [&](const EngineResult &e) { return e.text == r.text && e.format == r.format; });
        if (!known)
            into.push_back(std::move(r));
    }
}

/** Numbers the steps of a cascade and skips those before the resume point. */
class Stages
{
public:
    Stages(const StageObserver &observer, int skip)
        : m_observer(observer)
        , m_skip(skip)
    { }
    /// True when the next step should run (and tells the observer it starts).
    bool next()
    {
        const int n = m_next++;
        if (n < m_skip)
            return false;
        if (m_observer)
            m_observer(n);
        return true;
    }

private:
    const StageObserver &m_observer;
    int m_skip;
    int m_next = 0;
};

void readRegion(const cv::Mat &gray, const cv::RotatedRect &region, BarcodeFormats formats, bool fine,
    std::vector<EngineResult> &out)
{
    // Regions are small images: even in a frame they are worth ZXing's harder look.
    const bool small = std::min(region.size.width, region.size.height) < 120;
    std::vector<EngineResult> found;
    // A region is already upright: a still image still tries the other way round, a frame has no time for it.
    if (fine)
        readView(regionView(gray, region, 320), formats, true, found);
    else
        readView(regionView(gray, region, 160, small, 480), formats, true, found, true);
    addUnique(out, std::move(found));
}

/** What the image says about itself, measured once before any stage past the first read. */
struct ImageFacts
{
    std::vector<LinearRegion> linear; // one-directional edges: linear codes, blurred or not
    std::vector<cv::RotatedRect> regions; // dense strong gradients: any code
    bool smallCode = false; // some region is narrow enough that its modules are a pixel or two
    cv::Rect smallArea; // where those small regions are, with room around them: what upscale-sharpen enlarges
    bool lowContrast = false;
    bool dark = false; // light codes on dark ground are likelier
    bool large = false;
    bool blurred = false; // a linear region's edges are too soft for ZXing's binariser
};

ImageFacts measure(const cv::Mat &gray)
{
    ImageFacts f;
    // Both at low resolution: they only need to place regions roughly and tell sharp edges from soft ones, and at
    // these sizes they cost a fraction of the first read (the budget below is measured against it).
    f.linear = findLinearRegions(gray, 2, 240);
    f.regions = candidateRegions(gray, 4, 480);
    // Each small region with half its size again on every side (at least 24 pixels), so that a code it covers only
    // in part, and its quiet zones, are inside.
    const auto addSmall = [&](cv::Rect2f box) {
        const float margin = std::max(24.f, 0.5f * std::max(box.width, box.height));
        const cv::Rect grown
            = cv::Rect(cv::Rect2f(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin))
            & cv::Rect(0, 0, gray.cols, gray.rows);
        f.smallArea = f.smallArea.empty() ? grown : (f.smallArea | grown);
        f.smallCode = true;
    };
    for (const auto &r : f.regions) {
        if (std::min(r.size.width, r.size.height) < 100)
            addSmall(r.boundingRect2f());
    }
    for (const auto &r : f.linear) {
        if (r.length < 160) // along an unknown direction: as far across as along
            addSmall({ r.center.x - r.length / 2, r.center.y - r.length / 2, r.length, r.length });
    }
    cv::Mat small;
    const double scale = std::min(1.0, 256.0 / std::max(gray.cols, gray.rows));
    cv::resize(gray, small, {}, scale, scale, cv::INTER_AREA);
    // Grey-level percentiles from a histogram (sorting the pixels cost more than the rest of the measuring).
    std::array<size_t, 256> histogram {};
    for (int y = 0; y < small.rows; ++y) {
        const auto *row = small.ptr<uchar>(y);
        for (int x = 0; x < small.cols; ++x)
            ++histogram[row[x]];
    }
    const auto percentile = [&](size_t rank) {
        size_t seen = 0;
        for (int g = 0; g < 256; ++g) {
            seen += histogram[size_t(g)];
            if (seen > rank)
                return g;
        }
        return 255;
    };
    const size_t n = small.total();
    const int p2 = percentile(n / 50), p50 = percentile(n / 2), p98 = percentile(n - 1 - n / 50);
    f.lowContrast = p98 - p2 < 90;
    for (const auto &r : f.linear)
        f.lowContrast = f.lowContrast || r.contrast < 70;
    f.dark = p50 < 100;
    f.large = std::max(gray.cols, gray.rows) >= 1600;
    // The blurred-linear reader looks at soft regions first.
    std::stable_partition(f.linear.begin(), f.linear.end(), [](const LinearRegion &r) { return r.soft(); });
    f.blurred = !f.linear.empty() && f.linear.front().soft();
    return f;
}

/** One step of the still cascade: its name, whether the image asks for it, and how it reads. */
struct StillStage
{
    const char *name;
    bool (*wanted)(const ImageFacts &);
    bool kept; // measured: does it pay on folders it was not chosen on (bench/results/decode.md)?
};

// The first read is the demo's own call (ReadBarcode with tryHarder, tryRotate, tryDownscale), restricted to the
// workstation's formats: an image it reads costs no more than it does the demo. Every later stage runs only when
// the image asks for it, and only stages that paid on held-out corpus folders and on the generated set are kept.
const std::vector<StillStage> &stillStages()
{
    static const std::vector<StillStage> stages {
        // The cheap ZXing views first (a few milliseconds each), then the blurred-linear reader with what is left.
        { "upscale-sharpen", [](const ImageFacts &f) { return f.smallCode; }, true },
        { "smooth", [](const ImageFacts &f) { return !f.regions.empty(); }, true },
        { "invert", [](const ImageFacts &f) { return f.dark; }, true },
        { "adaptive-threshold", [](const ImageFacts &f) { return !f.regions.empty(); }, true },
        { "blurred-linear", [](const ImageFacts &f) { return !f.linear.empty(); }, true },
        // Region crops read 26 more corpus images but misread three (an EAN-8 read inside an EAN-13, two wrong
        // EAN-13): dropped by the held-out rule (no misread).
        { "regions", [](const ImageFacts &f) { return !f.regions.empty(); }, false },
        { "clahe", [](const ImageFacts &f) { return f.lowContrast; }, false },
        // Sharpen paid on held-out folders once the budget stopped earlier stages from running out the time (kept in
        // 39 of 41 folds); before the budget it was kept in one.
        { "sharpen", [](const ImageFacts &f) { return !f.regions.empty(); }, true },
        { "downscale", [](const ImageFacts &f) { return f.large; }, false },
    };
    return stages;
}

// Scan lines the blurred-linear reader may decode on one image (each forwards and backwards, grey and binarised):
// four blur widths over twelve lines, more when four lines settle a width early. About 10 to 40 ms.
constexpr int kBlurredLineReads = 48;

void readFirst(const cv::Mat &gray, BarcodeFormats formats, std::vector<EngineResult> &out)
{
    const ImageView iv(gray.data, gray.cols, gray.rows, ImageFormat::Lum, int(gray.step));
    // The demo's call without DataBar first: ZXing-cpp 1.4 aborts while merging DataBar lines in it on some images.
    const auto others = toZxing(toMask(formats) & ~toMask(kDataBarFormats));
    if (toMask(formats) & ~toMask(kDataBarFormats)) {
        DecodeHints h;
        h.setFormats(others);
        h.setEanAddOnSymbol(EanAddOnSymbol::Read);
        const auto r = ReadBarcode(iv, h);
        if (r.isValid()) {
            out.push_back(toResult(r, kIdentity, "first"));
            return;
        }
    }
    // DataBar alone and from one line, as in every other view: it never aborts that way.
    if (toMask(formats) & toMask(kDataBarFormats)) {
        auto h = hints(toZxing(toMask(formats) & toMask(kDataBarFormats)), true, true);
        h.setMinLineCount(1);
        const auto r = ReadBarcode(iv, h);
        if (r.isValid())
            out.push_back(toResult(r, kIdentity, "first"));
    }
}

// The part of the image upscale-sharpen enlarges: around the small regions, or all of it when they cover most of it
// (unless it is large: four times the pixels of a large image are too slow for what they find).
cv::Rect upscaleArea(const cv::Mat &gray, const ImageFacts &facts)
{
    const cv::Rect whole(0, 0, gray.cols, gray.rows);
    if (facts.smallArea.area() < 0.6 * whole.area())
        return facts.smallArea;
    return std::max(gray.cols, gray.rows) > 2000 ? cv::Rect() : whole;
}

// A stage's expected cost for this image, as a multiple of the first read's time.
double expectedCost(const char *stage, const cv::Mat &gray, const ImageFacts &facts)
{
    if (std::string(stage) == "upscale-sharpen")
        return stillStageCost(stage) * double(upscaleArea(gray, facts).area())
            / double(std::max<size_t>(1, gray.total()));
    return stillStageCost(stage);
}

void runStillStage(const std::string &name, const cv::Mat &gray, const ImageFacts &facts, BarcodeFormats formats,
    std::vector<EngineResult> &out, const std::function<bool()> &stop)
{
    if (name == "blurred-linear") {
        const FormatMask m = toMask(formats);
        LinearFormats lf;
        lf.ean = m & toMask(BarcodeFormat::EAN13 | BarcodeFormat::EAN8 | BarcodeFormat::UPCA | BarcodeFormat::UPCE);
        lf.code128 = m & FormatMask(BarcodeFormat::Code128);
        lf.itf = m & FormatMask(BarcodeFormat::ITF);
        if (lf.ean || lf.code128 || lf.itf)
            addUnique(out, readBlurredLinear(gray, facts.linear, lf, kBlurredLineReads, stop));
        return;
    }
    if (name == "regions") {
        for (const auto &region : facts.regions)
            readRegion(gray, region, formats, true, out);
        return;
    }
    if (name == "upscale-sharpen") {
        // Only where the code looks small: four times the pixels of the whole image cost more than the budget.
        const cv::Rect area = upscaleArea(gray, facts);
        if (area.empty())
            return;
        if (auto view = stillView(gray(area), name)) {
            view->toOriginal(0, 2) += area.x;
            view->toOriginal(1, 2) += area.y;
            readView(*view, formats, true, out);
        }
        return;
    }
    if (const auto view = stillView(gray, name))
        readView(*view, formats, true, out);
}

// What the rest of the still cascade may cost, as a multiple of the first read's own CPU time: an image the first
// read cannot decode then costs at most five times what the demo's call (which the first read is) spends on it,
// so the cascade's p95 over a set stays within five times the demo's. Time measured as the thread's CPU time, so
// that the same image gets about the same reading however busy the machine is.
constexpr double kRelativeBudget = kStillRelativeBudget;

// When a resumed image skips the first read there is no time of its own to go by: the first read's usual cost
// for the image's size (about a millisecond for 70 000 pixels) stands in.
double estimatedFirstMs(const cv::Mat &gray)
{
    return double(gray.total()) / 70000.0;
}

std::vector<EngineResult> decodeStill(const cv::Mat &gray, BarcodeFormats formats, Stages &stages, bool everyStage)
{
    std::vector<EngineResult> out;
    const auto timed = [&](const std::string &name, bool wanted, const auto &run) {
        // Every stage on its own, with its time and whether the image asked for it (the benchmark's held-out
        // analysis picks stages from these): a result-less marker carries the figures. The time is the thread's CPU
        // time, so that other work on a shared machine does not decide which stage looks slow.
        const double started = threadCpuMs();
        std::vector<EngineResult> found;
        run(found);
        for (auto &r : found)
            r.pass = name;
        EngineResult marker;
        marker.pass = "stage:" + name + ":" + (wanted ? "1" : "0") + ":" + std::to_string(threadCpuMs() - started);
        out.push_back(std::move(marker));
        std::move(found.begin(), found.end(), std::back_inserter(out));
    };
    const double firstStarted = threadCpuMs();
    bool firstRan = false;
    if (stages.next()) {
        firstRan = true;
        if (everyStage)
            timed("first", true, [&](auto &found) { readFirst(gray, formats, found); });
        else
            readFirst(gray, formats, out);
    }
    if (!out.empty() && !everyStage)
        return out;
    const double firstMs = firstRan ? threadCpuMs() - firstStarted : estimatedFirstMs(gray);
    // No stage starts unless its expected cost still fits, and the blurred-linear reader decodes no further scan line
    // past the deadline.
    const double budgetStart = threadCpuMs();
    const double budget = std::max(kRelativeBudget * firstMs, kStillMinBudgetMs);
    const auto timeUp = [&] { return threadCpuMs() - budgetStart > budget; };
    const auto fits = [&](const char *stage, const ImageFacts &facts) {
        return threadCpuMs() - budgetStart + expectedCost(stage, gray, facts) * firstMs <= budget;
    };
    ImageFacts facts;
    if (everyStage)
        timed("measure", true, [&](auto &) { facts = measure(gray); });
    else
        facts = measure(gray);
    if (everyStage) {
        // The measure marker says whether the image looked blurred (the cascade's order depends on it).
        out[out.size() - 1].pass += facts.blurred ? ":soft" : ":sharp";
    }
    // Stages in the order the image asks for: a blurred linear code goes to the blurred-linear reader first (no
    // ZXing view reads it), anything else to the cheap ZXing views first.
    std::vector<const StillStage *> order;
    for (const auto &stage : stillStages())
        order.push_back(&stage);
    if (facts.blurred && !everyStage) {
        std::stable_partition(
            order.begin(), order.end(), [](const StillStage *s) { return std::string(s->name) == "blurred-linear"; });
    }
    for (const auto *stage : order) {
        const bool wanted = stage->wanted(facts);
        if (everyStage) {
            if (stages.next()) {
                timed(stage->name, wanted,
                    [&](auto &found) { runStillStage(stage->name, gray, facts, formats, found, {}); });
                // what the cascade expects the stage to cost (a multiple of the first read's time)
                for (auto it = out.rbegin(); it != out.rend(); ++it) {
                    if (it->pass.rfind("stage:", 0) == 0) {
                        it->pass.append(1, ':').append(std::to_string(expectedCost(stage->name, gray, facts)));
                        break;
                    }
                }
            }
            continue;
        }
        if (!stage->kept || !wanted)
            continue;
        if (!stages.next())
            continue;
        if (timeUp())
            break;
        if (!fits(stage->name, facts))
            continue; // a cheaper stage further on may still fit
        runStillStage(stage->name, gray, facts, formats, out, timeUp);
        if (!out.empty())
            return out;
    }
    return out;
}

// A live frame gets a slice of the work, not all of it: the next frames see the same scene. Three steps form a
// cycle (upright pass, the frame turned a quarter, candidate regions turned upright); frame n starts at step
// n mod 3 and goes on while it is within its budget, so a code is met by every step within three frames.
std::vector<EngineResult> decodeFrame(const cv::Mat &gray, BarcodeFormats formats, Stages &stages, int phase)
{
    const auto started = Clock::now();
    const double budgetMs = std::clamp(3.0 * double(gray.total()) / (1280.0 * 720.0), 2.0, 8.0);
    // The full-frame passes look at the frame at most kFrameSide pixels wide: codes big enough to read in a
    // full-frame pass still are; small ones are the regions' job, which look at them enlarged.
    constexpr int kFrameSide = 800;
    constexpr int kTurnedSide = 640;
    View small { "frame", gray, kIdentity };
    if (std::max(gray.cols, gray.rows) > kFrameSide) {
        const double f = double(kFrameSide) / std::max(gray.cols, gray.rows);
        cv::resize(gray, small.image, {}, f, f, cv::INTER_AREA);
        small.toOriginal = cv::Matx23d(1 / f, 0, 0, 0, 1 / f, 0);
    }
    std::vector<EngineResult> out;
    // Every frame first gets the demo's own read of the whole frame, so no frame reads less than the demo's would;
    // the cycle below spends what is left of the budget on what that read cannot see.
    if (stages.next())
        readFirst(gray, formats, out);
    for (int i = 0; i < 3 && out.empty(); ++i) {
        // Start another step only when one more of about the same cost still fits the budget.
        const double spent = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        if (i > 0 && spent * double(i + 1) / double(i) > budgetMs)
            break;
        const int step = (phase + i) % 3;
        if (!stages.next())
            continue;
        if (step == 0) {
            readView(small, formats, false, out);
        } else if (step == 1) {
            // Turned codes only need to be found, not read at their finest: a smaller copy is enough.
            View smaller = small;
            if (std::max(small.image.cols, small.image.rows) > kTurnedSide) {
                const double f = double(kTurnedSide) / std::max(small.image.cols, small.image.rows);
                cv::resize(small.image, smaller.image, {}, f, f, cv::INTER_AREA);
                smaller.toOriginal = cv::Matx23d(small.toOriginal(0, 0) / f, 0, 0, 0, small.toOriginal(1, 1) / f, 0);
            }
            View turned { "frame-turned", {}, {} };
            cv::rotate(smaller.image, turned.image, cv::ROTATE_90_CLOCKWISE);
            // turned (x', y') = (rows-1-y, x) in the small view; then the small view's own mapping
            const cv::Matx33d unturn(0, 1, 0, -1, 0, double(smaller.image.rows - 1), 0, 0, 1);
            const cv::Matx33d toOrig(smaller.toOriginal(0, 0), smaller.toOriginal(0, 1), smaller.toOriginal(0, 2),
                smaller.toOriginal(1, 0), smaller.toOriginal(1, 1), smaller.toOriginal(1, 2), 0, 0, 1);
            const cv::Matx33d m = toOrig * unturn;
            turned.toOriginal = cv::Matx23d(m(0, 0), m(0, 1), m(0, 2), m(1, 0), m(1, 1), m(1, 2));
            readView(turned, formats, false, out);
        } else {
            // The likeliest regions, within the budget; each cycle starts at the next one, so over a few cycles
            // every region gets its look.
            const auto regions = candidateRegions(gray, 4, 320);
            const auto regionStart = Clock::now();
            for (size_t r = 0; r < regions.size() && out.empty(); ++r) {
                const auto now = Clock::now();
                const double spent = std::chrono::duration<double, std::milli>(now - started).count();
                const double perRegion = std::chrono::duration<double, std::milli>(now - regionStart).count()
                    / double(std::max<size_t>(r, 1));
                if (r > 0 && spent + perRegion > budgetMs)
                    break;
                readRegion(gray, regions[(size_t(phase / 3) + r) % regions.size()], formats, false, out);
            }
        }
    }
    return out;
}

std::vector<EngineResult> decodeZxingMulti(const cv::Mat &gray)
{
    // Plain ReadBarcodes with the demo's settings: what an application that wants every code would call.
    DecodeHints h;
    h.setFormats(BarcodeFormat::LinearCodes | BarcodeFormat::MatrixCodes);
    const ImageView iv(gray.data, gray.cols, gray.rows, ImageFormat::Lum, int(gray.step));
    std::vector<EngineResult> out;
    for (const auto &r : ReadBarcodes(iv, h)) {
        if (r.isValid())
            out.push_back(toResult(r, kIdentity, "zxing-multi"));
    }
    return out;
}

std::vector<EngineResult> decodeDemo(const cv::Mat &gray)
{
    // zxing-cpp 1.4's Qt demo: ReadBarcode with tryHarder, tryRotate and tryDownscale, linear and matrix codes.
    DecodeHints h;
    h.setFormats(BarcodeFormat::LinearCodes | BarcodeFormat::MatrixCodes);
    const ImageView iv(gray.data, gray.cols, gray.rows, ImageFormat::Lum, int(gray.step));
    const auto r = ReadBarcode(iv, h);
    if (!r.isValid())
        return {};
    return { toResult(r, kIdentity, "zxing-demo") };
}

} // namespace

FormatMask defaultFormats()
{
    return toMask(BarcodeFormat::EAN13 | BarcodeFormat::EAN8 | BarcodeFormat::UPCA | BarcodeFormat::UPCE
        | BarcodeFormat::Code128 | BarcodeFormat::ITF | BarcodeFormat::DataMatrix | BarcodeFormat::QRCode
        | BarcodeFormat::DataBar | BarcodeFormat::DataBarExpanded);
}

FormatMask parseFormats(const std::string &list)
{
    FormatMask mask = 0;
    std::stringstream ss(list);
    std::string name;
    while (std::getline(ss, name, ','))
        mask |= FormatMask(BarcodeFormatFromString(name));
    return mask;
}

std::vector<EngineResult> decode(const GrayView &image, Strategy strategy, FormatMask formats,
    const StageObserver &observer, int skipStages, bool safeMode, int phase)
{
    t_safeMode = safeMode;
    Stages stages(observer, skipStages);
    if (!image.data || image.width <= 0 || image.height <= 0)
        return {};
    const cv::Mat gray(
        image.height, image.width, CV_8UC1, const_cast<std::uint8_t *>(image.data), size_t(image.stride));
    if (strategy != Strategy::Still && strategy != Strategy::StillEveryStage && strategy != Strategy::Frame
        && !stages.next())
        return {};
    switch (strategy) {
    case Strategy::Still:
        return decodeStill(gray, toZxing(formats), stages, false);
    case Strategy::StillEveryStage:
        return decodeStill(gray, toZxing(formats), stages, true);
    case Strategy::Frame:
        return decodeFrame(gray, toZxing(formats), stages, phase);
    case Strategy::ZxingDemo:
        return decodeDemo(gray);
    case Strategy::ZxingMulti:
        return decodeZxingMulti(gray);
    case Strategy::Zbar:
        return decodeZbar(gray);
    case Strategy::Verify: {
        std::vector<EngineResult> out;
        // Our own labels, rendered upright: a thorough pass without rotations (a quick one missed 3 % of GS1-128).
        readView({ "verify", gray, kIdentity }, toZxing(formats), true, out, true);
        return out;
    }
    case Strategy::VerifyPure: {
        // The image is one symbol and its quiet zones, drawn by us upright on white with whole-pixel modules: the
        // pure-symbol reader samples the grid straight from the symbol's bounding box (a linear symbol: its middle
        // row). No search, no rotations. The caller compares the text in full and reads thoroughly on a miss.
        const ImageView iv(gray.data, gray.cols, gray.rows, ImageFormat::Lum, int(gray.step));
        DecodeHints h;
        h.setFormats(toZxing(formats));
        h.setIsPure(true);
        h.setTryHarder(false);
        h.setTryRotate(false);
        h.setTryDownscale(false);
        h.setBinarizer(Binarizer::FixedThreshold);
        std::vector<EngineResult> out;
        if (const auto r = ReadBarcode(iv, h); r.isValid())
            out.push_back(toResult(r, kIdentity, "verify-pure"));
        return out;
    }
    }
    return {};
}

} // namespace closient::scanning::engine
