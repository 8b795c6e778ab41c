// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "linearreader.h"

#include "gs1parser.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace closient::scanning::engine {

namespace {

// ---- symbology tables --------------------------------------------------------------------------------------

// EAN/UPC left-hand odd-parity (L) codes, modules left to right, 1 = bar.
constexpr std::array<const char *, 10> kEanL
    = { "0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011" };
// First EAN-13 digit from the parity of digits 2..7 (bit set = even parity, G code), left digit first.
constexpr std::array<int, 10> kEan13Parity
    = { 0b000000, 0b001011, 0b001101, 0b001110, 0b010011, 0b011001, 0b011100, 0b010101, 0b010110, 0b011010 };
// UPC-E (number system 0): parity of the six digits from the check digit (bit set = even parity).
constexpr std::array<int, 10> kUpcEParity
    = { 0b111000, 0b110100, 0b110010, 0b110001, 0b101100, 0b100110, 0b100011, 0b101010, 0b101001, 0b100101 };

// Code 128 element widths (bar, space, ...), 0..105; 106 is the stop pattern.
constexpr std::array<const char *, 107> kCode128
    = { "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213", "221312",
          "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132", "221231", "213212",
          "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211", "212123", "212321", "232121",
          "111323", "131123", "131321", "112313", "132113", "132311", "211313", "231113", "231311", "112133", "112331",
          "132131", "113123", "113321", "133121", "313121", "211331", "231131", "213113", "213311", "213131", "311123",
          "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111", "111224", "111422", "121124",
          "121421", "141122", "141221", "112214", "112412", "122114", "122411", "142112", "142211", "241211", "221114",
          "413111", "241112", "134111", "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112",
          "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311",
          "113141", "114131", "311141", "411131", "211412", "211214", "211232", "2331112" };

// ITF digits: five elements, 1 = wide.
constexpr std::array<const char *, 10> kItf
    = { "00110", "10001", "01001", "11000", "00101", "10100", "01100", "00011", "10010", "01010" };

using Bits = std::vector<signed char>; // +1 bar, -1 space, one per module

Bits bitsFromModules(const char *modules)
{
    Bits b;
    for (const char *c = modules; *c; ++c)
        b.push_back(*c == '1' ? 1 : -1);
    return b;
}

Bits bitsFromWidths(const char *widths)
{
    Bits b;
    signed char v = 1;
    for (const char *c = widths; *c; ++c, v = static_cast<signed char>(-v))
        b.insert(b.end(), size_t(*c - '0'), v);
    return b;
}

struct Tables
{
    std::array<Bits, 10> l, g, r;
    std::array<Bits, 107> code128;
    Tables()
    {
        for (int d = 0; d < 10; ++d) {
            l[size_t(d)] = bitsFromModules(kEanL[size_t(d)]);
            r[size_t(d)] = l[size_t(d)];
            for (auto &v : r[size_t(d)])
                v = static_cast<signed char>(-v);
            g[size_t(d)] = Bits(r[size_t(d)].rbegin(), r[size_t(d)].rend());
        }
        for (size_t i = 0; i < kCode128.size(); ++i)
            code128[i] = bitsFromWidths(kCode128[i]);
    }
};

const Tables &tables()
{
    static const Tables t;
    return t;
}

char gs1Check(const std::string &body)
{
    int sum = 0;
    for (size_t i = 0; i < body.size(); ++i) {
        const int d = body[body.size() - 1 - i] - '0';
        sum += (i % 2 == 0) ? 3 * d : d;
    }
    return char('0' + (10 - sum % 10) % 10);
}

// ---- the normalised line -------------------------------------------------------------------------------------

/** A scan line as ink (+1) against paper (-1), with its threshold crossings at sub-sample precision. */
struct Line
{
    std::vector<float> x;
    struct Run
    {
        double start, end;
        bool bar;
    };
    std::vector<Run> runs;
    std::vector<double> integral; // integral[i]: the signal integrated (piecewise linear) from 0 to i
    // A binarised line is +1 in bars and -1 in spaces between the crossings found at sub-sample precision: its
    // element widths are what the symbology's tables are matched against.
    bool binary = false;
    std::vector<double> runStarts, runIntegral;

    [[nodiscard]] double integrate(double pos) const
    {
        if (binary) {
            auto k = size_t(std::upper_bound(runStarts.begin(), runStarts.end(), pos) - runStarts.begin());
            k = k == 0 ? 0 : k - 1;
            return runIntegral[k] + (pos - runs[k].start) * (runs[k].bar ? 1.0 : -1.0);
        }
        if (pos <= 0)
            return pos * x.front();
        const auto last = x.size() - 1;
        if (pos >= double(last))
            return integral[last] + (pos - double(last)) * x.back();
        const auto i = size_t(pos);
        const double f = pos - double(i);
        return integral[i] + f * (x[i] + 0.5 * f * (x[i + 1] - x[i]));
    }
    /// The mean of the signal over [from, from + width).
    [[nodiscard]] double mean(double from, double width) const
    {
        return (integrate(from + width) - integrate(from)) / width;
    }

