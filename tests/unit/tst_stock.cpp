// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One stock on its own: glabels lengths in every unit, each label shape read from a template file, the names
// people see, clip paths, and the conversion to the sheet renderer's template.
#include "stock.h"
#include "stockglabels.h"
#include "testbase.h"

#include <QFile>
#include <QGuiApplication>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace {
bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

class TestStock : public QObject
{
    Q_OBJECT

    std::vector<Stock> m_stocks;
    QStringList m_problems;

    const Stock &get(const QString &part)
    {
        for (const auto &s : m_stocks) {
            if (s.part == part)
                return s;
        }
        qFatal("no part %s", qPrintable(part));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(closient::test::dataFile(u"labels/acme-templates.xml"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto file = parseGlabelsTemplates(f.readAll(), u"acme.xml"_s, fallbackPaperSizes());
        m_stocks = std::move(file.stocks);
        m_problems = file.problems;
        resolveGlabelsEquivalents(m_stocks, &m_problems);
    }

    void lengthsInEveryUnit()
    {
        QCOMPARE(parseGlabelsLength(u"1in").value(), 25.4);
        QCOMPARE(parseGlabelsLength(u"72pt").value(), 25.4);
        QCOMPARE(parseGlabelsLength(u"72").value(), 25.4); // no unit: points, as glabels reads it
        QCOMPARE(parseGlabelsLength(u"6pc").value(), 25.4);
        QCOMPARE(parseGlabelsLength(u"2.54cm").value(), 25.4);
        QCOMPARE(parseGlabelsLength(u" 63.5mm ").value(), 63.5);
        QVERIFY(near(parseGlabelsLength(u"7.86772e-17pt").value(), 0));
        QCOMPARE(parseGlabelsLength(u"in").value(), 0.0); // glabels-data's round="in" is zero, as glabels reads it
        QVERIFY(!parseGlabelsLength(u"1furlong").ok());
        QVERIFY(!parseGlabelsLength(u"abc mm").ok());
        QVERIFY(!parseGlabelsLength(u"1e9mm").ok());
        QVERIFY(parseGlabelsLength(u"1furlong").error().message.contains(u"1furlong"_s));
    }

    void brokenTemplatesAreListedAndTheRestKept()
    {
        QCOMPARE(m_stocks.size(), size_t(9));
        QCOMPARE(m_problems.size(), 2);
        QVERIFY(m_problems[0].contains(u"acme.xml, line "_s) && m_problems[0].contains(u"Tabloid-Unknown"_s));
        QVERIFY(m_problems[1].contains(u"X-2"_s));
        const Stock &p = get(u"P-1"_s);
        QVERIFY(near(p.shape.width, 63.5) && near(p.shape.height, 25.4));
        QCOMPARE(p.shape.cornerRadius, 0.0);
        QVERIFY(near(p.grids[0].x0, 0) && near(p.grids[0].y0, 5));
        QCOMPARE(p.unit, Stock::Unit::Millimetre);
    }

    void rectangleSheet()
    {
        const Stock &s = get(u"R-1"_s);
        QCOMPARE(s.source, StockSource::Glabels);
        QCOMPARE(s.id, u"glabels.Acme.R-1"_s);
        QCOMPARE(s.description, u"Address labels"_s);
        QCOMPARE(s.categories, QStringList({ u"label"_s, u"mail"_s }));
        QCOMPARE(s.productUrl, u"http://example.test/r1"_s);
        QCOMPARE(s.paperName, u"US Letter"_s);
        QCOMPARE(s.unit, Stock::Unit::Inch);
        QVERIFY(near(s.shape.cornerRadius, 1.5875));
        QCOMPARE(s.labelRects().size(), size_t(30));
        QCOMPARE(s.labelRects()[4], QRectF(3.96875 + 70.64375, 12.7 + 25.4, 66.675, 25.4)); // row 2, column 2
        QCOMPARE(s.displayName(), u"Acme R-1 — Address labels, 1 × 2⅝ in, 30 per sheet"_s);
        QVERIFY(!s.roll);
        // A box laid exactly on the straight edges is on the label; one a hair past them is not.
        QVERIFY(s.shape.contains(QRectF(0, 5, 20, 15)));
        QVERIFY(s.shape.contains(QRectF(10, 0, 20, 25.4)));
        QVERIFY(!s.shape.contains(QRectF(-0.1, 5, 20, 15)));
        QVERIFY(!s.shape.contains(QRectF(0, 0, 5, 5))); // the rounded corner
        // The rounded corner is cut off; the clip path says so.
        QVERIFY(!s.shape.clipPath().contains(QPointF(0.1, 0.1)));
        QVERIFY(s.shape.clipPath().contains(QPointF(2, 0.5)));

        const auto c = toSheetTemplate(s);
        QVERIFY2(c.ok(), qPrintable(c.error().message));
        const SheetTemplate &t = c.value().sheet;
        QCOMPARE(t.name, u"glabels.Acme.R-1"_s);
        QCOMPARE(t.pageName, u"Letter"_s);
        QCOMPARE(t.labelsPerPage(), 30);
        QCOMPARE(t.cell(4), s.labelRects()[4]);
        QVERIFY(near(t.safeInset, 1.5875)); // the maker's margin
        QCOMPARE(t.description, s.displayName());
        QCOMPARE(c.value().unusedLabels, 0);
        QVERIFY(c.value().note.isEmpty());
    }

    void equivalentTakesItsTwinsGeometry()
    {
        const Stock &twin = get(u"R-2"_s);
        QCOMPARE(twin.equivalentOf, u"R-1"_s);
        QCOMPARE(twin.id, u"glabels.Acme.R-2"_s);
        QCOMPARE(twin.labelRects(), get(u"R-1"_s).labelRects());
        QCOMPARE(twin.displayName(), u"Acme R-2 — Address labels, 1 × 2⅝ in, 30 per sheet"_s);
        QVERIFY(twin.matches({ u"r-1"_s })); // found by its twin's number
    }

    void roundLabelsClipToTheCircle()
    {
        const Stock &s = get(u"C-1"_s);
        QCOMPARE(s.shape.kind, StockShape::Kind::Round);
        QCOMPARE(s.shape.width, 40.0);
        QCOMPARE(s.shape.wasteX, 1.0);
        QCOMPARE(s.displayName(), u"Acme C-1 — Round CD labels, Ø 40 mm, 24 per sheet"_s);
        const QPainterPath clip = s.shape.clipPath();
        QVERIFY(clip.contains(QPointF(20, 1)) && clip.contains(QPointF(20, 20)));
        QVERIFY(!clip.contains(QPointF(2, 2)) && !clip.contains(QPointF(38, 38)));
        // The square inscribed in the circle touches it at its corners: it is on the label (the circle is drawn
        // with curves that stray from it by micrometres).
        const double side = 40 / std::sqrt(2.0);
        QVERIFY(s.shape.contains(QRectF(20 - side / 2, 20 - side / 2, side, side)));
        QVERIFY(!s.shape.contains(QRectF(20 - side / 2 - 0.1, 20 - side / 2, side, side)));
        const QRectF inset = s.shape.insetRect(1.5);
        QVERIFY(s.shape.contains(inset));
        QVERIFY(near(inset.width(), (20 - 1.5) * std::sqrt(2.0)));
        const auto c = toSheetTemplate(s);
        QVERIFY(c.ok());
        QCOMPARE(c.value().sheet.shape, SheetTemplate::Shape::Round);
        QVERIFY(c.value().sheet.contentArea().round);
    }

    void ovalLabelsKeepTheirContentInsideTheOval()
    {
        const Stock &s = get(u"E-1"_s);
        QCOMPARE(s.shape.kind, StockShape::Kind::Ellipse);
        QCOMPARE(s.displayName(), u"Acme E-1 — Oval labels, 1 × 2 in oval, 27 per sheet"_s);
        QVERIFY(!s.shape.clipPath().contains(QPointF(1, 1)));
        QVERIFY(s.shape.contains(s.shape.insetRect(1)));
        const auto c = toSheetTemplate(s);
        QVERIFY2(c.ok(), qPrintable(c.error().message));
        QVERIFY(c.value().note.contains(u"oval"_s));
        // The sheet renderer's safe area (a rectangle) lies inside the oval, corners included.
        const QRectF safe = c.value().sheet.safeArea();
        QVERIFY(safe.width() > 20 && safe.height() > 8);
        QVERIFY2(s.shape.contains(safe),
            qPrintable(u"%1 %2 %3 %4"_s.arg(safe.x()).arg(safe.y()).arg(safe.width()).arg(safe.height())));
    }

    void cdLabelsAreRingsAndRefusedAsSheets()
    {
        const Stock &s = get(u"D-1"_s);
        QCOMPARE(s.shape.kind, StockShape::Kind::Cd);
        QCOMPARE(s.shape.width, 117.0);
        QCOMPARE(s.displayName(), u"Acme D-1 — CD/DVD labels, Ø 117 mm CD, 2 per sheet"_s);
        QCOMPARE(s.markups.size(), size_t(2));
        QCOMPARE(s.markups[1].kind, StockMarkup::Kind::Circle);
        const QPainterPath clip = s.shape.clipPath();
        QVERIFY(!clip.contains(QPointF(58.5, 58.5))); // the hole
        QVERIFY(clip.contains(QPointF(58.5, 20)));
        QVERIFY(!clip.contains(QPointF(2, 2)));
        const QRectF band = s.shape.insetRect(2);
        QVERIFY(!band.isEmpty() && s.shape.contains(band));
        QVERIFY(band.bottom() <= 58.5 - 20.5);
        const auto c = toSheetTemplate(s);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, u"unsupported_stock"_s);
        QVERIFY(c.error().message.contains(u"hole"_s));

        // A business-card CD: the disc cut to 50 mm wide.
        const Stock &card = get(u"D-2"_s);
        QCOMPARE(card.shape.width, 50.0);
        QCOMPARE(card.shape.height, 60.0);
        QVERIFY(!card.shape.clipPath().contains(QPointF(25, 30)));
        QVERIFY(card.shape.clipPath().contains(QPointF(25, 5)));
        QVERIFY2(card.shape.clipPath().boundingRect().width() <= 50.0 + 1e-3,
            qPrintable(QString::number(card.shape.clipPath().boundingRect().width())));
    }

    void rollsAreNamedAsRolls()
    {
        const Stock &s = get(u"T-1"_s);
        QVERIFY(s.roll);
        QCOMPARE(s.paperId, u"Other"_s);
        QCOMPARE(s.displayName(), u"Acme T-1 — Return address labels, 25 × 54 mm, roll"_s);
        const auto c = toSheetTemplate(s);
        QVERIFY(c.ok());
        QVERIFY(c.value().sheet.roll);
        QCOMPARE(c.value().sheet.pageName, QString());
    }

    void severalGridsKeepTheLargest()
    {
        const Stock &s = get(u"M-1"_s);
        QCOMPARE(s.labelsPerSheet(), 7);
        QCOMPARE(s.labelRects().back(), QRectF(140, 200, 50, 30));
        const auto c = toSheetTemplate(s);
        QVERIFY(c.ok());
        QCOMPARE(c.value().sheet.labelsPerPage(), 6);
        QCOMPARE(c.value().unusedLabels, 1);
        QVERIFY(c.value().note.contains(u"1 of the 7"_s));
    }

    void stationTemplatesKeepTheirOwnWords()
    {
        const auto &lib = TemplateLibrary::instance();
        const Stock s = stockFromSheetTemplate(*lib.find(u"avery_l7160"_s), StockSource::Station);
        QCOMPARE(s.brand, u"Avery"_s);
        QCOMPARE(s.part, u"L7160"_s);
        QCOMPARE(s.displayName(), u"Avery L7160 — Address labels, 63.5 × 38.1 mm, 21 per sheet"_s);
        QVERIFY(s.aliases.contains(u"Avery J8160"_s));
        const Stock round = stockFromSheetTemplate(*lib.find(u"63up_1in_letter"_s), StockSource::Station);
        QCOMPARE(round.displayName(), u"1 in round labels, Ø 1 in, 63 per sheet"_s);
        QCOMPARE(round.shape.kind, StockShape::Kind::Round);
        // The station's template comes back as it was: nothing is lost on the way.
        const auto c = toSheetTemplate(s);
        QVERIFY(c.ok());
        QCOMPARE(c.value().sheet.name, u"avery_l7160"_s);
        QCOMPARE(c.value().sheet.x0, lib.find(u"avery_l7160"_s)->x0);
        // ...and saved in the station's format it reads back the same.
        const auto again = parseTemplate(sheetTemplateJson(c.value().sheet));
        QVERIFY2(again, qPrintable(again.error().message));
        QCOMPARE(again->cell(20), c.value().sheet.cell(20));
        QCOMPARE(again->safeInset, c.value().sheet.safeInset);
    }

    void sizesAsMakersWriteThem()
    {
        QCOMPARE(inchText(2.625), u"2⅝"_s);
        QCOMPARE(inchText(1.5), u"1½"_s);
        QCOMPARE(inchText(0.75), u"¾"_s);
        QCOMPARE(inchText(3.3333), u"3⅓"_s);
        QCOMPARE(inchText(4), u"4"_s);
        QCOMPARE(inchText(1.9999), u"2"_s);
        QCOMPARE(inchText(2.3125), u"2⁵⁄₁₆"_s);
        QCOMPARE(inchText(1.21), u"1.21"_s);
        QCOMPARE(sentenceCase(u"Return Address Labels"_s), u"Return address labels"_s);
        QCOMPARE(sentenceCase(u"CD/DVD Labels for 3.5in Disks"_s), u"CD/DVD labels for 3.5in disks"_s);
        QCOMPARE(sentenceCase(u"  Address   Labels "_s), u"Address labels"_s);
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestStock t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_stock.moc"
