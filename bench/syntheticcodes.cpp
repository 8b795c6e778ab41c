// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntheticcodes.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <zint.h>

#include <memory>
#include <random>

namespace closient::bench {

namespace {

constexpr double kPaper = 215;
constexpr double kInk = 35;
constexpr double kSensorNoise = 2;
constexpr int kSuper = 8; // pixels a module while rasterising, before the area-averaged shrink

char checkDigit(const std::string &body)
{
    // GS1 mod 10: weights 3, 1, 3, ... from the right.
    int sum = 0;
    for (size_t i = 0; i < body.size(); ++i) {
        const int d = body[body.size() - 1 - i] - '0';
        sum += (i % 2 == 0) ? 3 * d : d;
    }
    return char('0' + (10 - sum % 10) % 10);
}

std::string digits(std::mt19937 &rng, int n)
{
    std::string s;
    for (int i = 0; i < n; ++i)
        s += char('0' + rng() % 10);
    return s;
}

std::string lot(std::mt19937 &rng)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    std::string s;
    const int n = 3 + int(rng() % 5);
    for (int i = 0; i < n; ++i)
        s += alphabet[rng() % (sizeof alphabet - 1)];
    return s;
}

struct Payload
{
    int symbology = 0;
    int inputMode = DATA_MODE;
    std::string input;
    std::string expected;
};

Payload payload(SynthFormat format, std::mt19937 &rng)
{
    Payload p;
    const std::string gtin13 = [&] {
        std::string b = std::to_string(1 + rng() % 9);
        b.append(digits(rng, 11)); // appended: GCC 12 warns falsely on std::string&& + std::string&&
        return b + checkDigit(b);
    }();
    const std::string gtin14 = "0" + gtin13;
    switch (format) {
    case SynthFormat::Ean13:
        p = { BARCODE_EANX_CHK, DATA_MODE, gtin13, gtin13 };
        break;
    case SynthFormat::Ean8: {
        std::string b = digits(rng, 7);
        b += checkDigit(b);
        p = { BARCODE_EANX_CHK, DATA_MODE, b, b };
        break;
    }
    case SynthFormat::UpcA: {
        std::string b = digits(rng, 11);
        b += checkDigit(b);
        p = { BARCODE_UPCA_CHK, DATA_MODE, b, b };
        break;
    }
    case SynthFormat::UpcE: {
        // Number system 0, last digit 5..9: the UPC-A form is 0 d1..d5 0000 d6.
        const std::string body = digits(rng, 5) + char('5' + rng() % 5);
        std::string upca(1, '0'); // built by appending: GCC 12 warns falsely on "literal" + std::string&&
        upca.append(body, 0, 5).append("0000").append(body, 5, 1);
        const std::string e = "0" + body + checkDigit(upca);
        p = { BARCODE_UPCE_CHK, DATA_MODE, e, e };
        break;
    }
    case SynthFormat::Code128: {
        const std::string l = lot(rng);
        p = { BARCODE_GS1_128, GS1_MODE, "[01]" + gtin14 + "[10]" + l, "01" + gtin14 + "10" + l };
        break;
    }
    case SynthFormat::Itf14: {
        std::string b = std::to_string(1 + rng() % 8) + gtin13.substr(0, 12);
        p = { BARCODE_ITF14, DATA_MODE, b, b + checkDigit(b) };
        break;
    }
    case SynthFormat::DataBar:
        p = { BARCODE_DBAR_OMN, DATA_MODE, gtin13.substr(0, 12) + "0", "" };
        p.input.assign(1, '0').append(gtin13, 0, 12);
        p.expected = "01" + p.input + checkDigit(p.input);
        break;
    case SynthFormat::DataBarExpanded: {
        const std::string l = lot(rng);
        p = { BARCODE_DBAR_EXP, GS1_MODE, "[01]" + gtin14 + "[10]" + l, "01" + gtin14 + "10" + l };
        break;
    }
    case SynthFormat::DataMatrix: {
        const std::string l = lot(rng);
        std::string date(1, '2'); // appended: GCC 12 warns falsely on "literal" + std::string&&
        date.append(std::to_string(5 + rng() % 5)).append(1, '0').append(std::to_string(1 + rng() % 9)).append("15");
        p = { BARCODE_DATAMATRIX, GS1_MODE, "[01]" + gtin14 + "[17]" + date + "[10]" + l,
            "01" + gtin14 + "17" + date + "10" + l };
        break;
    }
    case SynthFormat::QrCode: {
        const std::string s = "https://example.com/p/" + lot(rng) + digits(rng, 6);
        p = { BARCODE_QRCODE, UNICODE_MODE, s, s };
        break;
    }
    }
    return p;
}

struct ZintDeleter
{
    void operator()(zint_symbol *s) const { ZBarcode_Delete(s); }
};

// Coverage of ink (0..1) at kSuper pixels a module, quiet zones included.
cv::Mat renderCoverage(const Payload &p)
{
    std::unique_ptr<zint_symbol, ZintDeleter> sym(ZBarcode_Create());
    sym->symbology = p.symbology;
    sym->input_mode = p.inputMode;
    sym->scale = 0.5f; // one vector unit is one module
    sym->output_options = BARCODE_QUIET_ZONES;
    sym->show_hrt = 0;
    if (p.symbology != BARCODE_DBAR_OMN && p.symbology != BARCODE_DBAR_EXP && p.symbology != BARCODE_DATAMATRIX
        && p.symbology != BARCODE_QRCODE)
        sym->height = 40;
    if (ZBarcode_Encode(sym.get(), reinterpret_cast<const unsigned char *>(p.input.data()), int(p.input.size()))
            >= ZINT_ERROR
        || ZBarcode_Buffer_Vector(sym.get(), 0) >= ZINT_ERROR || !sym->vector)
        return {};
    const int w = int(std::ceil(sym->vector->width * kSuper));
    const int h = int(std::ceil(sym->vector->height * kSuper));
    cv::Mat cover(h, w, CV_8U, cv::Scalar(0));
    for (auto *r = sym->vector->rectangles; r; r = r->next) {
        if (r->colour != -1 && r->colour != 7)
            continue;
        const cv::Point a(int(std::lround(r->x * kSuper)), int(std::lround(r->y * kSuper)));
        const cv::Point b(int(std::lround((r->x + r->width) * kSuper)), int(std::lround((r->y + r->height) * kSuper)));
        cv::rectangle(cover, cv::Rect(a, b), cv::Scalar(255), cv::FILLED);
    }
    return cover;
}

cv::Mat discKernel(double diameter)
{
    const int size = int(std::ceil(diameter)) | 1;
    const int n = size + 2;
    cv::Mat k(n, n, CV_32F, cv::Scalar(0));
    const double r = diameter / 2, c = (n - 1) / 2.0;
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            int inside = 0;
            for (int sy = 0; sy < 8; ++sy) {
                for (int sx = 0; sx < 8; ++sx) {
                    const double dx = x - 0.5 + (sx + 0.5) / 8 - c, dy = y - 0.5 + (sy + 0.5) / 8 - c;
                    inside += dx * dx + dy * dy <= r * r ? 1 : 0;
                }
            }
            k.at<float>(y, x) = float(inside);
        }
    }
    return k / cv::sum(k)[0];
}