    [[nodiscard]] double at(double pos) const
    {
        if (pos <= 0)
            return x.front();
        const auto i = size_t(pos);
        if (i + 1 >= x.size())
            return x.back();
        const double f = pos - double(i);
        return x[i] * (1 - f) + x[i + 1] * f;
    }
    /// The mean of a module's middle (its outer sixths lean on the neighbours).
    [[nodiscard]] double module(double pos, double width) const { return mean(pos + width / 6, width * 2 / 3); }
};

Line normalise(const std::vector<float> &profile)
{
    Line line;
    const int n = int(profile.size());
    if (n < 32)
        return line;
    std::vector<float> sorted = profile;
    std::sort(sorted.begin(), sorted.end());
    const float lo = sorted[size_t(n / 20)], hi = sorted[size_t(n - 1 - n / 20)];
    const float globalAmp = (hi - lo) / 2;
    if (globalAmp < 4)
        return line;
    // Local light and dark envelopes (uneven light), never narrower than a quarter of the global swing.
    const int w = std::max(15, n / 8);
    cv::Mat p(1, n, CV_32F, const_cast<float *>(profile.data()));
    cv::Mat light, dark;
    const cv::Mat k = cv::getStructuringElement(cv::MORPH_RECT, { w, 1 });
    cv::dilate(p, light, k, { -1, -1 }, 1, cv::BORDER_REPLICATE);
    cv::erode(p, dark, k, { -1, -1 }, 1, cv::BORDER_REPLICATE);
    cv::blur(light, light, { w, 1 }, { -1, -1 }, cv::BORDER_REPLICATE);
    cv::blur(dark, dark, { w, 1 }, { -1, -1 }, cv::BORDER_REPLICATE);
    line.x.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const float t = (light.at<float>(i) + dark.at<float>(i)) / 2;
        const float a = std::max((light.at<float>(i) - dark.at<float>(i)) / 2, 0.25f * globalAmp);
        line.x[size_t(i)] = std::clamp((t - profile[size_t(i)]) / a, -1.5f, 1.5f);
    }
    line.integral.resize(size_t(n));
    line.integral[0] = 0;
    for (size_t i = 1; i < size_t(n); ++i)
        line.integral[i] = line.integral[i - 1] + 0.5 * (line.x[i - 1] + line.x[i]);
    // Runs between zero crossings (linear interpolation between the two samples around each).
    double start = 0;
    bool bar = line.x[0] > 0;
    for (int i = 0; i + 1 < n; ++i) {
        const float a = line.x[size_t(i)], b = line.x[size_t(i + 1)];
        if ((a > 0) == (b > 0))
            continue;
        const double pos = i + double(a) / double(a - b);
        line.runs.push_back({ start, pos, bar });
        start = pos;
        bar = !bar;
    }
    line.runs.push_back({ start, double(n - 1), bar });
    return line;
}

Line binarised(const Line &analog)
{
    Line line;
    line.binary = true;
    line.runs = analog.runs;
    if (line.runs.empty())
        return line;
    line.runs.front().start = -1e9; // light (or dark) on beyond both ends
    line.runs.back().end = 1e9;
    double sum = 0;
    for (const auto &r : analog.runs) {
        line.runStarts.push_back(r.start);
        line.runIntegral.push_back(sum);
        sum += (r.end - r.start) * (r.bar ? 1.0 : -1.0);
    }
    line.runs.front().start = analog.runs.front().start;
    line.runStarts.front() = -1e9;
    line.x = analog.x;
    return line;
}

// ---- matching a symbol on a module grid ----------------------------------------------------------------------

/** The mean signal of every module of a grid, sampled once and matched against many patterns. */
struct Grid
{
    std::vector<double> m;
    Grid(const Line &line, double start, double x, int modules)
    {
        m.resize(size_t(modules));
        for (int k = 0; k < modules; ++k)
            m[size_t(k)] = line.module(start + k * x, x);
    }
    [[nodiscard]] double correlate(int firstModule, const Bits &bits) const
    {
        double s = 0;
        const double *v = m.data() + firstModule;
        for (size_t k = 0; k < bits.size(); ++k)
            s += bits[k] * v[k];
        return s / double(bits.size());
    }
};

/** A decoded candidate on one grid: text, the worst and mean match of its characters. */
struct Decoded
{
    std::string format;
    std::string text;
    double minScore = -1;
    double meanScore = -1;
    [[nodiscard]] bool ok() const { return !text.empty(); }
};

struct Best
{
    int value = -1;
    double score = -2;
    double second = -2;
};

// How well a line must match: the worst character (or guard) and the mean, -1..1. A binarised line matches a
// right reading almost exactly (one module in seven wrong already costs 0.29); a grey one less so, since the
// deconvolution does not give narrow elements back their full contrast.
struct Thresholds
{
    double minChar, mean;
};
constexpr Thresholds kGreyLine { 0.35, 0.55 };
constexpr Thresholds kBinaryLine { 0.6, 0.85 };
thread_local Thresholds t_thresholds = kGreyLine;
// A grid whose guard or first characters already miss by this much is given up before the rest is matched.
inline double earlyExit()
{
    return t_thresholds.minChar - 0.3;
}

