// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ZPL II for thermal printers: Zebra's ASCII compression written exactly, every label image rebuilt dot for dot from
// its ^GFA by an independent reader, the printer settings as commands, refusals for images drawn at another
// resolution, and labels from the shipped layouts at 203, 300 and 600 dpi decoded back from the ZPL.
#include "isolateddecoder.h"
#include "labelreadback.h"
#include "layoutlibrary.h"
#include "layoutrenderer.h"
#include "testbase.h"
#include "zpl.h"
#include "zplreader.h"

#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::labels;
using closient::test::readZpl;

namespace {
/// A 1-bit image at @p dpi from rows of hex digits (bit 1 = black), as ^GF lays them out.
QImage fromHexRows(const QStringList &rows, int dpi = 203)
{
    const int rowBytes = int(rows[0].size() / 2);
    QImage image(rowBytes * 8, int(rows.size()), QImage::Format_Mono);
    image.setColorTable({ qRgb(255, 255, 255), qRgb(0, 0, 0) });
    for (int y = 0; y < image.height(); ++y) {
        const QByteArray bytes = QByteArray::fromHex(rows[y].toLatin1());
        std::memcpy(image.scanLine(y), bytes.constData(), size_t(rowBytes));
    }
    const int dpm = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    return image;
}

/// Only the graphic data of a ^GFA field.
QByteArray fieldData(const QImage &image, bool compress)
{
    const QByteArray field = zplGraphicField(image, compress);
    qsizetype at = 0;
    for (int commas = 0; commas < 4; ++commas)
        at = field.indexOf(',', at) + 1;
    return field.mid(at);
}

/// Black and white as 0 and 255, whatever the format: for comparing images dot by dot.
QImage dots(const QImage &image)
{
    QImage g = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < g.height(); ++y) {
        uchar *line = g.scanLine(y);
        for (int x = 0; x < g.width(); ++x)
            line[x] = line[x] < 128 ? 0 : 255;
    }
    g.setDotsPerMeterX(0);
    g.setDotsPerMeterY(0);
    return g;
}

LabelData sample(const QString &serial = u"100042"_s)
{
    LabelData d;
    d.productName = u"Frozen garden peas, 1 kg"_s;
    d.brand = u"Acme Foods"_s;
    d.gtin = u"09506000134352"_s;
    d.lot = u"LOT-9"_s;
    d.serial = serial;
    d.expiry = QDate(2026, 12, 31);
    d.productionDate = QDate(2026, 1, 15);
    d.count = 1;
    d.total = 1;
    return d;
}
} // namespace

class TestZpl : public QObject
{
    Q_OBJECT