cv::Mat lineKernel(double length)
{
    const int n = (int(std::ceil(length)) | 1) + 2;
    cv::Mat k(1, n, CV_32F, cv::Scalar(0));
    const double c = (n - 1) / 2.0;
    for (int x = 0; x < n; ++x) {
        // the part of pixel x (x-0.5 .. x+0.5) inside the segment c-L/2 .. c+L/2
        const double lo = std::max(x - 0.5, c - length / 2), hi = std::min(x + 0.5, c + length / 2);
        k.at<float>(0, x) = float(std::max(0.0, hi - lo));
    }
    return k / cv::sum(k)[0];
}

cv::Mat finish(cv::Mat img, double noise, std::mt19937 &rng)
{
    cv::theRNG().state = rng();
    cv::Mat n(img.size(), CV_32F);
    cv::randn(n, 0, noise);
    img += n;
    cv::Mat out;
    img.convertTo(out, CV_8U);
    return out;
}

} // namespace

const char *formatName(SynthFormat format)
{
    switch (format) {
    case SynthFormat::Ean13:
        return "EAN-13";
    case SynthFormat::Ean8:
        return "EAN-8";
    case SynthFormat::UpcA:
        return "UPC-A";
    case SynthFormat::UpcE:
        return "UPC-E";
    case SynthFormat::Code128:
        return "GS1-128";
    case SynthFormat::Itf14:
        return "ITF-14";
    case SynthFormat::DataBar:
        return "DataBar";
    case SynthFormat::DataBarExpanded:
        return "DataBarExpanded";
    case SynthFormat::DataMatrix:
        return "DataMatrix";
    case SynthFormat::QrCode:
        return "QRCode";
    }
    return "";
}