Decoded decodeEanGrid(const Line &line, double start, double x, int kind)
{
    const Grid grid(line, start, x, kind == 0 ? 95 : kind == 1 ? 67 : 51);
    const auto correlate = [&](int first, const Bits &bits) { return grid.correlate(first, bits); };
    // kind 0: EAN-13/UPC-A (95 modules), 1: EAN-8 (67), 2: UPC-E (51)
    const auto &t = tables();
    static const Bits guard = bitsFromModules("101"), centre = bitsFromModules("01010"),
                      upceEnd = bitsFromModules("010101");
    Decoded d;
    double guardScore = correlate(0, guard);
    if (guardScore < earlyExit())
        return d;
    const int leftDigits = kind == 0 ? 6 : kind == 1 ? 4 : 6;
    std::vector<int> digits;
    int parity = 0;
    double minS = 2, sum = 0;
    for (int i = 0; i < leftDigits; ++i) {
        Best b;
        int bestParity = 0;
        for (int v = 0; v < 10; ++v) {
            for (int par = 0; par < 2; ++par) {
                const double s = correlate(3 + 7 * i, par ? t.g[size_t(v)] : t.l[size_t(v)]);
                if (s > b.score) {
                    b.second = b.score;
                    b = { v, s, b.second };
                    bestParity = par;
                } else if (s > b.second) {
                    b.second = s;
                }
            }
        }
        digits.push_back(b.value);
        parity = parity << 1 | bestParity;
        minS = std::min(minS, b.score);
        sum += b.score;
    }
    int modules = 3 + 7 * leftDigits;
    if (kind == 2) {
        guardScore = std::min(guardScore, correlate(modules, upceEnd));
    } else {
        guardScore = std::min(guardScore, correlate(modules, centre));
        modules += 5;
        for (int i = 0; i < leftDigits; ++i) {
            Best b;
            for (int v = 0; v < 10; ++v) {
                const double s = correlate(modules + 7 * i, t.r[size_t(v)]);
                if (s > b.score)
                    b = { v, s, b.score };
            }
            digits.push_back(b.value);
            minS = std::min(minS, b.score);
            sum += b.score;
        }
        modules += 7 * leftDigits;
        guardScore = std::min(guardScore, correlate(modules, guard));
    }
    d.minScore = std::min(minS, guardScore);
    d.meanScore = sum / double(digits.size());
    std::string s;
    for (int v : digits)
        s += char('0' + v);
    if (kind == 0) {
        const auto first = std::find(kEan13Parity.begin(), kEan13Parity.end(), parity);
        if (first == kEan13Parity.end())
            return d;
        const std::string full = char('0' + (first - kEan13Parity.begin())) + s;
        if (gs1Check(full.substr(0, 12)) != full[12])
            return d;
        d.format = full[0] == '0' ? "UPC-A" : "EAN-13";
        d.text = full[0] == '0' ? full.substr(1) : full;
    } else if (kind == 1) {
        if (parity != 0)
            return d; // EAN-8's left half is all odd parity: even parity means it was read backwards
        if (gs1Check(s.substr(0, 7)) != s[7])
            return d;
        d.format = "EAN-8";
        d.text = s;
    } else {
        int ns = -1, check = -1;
        for (int c = 0; c < 10; ++c) {
            if (kUpcEParity[size_t(c)] == parity)
                ns = 0, check = c;
            else if ((~kUpcEParity[size_t(c)] & 0x3f) == parity)
                ns = 1, check = c;
        }
        if (ns < 0)
            return d;
        const std::string b = s;
        std::string upca;
        const char n = char('0' + ns);
        switch (b[5]) {
        case '0':
        case '1':
        case '2':
            upca = std::string(1, n) + b.substr(0, 2) + b[5] + "0000" + b.substr(2, 3);
            break;
        case '3':
            upca = std::string(1, n) + b.substr(0, 3) + "00000" + b.substr(3, 2);
            break;
        case '4':
            upca = std::string(1, n) + b.substr(0, 4) + "00000" + b[4];
            break;
        default:
            upca = std::string(1, n) + b.substr(0, 5) + "0000" + b[5];
        }
        if (gs1Check(upca) != char('0' + check))
            return d;
        d.format = "UPC-E";
        d.text = std::string(1, n) + b + char('0' + check);
    }
    return d;
}

// Code 128 symbol values to the transmitted text (GS1: FNC1 first gives "]C1", later ones GS).
bool code128Text(const std::vector<int> &values, std::string &text, std::string &symbologyId)
{
    int set = values.front() - 103; // 0 A, 1 B, 2 C
    symbologyId = "]C0";
    bool shift = false;
    for (size_t i = 1; i + 1 < values.size(); ++i) {
        const int v = values[i];
        const int active = shift ? (set == 0 ? 1 : 0) : set;
        shift = false;
        if (v == 102) {
            if (i == 1)
                symbologyId = "]C1";
            else
                text += char(0x1D);
            continue;
        }
        if (active == 2) {
            if (v < 100) {
                text += char('0' + v / 10);
                text += char('0' + v % 10);
            } else if (v == 100) {
                set = 1;
            } else if (v == 101) {
                set = 0;
            } else {
                return false;
            }
            continue;
        }
        if (v < 96) {
            if (active == 0)
                text += char(v < 64 ? v + 32 : v - 64);
            else
                text += char(v + 32);
        } else if (v == 98) {
            shift = true;
        } else if (v == 99) {
            set = 2;
        } else if ((active == 0 && v == 100) || (active == 1 && v == 101)) {
            set = active == 0 ? 1 : 0;
        } else {
            return false; // FNC2, FNC3, FNC4: not in retail or logistics labels, and not worth a guess
        }
    }
    return !text.empty();
}

Decoded decodeCode128Grid(const Line &line, double start, double x, int symbols, std::string *symbologyId)
{
    const Grid grid(line, start, x, 11 * symbols + 13);
    const auto correlate = [&](int first, const Bits &bits) { return grid.correlate(first, bits); };
    const auto &t = tables();
    Decoded d;
    // The stop pattern first: a grid that misses it is not worth matching 106 patterns a symbol.
    const double stop = correlate(11 * symbols, t.code128[106]);
    if (stop < earlyExit())
        return d;
    std::vector<int> values;
    double minS = 2, sum = 0;
    for (int j = 0; j < symbols; ++j) {
        Best b;
        const int first = j == 0 ? 103 : 0, last = j == 0 ? 105 : 102;
        for (int v = first; v <= last; ++v) {
            const double s = correlate(11 * j, t.code128[size_t(v)]);
            if (s > b.score)
                b = { v, s, b.score };
        }
        values.push_back(b.value);
        minS = std::min(minS, b.score);
        sum += b.score;
        if (b.score < earlyExit())
            return d;
    }
    d.minScore = std::min(minS, stop);
    d.meanScore = sum / symbols;
    int check = values[0];
    for (size_t j = 1; j + 1 < values.size(); ++j)
        check += int(j) * values[j];
    if (check % 103 != values.back())
        return d;
    std::string text;
    if (!code128Text(values, text, *symbologyId))
        return d;
    d.format = "Code128";
    d.text = text;
    return d;
}