    /// The image goes through ZPL and an independent reader and comes back dot for dot.
    static void roundTrip(const QImage &image, bool compress)
    {
        ZplSettings s;
        s.compress = compress;
        s.dpi = int(std::lround(image.dotsPerMeterX() * 0.0254));
        const auto zpl = zplLabel(image, s);
        QVERIFY2(zpl.ok(), qPrintable(zpl.error().message));
        QString error;
        const auto printed = readZpl(zpl.value(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(printed.size(), size_t(1));
        QCOMPARE(printed[0].printWidth, image.width());
        QCOMPARE(printed[0].labelLength, image.height());
        QCOMPARE(dots(printed[0].image), dots(image));
    }

private Q_SLOTS:
    void zebrasCompressionIsWrittenExactly()
    {
        // Runs as counts (G..Y = 1..19, g..z = 20..400), a trailing run of 0 as ',' and of F as '!', a repeated line
        // as ':'.
        QCOMPARE(fieldData(fromHexRows({ u"FFFF"_s }), true), QByteArray("!"));
        QCOMPARE(fieldData(fromHexRows({ u"0000"_s }), true), QByteArray(","));
        QCOMPARE(fieldData(fromHexRows({ u"F000"_s }), true), QByteArray("F,"));
        QCOMPARE(fieldData(fromHexRows({ u"0F0F"_s }), true), QByteArray("0F0!"));
        QCOMPARE(fieldData(fromHexRows({ u"AAAA"_s }), true), QByteArray("JA"));
        QCOMPARE(fieldData(fromHexRows({ u"A0F0"_s, u"A0F0"_s, u"A0F0"_s, u"0001"_s }), true), QByteArray("A0F,::I01"));
        // 47 'B's then a 'C': h (40) + M (7).
        QCOMPARE(fieldData(fromHexRows({ QString(47, u'B') + u'C' }), true), QByteArray("hMBC"));
        // 1000 'A's: runs over 419 are split.
        QCOMPARE(fieldData(fromHexRows({ QString(1000, u'A') }), true), QByteArray("zYAzYAnHA"));
        // Plain hex is the bytes as they are.
        QCOMPARE(fieldData(fromHexRows({ u"F000"_s, u"F000"_s }), false), QByteArray("F000F000"));
        const QByteArray field = zplGraphicField(fromHexRows({ u"F000"_s, u"F000"_s, u"F000"_s }), true);
        QVERIFY(field.startsWith("^GFA,6,6,2,"));
    }

    void imagesComeBackDotForDot()
    {
        QRandomGenerator rng(13);
        // Noise, a width that is no multiple of 8, long runs, blank and black lines, and a repeated band.
        for (const QSize size : { QSize(203, 97), QSize(8, 1), QSize(1, 5), QSize(4001, 3), QSize(812, 1218) }) {
            QImage image(size, QImage::Format_Grayscale8);
            for (int y = 0; y < size.height(); ++y) {
                uchar *line = image.scanLine(y);
                const int mode = y % 7;
                for (int x = 0; x < size.width(); ++x) {
                    line[x] = mode == 0 ? 255
                        : mode == 1     ? 0
                        : mode <= 3     ? ((x / 37) % 2 ? 0 : 255)
                                        : (rng.bounded(2) ? 0 : 255);
                }
            }
            image.setDotsPerMeterX(int(std::lround(203 / 0.0254)));
            image.setDotsPerMeterY(int(std::lround(203 / 0.0254)));
            roundTrip(image, true);
            roundTrip(image, false);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void settingsBecomeCommands()
    {
        QImage image = fromHexRows({ u"F0F0"_s, u"0F0F"_s }, 300);
        ZplSettings s;
        s.dpi = 300;
        s.darkness = 7;
        s.darknessAdjust = -5;
        s.speed = 4;
        s.media = ZplMedia::BlackMark;
        s.home = QPoint(12, 24);
        s.copies = 3;
        const auto zpl = zplLabel(image, s);
        QVERIFY2(zpl.ok(), qPrintable(zpl.error().message));
        QVERIFY(zpl.value().startsWith("~SD07\n^XA\n"));
        QVERIFY(zpl.value().endsWith("^XZ\n"));
        QString error;
        const auto printed = readZpl(zpl.value(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(printed[0].darkness, 7);
        QCOMPARE(printed[0].darknessAdjust, -5);
        QCOMPARE(printed[0].speed, 4);
        QCOMPARE(printed[0].media, u"M"_s);
        QCOMPARE(printed[0].home, QPoint(12, 24));
        QCOMPARE(printed[0].copies, 3);
        QCOMPARE(printed[0].graphicFields, 1);
        // Gap and continuous media; no darkness, speed or copies: the printer's own are left alone.
        s = {};
        s.dpi = 300;
        s.media = ZplMedia::Continuous;
        const QByteArray plain = zplLabel(image, s).value();
        QVERIFY(plain.contains("^MNN"));
        QVERIFY(!plain.contains("~SD") && !plain.contains("^PR") && !plain.contains("^MD") && !plain.contains("^PQ"));
        s.media = ZplMedia::Gap;
        QVERIFY(zplLabel(image, s).value().contains("^MNY"));
        QCOMPARE(zplMediaFromName(u"black mark"_s), ZplMedia::BlackMark);
        QCOMPARE(zplMediaName(ZplMedia::Continuous), u"continuous"_s);
        QVERIFY(!zplMediaFromName(u"fanfold-ish"_s));
    }

    void badSettingsAndImagesAreRefused()
    {
        const QImage image = fromHexRows({ u"F0F0"_s }, 203);
        const auto refusal = [&](auto change) {
            ZplSettings s;
            change(s);
            const auto z = zplLabel(image, s);
            return z.ok() ? QString() : z.error().message;
        };
        QVERIFY(refusal([](ZplSettings &s) { s.darkness = 31; }).contains(u"0 to 30"_s));
        QVERIFY(refusal([](ZplSettings &s) { s.darknessAdjust = -31; }).contains(u"-30 to 30"_s));
        QVERIFY(refusal([](ZplSettings &s) { s.speed = 15; }).contains(u"1 to 14"_s));
        QVERIFY(refusal([](ZplSettings &s) { s.copies = 0; }).contains(u"copies"_s));
        QVERIFY(refusal([](ZplSettings &s) { s.home = QPoint(-1, 0); }).contains(u"home"_s));
        QVERIFY(refusal([](ZplSettings &s) { s.dpi = 250; }).contains(u"203, 300 or 600"_s));
        // An image drawn for a 300 dpi printer is never sent to a 203 dpi one: it would print a third too large.
        ZplSettings s;
        const auto wrong = zplLabel(fromHexRows({ u"F0F0"_s }, 300), s);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().message.contains(u"300 dpi"_s) && wrong.error().message.contains(u"203 dpi"_s),
            qPrintable(wrong.error().message));
        QVERIFY(!zplLabel(QImage(), s).ok());
        QImage huge(40000, 1, QImage::Format_Mono);
        huge.setDotsPerMeterX(image.dotsPerMeterX());
        huge.setDotsPerMeterY(image.dotsPerMeterY());
        QVERIFY(zplLabel(huge, s).error().message.contains(u"32000"_s));
    }

    void layoutLabelsDecodeBackFromTheirZpl()
    {
        closient::scanning::IsolatedDecoder decoder;
        const auto lib = LayoutLibrary::load({ u":/labels/layouts"_s });
        for (const auto &entry : lib.entries()) {
            const LayoutRenderer renderer(entry.layout);
            for (const int dpi : { 203, 300, 600 }) {
                ZplSettings s;
                s.dpi = dpi;
                LayoutRenderResult result;
                QImage sent;
                const auto zpl = zplForLabel(renderer, sample(), s, &result, &sent);
                const QString where = u"%1 at %2 dpi"_s.arg(entry.layout.name).arg(dpi);
                QVERIFY2(zpl.ok(), qPrintable(where + u": "_s + zpl.error().message));
                QString error;
                const auto printed = readZpl(zpl.value(), &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QCOMPARE(printed.size(), size_t(1));
                // The printer gets exactly the picture that was drawn, at its size in dots.
                QCOMPARE(QSize(printed[0].printWidth, printed[0].labelLength), renderer.pixelSize(dpi));
                QCOMPARE(dots(printed[0].image), dots(sent));
                const QStringList failures
                    = closient::test::readBackSymbols(decoder, printed[0].image, dpi, result.symbols);
                QVERIFY2(failures.isEmpty(), qPrintable(where + u": "_s + failures.join(u"; "_s)));
                // Compressed, a label costs far less than its plain hex.
                if (dpi == 600)
                    QVERIFY(zpl.value().size() * 4 < zplGraphicField(sent, false).size());
            }
        }
    }

    void aLabelWithProblemsIsNotTurnedIntoZpl()
    {
        const auto lib = LayoutLibrary::load({ u":/labels/layouts"_s });
        const LayoutRenderer renderer(lib.find(u"Product label"_s)->layout);
        LabelData d = sample();
        d.productName.clear(); // required on this layout
        LayoutRenderResult result;
        const auto zpl = zplForLabel(renderer, d, {}, &result);
        QVERIFY(!zpl.ok());
        QVERIFY2(zpl.error().message.contains(u"product_name"_s), qPrintable(zpl.error().message));
        QVERIFY(!result.printable());
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestZpl t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_zpl.moc"
