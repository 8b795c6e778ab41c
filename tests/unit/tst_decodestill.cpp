// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The still-image strategy end to end, through the isolated decoder worker, on generated images: blurred linear
// codes are read, codeless images give nothing, and a sharp code is read by the first step (the demo's own call).
#include "decodeengine.h"
#include "isolateddecoder.h"
#include "syntheticcodes.h"

#include <QTest>

using namespace closient::bench;
using namespace closient::scanning;

class TestDecodeStill : public QObject
{
    Q_OBJECT

private:
    IsolatedDecoder m_decoder;

    DecodeOutcome decode(const cv::Mat &image, Strategy strategy = Strategy::Still)
    {
        return m_decoder.decodeGray(image.data, image.cols, image.rows, int(image.step), strategy, 0, 20000);
    }

private Q_SLOTS:
    void aSharpCodeIsReadByTheFirstStep()
    {
        const auto s = makeSample(SynthFormat::Ean13, Degradation::None, 0, 3);
        const auto o = decode(s.image);
        QVERIFY(o.ok());
        QCOMPARE(o.results.size(), size_t(1));
        QCOMPARE(o.results.front().text, QString::fromStdString(s.expected));
        QVERIFY2(o.results.front().pass.startsWith(u"first"), qPrintable(o.results.front().pass));
    }

    void defocusedLinearCodesAreRead_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<double>("diameter");
        // Past what plain ZXing-cpp reads on these images (it stops at about 1.5 module widths).
        QTest::newRow("EAN-13 3X") << int(SynthFormat::Ean13) << 3.0;
        QTest::newRow("UPC-E 3X") << int(SynthFormat::UpcE) << 3.0;
        QTest::newRow("GS1-128 3X") << int(SynthFormat::Code128) << 3.0;
        // ITF-14 at 3X is read by the blurred-linear reader given the time (tst_decodelinear), but not within the
        // still cascade's budget of four times the first read: its wide-to-narrow ratio search costs too much.
    }
    void defocusedLinearCodesAreRead()
    {
        QFETCH(int, format);
        QFETCH(double, diameter);
        const auto s = makeSample(SynthFormat(format), Degradation::Defocus, diameter, 5);
        const auto o = decode(s.image);
        QVERIFY(o.ok());
        QCOMPARE(o.results.size(), size_t(1));
        QCOMPARE(o.results.front().text, QString::fromStdString(s.expected));
        QVERIFY2(o.results.front().pass.startsWith(u"blurred-linear"), qPrintable(o.results.front().pass));
        QVERIFY(o.cpuMs > 0); // the decoder says what the image cost it, besides the wall-clock time
        // The baseline cannot: the gain is the new reader's.
        QVERIFY(decode(s.image, Strategy::ZxingDemo).results.empty());
    }

    void aBlurredLinearCodeGoesToTheBlurredReaderFirst()
    {
        // In this process (the engine alone, without the worker) to see which steps start: the first read, then
        // straight the blurred-linear reader, none of the ZXing views that cannot read a code this blurred.
        const auto s = makeSample(SynthFormat::Ean13, Degradation::Defocus, 3, 5);
        std::vector<int> started;
        const engine::GrayView view { s.image.data, s.image.cols, s.image.rows, int(s.image.step) };
        const auto results
            = engine::decode(view, engine::Strategy::Still, 0, [&](int stage) { started.push_back(stage); });
        QCOMPARE(results.size(), size_t(1));
        QCOMPARE(results.front().pass, std::string("blurred-linear"));
        QCOMPARE(results.front().text, s.expected);
        QCOMPARE(started, std::vector<int>({ 0, 1 }));
    }

    void aResumedImageStillGetsItsBudget()
    {
        // Resumed past the first read (as after an abort there), the image has no first-read time to go by: the
        // rest of the cascade still runs.
        const auto s = makeSample(SynthFormat::Ean13, Degradation::Defocus, 3, 5);
        const engine::GrayView view { s.image.data, s.image.cols, s.image.rows, int(s.image.step) };
        const auto results = engine::decode(view, engine::Strategy::Still, 0, {}, 1);
        QCOMPARE(results.size(), size_t(1));
        QCOMPARE(results.front().text, s.expected);
    }

    void theMeasureSaysWhetherTheCodeLooksBlurred()
    {
        const auto measured = [&](const SynthSample &s) {
            for (const auto &r : decode(s.image, Strategy::StillEveryStage).results) {
                if (r.pass.startsWith(u"stage:measure:"))
                    return r.pass.section(u':', 4, 4);
            }
            return QString();
        };
        QCOMPARE(measured(makeSample(SynthFormat::Ean13, Degradation::Defocus, 3, 5)), QStringLiteral("soft"));
        QCOMPARE(measured(makeSample(SynthFormat::Ean13, Degradation::None, 0, 5)), QStringLiteral("sharp"));
    }

    void codelessImagesGiveNothing()
    {
        for (const auto &n : makeNegatives(16, 7)) {
            const auto o = decode(n.image);
            QVERIFY(o.ok());
            const QString first = o.results.empty() ? QString() : o.results.front().text;
            QVERIFY2(o.results.empty(), qPrintable(QString::fromStdString(n.kind) + QStringLiteral(": ") + first));
        }
    }

    void everyStageModeMarksEachStage()
    {
        const auto s = makeSample(SynthFormat::Ean13, Degradation::Defocus, 3, 5);
        const auto o = decode(s.image, Strategy::StillEveryStage);
        QStringList stages;
        bool blurredRead = false;
        for (const auto &r : o.results) {
            if (r.pass.startsWith(u"stage:"))
                stages << r.pass.section(u':', 1, 1);
            else if (r.pass.startsWith(u"blurred-linear"))
                blurredRead = r.text == QString::fromStdString(s.expected);
        }
        QVERIFY2(stages.contains(QStringLiteral("first")) && stages.contains(QStringLiteral("blurred-linear")),
            qPrintable(stages.join(u',')));
        QVERIFY(blurredRead);
    }
};

QTEST_GUILESS_MAIN(TestDecodeStill)
#include "tst_decodestill.moc"
