// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The layout renderer: the shipped layouts drawn with real data and every symbol read back by the isolated
// decoder, at screen and printer resolutions (1 bit for thermal printers); rotation; round labels clipped; and each
// kind of problem reported on the object it concerns, with its reason.
#include "isolateddecoder.h"
#include "labelreadback.h"
#include "layoutlibrary.h"
#include "layoutrenderer.h"
#include "testbase.h"

#include <QBuffer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace closient::labels;
using closient::scanning::IsolatedDecoder;

namespace {
LabelData sample()
{
    LabelData d;
    d.productName = u"Frozen garden peas, 1 kg"_s;
    d.brand = u"Acme Foods"_s;
    d.gtin = u"09506000134352"_s;
    d.lot = u"LOT-9"_s;
    d.serial = u"100042"_s;
    d.expiry = QDate(2026, 12, 31);
    d.productionDate = QDate(2026, 1, 15);
    d.count = 3;
    d.total = 10;
    return d;
}

LayoutObject symbol(const QString &id, LayoutSymbology s, QRectF rect, int rotation = 0)
{
    LayoutObject o;
    o.id = id;
    o.type = LayoutObject::Type::Symbol;
    o.symbology = s;
    o.rect = rect;
    o.rotation = rotation;
    return o;
}

LayoutObject text(const QString &id, const QString &t, QRectF rect, double size = 10)
{
    LayoutObject o;
    o.id = id;
    o.type = LayoutObject::Type::Text;
    o.text = t;
    o.rect = rect;
    o.fontSize = size;
    o.minFontSize = std::min(5.0, size);
    return o;
}

Layout blank(double w, double h, StockShape::Kind kind = StockShape::Kind::Rectangle)
{
    Layout l;
    l.name = u"test"_s;
    l.label.kind = kind;
    l.label.width = w;
    l.label.height = h;
    l.label.outerRadius = std::min(w, h) / 2;
    return l;
}

const LayoutProblem *find(const LayoutRenderResult &r, const QString &id, LayoutProblem::Kind kind)
{
    for (const auto &p : r.problems) {
        if (p.objectId == id && p.kind == kind)
            return &p;
    }
    return nullptr;
}
} // namespace

class TestLayoutRenderer : public QObject
{
    Q_OBJECT

    std::unique_ptr<IsolatedDecoder> m_decoder;

    /// Renders and reads every symbol back; @p offGrid names the symbol expected to miss the printer's dot grid.
    void renderAndReadBack(
        const Layout &layout, const LabelData &data, double dpi, bool mono, const QString &offGrid = {})
    {
        const LayoutRenderer renderer(layout);
        LayoutRenderResult result;
        const QImage image = renderer.render(data, { dpi, mono }, &result);
        const QString where = u"%1 at %2 dpi%3"_s.arg(layout.name).arg(dpi).arg(mono ? u" (1 bit)"_s : QString());
        QVERIFY2(result.printable(), qPrintable(where + u": "_s + result.problemText()));
        QVERIFY2(result.problems.size() == size_t(offGrid.isEmpty() ? 0 : 1),
            qPrintable(where + u": "_s + result.problemText()));
        if (!offGrid.isEmpty()) {
            QCOMPARE(result.problems[0].objectId, offGrid);
            QCOMPARE(result.problems[0].kind, LayoutProblem::Kind::SymbolOffGrid);
            QVERIFY(!result.problems[0].blocking);
        }
        QCOMPARE(image.size(), renderer.pixelSize(dpi));
        QCOMPARE(image.format(), mono ? QImage::Format_Mono : QImage::Format_RGB32);
        QVERIFY(std::abs(image.dotsPerMeterX() * 0.0254 - dpi) < 0.5);
        QVERIFY(!result.symbols.empty());
        const QStringList failures = closient::test::readBackSymbols(*m_decoder, image, dpi, result.symbols);
        QVERIFY2(failures.isEmpty(), qPrintable(where + u": "_s + failures.join(u"; "_s)));
        for (const auto &s : result.symbols) {
            // On a printer the modules are whole dots: every module the same width, as verified.
            const double dots = s.xDim * dpi / 25.4;
            if (s.objectId == offGrid)
                continue;
            QVERIFY2(std::abs(dots - std::round(dots)) < 1e-6, qPrintable(where + u": X "_s + QString::number(dots)));
        }
        // Text objects draw something where they stand.
        for (const auto &o : layout.objects) {
            if (o.type == LayoutObject::Type::Text)
                QVERIFY2(closient::test::darkPixels(image, dpi, o.rect) > 0, qPrintable(where + u' ' + o.id));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(IsolatedDecoder::defaultWorkerPath()).isExecutable());
        m_decoder = std::make_unique<IsolatedDecoder>();
    }

