// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifier.h"

#include "isolateddecoder.h"
#include "layoutsymbol.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QThread>

#include <poppler-qt6.h>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;

namespace closient::labels {

Verifier::Verifier()
    : m_decoder(std::make_unique<scanning::IsolatedDecoder>())
{ }

Verifier::~Verifier() = default;

QString Verifier::expectedSymbologyId(SymbolKind kind)
{
    switch (kind) {
    case SymbolKind::Gs1DataMatrix:
        return u"]d2"_s;
    case SymbolKind::Gs1Qr:
        return u"]Q3"_s;
    case SymbolKind::DigitalLinkQr:
        return u"]Q1"_s;
    case SymbolKind::Gs1_128:
        return u"]C1"_s;
    case SymbolKind::Ean13:
    case SymbolKind::UpcA:
        return u"]E0"_s;
    case SymbolKind::Itf14:
        return u"]I"_s; // ]I0 or ]I1, by whether the reader checked the digit
    }
    return {};
}

namespace {
/// The reader only looks for the symbology that was printed (ZXing-cpp 1.4's BarcodeFormat bits): a label is
/// checked in a few milliseconds, and what it says is still compared in full.
std::uint32_t formatMask(SymbolKind kind)
{
    switch (kind) {
    case SymbolKind::Gs1DataMatrix:
        return 1u << 7;
    case SymbolKind::Gs1Qr:
    case SymbolKind::DigitalLinkQr:
        return 1u << 13;
    case SymbolKind::Gs1_128:
    case SymbolKind::Ean13:
    case SymbolKind::UpcA:
    case SymbolKind::Itf14:
        // Linear symbols are read with every format on: libzxing 1.4 aborts on some of our own GS1-128 when only
        // the linear formats (or only Code 128) are asked for.
        return 0;
    }
    return 0;
}
} // namespace

bool Verifier::checkImage(const QImage &image, SymbolKind kind, const QString &expected, QString *problem)
{
    return checkDecoded(image,
        { formatMask(kind), scanning::Strategy::Verify, zxingFormat(kind), expectedSymbologyId(kind),
            symbolKindTitle(kind), kind == SymbolKind::DigitalLinkQr },
        expected, problem);
}

bool Verifier::checkDecoded(const QImage &image, const Want &want, const QString &expected, QString *problem)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    auto outcome = m_decoder->decodeGray(
        gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()), want.strategy, want.mask, 10000);
    if (outcome.results.empty() && outcome.crashes > 0 && want.strategy != scanning::Strategy::VerifyPure) {
        // libzxing 1.4 aborts while merging some Code 128 scan lines; the still cascade resumes in safe mode.
        outcome = m_decoder->decodeGray(gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()),
            scanning::Strategy::Still, want.mask, 10000);
    }
    if (!outcome.ok()) {
        *problem = u"could not be read: %1"_s.arg(outcome.error);
        return false;
    }
    if (outcome.results.empty()) {
        *problem = outcome.crashes ? u"the reader crashed on it"_s : u"no code could be read"_s;
        return false;
    }
    if (outcome.results.size() > 1) {
        *problem = u"%1 codes were read where one was printed"_s.arg(outcome.results.size());
        return false;
    }
    const auto &r = outcome.results.front();
    if (r.format != want.format) {
        *problem = u"read as %1, printed as %2"_s.arg(r.format, want.title);
        return false;
    }
    if (!r.symbologyId.startsWith(want.symbologyId)) {
        *problem = u"read with symbology identifier %1, expected %2 (%3)"_s.arg(
            r.symbologyId, want.symbologyId, want.plainQr ? u"a plain QR Code"_s : u"GS1 data needs FNC1"_s);
        return false;
    }
    // The data itself, as the symbol carries it: the element string with GS where FNC1 separates, the URI, the
    // digits. Nothing is re-parsed, so what a person would read in brackets cannot make two labels look alike.
    if (r.text != expected) {
        *problem = u"read \"%1\", expected \"%2\""_s.arg(
            QString(r.text).replace(QChar(0x1D), u"<GS>"_s), QString(expected).replace(QChar(0x1D), u"<GS>"_s));
        return false;
    }
    return true;
}