const char *degradationName(Degradation degradation)
{
    switch (degradation) {
    case Degradation::None:
        return "clean";
    case Degradation::Defocus:
        return "defocus";
    case Degradation::Motion:
        return "motion";
    case Degradation::Noise:
        return "noise";
    case Degradation::Jpeg:
        return "jpeg";
    case Degradation::LowContrast:
        return "low-contrast";
    case Degradation::UnevenLight:
        return "uneven-light";
    case Degradation::Perspective:
        return "perspective";
    case Degradation::SmallModules:
        return "small-modules";
    }
    return "";
}

bool isLinear(SynthFormat format)
{
    return format != SynthFormat::DataMatrix && format != SynthFormat::QrCode;
}

std::vector<SynthFormat> allSynthFormats()
{
    return { SynthFormat::Ean13, SynthFormat::Ean8, SynthFormat::UpcA, SynthFormat::UpcE, SynthFormat::Code128,
        SynthFormat::Itf14, SynthFormat::DataBar, SynthFormat::DataBarExpanded, SynthFormat::DataMatrix,
        SynthFormat::QrCode };
}

std::vector<double> levels(Degradation degradation)
{
    switch (degradation) {
    case Degradation::None:
        return { 0 };
    case Degradation::Defocus:
        return { 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6 };
    case Degradation::Motion:
        return { 1, 2, 3, 4, 5, 6 };
    case Degradation::Noise:
        return { 8, 16, 24, 32, 48 };
    case Degradation::Jpeg:
        return { 40, 20, 10, 5 };
    case Degradation::LowContrast:
        return { 0.4, 0.2, 0.1, 0.05 };
    case Degradation::UnevenLight:
        return { 0.3, 0.5, 0.7, 0.85 };
    case Degradation::Perspective:
        return { 20, 35, 50, 60 };
    case Degradation::SmallModules:
        return { 2, 1.5, 1.2, 1.0, 0.8 };
    }
    return {};
}

SynthSample makeSample(SynthFormat format, Degradation degradation, double level, unsigned seed, double moduleWidth)
{
    std::mt19937 rng(seed * 2654435761u + unsigned(format) * 97u + unsigned(degradation) * 13u);
    SynthSample s;
    s.format = format;
    s.degradation = degradation;
    s.level = level;
    Payload p;
    cv::Mat cover;
    for (int attempt = 0; attempt < 10 && cover.empty(); ++attempt) {
        p = payload(format, rng); // zint refuses a few payloads (UPC-E numbers that cannot be suppressed)
        cover = renderCoverage(p);
    }
    s.expected = p.expected;
    if (cover.empty())
        return s;
    const double x = degradation == Degradation::SmallModules ? level : moduleWidth;
    cv::Mat small;
    cv::resize(cover, small, {}, x / kSuper, x / kSuper, cv::INTER_AREA);
    double paper = kPaper, ink = kInk;
    if (degradation == Degradation::LowContrast) {
        const double mid = (kPaper + kInk) / 2, amp = (kPaper - kInk) / 2 * level;
        paper = mid + amp;
        ink = mid - amp;
    }
    const int margin = 24;
    cv::Mat img(small.rows + 2 * margin, small.cols + 2 * margin, CV_32F, cv::Scalar(paper));
    cv::Mat c;
    small.convertTo(c, CV_32F, (ink - paper) / 255.0, paper);
    c.copyTo(img(cv::Rect(margin, margin, small.cols, small.rows)));

    double noise = kSensorNoise;
    switch (degradation) {
    case Degradation::Defocus:
        if (level * x >= 0.5)
            cv::filter2D(img, img, -1, discKernel(level * x), { -1, -1 }, 0, cv::BORDER_REPLICATE);
        break;
    case Degradation::Motion:
        cv::filter2D(img, img, -1, lineKernel(level * x), { -1, -1 }, 0, cv::BORDER_REPLICATE);
        break;
    case Degradation::Noise:
        noise = level;
        break;
    case Degradation::UnevenLight:
        for (int col = 0; col < img.cols; ++col)
            img.col(col) *= 1.0 - level * double(col) / img.cols;
        break;
    case Degradation::Perspective: {
        const double t = level * CV_PI / 180, w = img.cols, h = img.rows, d = 1.5 * w;
        std::vector<cv::Point2f> src { { 0, 0 }, { float(w), 0 }, { float(w), float(h) }, { 0, float(h) } }, dst;
        for (const auto &pt : src) {
            const double cx = pt.x - w / 2, cy = pt.y - h / 2, z = cx * std::sin(t);
            dst.emplace_back(float(w / 2 + cx * std::cos(t) * d / (d + z)), float(h / 2 + cy * d / (d + z)));
        }
        cv::warpPerspective(img, img, cv::getPerspectiveTransform(src, dst), img.size(), cv::INTER_LINEAR,
            cv::BORDER_CONSTANT, cv::Scalar(paper));
        break;
    }
    default:
        break;
    }
    s.image = finish(img, noise, rng);
    if (degradation == Degradation::Jpeg) {
        std::vector<uchar> buf;
        cv::imencode(".jpg", s.image, buf, { cv::IMWRITE_JPEG_QUALITY, int(level) });
        s.image = cv::imdecode(buf, cv::IMREAD_GRAYSCALE);
    }
    return s;
}

