// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reading our own labels back: the pure-symbol read confirms clean symbols at once, never confirms a text that is
// not the one meant, and a label it cannot confirm is read thoroughly (a miss is not a failure). Real symbols, real
// PDFs, decoded in the real decoder process.
#include "labelartwork.h"
#include "labelsymbol.h"
#include "sheetrenderer.h"
#include "sheettemplate.h"
#include "testbase.h"
#include "verifier.h"

#include <QGuiApplication>
#include <QPainter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace {

struct Made
{
    LabelArtwork art;
    QString expected;
};

Made make(SymbolKind kind, const QString &serial, const LabelArea &area = {}, const QString &gtin = u"09506000134352"_s)
{
    LabelItem it;
    it.kind = LabelItem::Kind::Serial;
    it.gtin = gtin;
    it.serial = serial;
    if (kind != SymbolKind::Gs1_128)
        it.lot = u"LOT-7"_s; // GS1-128 carries GTIN and serial, as on the benchmark's address labels
    const auto content = symbolContent(kind, it, {});
    if (!content)
        qFatal("no content: %s", qPrintable(content.error().message));
    const auto encoded = encodeSymbol(*content);
    if (!encoded)
        qFatal("not encoded: %s", qPrintable(encoded.error().message));
    ArtworkOptions options;
    if (kind == SymbolKind::Gs1_128)
        options.table = Gs1Table::Healthcare; // a smaller X, so it fits an address label
    auto art = layoutArtwork(*content, *encoded, area, options);
    if (!art.ok())
        qFatal("no artwork: %s", qPrintable(art.error().message));
    return { art.value(), content->expected };
}

/// The symbol with its quiet zones alone, drawn at @p dpi on white, as a page rendering cut at the symbol is.
QImage picture(const LabelArtwork &art, double dpi)
{
    const double k = dpi / 25.4;
    QImage image(int(std::ceil(art.symbolRect.width() * k)), int(std::ceil(art.symbolRect.height() * k)),
        QImage::Format_Grayscale8);
    image.fill(255);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.scale(k, k);
    p.setClipRect(QRectF(QPointF(0, 0), art.symbolRect.size()));
    art.paint(p, -art.symbolRect.topLeft());
    return image;
}

LayoutSymbology symbologyOf(SymbolKind kind)
{
    return kind == SymbolKind::Gs1_128 ? LayoutSymbology::Gs1_128 : LayoutSymbology::Gs1DataMatrix;
}

} // namespace

class TestVerifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// A sheet of @p count labels drawn through a layout's cell painter; label @p tampered carries another serial's
    /// symbol where its own was meant, label @p blemished a flaw the pure read cannot get past (a speck in a Data
    /// Matrix's quiet zone, a white scratch along a linear symbol's middle row) but a scanner can.
    VerifyReport readSheet(SymbolKind kind, const QString &templ, int count, int tampered, int blemished)
    {
        SheetLayout layout;
        layout.sheet = *TemplateLibrary::instance().find(templ);
        const LabelArea area = layout.sheet.contentArea();
        std::vector<Made> made;
        for (int i = 0; i < count; ++i)
            made.push_back(make(kind, QString::number(700001 + i), area));
        const Made other = make(kind, u"799999"_s, area);
        SheetRenderer renderer(
            layout, count, CellPainter([&](QPainter &p, int i, QString *) -> std::optional<std::vector<PlacedSymbol>> {
                const QPointF at = area.rect.topLeft();
                const Made &meant = made[size_t(i)];
                (i == tampered ? other : meant).art.paint(p, at);
                const QRectF symbol = meant.art.symbolRect.translated(at);
                if (i == blemished) {
                    if (kind == SymbolKind::Gs1_128)
                        p.fillRect(QRectF(symbol.left(), symbol.center().y() - 0.4, symbol.width(), 0.8), Qt::white);
                    else
                        p.fillRect(QRectF(symbol.topLeft() + QPointF(0.05, 0.05), QSizeF(0.25, 0.25)), Qt::black);
                }
                return std::vector<PlacedSymbol> { { u"symbol"_s, symbologyOf(kind), symbol, meant.art.xDim,
                    meant.expected, 0 } };
            }));
        const QString path = m_dir.filePath(u"%1-%2.pdf"_s.arg(templ).arg(tampered));
        QString error;
        if (!writeSheetPdf(path, renderer, u"test"_s, &error))
            qFatal("no PDF: %s", qPrintable(error));
        Verifier verifier;
        return verifier.verifySheets(path, layout, renderer.placed());
    }

