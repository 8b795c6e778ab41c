// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The reader of blurred linear codes, on symbols zint renders and this test spoils (no barcode library runs here:
// the reader is the workstation's own code).
#include "linearreader.h"
#include "syntheticcodes.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace closient::bench;
using namespace closient::scanning::engine;

class TestDecodeLinear : public QObject
{
    Q_OBJECT

private:
    static std::vector<EngineResult> read(const cv::Mat &image)
    {
        return readBlurredLinear(image, findLinearRegions(image), LinearFormats {});
    }
    static bool reads(const SynthSample &s)
    {
        const auto results = read(s.image);
        return results.size() == 1 && results.front().text == s.expected;
    }

private Q_SLOTS:
    void deconvolutionSharpensADefocusedEdge()
    {
        // A bar 3 samples wide, blurred by a disc of radius 3: after deconvolution its middle is dark again.
        std::vector<float> sharp(64, 200.f);
        for (int i = 30; i < 32; ++i)
            sharp[size_t(i)] = 40.f;
        const auto blurred = deconvolve(sharp, 0, false, 0); // radius 0: unchanged
        QCOMPARE(blurred, sharp);
        cv::Mat s(1, 64, CV_32F, sharp.data()), b;
        // the line spread of a disc of radius 3: chord lengths
        std::vector<float> k;
        for (int i = -3; i <= 3; ++i)
            k.push_back(float(std::sqrt(std::max(0.0, 9.0 - i * i)) + 0.1));
        cv::Mat km(1, 7, CV_32F, k.data());
        km /= cv::sum(km)[0];
        cv::filter2D(s, b, -1, km, { -1, -1 }, 0, cv::BORDER_REPLICATE);
        std::vector<float> bv(b.begin<float>(), b.end<float>());
        const auto restored = deconvolve(bv, 3, false, 0.005);
        QVERIFY(bv[31] > 100.f); // the blur has washed the bar out
        QVERIFY2(restored[31] < 90.f, qPrintable(QString::number(restored[31])));
    }

    void readsEveryLinearFormatItKnowsWhenSharp_data()
    {
        QTest::addColumn<int>("format");
        for (auto f : { SynthFormat::Ean13, SynthFormat::Ean8, SynthFormat::UpcA, SynthFormat::UpcE,
                 SynthFormat::Code128, SynthFormat::Itf14 })
            QTest::newRow(formatName(f)) << int(f);
    }
    void readsEveryLinearFormatItKnowsWhenSharp()
    {
        QFETCH(int, format);
        for (unsigned seed = 1; seed <= 3; ++seed) {
            const auto s = makeSample(SynthFormat(format), Degradation::None, 0, seed);
            QVERIFY(!s.image.empty());
            const auto results = read(s.image);
            QVERIFY2(results.size() == 1, qPrintable(QString::number(results.size())));
            QCOMPARE(QString::fromStdString(results.front().text), QString::fromStdString(s.expected));
        }
    }