// ITF-14 on a grid of narrow width x and wide ratio n: start (4 narrow), seven digit pairs, stop (wide, 2 narrow).
Decoded decodeItfGrid(const Line &line, double start, double x, double n)
{
    Decoded d;
    // The line's integral at quarter modules over the whole symbol, so that each of the 100 digit pairs a pair of
    // positions is matched against costs table look-ups (element ends rounded to an eighth of a module).
    const int quarters = int(std::ceil(4 * (48 + 29 * n))) + 8;
    std::vector<double> q(size_t(quarters) + 1);
    for (int k = 0; k <= quarters; ++k)
        q[size_t(k)] = line.integrate(start + (k - 4) * x / 4);
    const auto at = [&](double pos) {
        const int k = std::clamp(int(std::lround(4 * (pos - start) / x)) + 4, 0, quarters);
        return q[size_t(k)];
    };
    const auto elementScore
        = [&](double from, double width, int sign) { return sign * (at(from + width) - at(from)) / width; };
    double pos = start, minS = 2, sum = 0;
    for (int i = 0; i < 4; ++i, pos += x)
        minS = std::min(minS, elementScore(pos, x, i % 2 ? -1 : 1));
    if (minS < earlyExit())
        return d;
    const double pairWidth = 2 * (3 + 2 * n) * x;
    std::string text;
    for (int p = 0; p < 7; ++p, pos += pairWidth) {
        Best bestPair;
        for (int a = 0; a < 10; ++a) {
            for (int b = 0; b < 10; ++b) {
                double at = pos, s = 0;
                for (int e = 0; e < 5; ++e) {
                    const double wb = kItf[size_t(a)][e] == '1' ? n * x : x;
                    s += elementScore(at, wb, 1) * wb;
                    at += wb;
                    const double ws = kItf[size_t(b)][e] == '1' ? n * x : x;
                    s += elementScore(at, ws, -1) * ws;
                    at += ws;
                }
                s /= pairWidth;
                if (s > bestPair.score)
                    bestPair = { a * 10 + b, s, bestPair.score };
            }
        }
        text += char('0' + bestPair.value / 10);
        text += char('0' + bestPair.value % 10);
        minS = std::min(minS, bestPair.score);
        sum += bestPair.score;
    }
    minS = std::min(
        { minS, elementScore(pos, n * x, 1), elementScore(pos + n * x, x, -1), elementScore(pos + (n + 1) * x, x, 1) });
    d.minScore = minS;
    d.meanScore = sum / 7;
    if (gs1Check(text.substr(0, 13)) != text[13])
        return d;
    d.format = "ITF";
    d.text = text;
    return d;
}

// The bar that starts a symbol needs light before it (the quiet zone), the one that ends it light after it.
struct Span
{
    double start, end;
    int runs; // bars and spaces between
    double leftQuiet, rightQuiet;
    double firstBar, lastBar;
    size_t first = 0; // index of the first run (a bar)
};

std::vector<Span> spans(const Line &line)
{
    // A quiet zone is wider than any bar or space inside the symbol it bounds (EAN/UPC and Code 128: at least 7
    // modules against at most 4; ITF-14: 10 against 3).
    std::vector<Span> out;
    const auto &runs = line.runs;
    const auto width = [&](size_t i) { return runs[i].end - runs[i].start; };
    constexpr double kMinQuiet = 4;
    for (size_t i = 1; i + 1 < runs.size(); ++i) {
        if (!runs[i].bar || width(i - 1) < kMinQuiet)
            continue;
        double widest = 0;
        for (size_t j = i; j + 1 < runs.size(); ++j) {
            widest = std::max(widest, width(j));
            if (widest >= width(i - 1))
                break; // the left quiet zone is no wider than what follows it: not a symbol's start
            if (!runs[j].bar || width(j + 1) < kMinQuiet || width(j + 1) <= widest)
                continue;
            out.push_back(
                { runs[i].start, runs[j].end, int(j - i + 1), width(i - 1), width(j + 1), width(i), width(j), i });
        }
    }
    return out;
}

/// Tries a decoder on small shifts of a span's two ends and keeps the best-scoring grid that reads.
template<typename F>
Decoded refine(const Span &span, int modules, F decodeAt, int steps = 2)
{
    Decoded best;
    const double x0 = (span.end - span.start) / modules;
    const double step = 0.3 / steps;
    for (int a = -steps; a <= steps; ++a) {
        for (int b = -steps; b <= steps; ++b) {
            const double s = span.start + a * step * x0, e = span.end + b * step * x0;
            Decoded d = decodeAt(s, (e - s) / modules);
            if (d.ok() && d.minScore >= t_thresholds.minChar && d.meanScore >= t_thresholds.mean
                && (!best.ok() || d.meanScore > best.meanScore))
                best = std::move(d);
        }
    }
    return best;
}