std::vector<SynthNegative> makeNegatives(int count, unsigned seed, int side)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<SynthNegative> out;
    static const char *const kinds[]
        = { "random-stripes", "grating", "text", "noise", "grid", "grain", "blurred-stripes", "blurred-text" };
    for (int i = 0; i < count; ++i) {
        const std::string kind = kinds[i % 8];
        cv::Mat img(side * 3 / 4, side, CV_32F, cv::Scalar(kPaper));
        if (kind == "random-stripes" || kind == "blurred-stripes") {
            // Bars of random widths: what a barcode reader is most easily fooled by.
            const double unit = 1.5 + 3 * u(rng);
            double pos = side * 0.1;
            bool dark = true;
            while (pos < side * 0.9) {
                const double w = unit * (1 + int(rng() % 4));
                if (dark)
                    cv::rectangle(img, cv::Rect(int(pos), side / 10, std::max(1, int(w)), side / 2), cv::Scalar(kInk),
                        cv::FILLED);
                pos += w;
                dark = !dark;
            }
        } else if (kind == "grating") {
            const double period = 4 + 20 * u(rng);
            for (int x = 0; x < img.cols; ++x)
                img.col(x).setTo((std::fmod(x, period) < period / 2) ? kInk : kPaper);
        } else if (kind == "text" || kind == "blurred-text") {
            static const char *const words[] = { "Lot", "Best before", "Ingredients:", "sugar", "0123", "Net wt",
                "500 g", "Made in EU", "E 330", "www", "keep dry", "Batch 7781", "||| IIII lll" };
            for (int line = 0; line < 12; ++line) {
                std::string text;
                for (int k = 0; k < 4; ++k)
                    text += std::string(words[rng() % 13]) + " ";
                cv::putText(img, text, { 10, 30 + line * int(side / 16) }, int(rng() % 4), 0.5 + u(rng),
                    cv::Scalar(kInk), 1 + int(rng() % 2));
            }
        } else if (kind == "noise" || kind == "grain") {
            cv::Mat n(img.size(), CV_32F);
            cv::randn(n, 0, 60);
            if (kind == "grain")
                cv::GaussianBlur(n, n, { 0, 0 }, 12, 0.8);
            else
                cv::GaussianBlur(n, n, { 0, 0 }, 1 + 3 * u(rng));
            img += n;
        } else if (kind == "grid") {
            const int step = 8 + int(rng() % 24);
            for (int x = 0; x < img.cols; x += step)
                cv::line(img, { x, 0 }, { x, img.rows }, cv::Scalar(kInk + 60), 1);
            for (int y = 0; y < img.rows; y += step)
                cv::line(img, { 0, y }, { img.cols, y }, cv::Scalar(kInk + 60), 1);
        }
        if (kind.rfind("blurred", 0) == 0)
            cv::filter2D(img, img, -1, discKernel(3 + 6 * u(rng)), { -1, -1 }, 0, cv::BORDER_REPLICATE);
        out.push_back({ kind, finish(img, 3, rng) });
    }
    return out;
}

} // namespace closient::bench
