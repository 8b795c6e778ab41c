// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Printing ZPL straight to a network printer's raw port: a fake printer (a TCP server here) receives the job, each
// label is rebuilt from its ^GFA field and decoded by the isolated decoder, and must carry its own data. Addresses
// are checked, and a printer that is off, unknown or stalled is reported in plain words.
#include "fakeprinter.h"
#include "isolateddecoder.h"
#include "labelreadback.h"
#include "layoutlibrary.h"
#include "layoutrenderer.h"
#include "rawprinter.h"
#include "tcpprinter.h"
#include "testbase.h"
#include "zpl.h"
#include "zplreader.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace closient::labels;
using namespace closient::printing;

namespace {
LabelData item(int serial)
{
    LabelData d;
    d.productName = u"Frozen garden peas, 1 kg"_s;
    d.brand = u"Acme Foods"_s;
    d.gtin = u"09506000134352"_s;
    d.lot = u"LOT-9"_s;
    d.serial = QString::number(serial);
    d.expiry = QDate(2026, 12, 31);
    d.productionDate = QDate(2026, 1, 15);
    d.count = serial - 1000;
    d.total = 5;
    return d;
}

TcpPrinterAddress local(quint16 port)
{
    return { u"127.0.0.1"_s, port };
}
} // namespace

class TestTcpPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addressesAreChecked()
    {
        const auto parse = [](const QString &text) { return TcpPrinterAddress::parse(text); };
        QCOMPARE(parse(u"tcp://zebra.local:9100"_s).value().host, u"zebra.local"_s);
        QCOMPARE(parse(u"socket://10.0.0.7"_s).value().port, quint16(9100));
        QCOMPARE(parse(u"10.0.0.7:6101"_s).value().port, quint16(6101));
        QCOMPARE(parse(u" zebra "_s).value().toString(), u"tcp://zebra:9100"_s);
        QCOMPARE(parse(u"tcp://[::1]:9101/"_s).value().toString(), u"tcp://[::1]:9101"_s);
        for (const auto *bad : { "http://zebra:9100", "tcp://", "tcp://zebra:99999", "tcp://zebra:0", "tcp://a/b",
                 "tcp://user@zebra", "", "zebra:port" }) {
            const auto r = parse(QString::fromLatin1(bad));
            QVERIFY2(!r.ok(), bad);
            QVERIFY(r.error().message.contains(u"not a printer address"_s));
        }
        // Where raw printer language may go: a CUPS queue by name, or a network printer.
        QVERIFY(RawPrinterTarget::parse(u"ZebraDesk"_s).value().isQueue());
        QCOMPARE(RawPrinterTarget::parse(u"cups:Zebra_2"_s).value().toString(), u"cups:Zebra_2"_s);
        QCOMPARE(RawPrinterTarget::parse(u"tcp://10.0.0.7:9100"_s).value().toString(), u"tcp://10.0.0.7:9100"_s);
        QVERIFY(!RawPrinterTarget::parse(u"Zebra Desk"_s).ok());
        QVERIFY(!RawPrinterTarget::parse(u"ftp://x"_s).ok());
    }

    void theFakePrinterDecodesEveryLabel()
    {
        closient::scanning::IsolatedDecoder decoder;
        closient::test::FakeNetworkPrinter printer;
        QVERIFY(printer.port() > 0);
        const auto lib = LayoutLibrary::load({ u":/labels/layouts"_s });
        for (const auto &[layoutName, dpi] :
            { std::pair { u"Product label"_s, 203 }, { u"Shipping label 4×6"_s, 300 }, { u"Product label"_s, 600 } }) {
            const LayoutRenderer renderer(lib.find(layoutName)->layout);
            ZplSettings settings;
            settings.dpi = dpi;
            settings.darkness = 20;
            settings.speed = 4;
            // Five labels, one job, each label's own symbols remembered to check against.
            QByteArray job;
            std::vector<std::vector<PlacedSymbol>> placed;
            for (int serial = 1001; serial <= 1005; ++serial) {
                LayoutRenderResult result;
                const auto zpl = zplForLabel(renderer, item(serial), settings, &result);
                QVERIFY2(zpl.ok(), qPrintable(zpl.error().message));
                job += zpl.value();
                placed.push_back(result.symbols);
            }
            QSignalSpy received(&printer, &closient::test::FakeNetworkPrinter::jobReceived);
            auto sending = QtConcurrent::run([&] { return sendToTcpPrinter(local(printer.port()), job); });
            QTRY_VERIFY_WITH_TIMEOUT(sending.isFinished(), 30000);
            const auto sent = sending.result();
            QVERIFY2(sent.ok(), qPrintable(sent.error().message));
            QCOMPARE(sent.value(), qint64(job.size()));
            QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
            QCOMPARE(printer.jobs().last(), job); // every byte, in order

            QString error;
            const auto labels = closient::test::readZpl(printer.jobs().last(), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(labels.size(), size_t(5));
            for (size_t i = 0; i < labels.size(); ++i) {
                QCOMPARE(labels[i].darkness, 20);
                QCOMPARE(labels[i].speed, 4);
                const QStringList failures = closient::test::readBackSymbols(decoder, labels[i].image, dpi, placed[i]);
                QVERIFY2(failures.isEmpty(), qPrintable(layoutName + u": "_s + failures.join(u"; "_s)));
                // ...and it is this label's serial that was read, not its neighbour's.
                QVERIFY(placed[i][0].expected.endsWith(QString::number(1001 + i)));
            }
            // A label swapped with its neighbour would be caught.
            QVERIFY(!closient::test::readBackSymbols(decoder, labels[1].image, dpi, placed[0]).isEmpty());
        }
    }

    void anAbsentPrinterIsNamed()
    {
        // A port nobody listens on: the server is made and closed to find one.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const auto refused = sendToTcpPrinter(local(port), "^XA^XZ", 5000);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"refused"_s);
        QVERIFY(refused.error().retryable);
        QVERIFY2(
            refused.error().message.contains(u"tcp://127.0.0.1:%1"_s.arg(port)), qPrintable(refused.error().message));

        const auto unknown = sendToTcpPrinter({ u"no-such-printer.invalid"_s, 9100 }, "^XA^XZ", 5000);
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().message.contains(u"no-such-printer.invalid"_s), qPrintable(unknown.error().message));
    }

    void aStalledPrinterIsReportedWithWhatWasSent()
    {
        closient::test::FakeNetworkPrinter printer;
        printer.setStalled(true);
        const QByteArray job(64 * 1024 * 1024, 'A'); // far more than the sockets' buffers hold
        auto sending = QtConcurrent::run([&] { return sendToTcpPrinter(local(printer.port()), job, 1500); });
        QTRY_VERIFY_WITH_TIMEOUT(sending.isFinished(), 60000);
        const auto sent = sending.result();
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, u"timeout"_s);
        QVERIFY2(sent.error().message.contains(u"stopped taking data"_s)
                && sent.error().message.contains(QString::number(job.size())),
            qPrintable(sent.error().message));
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestTcpPrinter t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_tcpprinter.moc"