void decodeLine(const Line &line, const LinearFormats &formats, std::vector<LineRead> &out)
{
    t_thresholds = line.binary ? kBinaryLine : kGreyLine;
    for (const auto &span : spans(line)) {
        const double len = span.end - span.start;
        const auto quietOk = [&](double x, double quiet) {
            return x >= 0.8 && span.leftQuiet >= quiet * x && span.rightQuiet >= quiet * x && span.firstBar < 3.5 * x
                && span.lastBar < 3.5 * x;
        };
        if (formats.ean) {
            static const std::array<std::pair<int, int>, 3> kinds = { { { 95, 59 }, { 67, 43 }, { 51, 33 } } };
            for (int kind = 0; kind < 3; ++kind) {
                const auto [modules, elements] = kinds[size_t(kind)];
                const double x = len / modules;
                if (!quietOk(x, 5) || span.runs > elements + 2 || span.runs < elements * 4 / 5)
                    continue;
                const auto d
                    = refine(span, modules, [&](double s, double w) { return decodeEanGrid(line, s, w, kind); });
                if (d.ok())
                    out.push_back({ d.format, d.text, d.format == "EAN-8" ? "]E4" : "]E0", d.meanScore, len });
            }
        }
        if (formats.code128) {
            // 11 modules and 6 elements a symbol (start and check included), 13 modules and 7 elements for stop.
            // A run or two may be lost to noise or blur: the symbol count is the nearest that fits the runs.
            const int k0 = std::max(3, (span.runs - 7 + 3) / 6);
            Decoded best;
            std::string bestId;
            for (int k = k0; k <= k0 && k <= 60; ++k) {
                const int modules = 11 * k + 13;
                const double x = len / modules;
                if (!quietOk(x, 5) || std::abs(span.runs - (6 * k + 7)) > 2)
                    continue;
                std::string id;
                const auto d = refine(
                    span, modules, [&](double s, double w) { return decodeCode128Grid(line, s, w, k, &id); }, 1);
                if (d.ok() && (!best.ok() || d.meanScore > best.meanScore)) {
                    best = d;
                    bestId = id;
                }
            }
            // A short Code 128 passes its mod-103 check by chance too easily: a GS1-128 read must also be valid GS1
            // data, a plain one at least six characters long.
            const bool plausible = bestId == "]C1"
                ? gs1::parse(QString::fromLatin1(best.text.data(), qsizetype(best.text.size()))).isValid()
                : best.text.size() >= 6;
            if (best.ok() && plausible)
                out.push_back({ best.format, best.text, bestId, best.meanScore, len });
        }
        if (formats.itf && span.runs >= 73 && span.runs <= 79) {
            // The wide-to-narrow ratio that matches best as the span stands, then small shifts of its ends.
            double bestN = 0, bestScore = -2;
            for (double n : { 2.0, 2.25, 2.5, 2.75, 3.0 }) {
                const double x = len / (48 + 29 * n);
                if (!quietOk(x * n / 1.5, 5))
                    continue;
                const double score = decodeItfGrid(line, span.start, x, n).meanScore;
                if (score > bestScore)
                    bestScore = score, bestN = n;
            }
            Decoded best;
            if (bestN > 0) {
                const double modules = 48 + 29 * bestN;
                const double x = len / modules;
                for (int a = -1; a <= 1; ++a) {
                    for (int b = -1; b <= 1; ++b) {
                        const double s = span.start + a * 0.3 * x, e = span.end + b * 0.3 * x;
                        auto c = decodeItfGrid(line, s, (e - s) / modules, bestN);
                        if (c.ok() && c.minScore >= t_thresholds.minChar && c.meanScore >= t_thresholds.mean
                            && (!best.ok() || c.meanScore > best.meanScore))
                            best = std::move(c);
                    }
                }
            }
            if (best.ok())
                out.push_back({ best.format, best.text, "]I0", best.meanScore, len });
        }
    }
}

// Line-spread function of a defocus disc of radius r (the disc's chord lengths), or a box r wide.
std::vector<float> spreadFunction(double r, bool box)
{
    const int half = int(std::ceil(r)) + 1;
    std::vector<float> k(size_t(2 * half + 1), 0.f);
    for (int i = -half; i <= half; ++i) {
        double v = 0;
        for (int s = 0; s < 8; ++s) {
            const double x = i - 0.5 + (s + 0.5) / 8;
            v += box ? (std::abs(x) <= r / 2 ? 1 : 0) : (std::abs(x) < r ? std::sqrt(r * r - x * x) : 0);
        }
        k[size_t(i + half)] = float(v);
    }
    const float sum = std::accumulate(k.begin(), k.end(), 0.f);
    for (auto &v : k)
        v /= sum;
    return k;
}