Result<Done> Verifier::verifyLayoutImage(
    const QImage &image, LayoutSymbology symbology, int rotation, const QString &expected)
{
    const auto kind = toSymbolKind(symbology);
    // 2D symbols are looked for alone; linear ones with every format on (see formatMask). A turned linear symbol
    // needs the still cascade, which tries every orientation.
    const bool twoD = kind && !isLinear(*kind);
    const Want want { kind ? formatMask(*kind) : 0u,
        twoD || rotation % 180 == 0 ? scanning::Strategy::Verify : scanning::Strategy::Still,
        layoutZxingFormat(symbology), layoutSymbologyId(symbology), layoutSymbologyTitle(symbology),
        symbology == LayoutSymbology::DigitalLinkQr };
    QString problem;
    if (checkDecoded(image, want, expected, &problem))
        return Done {};
    return Error { u"verify_failed"_s, problem };
}

namespace {
/// What the pure-symbol read looks for: only the symbology that was printed (ZXing-cpp 1.4's BarcodeFormat bits).
/// One scan line cannot reach the Code 128 line merging that aborts libzxing in the thorough read (see formatMask).
std::uint32_t pureMask(LayoutSymbology s)
{
    switch (s) {
    case LayoutSymbology::Gs1DataMatrix:
        return 1u << 7;
    case LayoutSymbology::Gs1Qr:
    case LayoutSymbology::DigitalLinkQr:
        return 1u << 13;
    case LayoutSymbology::Gs1_128:
        return 1u << 4;
    case LayoutSymbology::Ean13:
        return 1u << 9;
    case LayoutSymbology::UpcA:
        return (1u << 14) | (1u << 9);
    case LayoutSymbology::Itf14:
        return 1u << 10;
    case LayoutSymbology::DataBar:
        return 1u << 5;
    case LayoutSymbology::DataBarExpanded:
        return 1u << 6;
    }
    return 0;
}

std::uint32_t pureMask(SymbolKind kind)
{
    switch (kind) {
    case SymbolKind::Gs1DataMatrix:
        return pureMask(LayoutSymbology::Gs1DataMatrix);
    case SymbolKind::Gs1Qr:
    case SymbolKind::DigitalLinkQr:
        return pureMask(LayoutSymbology::Gs1Qr);
    case SymbolKind::Gs1_128:
        return pureMask(LayoutSymbology::Gs1_128);
    case SymbolKind::Ean13:
        return pureMask(LayoutSymbology::Ean13);
    case SymbolKind::UpcA:
        return pureMask(LayoutSymbology::UpcA);
    case SymbolKind::Itf14:
        return pureMask(LayoutSymbology::Itf14);
    }
    return 0;
}

/// Turns a symbol drawn at @p rotation degrees back upright (quarter turns are exact on pixels).
QImage upright(const QImage &image, int rotation)
{
    const int r = ((rotation % 360) + 360) % 360;
    return r == 0 ? image : image.transformed(QTransform().rotate(-r));
}
} // namespace

double Verifier::wholeModuleDpi(double xDim, int pixels)
{
    if (!(xDim > 0))
        return kDpi;
    // Fewer pixels make the page's rendering, the cost of reading back, cheaper.
    // Exactly that many pixels a module: fewer pixels make the page's rendering, most of the cost of reading back,
    // cheaper. A very fine or very coarse symbol is read at what keeps its pixels in bounds, whole modules or not.
    return std::clamp(pixels * 25.4 / xDim, 20.0, 1200.0);
}

bool Verifier::confirmPure(const QImage &image, LayoutSymbology symbology, int rotation, const QString &expected)
{
    QString miss;
    return checkDecoded(upright(image, rotation),
        { pureMask(symbology), scanning::Strategy::VerifyPure, layoutZxingFormat(symbology),
            layoutSymbologyId(symbology), layoutSymbologyTitle(symbology),
            symbology == LayoutSymbology::DigitalLinkQr },
        expected, &miss);
}

bool Verifier::confirmPure(const QImage &image, SymbolKind kind, const QString &expected)
{
    QString miss;
    return checkDecoded(image,
        { pureMask(kind), scanning::Strategy::VerifyPure, zxingFormat(kind), expectedSymbologyId(kind),
            symbolKindTitle(kind), kind == SymbolKind::DigitalLinkQr },
        expected, &miss);
}

