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
    if (outcome.results.empty() && outcome.crashes > 0) {
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
        m_doc->setRenderHint(Poppler::Document::Antialiasing, true);
        m_doc->setRenderHint(Poppler::Document::TextAntialiasing, true);
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
        const QRect px = readArea(label);
        QString problem;
        if (px.isEmpty()) {
            problem = u"the label lies outside its page"_s;
        } else if (qint64(px.width()) * px.height() > kLabelPixels) {
            problem = u"its symbol is too large to read back at %1 dpi"_s.arg(Verifier::kDpi);
        } else {
            if (!m_tileRect.contains(px))
                renderTile(labels, i, end);
            if (m_tile.isNull() || !m_tileRect.contains(px))
                problem = u"the page could not be rendered"_s;
            else if (const auto read = label.symbology
                         ? m_verifier.verifyLayoutImage(m_tile.copy(px.translated(-m_tileRect.topLeft())),
                             *label.symbology, label.rotation, label.expected)
                         : m_verifier.verifyImage(
                             m_tile.copy(px.translated(-m_tileRect.topLeft())), label.kind, label.expected);
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
    /// The symbol as placed (quiet zones included) with 1.5 mm around it, inside its cell, in page pixels: a symbol
    /// that strayed out of its label fails.
    [[nodiscard]] QRect readArea(const PlacedLabel &label) const
    {
        const double pxPerMm = Verifier::kDpi / 25.4;
        const QRectF mm = label.symbolRect.isEmpty()
            ? label.cellRect.adjusted(-1, -1, 1, 1)
            : label.symbolRect.adjusted(-1.5, -1.5, 1.5, 1.5).intersected(label.cellRect);
        return QRect(QPoint(int(mm.left() * pxPerMm), int(mm.top() * pxPerMm)),
            QPoint(int(mm.right() * pxPerMm), int(mm.bottom() * pxPerMm)))
            .intersected(m_pageRect);
    }

    /// Renders the read areas of labels i, i+1, … of this page together, as many as fit the pixel budget.
    void renderTile(const std::vector<PlacedLabel> &labels, size_t i, size_t end)
    {
        QRect tile = readArea(labels[i]);
        for (size_t j = i + 1; j < end && labels[j].page == labels[i].page; ++j) {
            const QRect grown = tile.united(readArea(labels[j]));
            if (qint64(grown.width()) * grown.height() > kTilePixels)
                break;
            tile = grown;
        }
        m_tile = m_page
            ? m_page->renderToImage(Verifier::kDpi, Verifier::kDpi, tile.x(), tile.y(), tile.width(), tile.height())
            : QImage();
        m_tileRect = m_tile.isNull() ? QRect() : tile;
        m_report.largestRender = std::max(m_report.largestRender, qint64(tile.width()) * tile.height());
    }

    bool openPage(const PlacedLabel &label)
    {
        m_currentPage = label.page;
        m_tile = QImage();
        m_tileRect = QRect();
        if (m_currentPage >= m_doc->numPages()) {
            m_report.failures << u"the PDF has %1 pages, label %2 should be on page %3"_s.arg(m_doc->numPages())
                                     .arg(label.cell + 1)
                                     .arg(m_currentPage + 1);
            return false;
        }
        m_page = m_doc->page(m_currentPage);
        const QSizeF size = m_page ? m_page->pageSizeF() : QSizeF(); // points
        m_pageRect = QRect(0, 0, int(size.width() / 72 * Verifier::kDpi), int(size.height() / 72 * Verifier::kDpi));
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
    QRect m_pageRect;
    QImage m_tile;
    QRect m_tileRect;
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