// The blur's width from the first zero of its spectrum: a defocus disc of radius r has a line-spread whose
// spectrum vanishes first at 0.61 / r cycles a sample (J1's first zero), a box L wide at 1 / L. Bars have a broad
// spectrum, so the dip shows in the power spectrum averaged over the scan lines. Returns the dips' frequencies,
// deepest first.
std::vector<double> spectralDips(const std::vector<std::vector<float>> &profiles)
{
    if (profiles.empty() || profiles.front().size() < 64)
        return {};
    const int n = int(profiles.front().size());
    const int len = cv::getOptimalDFTSize(n);
    std::vector<double> power(size_t(len / 2), 0.0);
    for (const auto &p : profiles) {
        const double mean = std::accumulate(p.begin(), p.end(), 0.0) / n;
        cv::Mat row(1, len, CV_32F, cv::Scalar(0)), spec;
        for (int i = 0; i < n; ++i)
            row.at<float>(i) = float((p[size_t(i)] - mean) * (0.5 - 0.5 * std::cos(2 * CV_PI * i / (n - 1))));
        cv::dft(row, spec, cv::DFT_COMPLEX_OUTPUT);
        for (int f = 1; f < len / 2; ++f) {
            const auto c = spec.at<cv::Vec2f>(f);
            power[size_t(f)] += double(c[0]) * c[0] + double(c[1]) * c[1];
        }
    }
    std::vector<double> logp(power.size(), 0.0);
    for (size_t f = 1; f < power.size(); ++f)
        logp[f] = std::log(power[f] + 1e-9);
    // Smooth a little, then compare each local minimum with a wide baseline around it.
    const auto average = [&](const std::vector<double> &v, int half) {
        std::vector<double> out(v.size(), 0.0);
        for (int i = 1; i < int(v.size()); ++i) {
            double s = 0;
            int c = 0;
            for (int j = std::max(1, i - half); j <= std::min(int(v.size()) - 1, i + half); ++j, ++c)
                s += v[size_t(j)];
            out[size_t(i)] = s / std::max(1, c);
        }
        return out;
    };
    const int fine = std::max(1, len / 400), wide = std::max(4, len / 40);
    const auto smooth = average(logp, fine), baseline = average(logp, wide);
    std::vector<std::pair<double, double>> dips; // depth, frequency
    const int lo = std::max(2, int(0.61 / 16 * len)), hi = std::min(len / 2 - 2, int(0.61 / 0.9 * len));
    for (int f = lo; f <= hi; ++f) {
        bool minimum = true;
        for (int j = f - 2 * fine; j <= f + 2 * fine && minimum; ++j)
            minimum = j < 1 || j >= int(smooth.size()) || j == f || smooth[size_t(j)] >= smooth[size_t(f)];
        const double depth = baseline[size_t(f)] - smooth[size_t(f)];
        if (minimum && depth > 0.5)
            dips.emplace_back(depth, double(f) / len);
    }
    std::sort(dips.begin(), dips.end(), std::greater<>());
    std::vector<double> out;
    for (size_t i = 0; i < dips.size() && i < 3; ++i)
        out.push_back(dips[i].second);
    return out;
}

} // namespace