    void shippedLayoutsRenderAndReadBack()
    {
        const auto lib = LayoutLibrary::load({ u":/labels/layouts"_s });
        QVERIFY2(lib.problems().isEmpty(), qPrintable(lib.problems().join(u'\n')));
        QCOMPARE(lib.names(), QStringList({ u"Product label"_s, u"Shelf label"_s, u"Shipping label 4×6"_s }));
        for (const auto &e : lib.entries()) {
            for (const double dpi : { 203.0, 300.0, 600.0 }) {
                // At 203 dpi an EAN-13 on a shelf label is 2.27 dots a module: 2 is below GS1's minimum, 3 needs
                // 42.4 mm. It reads back, and the designer is told its bars print unevenly.
                const bool ean203 = e.layout.name == u"Shelf label" && dpi == 203;
                renderAndReadBack(e.layout, sample(), dpi, true, ean203 ? u"symbol"_s : QString());
                if (QTest::currentTestFailed())
                    return;
            }
            renderAndReadBack(e.layout, sample(), 300, false);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void everySymbologyReadsBack()
    {
        Layout l = blank(100, 60);
        l.objects = { symbol(u"dm"_s, LayoutSymbology::Gs1DataMatrix, { 2, 2, 25, 25 }),
            symbol(u"qr"_s, LayoutSymbology::Gs1Qr, { 30, 2, 28, 28 }),
            symbol(u"dl"_s, LayoutSymbology::DigitalLinkQr, { 62, 2, 36, 36 }),
            symbol(u"itf"_s, LayoutSymbology::Itf14, { 2, 40, 96, 18 }) };
        renderAndReadBack(l, sample(), 600, false);
        Layout retail = blank(124, 70);
        retail.objects = { symbol(u"ean"_s, LayoutSymbology::Ean13, { 2, 2, 45, 30 }),
            symbol(u"databar"_s, LayoutSymbology::DataBar, { 50, 2, 48, 20 }),
            symbol(u"expanded"_s, LayoutSymbology::DataBarExpanded, { 2, 34, 120, 30 }) };
        renderAndReadBack(retail, sample(), 600, false);
        LabelData upc = sample();
        upc.gtin = u"00012345600012"_s;
        Layout us = blank(60, 40);
        us.objects = { symbol(u"upc"_s, LayoutSymbology::UpcA, { 2, 2, 56, 36 }) };
        renderAndReadBack(us, upc, 600, false);
        // The read-back is no rubber stamp: another serial's symbol fails against this label's data.
        LabelData other = sample();
        other.serial = u"100043"_s;
        LayoutRenderResult r43;
        const QImage image43 = LayoutRenderer(l).render(other, { 600, false }, &r43);
        auto expected = LayoutRenderer(l).check(sample()).symbols;
        const QStringList wrong = closient::test::readBackSymbols(*m_decoder, image43, 600, expected);
        QCOMPARE(wrong.size(), 3); // DataMatrix, QR and Digital Link carry the serial; ITF-14 does not
        QVERIFY2(wrong.join(u' ').contains(u"100043"_s), qPrintable(wrong.join(u"; "_s)));
        // The Digital Link carries the resolver the layout names.
        l.resolverDomain = u"https://id.example.com"_s;
        const auto r = LayoutRenderer(l).check(sample());
        QVERIFY(r.symbols[2].expected.startsWith(u"https://id.example.com/01/09506000134352/"_s));
    }

    void rotatedObjectsAreTurnedInTheirBox()
    {
        Layout l = blank(60, 100);
        auto gs1128 = symbol(u"bars"_s, LayoutSymbology::Gs1_128, { 5, 5, 25, 90 }, 90);
        gs1128.elements = { { u"01"_s, u"{gtin}"_s } };
        gs1128.humanReadable = true;
        l.objects = { gs1128, symbol(u"dm"_s, LayoutSymbology::Gs1DataMatrix, { 34, 5, 22, 22 }, 270),
            text(u"name"_s, u"{product_name}"_s, { 34, 30, 10, 60 }) };
        l.objects[2].rotation = 180;
        l.objects[2].fit = LayoutObject::Fit::Wrap;
        const LayoutRenderer renderer(l);
        LayoutRenderResult r;
        const QImage image = renderer.render(sample(), { 600, false }, &r);
        QVERIFY2(r.problems.empty(), qPrintable(r.problemText()));
        // The bars run across the label's width: the symbol is taller than wide, inside its box.
        const PlacedSymbol &bars = r.symbols[0];
        QVERIFY(bars.rect.height() > bars.rect.width());
        QVERIFY(QRectF(5, 5, 25, 90).adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(bars.rect));
        QCOMPARE(bars.rotation, 90);
        QStringList failures = closient::test::readBackSymbols(*m_decoder, image, 600, r.symbols);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
        QVERIFY(closient::test::darkPixels(image, 600, { 34, 30, 10, 60 }) > 0);
    }

    void roundLabelsAreClippedToTheirCircle()
    {
        Layout l = blank(40, 40, StockShape::Kind::Round);
        LayoutObject fill;
        fill.id = u"fill"_s;
        fill.type = LayoutObject::Type::Box;
        fill.rect = { 0, 0, 40, 40 };
        fill.filled = true;
        l.objects = { fill };
        const QImage image = LayoutRenderer(l).render(sample(), { 300, true });
        QCOMPARE(image.pixelIndex(2, 2), 0); // a corner: off the label, left white
        QCOMPARE(image.pixelIndex(image.width() - 3, image.height() - 3), 0);
        QCOMPARE(image.pixelIndex(image.width() / 2, image.height() / 2), 1); // the middle: black
        QCOMPARE(image.pixelIndex(image.width() / 2, 2), 1); // the top of the circle
        // Unclipped, for an alignment test on plain paper, the corners are painted.
        LayoutRenderOptions o { 300, true };
        o.clipToShape = false;
        QCOMPARE(LayoutRenderer(l).render(sample(), o).pixelIndex(2, 2), 1);
        // An oval too.
        Layout oval = blank(50, 25, StockShape::Kind::Ellipse);
        oval.objects = { fill };
        const QImage ovalImage = LayoutRenderer(oval).render(sample(), { 300, true });
        QCOMPARE(ovalImage.pixelIndex(3, 3), 0);
        QCOMPARE(ovalImage.pixelIndex(ovalImage.width() / 2, ovalImage.height() / 2), 1);
    }

    void aSymbolTooSmallForItsXDimensionIsReported()
    {
        Layout l = blank(50, 30);
        l.objects = { symbol(u"tiny"_s, LayoutSymbology::Gs1DataMatrix, { 2, 2, 6, 6 }),
            symbol(u"ok"_s, LayoutSymbology::Gs1DataMatrix, { 20, 2, 20, 20 }) };
        const auto r = LayoutRenderer(l).check(sample(), { 300 });
        const LayoutProblem *p = find(r, u"tiny"_s, LayoutProblem::Kind::SymbolTooSmall);
        QVERIFY2(p, qPrintable(r.problemText()));
        QVERIFY(p->blocking);
        QVERIFY2(p->message.contains(u"0.396"_s), qPrintable(p->message)); // the minimum it falls short of
        QCOMPARE(r.problems.size(), size_t(1)); // the one placed well has none
        QVERIFY(!r.printable());
        // It is still drawn where it was put (the designer shows it, marked), and the same check works on
        // healthcare's smaller minimum.
        QCOMPARE(r.symbols.size(), size_t(2));
        QVERIFY(r.symbols[0].xDim < 0.396);
        l.table = Gs1Table::Healthcare;
        l.objects[0].rect = { 2, 2, 7.5, 7.5 };
        QVERIFY2(LayoutRenderer(l).check(sample(), { 300 }).printable(),
            qPrintable(LayoutRenderer(l).check(sample(), { 300 }).problemText()));
        // A GS1-128 too narrow for its data, and DataBar too, say so.
        Layout linear = blank(60, 30);
        linear.objects = { symbol(u"bars"_s, LayoutSymbology::Gs1_128, { 2, 2, 40, 20 }),
            symbol(u"databar"_s, LayoutSymbology::DataBarExpanded, { 2, 22, 20, 7 }) };
        const auto lr = LayoutRenderer(linear).check(sample());
        QVERIFY2(find(lr, u"bars"_s, LayoutProblem::Kind::SymbolTooSmall), qPrintable(lr.problemText()));
        QVERIFY2(find(lr, u"databar"_s, LayoutProblem::Kind::SymbolTooSmall), qPrintable(lr.problemText()));
        QVERIFY(find(lr, u"databar"_s, LayoutProblem::Kind::SymbolTooSmall)->message.contains(u"0.264"_s));
    }

    void textThatCannotFitIsReported()
    {
        Layout l = blank(50, 20);
        auto name = text(u"name"_s, u"{product_name}"_s, { 2, 2, 20, 4 }, 12);
        name.minFontSize = 8;
        auto shrinks = text(u"shrinks"_s, u"{product_name}"_s, { 2, 8, 46, 6 }, 14);
        l.objects = { name, shrinks };
        const auto r = LayoutRenderer(l).check(sample());
        const LayoutProblem *p = find(r, u"name"_s, LayoutProblem::Kind::TextDoesNotFit);
        QVERIFY2(p, qPrintable(r.problemText()));
        QVERIFY(p->blocking);
        QVERIFY2(p->message.contains(u"Frozen garden peas"_s) && p->message.contains(u"8 pt"_s)
                && p->message.contains(u"20.0 × 4.0 mm"_s),
            qPrintable(p->message));
        QVERIFY(!find(r, u"shrinks"_s, LayoutProblem::Kind::TextDoesNotFit)); // 14 pt shrinks until it fits
        // Wrapping: the same name fits in a narrow, tall box on several lines.
        l.objects[0].fit = LayoutObject::Fit::Wrap;
        l.objects[0].rect = { 2, 2, 20, 15 };
        QVERIFY(!find(LayoutRenderer(l).check(sample()), u"name"_s, LayoutProblem::Kind::TextDoesNotFit));
    }

    void missingAndUnknownValuesAreReported()
    {
        Layout l = blank(60, 30);
        auto name = text(u"name"_s, u"{product_name}"_s, { 2, 2, 56, 6 });
        name.required = true;
        auto lot = text(u"lot"_s, u"LOT {lot}"_s, { 2, 9, 56, 6 });
        auto price = text(u"price"_s, u"{price}"_s, { 2, 16, 56, 6 });
        l.objects = { name, lot, price, symbol(u"dm"_s, LayoutSymbology::Gs1DataMatrix, { 40, 2, 18, 18 }) };
        LabelData d = sample();
        d.productName.clear();
        d.lot.clear();
        d.gtin.clear();
        auto r = LayoutRenderer(l).check(d);
        QVERIFY2(find(r, u"name"_s, LayoutProblem::Kind::MissingValue), qPrintable(r.problemText()));
        QVERIFY(!find(r, u"lot"_s, LayoutProblem::Kind::MissingValue)); // optional: the line is left out
        QVERIFY(find(r, u"price"_s, LayoutProblem::Kind::UnknownField));
        QVERIFY(find(r, u"price"_s, LayoutProblem::Kind::UnknownField)->message.contains(u"{price}"_s));
        QVERIFY(find(r, u"dm"_s, LayoutProblem::Kind::MissingValue)->message.contains(u"GTIN"_s));
        QVERIFY(r.symbols.empty());
        QVERIFY(!r.printable());
        // With a price column and the values present, nothing is wrong.
        d = sample();
        d.columns.insert(u"Price"_s, u"3.49"_s);
        r = LayoutRenderer(l).check(d);
        QVERIFY2(r.problems.empty(), qPrintable(r.problemText()));
    }

    void badDataAndPlacesAreReported()
    {
        Layout l = blank(40, 40, StockShape::Kind::Round);
        l.objects = { symbol(u"corner"_s, LayoutSymbology::Gs1DataMatrix, { 0, 0, 14, 14 }),
            symbol(u"ean"_s, LayoutSymbology::Ean13, { 5, 15, 30, 22 }),
            text(u"edge"_s, u"{brand}"_s, { 0, 18, 40, 5 }) };
        LabelData d = sample();
        d.gtin = u"19506000134359"_s; // a GTIN-14: EAN-13 cannot carry it
        const auto r = LayoutRenderer(l).check(d);
        const LayoutProblem *outside = find(r, u"corner"_s, LayoutProblem::Kind::OutsideLabel);
        QVERIFY2(outside && outside->blocking, qPrintable(r.problemText()));
        QVERIFY(find(r, u"ean"_s, LayoutProblem::Kind::SymbolData)->message.contains(u"GTIN-14"_s));
        const LayoutProblem *edge = find(r, u"edge"_s, LayoutProblem::Kind::OutsideLabel);
        QVERIFY(edge && !edge->blocking); // text past a round edge is shown, not a refusal
        // A check digit that is wrong never reaches a symbol.
        Layout rect = blank(40, 40);
        rect.objects = { symbol(u"dm"_s, LayoutSymbology::Gs1DataMatrix, { 5, 5, 30, 30 }) };
        d.gtin = u"09506000134353"_s;
        const auto bad = LayoutRenderer(rect).check(d);
        QVERIFY2(find(bad, u"dm"_s, LayoutProblem::Kind::SymbolData), qPrintable(bad.problemText()));
        QVERIFY(find(bad, u"dm"_s, LayoutProblem::Kind::SymbolData)
                    ->message.contains(u"check digit"_s, Qt::CaseInsensitive));
    }

    void imagesAreDrawnAndMissingOnesReported()
    {
        QTemporaryDir dir;
        QImage png(20, 10, QImage::Format_RGB32);
        png.fill(Qt::black);
        QVERIFY(png.save(dir.filePath(u"logo.png"_s)));
        const QByteArray svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                               "<rect width='10' height='10' fill='black'/></svg>";
        Layout l = blank(60, 30);
        l.folder = dir.path();
        LayoutObject file;
        file.id = u"logo"_s;
        file.type = LayoutObject::Type::Image;
        file.imageFile = u"logo.png"_s;
        file.rect = { 2, 2, 20, 20 }; // keeps 2:1, so it is 20 × 10 mm in the middle of the box
        LayoutObject embedded = file;
        embedded.id = u"svg"_s;
        embedded.imageFile.clear();
        embedded.imageData = svg;
        embedded.rect = { 30, 2, 10, 10 };
        LayoutObject missing = file;
        missing.id = u"gone"_s;
        missing.imageFile = u"nope.png"_s;
        missing.rect = { 45, 2, 10, 10 };
        l.objects = { file, embedded, missing };
        LayoutRenderResult r;
        const QImage image = LayoutRenderer(l).render(sample(), { 300, true }, &r);
        QCOMPARE(r.problems.size(), size_t(1));
        QCOMPARE(r.problems[0].objectId, u"gone"_s);
        QCOMPARE(r.problems[0].kind, LayoutProblem::Kind::ImageUnreadable);
        QVERIFY(r.problems[0].message.contains(u"nope.png"_s));
        using closient::test::darkPixels;
        QVERIFY(darkPixels(image, 300, { 3, 8, 18, 8 }) > 0.95 * (18 * 8) * std::pow(300 / 25.4, 2));
        QCOMPARE(darkPixels(image, 300, { 3, 2.5, 18, 4 }), 0); // above the kept-aspect picture
        QVERIFY(darkPixels(image, 300, { 31, 3, 8, 8 }) > 0.95 * 64 * std::pow(300 / 25.4, 2));
    }

    // An SVG logo is drawn as vectors at whatever size it prints: its edges are as sharp at 600 dpi as the printer
    // allows, never a 10-pixel picture blown up (Qt's image plugins read SVG as a raster at its default size).
    void svgImagesStayVectors()
    {
        // 10 × 10 user units, black on the left 3.3: on a 20 mm box the edge is at 6.6 mm.
        const QByteArray svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10' viewBox='0 0 10 10'>"
                               "<rect width='3.3' height='10' fill='black'/></svg>";
        Layout l = blank(40, 20);
        LayoutObject logo;
        logo.id = u"logo"_s;
        logo.type = LayoutObject::Type::Image;
        logo.imageData = svg;
        logo.rect = { 0, 0, 20, 20 };
        l.objects = { logo };
        LayoutRenderResult r;
        const QImage image = LayoutRenderer(l).render(sample(), { 600, false }, &r);
        QVERIFY(r.problems.empty());
        using closient::test::darkPixels;
        const double px = std::pow(600 / 25.4, 2);
        // Left of the edge black, right of it white, and between them at most the one antialiased column a
        // vector edge has: a raster of 10 pixels blown up is grey over 2 mm (47 columns at 600 dpi).
        QVERIFY(darkPixels(image, 600, { 5, 2, 1.4, 16 }) > 0.99 * 1.4 * 16 * px);
        QCOMPARE(darkPixels(image, 600, { 6.8, 2, 1.4, 16 }), 0);
        const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
        const int row = gray.height() / 2;
        int greyColumns = 0;
        for (int x = 0; x < gray.width() / 2; ++x) {
            const int v = gray.constScanLine(row)[x];
            greyColumns += v > 40 && v < 215;
        }
        QVERIFY2(greyColumns <= 2, qPrintable(u"%1 grey columns at the edge"_s.arg(greyColumns)));
    }

    void linesAndBoxes()
    {
        Layout l = blank(50, 30);
        LayoutObject line;
        line.id = u"rule"_s;
        line.type = LayoutObject::Type::Line;
        line.rect = { 5, 15, 40, 0 };
        line.stroke = 1;
        LayoutObject box;
        box.id = u"frame"_s;
        box.type = LayoutObject::Type::Box;
        box.rect = { 1, 1, 48, 28 };
        box.stroke = 0.5;
        l.objects = { line, box };
        const QImage image = LayoutRenderer(l).render(sample(), { 300, true });
        using closient::test::darkPixels;
        QVERIFY(darkPixels(image, 300, { 6, 14.6, 38, 0.8 }) > 0.9 * 38 * 0.8 * std::pow(300 / 25.4, 2));
        QCOMPARE(darkPixels(image, 300, { 6, 10, 38, 3 }), 0);
        QVERIFY(darkPixels(image, 300, { 1, 1, 48, 0.5 }) > 0); // the frame's top edge, inside the box
        QCOMPARE(darkPixels(image, 300, { 0, 0, 50, 0.9 }), 0); // and nothing outside it
    }

    void oneRendererForPdfToo()
    {
        // A PDF page through the same paint(): the symbol is in the file as vector art and reads back from Poppler's
        // rendering like the raster does (checked by the sheet verifier elsewhere); here the result is the same.
        const auto lib = LayoutLibrary::load({ u":/labels/layouts"_s });
        const Layout &layout = lib.find(u"Product label"_s)->layout;
        QByteArray pdf;
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QSizeF(layout.label.width, layout.label.height), QPageSize::Millimeter));
        writer.setPageMargins({});
        writer.setResolution(600);
        QPainter p(&writer);
        p.scale(600 / 25.4, 600 / 25.4);
        const auto r = LayoutRenderer(layout).paint(p, sample(), { 600 });
        p.end();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(r.printable());
        const auto raster = LayoutRenderer(layout).check(sample(), { 600 });
        QCOMPARE(r.symbols.size(), raster.symbols.size());
        QCOMPARE(r.symbols[0].rect, raster.symbols[0].rect);
        QCOMPARE(r.symbols[0].expected, raster.symbols[0].expected);
    }

    void paintsOnSeveralThreadsAtOnce()
    {
        const auto lib = LayoutLibrary::load({ u":/labels/layouts"_s });
        const LayoutRenderer renderer(lib.find(u"Shipping label 4×6"_s)->layout);
        QList<int> serials;
        for (int i = 0; i < 16; ++i)
            serials << 100 + i;
        const QList<QImage> images = QtConcurrent::blockingMapped(serials, [&](int serial) {
            LabelData d = sample();
            d.serial = QString::number(serial);
            return renderer.render(d, { 203, true });
        });
        LabelData first = sample();
        first.serial = u"100"_s;
        QCOMPARE(images[0], renderer.render(first, { 203, true })); // the same pixels as drawn alone
        for (const auto &img : images)
            QCOMPARE(img.size(), renderer.pixelSize(203));
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestLayoutRenderer t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_layoutrenderer.moc"