QStringList Verifier::verifyLabel(const QImage &label, double dpi, const std::vector<PlacedSymbol> &symbols)
{
    QStringList failures;
    const double k = dpi / 25.4;
    const QImage gray = label.convertToFormat(QImage::Format_Grayscale8);
    const QRect bounds(QPoint(0, 0), gray.size());
    const int margin = int(std::ceil(k * 2));
    for (const auto &s : symbols) {
        const QRect area = QRect(QPoint(int(std::floor(s.rect.left() * k)), int(std::floor(s.rect.top() * k))),
            QPoint(int(std::ceil(s.rect.right() * k)) - 1, int(std::ceil(s.rect.bottom() * k)) - 1))
                               .intersected(bounds);
        QString problem;
        if (area.isEmpty()) {
            problem = u"it lies outside the label"_s;
        } else if (confirmPure(gray.copy(area), s.symbology, s.rotation, s.expected)) {
            // Read at once: the label is drawn at the printer's dots, so its modules are whole pixels.
        } else {
            // On a white margin of its own: a reader wants to see where the symbol ends.
            QImage framed(area.size() + QSize(2 * margin, 2 * margin), QImage::Format_Grayscale8);
            framed.fill(255);
            {
                QPainter p(&framed);
                p.drawImage(QPoint(margin, margin), gray.copy(area));
            }
            if (const auto read = verifyLayoutImage(framed, s.symbology, s.rotation, s.expected); !read.ok())
                problem = read.error().message;
        }
        if (!problem.isEmpty())
            failures << u"%1 (%2): %3"_s.arg(s.objectId, layoutSymbologyTitle(s.symbology), problem);
    }
    return failures;
}

bool Verifier::checkSymbolFile(
    const QByteArray &data, const QString &format, SymbolKind kind, const QString &expected, QString *problem)
{
    QImage image;
    if (format == u"png") {
        image.loadFromData(data, "PNG");
    } else if (format == u"svg") {
        QSvgRenderer svg(data);
        if (svg.isValid()) {
            // Physical size from the viewBox (mm) at the verification resolution, on white.
            const QRectF box = svg.viewBoxF();
            image = QImage(
                QSize(int(box.width() * kDpi / 25.4) + 1, int(box.height() * kDpi / 25.4) + 1), QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter p(&image);
            svg.render(&p);
        }
    } else if (format == u"eps") {
        const QString gs = QStandardPaths::findExecutable(u"gs"_s);
        if (gs.isEmpty()) {
            *problem = u"EPS cannot be checked: Ghostscript (gs) is not installed"_s;
            return false;
        }
        QTemporaryDir dir;
        QProcess p;
        p.setProgram(gs);
        p.setArguments({ u"-q"_s, u"-dSAFER"_s, u"-dBATCH"_s, u"-dNOPAUSE"_s, u"-dEPSCrop"_s,
            u"-dGraphicsAlphaBits=4"_s, u"-sDEVICE=pnggray"_s, u"-r%1"_s.arg(int(kDpi)),
            u"-sOutputFile=%1"_s.arg(dir.filePath(u"out.png"_s)), u"-"_s });
        p.start();
        p.write(data);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            *problem = u"Ghostscript could not render the EPS: %1"_s.arg(
                QString::fromUtf8(p.readAllStandardError()).trimmed());
            return false;
        }
        image.load(dir.filePath(u"out.png"_s));
    }
    if (image.isNull()) {
        *problem = u"the %1 file could not be rendered"_s.arg(format.toUpper());
        return false;
    }
    // A white margin, as a label has around its symbol.
    QImage framed(image.width() + 40, image.height() + 40, QImage::Format_RGB32);
    framed.fill(Qt::white);
    {
        QPainter p(&framed);
        p.drawImage(20, 20, image);
    }
    return checkImage(framed, kind, expected, problem);
}

namespace {
/// Reads the labels of one sheet PDF in order. Poppler renders only the part of a page around the symbols, a few
/// labels at a time and never more than kTilePixels, so memory stays the same whatever the page size.
class SheetReader
{
public:
    static constexpr qint64 kTilePixels = 9'000'000; // a Letter or A4 page's labels at 300 dpi in one go
    static constexpr qint64 kLabelPixels = 64'000'000; // one label's read area larger than this is refused
    // The fast read's pixels a module: Splash, unantialiased, may widen a dark module by one pixel, which two
    // pixels a module still sample right at module centres; a linear symbol's widths are compared with each other,
    // and need three (two was measured to miss every GS1-128 of a sheet).
    static constexpr int kMatrixModulePixels = 2;
    static constexpr int kLinearModulePixels = 3;
    // Across a linear symbol's bars: a few rows are enough for the one row the pure read takes.
    static constexpr double kAcrossDpi = 40;
    static constexpr double kAcrossRows = 12;