std::vector<float> deconvolve(const std::vector<float> &profile, double radius, bool box, double noise)
{
    if ((box && radius < 1.5) || (!box && radius < 0.75) || profile.size() < 8)
        return profile;
    const auto k = spreadFunction(radius, box);
    const int n = int(profile.size());
    const int pad = int(k.size()) * 2;
    const int len = cv::getOptimalDFTSize(n + 2 * pad);
    cv::Mat p(1, len, CV_32F, cv::Scalar(0)), h(1, len, CV_32F, cv::Scalar(0));
    for (int i = 0; i < len; ++i) {
        int j = i - pad; // mirrored beyond both ends
        if (j < 0)
            j = std::min(n - 1, -j);
        if (j >= n)
            j = std::max(0, 2 * n - 2 - j);
        p.at<float>(i) = profile[size_t(j)];
    }
    const int half = int(k.size()) / 2;
    for (int i = 0; i < int(k.size()); ++i)
        h.at<float>((i - half + len) % len) = k[size_t(i)];
    cv::Mat P, H;
    cv::dft(p, P, cv::DFT_COMPLEX_OUTPUT);
    cv::dft(h, H, cv::DFT_COMPLEX_OUTPUT);
    for (int i = 0; i < len; ++i) {
        const auto hp = H.at<cv::Vec2f>(i), pp = P.at<cv::Vec2f>(i);
        const float mag = hp[0] * hp[0] + hp[1] * hp[1];
        // P * conj(H) / (|H|^2 + K)
        const float re = (pp[0] * hp[0] + pp[1] * hp[1]) / (mag + float(noise));
        const float im = (pp[1] * hp[0] - pp[0] * hp[1]) / (mag + float(noise));
        P.at<cv::Vec2f>(i) = { re, im };
    }
    cv::Mat out;
    cv::dft(P, out, cv::DFT_INVERSE | cv::DFT_SCALE | cv::DFT_REAL_OUTPUT);
    std::vector<float> result(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        result[size_t(i)] = out.at<float>(i + pad);
    return result;
}

std::vector<LineRead> decodeProfile(const std::vector<float> &profile, const LinearFormats &formats)
{
    std::vector<LineRead> out;
    const Line forward = normalise(profile);
    if (forward.x.empty())
        return out;
    decodeLine(forward, formats, out);
    decodeLine(binarised(forward), formats, out);
    // A symbol reads one way only: a line read forwards need not be read backwards (half the time of a read line).
    if (!out.empty())
        return out;
    std::vector<float> reversed(profile.rbegin(), profile.rend());
    const Line backward = normalise(reversed);
    decodeLine(backward, formats, out);
    decodeLine(binarised(backward), formats, out);
    return out;
}

std::vector<LinearRegion> findLinearRegions(const cv::Mat &gray, int maxRegions, int analysisSide)
{
    const double scale = std::min(1.0, double(analysisSide) / std::max(gray.cols, gray.rows));
    cv::Mat small;
    if (scale < 1.0)
        cv::resize(gray, small, {}, scale, scale, cv::INTER_AREA);
    else
        small = gray;
    cv::Mat f, gx, gy;
    small.convertTo(f, CV_32F);
    cv::Sobel(f, gx, CV_32F, 1, 0, 3);
    cv::Sobel(f, gy, CV_32F, 0, 1, 3);
    const int w = std::max(7, std::max(small.cols, small.rows) / 40) | 1;
    cv::Mat jxx = gx.mul(gx), jyy = gy.mul(gy), jxy = gx.mul(gy);
    cv::boxFilter(jxx, jxx, -1, { w, w });
    cv::boxFilter(jyy, jyy, -1, { w, w });
    cv::boxFilter(jxy, jxy, -1, { w, w });
    cv::Mat energy = jxx + jyy, diff = jxx - jyy, coherence;
    cv::Mat aniso;
    cv::sqrt(diff.mul(diff) + 4 * jxy.mul(jxy), aniso);
    cv::divide(aniso, energy + 1e-3, coherence);
    // Edges that all run one way and are strong enough not to be sensor noise (Sobel's rms slope of about 3 grey
    // levels a pixel): bars, blurred or not. Text and texture turn every way.
    constexpr double kMinEnergy = 600;
    cv::Mat mask = (coherence > 0.7) & (energy > kMinEnergy);
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, { w, w }));
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, { w / 2 | 1, w / 2 | 1 }));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::sort(contours.begin(), contours.end(),
        [](const auto &a, const auto &b) { return cv::contourArea(a) > cv::contourArea(b); });
    std::vector<LinearRegion> out;
    const double minArea = std::max(0.002 * small.total(), 4.0 * w * w);
    for (const auto &c : contours) {
        if (int(out.size()) >= maxRegions || cv::contourArea(c) < minArea)
            break;
        const cv::RotatedRect box = cv::minAreaRect(c);
        if (std::min(box.size.width, box.size.height) < 8 / std::min(1.0, 4 * scale))
            continue; // a single edge, not a row of bars
        // Everything below looks only inside the contour's bounding box (the mask is drawn there, not over the image).
        const cv::Rect bounds = cv::boundingRect(c) & cv::Rect(0, 0, small.cols, small.rows);
        cv::Mat inside(bounds.size(), CV_8U, cv::Scalar(0));
        cv::drawContours(inside, std::vector<std::vector<cv::Point>> { c }, 0, cv::Scalar(255), cv::FILLED, cv::LINE_8,
            cv::noArray(), INT_MAX, -bounds.tl());
        const double sxx = cv::mean(jxx(bounds), inside)[0], syy = cv::mean(jyy(bounds), inside)[0],
                     sxy = cv::mean(jxy(bounds), inside)[0];
        const double angle = 0.5 * std::atan2(2 * sxy, sxx - syy); // across the bars
        const double coh = std::sqrt((sxx - syy) * (sxx - syy) + 4 * sxy * sxy) / (sxx + syy + 1e-3);
        const cv::Point2d d(std::cos(angle), std::sin(angle)), nrm(-d.y, d.x);
        double u0 = 1e9, u1 = -1e9, v0 = 1e9, v1 = -1e9;
        for (const auto &pt : c) {
            const double u = pt.x * d.x + pt.y * d.y, v = pt.x * nrm.x + pt.y * nrm.y;
            u0 = std::min(u0, u), u1 = std::max(u1, u), v0 = std::min(v0, v), v1 = std::max(v1, v);
        }
        const double uc = (u0 + u1) / 2, vc = (v0 + v1) / 2;
        LinearRegion r;
        r.center = cv::Point2f(float((uc * d.x + vc * nrm.x) / scale), float((uc * d.y + vc * nrm.y) / scale));
        r.length = float((u1 - u0) / scale);
        r.height = float((v1 - v0) / scale);
        r.angle = float(angle);
        r.coherence = float(coh);
        // Over the whole region the edges must still run one way: a code, not a corner of text and lines.
        if (coh < 0.3 || r.length < 40 || r.height < 12)
            continue;
        double lo, hi;
        cv::minMaxLoc(small(bounds), &lo, &hi, nullptr, nullptr, inside);
        r.contrast = float(hi - lo);
        // The edge width: Sobel's slope across a ramp of contrast C over D pixels is 8 C / D (4 C on a step). The
        // steepest tenth of the slopes across the bars stands for the edges between wide elements, where the blur has
        // not eaten the contrast; C is taken between the 5th and 95th percentiles of the grey levels, which sensor
        // noise barely moves (the darkest and lightest pixels it moves a lot, and would make a noisy code look soft).
        std::vector<float> slopes, levels;
        const int stepPx = std::max(1, int(std::sqrt(double(bounds.area()) / 20000.0)));
        for (int y = bounds.y; y < bounds.y + bounds.height; y += stepPx) {
            const auto *in = inside.ptr<uchar>(y - bounds.y) - bounds.x;
            const auto *px = gx.ptr<float>(y);
            const auto *py = gy.ptr<float>(y);
            const auto *grey = small.ptr<uchar>(y);
            for (int x = bounds.x; x < bounds.x + bounds.width; x += stepPx) {
                if (in[x]) {
                    slopes.push_back(std::abs(float(px[x] * d.x + py[x] * d.y)));
                    levels.push_back(float(grey[x]));
                }
            }
        }
        if (!slopes.empty()) {
            const auto at = [](std::vector<float> &v, size_t permille) {
                const auto k = v.begin() + std::ptrdiff_t(v.size() * permille / 1000);
                std::nth_element(v.begin(), k, v.end());
                return *k;
            };
            const float steep = at(slopes, 900);
            const float contrast = at(levels, 950) - at(levels, 50);
            // A sharp edge measures about 2 analysis pixels (4 C): only wider ones say anything about blur.
            const double width = steep > 0 ? 8.0 * contrast / steep : 0;
            if (width >= 2.5)
                r.edgeWidth = float(width / scale);
        }
        out.push_back(r);
    }
    return out;
}