    void readsThroughDefocus_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<double>("diameter");
        QTest::newRow("EAN-13 2.5X") << int(SynthFormat::Ean13) << 2.5;
        QTest::newRow("EAN-13 3.5X") << int(SynthFormat::Ean13) << 3.5;
        QTest::newRow("UPC-A 3X") << int(SynthFormat::UpcA) << 3.0;
        QTest::newRow("EAN-8 3X") << int(SynthFormat::Ean8) << 3.0;
        QTest::newRow("GS1-128 2.5X") << int(SynthFormat::Code128) << 2.5;
        QTest::newRow("ITF-14 3X") << int(SynthFormat::Itf14) << 3.0;
    }
    void readsThroughDefocus()
    {
        QFETCH(int, format);
        QFETCH(double, diameter);
        int read = 0;
        for (unsigned seed = 1; seed <= 4; ++seed)
            read += reads(makeSample(SynthFormat(format), Degradation::Defocus, diameter, seed)) ? 1 : 0;
        QVERIFY2(read >= 3, qPrintable(QString::number(read)));
    }

    void readsThroughMotionAcrossTheBars()
    {
        int read = 0;
        for (unsigned seed = 1; seed <= 4; ++seed)
            read += reads(makeSample(SynthFormat::Ean13, Degradation::Motion, 3, seed)) ? 1 : 0;
        QVERIFY2(read >= 3, qPrintable(QString::number(read)));
    }

    void readsATurnedCode()
    {
        auto s = makeSample(SynthFormat::Ean13, Degradation::Defocus, 2, 7);
        cv::Mat turned;
        const cv::Point2f c(s.image.cols / 2.f, s.image.rows / 2.f);
        const auto m = cv::getRotationMatrix2D(c, 30, 1);
        cv::Rect2f box = cv::RotatedRect(c, s.image.size(), 30).boundingRect2f();
        cv::Mat mm = m;
        mm.at<double>(0, 2) += box.width / 2 - c.x;
        mm.at<double>(1, 2) += box.height / 2 - c.y;
        cv::warpAffine(s.image, turned, mm, box.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(215));
        const auto results = read(turned);
        QCOMPARE(results.size(), size_t(1));
        QCOMPARE(QString::fromStdString(results.front().text), QString::fromStdString(s.expected));
    }

    void tellsSoftEdgesFromSharpOnes_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<double>("diameter");
        QTest::addColumn<bool>("soft");
        // ZXing's binariser reads up to about 1.5 module widths of defocus: past it the region must say so.
        QTest::newRow("EAN-13 sharp") << int(SynthFormat::Ean13) << 0.0 << false;
        QTest::newRow("EAN-13 0.5X") << int(SynthFormat::Ean13) << 0.5 << false;
        QTest::newRow("GS1-128 sharp") << int(SynthFormat::Code128) << 0.0 << false;
        // Sensor noise moves the darkest and lightest pixels, not the edges: a noisy sharp code is not soft.
        QTest::newRow("EAN-13 noise 32") << int(SynthFormat::Ean13) << -32.0 << false;
        QTest::newRow("GS1-128 noise 32") << int(SynthFormat::Code128) << -32.0 << false;
        QTest::newRow("EAN-13 3X") << int(SynthFormat::Ean13) << 3.0 << true;
        QTest::newRow("UPC-E 3X") << int(SynthFormat::UpcE) << 3.0 << true;
        QTest::newRow("GS1-128 3X") << int(SynthFormat::Code128) << 3.0 << true;
        QTest::newRow("ITF-14 3X") << int(SynthFormat::Itf14) << 3.0 << true;
    }
    void tellsSoftEdgesFromSharpOnes()
    {
        QFETCH(int, format);
        QFETCH(double, diameter);
        QFETCH(bool, soft);
        for (unsigned seed = 1; seed <= 3; ++seed) {
            // a negative "diameter" is the sigma of added noise instead
            const auto s = diameter < 0 ? makeSample(SynthFormat(format), Degradation::Noise, -diameter, seed)
                                        : makeSample(SynthFormat(format),
                                            diameter > 0 ? Degradation::Defocus : Degradation::None, diameter, seed);
            // At the low resolution the still cascade measures with.
            const auto regions = findLinearRegions(s.image, 2, 240);
            QVERIFY(!regions.empty());
            QVERIFY2(regions.front().soft() == soft,
                qPrintable(QStringLiteral("edge %1 px, length %2 px")
                               .arg(regions.front().edgeWidth)
                               .arg(regions.front().length)));
        }
    }

    void stopsWhenTheImagesTimeIsUp()
    {
        const auto s = makeSample(SynthFormat::Ean13, Degradation::Defocus, 3, 2);
        const auto regions = findLinearRegions(s.image);
        int asked = 0;
        const auto never = [&] {
            ++asked;
            return false;
        };
        const auto results = readBlurredLinear(s.image, regions, LinearFormats {}, 1 << 30, never);
        QCOMPARE(results.size(), size_t(1));
        QCOMPARE(results.front().text, s.expected);
        QVERIFY(asked > 0); // asked before the scan lines it read
        const auto now = [] { return true; };
        QVERIFY(readBlurredLinear(s.image, regions, LinearFormats {}, 1 << 30, now).empty());
    }

    void readsNothingWhereThereIsNoCode()
    {
        // Random stripes, gratings, text, noise, grids, grain, and blurred copies: never a read.
        for (const auto &n : makeNegatives(32, 99)) {
            const auto results = read(n.image);
            QVERIFY2(results.empty(),
                qPrintable(QString::fromStdString(n.kind + ": " + (results.empty() ? "" : results.front().text))));
        }
    }

    void readsNothingFromAnotherSymbology()
    {
        // DataBar, DataMatrix and QR are not this reader's: it must not turn them into EAN or Code 128.
        for (auto f :
            { SynthFormat::DataBar, SynthFormat::DataBarExpanded, SynthFormat::DataMatrix, SynthFormat::QrCode }) {
            for (unsigned seed = 1; seed <= 3; ++seed) {
                const auto s = makeSample(f, Degradation::Defocus, 1.5, seed);
                QVERIFY2(read(s.image).empty(), formatName(f));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDecodeLinear)
#include "tst_decodelinear.moc"