    SheetReader(Verifier &verifier, const QString &pdfPath, const SheetLayout &layout, VerifyReport &report)
        : m_verifier(verifier)
        , m_layout(layout)
        , m_report(report)
        , m_doc(Poppler::Document::load(pdfPath))
    {
        if (!m_doc || m_doc->isLocked()) {
            m_doc.reset();
            m_report.failures << u"the PDF could not be opened for checking"_s;
            return;
        }
        // The fast read's renderings are sharp; the thorough read turns antialiasing on for its own.
        m_doc->setRenderHint(Poppler::Document::Antialiasing, false);
        m_doc->setRenderHint(Poppler::Document::TextAntialiasing, false);
    }

    /// Checks label @p i of @p labels (rendering it with the ones after it up to @p end); false when the rest
    /// cannot be checked (no document, missing page).
    bool check(const std::vector<PlacedLabel> &labels, size_t i, size_t end)
    {
        if (!m_doc)
            return false;
        const PlacedLabel &label = labels[i];
        if (label.page != m_currentPage && !openPage(label))
            return false;
        ++m_report.checked;
        const QRect px = readArea(label, Verifier::kDpi);
        QString problem;
        if (px.isEmpty()) {
            problem = u"the label lies outside its page"_s;
        } else if (qint64(px.width()) * px.height() > kLabelPixels) {
            problem = u"its symbol is too large to read back at %1 dpi"_s.arg(Verifier::kDpi);
        } else if (confirmFast(labels, i, end)) {
            ++m_report.passed;
            ++m_report.fast;
        } else {
            // The thorough read, on the label's own antialiased rendering at the usual resolution, as a scanner
            // would see the print.
            m_doc->setRenderHint(Poppler::Document::Antialiasing, true);
            const QImage area = m_page
                ? m_page->renderToImage(Verifier::kDpi, Verifier::kDpi, px.x(), px.y(), px.width(), px.height())
                : QImage();
            m_doc->setRenderHint(Poppler::Document::Antialiasing, false);
            m_report.largestRender = std::max(m_report.largestRender, qint64(px.width()) * px.height());
            if (area.isNull())
                problem = u"the page could not be rendered"_s;
            else if (const auto read = label.symbology
                         ? m_verifier.verifyLayoutImage(area, *label.symbology, label.rotation, label.expected)
                         : m_verifier.verifyImage(area, label.kind, label.expected);
                     read.ok())
                ++m_report.passed;
            else
                problem = read.error().message;
        }
        if (!problem.isEmpty())
            m_report.failures << u"page %1, label %2: %3"_s.arg(label.page + 1).arg(label.cell + 1).arg(problem);
        return true;
    }

private:
    /// How the page is rendered for a fast read: dots per inch across (x) and down (y) the page.
    struct Resolution
    {
        double x = 0;
        double y = 0;
        friend bool operator==(const Resolution &, const Resolution &) = default;
    };

    /// The fast read of label @p i: its symbol alone, cut from a rendering of the page (with the labels after it up
    /// to @p end) at the resolution where its modules are whole pixels, without antialiasing, so every module is the
    /// same whole number of black or white pixels. False when it could not confirm the label (not a failure).
    bool confirmFast(const std::vector<PlacedLabel> &labels, size_t i, size_t end)
    {
        const PlacedLabel &label = labels[i];
        if (label.symbolRect.isEmpty())
            return false;
        const Resolution res = fastResolution(label);
        const QRect symbol = symbolArea(label, res);
        if (symbol.isEmpty() || qint64(symbol.width()) * symbol.height() > kLabelPixels)
            return false;
        if (m_tileRes != res || !m_tileRect.contains(symbol))
            renderTile(labels, i, end, res);
        if (m_tile.isNull() || !m_tileRect.contains(symbol))
            return false;
        const QImage image = m_tile.copy(symbol.translated(-m_tileRect.topLeft()));
        return label.symbology ? m_verifier.confirmPure(image, *label.symbology, label.rotation, label.expected)
                               : m_verifier.confirmPure(image, label.kind, label.expected);
    }