std::vector<EngineResult> readBlurredLinear(const cv::Mat &gray, const std::vector<LinearRegion> &regions,
    const LinearFormats &formats, int maxLineReads, const std::function<bool()> &stop)
{
    int lineReads = 0;
    bool stopped = false;
    const auto overBudget = [&] {
        stopped = stopped || lineReads >= maxLineReads || (stop && stop());
        return stopped;
    };
    std::vector<EngineResult> out;
    for (const auto &region : regions) {
        if (overBudget())
            break;
        // The strip: across the bars with room for quiet zones either side, along the bars their middle part.
        const double margin = 0.35 * region.length + 20;
        double length = region.length + 2 * margin;
        const double scale = std::min(1.0, 1000.0 / length);
        const int cols = std::max(32, int(length * scale));
        const int rows = std::max(12, int(0.8 * region.height * scale));
        const cv::Point2d d(std::cos(region.angle), std::sin(region.angle)), nrm(-d.y, d.x);
        // strip (c, r) -> image: centre + (c - cols/2)/scale * d + (r - rows/2)/scale * n
        const cv::Matx23d toImage(d.x / scale, nrm.x / scale,
            region.center.x - (cols / 2.0) * d.x / scale - (rows / 2.0) * nrm.x / scale, d.y / scale, nrm.y / scale,
            region.center.y - (cols / 2.0) * d.y / scale - (rows / 2.0) * nrm.y / scale);
        cv::Mat strip;
        cv::warpAffine(
            gray, strip, toImage, { cols, rows }, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
        constexpr int kBands = 12;
        std::vector<std::vector<float>> profiles;
        for (int b = 0; b < kBands; ++b) {
            const int r0 = rows * b / kBands, r1 = std::max(r0 + 1, rows * (b + 1) / kBands);
            cv::Mat band;
            cv::reduce(strip.rowRange(r0, r1), band, 0, cv::REDUCE_AVG, CV_32F);
            profiles.emplace_back(band.begin<float>(), band.end<float>());
        }
        // Blur widths from none up; a text must be read on enough different lines, and nothing else on as many.
        std::map<std::pair<std::string, std::string>, std::set<int>> support;
        std::map<std::pair<std::string, std::string>, std::string> symbologyIds;
        // Blur widths to try: none, then around each dip of the lines' spectrum as a defocus disc and as motion.
        const auto dips = spectralDips(profiles);
        // No dip in the spectrum: the lines are not blurred (or not bars), and the sharp image was ZXing's already.
        if (dips.empty())
            continue;
        // Likeliest first (the time budget may stop the list): the deepest dip as defocus, as motion, a little
        // narrower and wider, no deconvolution at all, then the second dip.
        const double f0 = dips[0];
        std::vector<std::pair<double, bool>> widths { { 0.61 / f0, false }, { 1.0 / f0, true },
            { 0.93 * 0.61 / f0, false }, { 1.07 * 0.61 / f0, false }, { 0, false },
            { 1.117 / f0, false } }; // the last: the dip taken for the disc's second zero
        if (dips.size() > 1)
            widths.emplace_back(0.61 / dips[1], false);
        for (const auto &[radius, box] : widths) {
            if (overBudget())
                break;
            const double r = radius; // already in strip samples
            std::pair<std::string, std::string> best;
            size_t bestN = 0, rivalN = 0;
            const auto tally = [&] {
                bestN = rivalN = 0;
                for (const auto &[key, lines] : support) {
                    if (lines.size() > bestN) {
                        rivalN = bestN;
                        bestN = lines.size();
                        best = key;
                    } else {
                        rivalN = std::max(rivalN, lines.size());
                    }
                }
            };
            // The middle lines first (likeliest inside the symbol); four agreeing lines and no rival at all settle
            // it before the rest are read.
            for (int i = 0; i < kBands; ++i) {
                if (i > 0 && stop && stop()) {
                    stopped = true; // the image's time is up: decide on the lines read so far
                    break;
                }
                const int b = kBands / 2 + (i % 2 ? -(i + 1) / 2 : i / 2);
                ++lineReads;
                for (auto &read : decodeProfile(deconvolve(profiles[size_t(b)], r, box, 0.003), formats)) {
                    if (read.span < 0.5 * region.length * scale)
                        continue; // a few characters inside a longer pattern: not the symbol the region holds
                    const auto key = std::make_pair(read.format, read.text);
                    support[key].insert(b);
                    symbologyIds[key] = read.symbologyId;
                }
                tally();
                if (bestN >= 4 && rivalN == 0)
                    break;
            }
            // Otherwise decide after each width: the best text needs 3 lines and three times the lines of any rival.
            tally();
            if (bestN >= 3 && bestN >= 3 * rivalN) {
                EngineResult e;
                e.format = best.first;
                e.text = best.second;
                e.symbologyId = symbologyIds[best];
                const double half = region.length / 2, hh = region.height / 2;
                const cv::Point2d c(region.center.x, region.center.y);
                const std::array<cv::Point2d, 4> q { c - half * d - hh * nrm, c + half * d - hh * nrm,
                    c + half * d + hh * nrm, c - half * d + hh * nrm };
                for (size_t i = 0; i < 4; ++i)
                    e.quad[i] = { float(q[i].x), float(q[i].y) };
                e.pass = "blurred-linear";
                e.lineCount = int(bestN);
                out.push_back(std::move(e));
                break;
            }
        }
    }
    return out;
}

} // namespace closient::scanning::engine