private Q_SLOTS:
    void wholeModuleResolution()
    {
        // 0.5 mm modules: 2 pixels, exactly (101.6 dpi); 3 when asked.
        QCOMPARE(qRound(0.5 * Verifier::wholeModuleDpi(0.5) / 25.4 * 1000), 2000);
        QCOMPARE(qRound(0.5 * Verifier::wholeModuleDpi(0.5, 3) / 25.4 * 1000), 3000);
        // Fine and coarse modules alike; an unknown X-dimension keeps the thorough read's resolution, and the
        // extremes stay within bounds.
        QCOMPARE(qRound(0.1 * Verifier::wholeModuleDpi(0.1) / 25.4 * 1000), 2000);
        QCOMPARE(Verifier::wholeModuleDpi(0.01), 1200.0);
        QCOMPARE(Verifier::wholeModuleDpi(5), 20.0);
        QCOMPARE(qRound(0.1 * Verifier::wholeModuleDpi(0.1, 3) / 25.4 * 1000), 3000);
        QCOMPARE(Verifier::wholeModuleDpi(0), Verifier::kDpi);
    }

    void pureReadConfirmsOurSymbols_data()
    {
        QTest::addColumn<SymbolKind>("kind");
        QTest::newRow("GS1 DataMatrix") << SymbolKind::Gs1DataMatrix;
        QTest::newRow("GS1 QR") << SymbolKind::Gs1Qr;
        QTest::newRow("Digital Link QR") << SymbolKind::DigitalLinkQr;
        QTest::newRow("GS1-128") << SymbolKind::Gs1_128;
        QTest::newRow("ITF-14") << SymbolKind::Itf14;
    }
    void pureReadConfirmsOurSymbols()
    {
        QFETCH(SymbolKind, kind);
        Verifier verifier;
        const Made m = make(kind, u"100042"_s);
        const QImage image = picture(m.art, Verifier::wholeModuleDpi(m.art.xDim));
        QVERIFY2(verifier.confirmPure(image, kind, m.expected), qPrintable(m.expected));
    }

    void pureReadNeverConfirmsAnotherText_data() { pureReadConfirmsOurSymbols_data(); }
    void pureReadNeverConfirmsAnotherText()
    {
        QFETCH(SymbolKind, kind);
        Verifier verifier;
        const Made m = make(kind, u"100042"_s);
        const Made other = make(kind, u"100043"_s, {}, u"09506000134376"_s);
        const double dpi = Verifier::wholeModuleDpi(m.art.xDim);
        // A symbol that reads, but as another item (one digit of the serial, and the GTIN, away).
        QVERIFY(verifier.confirmPure(picture(other.art, dpi), kind, other.expected));
        QVERIFY(!verifier.confirmPure(picture(other.art, dpi), kind, m.expected));
        // The right symbol with its right half drawn over by the other's. Error correction may still recover the
        // right text from it (a scanner would read it too); the pure read never confirms what the thorough read
        // would not.
        QImage tampered = picture(m.art, dpi);
        {
            const QImage theirs = picture(other.art, dpi);
            QPainter p(&tampered);
            const QRect right(tampered.width() / 2, 0, tampered.width() - tampered.width() / 2, tampered.height());
            p.drawImage(right.topLeft(), theirs.copy(right));
        }
        if (verifier.confirmPure(tampered, kind, m.expected))
            QVERIFY(verifier.verifyImage(tampered, kind, m.expected).ok());
        // Half the symbol wiped out.
        QImage wiped = picture(m.art, dpi);
        {
            QPainter p(&wiped);
            p.fillRect(QRect(0, 0, wiped.width() / 2, wiped.height()), Qt::white);
        }
        QVERIFY(!verifier.confirmPure(wiped, kind, m.expected));
    }

    void sheetsAreConfirmedFastAndFallBack_data()
    {
        QTest::addColumn<SymbolKind>("kind");
        QTest::addColumn<QString>("templ");
        QTest::newRow("63-up DataMatrix") << SymbolKind::Gs1DataMatrix << u"63up_1in_letter"_s;
        QTest::newRow("Avery 5160 GS1-128") << SymbolKind::Gs1_128 << u"avery_5160"_s;
    }
    void sheetsAreConfirmedFastAndFallBack()
    {
        QFETCH(SymbolKind, kind);
        QFETCH(QString, templ);
        // Clean labels: every one confirmed by the pure read.
        const auto clean = readSheet(kind, templ, 20, -1, -1);
        QVERIFY2(clean.ok(), qPrintable(clean.failures.join(u'\n')));
        QCOMPARE(clean.checked, 20);
        QCOMPARE(clean.fast, 20);
        // One label blemished, one carrying another serial's symbol: the blemished one is read thoroughly and passes,
        // the other fails with what it says, and the rest are still confirmed at once.
        const auto mixed = readSheet(kind, templ, 20, 7, 12);
        QCOMPARE(mixed.checked, 20);
        QCOMPARE(mixed.passed, 19);
        QCOMPARE(mixed.fast, 18);
        QCOMPARE(mixed.failures.size(), 1);
        QVERIFY2(mixed.failures[0].startsWith(u"page 1, label 8:"_s), qPrintable(mixed.failures[0]));
        QVERIFY2(mixed.failures[0].contains(u"799999"_s), qPrintable(mixed.failures[0]));
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for the human-readable text
    QStandardPaths::setTestModeEnabled(true);
    TestVerifier t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_verifier.moc"