    /// Where label's symbol is rendered for the fast read. Unantialiased, a module of whole pixels is exactly that
    /// many black or white pixels (Splash may widen a dark module by a pixel): a matrix symbol is sampled at module
    /// centres; a linear symbol's bars and spaces are measured against each other along one row, so it needs more
    /// pixels along the row and only a few rows: its bars are drawn the full height of the symbol, and the page is
    /// rendered squashed across them.
    [[nodiscard]] static Resolution fastResolution(const PlacedLabel &label)
    {
        const bool linear = label.symbology
            ? (toSymbolKind(*label.symbology) ? isLinear(*toSymbolKind(*label.symbology)) : true)
            : isLinear(label.kind);
        if (!linear) {
            const double dpi = Verifier::wholeModuleDpi(label.xDim, kMatrixModulePixels);
            return { dpi, dpi };
        }
        const double along = Verifier::wholeModuleDpi(label.xDim, kLinearModulePixels);
        const bool turned = ((label.rotation % 180) + 180) % 180 != 0;
        const double barsMm = turned ? label.symbolRect.width() : label.symbolRect.height();
        const double across = std::min(along, std::max(kAcrossDpi, kAcrossRows * 25.4 / std::max(barsMm, 1.0)));
        return turned ? Resolution { across, along } : Resolution { along, across };
    }

    /// @p mm on the page in pixels at @p res, inside the page.
    [[nodiscard]] QRect toPixels(const QRectF &mm, Resolution res) const
    {
        const double kx = res.x / 25.4;
        const double ky = res.y / 25.4;
        const QRect page(0, 0, int(m_pageSizeMm.width() * kx), int(m_pageSizeMm.height() * ky));
        return QRect(QPoint(int(std::floor(mm.left() * kx)), int(std::floor(mm.top() * ky))),
            QPoint(int(std::ceil(mm.right() * kx)) - 1, int(std::ceil(mm.bottom() * ky)) - 1))
            .intersected(page);
    }
    [[nodiscard]] QRect toPixels(const QRectF &mm, double dpi) const { return toPixels(mm, Resolution { dpi, dpi }); }

    /// The symbol as placed (quiet zones included) with 1.5 mm around it, inside its cell, in page pixels: a symbol
    /// that strayed out of its label fails.
    [[nodiscard]] QRect readArea(const PlacedLabel &label, double dpi) const
    {
        const QRectF mm = label.symbolRect.isEmpty()
            ? label.cellRect.adjusted(-1, -1, 1, 1)
            : label.symbolRect.adjusted(-1.5, -1.5, 1.5, 1.5).intersected(label.cellRect);
        return toPixels(mm, dpi);
    }

    /// The symbol with its quiet zones and nothing else (no text beside it), for the pure-symbol read.
    [[nodiscard]] QRect symbolArea(const PlacedLabel &label, Resolution res) const
    {
        return label.symbolRect.isEmpty() ? QRect() : toPixels(label.symbolRect.intersected(label.cellRect), res);
    }

    /// Renders the symbols of labels i, i+1, … of this page read at @p res together, as many as fit the pixel budget.
    void renderTile(const std::vector<PlacedLabel> &labels, size_t i, size_t end, Resolution res)
    {
        QRect tile = symbolArea(labels[i], res);
        for (size_t j = i + 1; j < end && labels[j].page == labels[i].page; ++j) {
            if (labels[j].symbolRect.isEmpty() || fastResolution(labels[j]) != res)
                continue;
            // As many as fit: each rendering interprets the whole page, so fewer and larger is faster.
            const QRect grown = tile.united(symbolArea(labels[j], res));
            if (qint64(grown.width()) * grown.height() > kTilePixels)
                break;
            tile = grown;
        }
        m_tile
            = m_page ? m_page->renderToImage(res.x, res.y, tile.x(), tile.y(), tile.width(), tile.height()) : QImage();
        m_tileRect = m_tile.isNull() ? QRect() : tile;
        m_tileRes = res;
        m_report.largestRender = std::max(m_report.largestRender, qint64(tile.width()) * tile.height());
    }

    bool openPage(const PlacedLabel &label)
    {
        m_currentPage = label.page;
        m_tile = QImage();
        m_tileRect = QRect();
        m_tileRes = {};
        if (m_currentPage >= m_doc->numPages()) {
            m_report.failures << u"the PDF has %1 pages, label %2 should be on page %3"_s.arg(m_doc->numPages())
                                     .arg(label.cell + 1)
                                     .arg(m_currentPage + 1);
            return false;
        }
        m_page = m_doc->page(m_currentPage);
        const QSizeF size = m_page ? m_page->pageSizeF() : QSizeF(); // points
        m_pageSizeMm = size * 25.4 / 72;
        if (std::abs(size.width() * 25.4 / 72 - m_layout.sheet.pageWidth) > 0.5
            || std::abs(size.height() * 25.4 / 72 - m_layout.sheet.pageHeight) > 0.5)
            m_report.failures << u"page %1 is %2 × %3 mm, the stock is %4 × %5 mm"_s.arg(m_currentPage + 1)
                                     .arg(size.width() * 25.4 / 72, 0, 'f', 1)
                                     .arg(size.height() * 25.4 / 72, 0, 'f', 1)
                                     .arg(m_layout.sheet.pageWidth, 0, 'f', 1)
                                     .arg(m_layout.sheet.pageHeight, 0, 'f', 1);
        return true;
    }

    Verifier &m_verifier;
    const SheetLayout &m_layout;
    VerifyReport &m_report;
    std::unique_ptr<Poppler::Document> m_doc;
    std::unique_ptr<Poppler::Page> m_page;
    int m_currentPage = -1;
    QSizeF m_pageSizeMm;
    QImage m_tile;
    QRect m_tileRect;
    Resolution m_tileRes;
};

/// Splits the labels into up to @p parts runs of whole pages with about as many labels each.
std::vector<size_t> pageRuns(const std::vector<PlacedLabel> &labels, int parts)
{
    std::vector<size_t> bounds { 0 };
    const size_t share = (labels.size() + size_t(parts) - 1) / size_t(parts);
    for (size_t i = 1; i < labels.size(); ++i) {
        if (labels[i].page != labels[i - 1].page && i - bounds.back() >= share)
            bounds.push_back(i);
    }
    bounds.push_back(labels.size());
    return bounds;
}
} // namespace

VerifyReport Verifier::verifySheets(const QString &pdfPath, const SheetLayout &layout,
    const std::vector<PlacedLabel> &labels, const std::function<bool(int)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    // Reading back is the slow part of a job: the pages are shared out among readers, one per core, each with its
    // own decoder process and its own copy of the document. This thread reads the first run and reports progress.
    const auto bounds = pageRuns(labels, std::clamp(QThread::idealThreadCount(), 1, 8));
    const size_t runs = bounds.size() - 1;
    std::vector<VerifyReport> parts(runs);
    std::atomic<int> done { 0 };
    std::atomic<int> running { int(runs) - 1 };
    std::atomic<bool> stop { false };
    const auto readRun = [&](Verifier &verifier, size_t run, const std::function<void()> &afterLabel) {
        SheetReader reader(verifier, pdfPath, layout, parts[run]);
        for (size_t i = bounds[run]; i < bounds[run + 1] && !stop.load() && reader.check(labels, i, bounds[run + 1]);
             ++i) {
            ++done;
            afterLabel();
        }
    };
    const auto reportProgress = [&] {
        if (progress && !progress(done.load()))
            stop = true;
    };
    std::vector<std::thread> helpers;
    for (size_t run = 1; run < runs; ++run) {
        helpers.emplace_back([&, run] {
            Verifier helper;
            readRun(helper, run, [] {});
            --running;
        });
    }
    if (runs > 0)
        readRun(*this, 0, reportProgress);
    while (running.load() > 0) { // still passing on progress and a cancel while the helpers finish
        QThread::msleep(20);
        reportProgress();
    }
    for (auto &t : helpers)
        t.join();
    reportProgress();

    VerifyReport report;
    for (const auto &part : parts) {
        report.checked += part.checked;
        report.passed += part.passed;
        report.fast += part.fast;
        report.failures += part.failures;
        report.largestRender = std::max(report.largestRender, part.largestRender);
    }
    if (stop.load())
        report.failures << u"cancelled"_s;
    report.ms = double(timer.nsecsElapsed()) / 1e6;
    return report;
}

Result<Done> Verifier::verifySymbolFile(
    const QByteArray &data, const QString &format, SymbolKind kind, const QString &expected)
{
    QString problem;
    if (!checkSymbolFile(data, format, kind, expected, &problem))
        return Error { u"unreadable"_s, problem };
    return Done {};
}

Result<Done> Verifier::verifyImage(const QImage &image, SymbolKind kind, const QString &expected)
{
    QString problem;
    if (!checkImage(image, kind, expected, &problem))
        return Error { u"unreadable"_s, problem };
    return Done {};
}

} // namespace closient::labels
