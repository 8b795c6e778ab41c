// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// LabelJob with layouts and stocks: the same layout through every output (a sheet PDF rendered back by Poppler, a ZIP
// of PNG labels, ZPL to a file and to a fake network printer), each label decoded back by the isolated decoder; the
// reprint and void rules on the thermal path; refusals that write nothing.
#include "database.h"
#include "fakeprinter.h"
#include "isolateddecoder.h"
#include "labeljob.h"
#include "labelrepository.h"
#include "layoutlibrary.h"
#include "settingsrepository.h"
#include "sqlhelpers.h"
#include "stocklibrary.h"
#include "zipwriter.h"
#include "zplreader.h"

#include <QGuiApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <poppler-qt6.h>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace {
template<typename T>
T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

/// The texts the isolated decoder reads in @p image (whole, as a scanner would see it).
QStringList decodeAll(closient::scanning::IsolatedDecoder &decoder, const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    QImage framed(gray.width() + 80, gray.height() + 80, QImage::Format_Grayscale8);
    framed.fill(255);
    for (int y = 0; y < gray.height(); ++y)
        memcpy(framed.scanLine(y + 40) + 40, gray.constScanLine(y), size_t(gray.width()));
    const auto outcome = decoder.decodeGray(framed.constBits(), framed.width(), framed.height(),
        int(framed.bytesPerLine()), closient::scanning::Strategy::Still, 0, 20000);
    QStringList texts;
    for (const auto &r : outcome.results)
        texts << r.text;
    return texts;
}
} // namespace

class TestLabelJobLayout : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<closient::store::Database> m_db;

    /// Serials PREFIX1..PREFIXn of the peas GTIN with a lot and an expiry, as the store selects them.
    Selection addSerials(const QString &prefix, int count)
    {
        LabelRepository repo(m_db.get());
        ItemInput base;
        base.gtin = u"09506000134352"_s;
        base.lot = u"L42"_s;
        base.expiry = QDate(2027, 3, 31);
        [&] { QCOMPARE(wait(repo.addSerialRange(base, prefix, 1, count, 1)).value(), count); }();
        Selection s;
        s.scope = u"serials"_s;
        s.gtins = { u"09506000134352"_s };
        s.search = prefix;
        return s;
    }

    [[nodiscard]] int printLogRows(const QString &action)
    {
        return wait(m_db->run([action](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"SELECT count(*) FROM print_log WHERE action = ?"_s);
            q.addBindValue(action);
            return q.exec() && q.next() ? q.value(0).toInt() : -1;
        }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<closient::store::Database>();
        QVERIFY(wait(m_db->open(m_dir.filePath(u"labels.sqlite"_s))).ok());
        // The products cache, as sync fills it: the layouts print the product's name.
        const bool stored = wait(m_db->run([](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"INSERT INTO products (gtin, product_name, brand, fetched) VALUES (?, ?, ?, ?)"_s);
            q.addBindValue(u"09506000134352"_s);
            q.addBindValue(u"Frozen garden peas 1 kg"_s);
            q.addBindValue(u"Acme Foods"_s);
            q.addBindValue(u"2026-11-30T10:00:00Z"_s);
            return q.exec();
        }));
        QVERIFY(stored);
    }

    void layoutSheetsReadBackThroughPoppler()
    {
        ExportRequest q;
        q.selection = addSerials(u"PDF"_s, 4);
        q.layoutName = u"Product label"_s; // made for Avery 5160: the stock comes from the layout
        q.outputPath = m_dir.filePath(u"product.pdf"_s);
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QCOMPARE(r.labels, 4);
        QCOMPARE(r.verified, 4);
        QCOMPARE(r.layout, u"Product label"_s);
        QVERIFY2(r.stock.startsWith(u"Avery 5160"_s), qPrintable(r.stock));

        // Independently of the job's own check: Poppler renders each label's cell, the decoder reads its serial,
        // and the product's name, lot and expiry are on the page as text.
        auto doc = Poppler::Document::load(q.outputPath);
        QVERIFY(doc);
        QCOMPARE(doc->numPages(), 1);
        const auto page = doc->page(0);
        const auto stock = StockLibrary::instance()->find(u"avery_5160"_s);
        QVERIFY(stock);
        const auto cells = stock->labelRects();
        closient::scanning::IsolatedDecoder decoder;
        const double dpi = 300;
        for (int i = 0; i < 4; ++i) {
            const QRectF mm = cells[size_t(i)];
            const double k = dpi / 25.4;
            const QImage cell = page->renderToImage(
                dpi, dpi, int(mm.x() * k), int(mm.y() * k), int(mm.width() * k), int(mm.height() * k));
            const QStringList read = decodeAll(decoder, cell);
            QCOMPARE(read.size(), 1);
            QVERIFY2(read.first().endsWith(u"21PDF%1"_s.arg(i + 1)), qPrintable(read.first()));
        }
        const QString text = page->text(QRectF());
        QVERIFY2(text.contains(u"Frozen garden peas"_s), qPrintable(text));
        QVERIFY2(text.contains(u"L42"_s), qPrintable(text));
        QVERIFY2(text.contains(u"31 Mar 2027"_s), qPrintable(text));
    }

    void turnedLinearSymbolsAreConfirmedAtOnce_data()
    {
        QTest::addColumn<int>("rotation");
        QTest::newRow("upright") << 0;
        QTest::newRow("quarter turn") << 90;
        QTest::newRow("half turn") << 180;
        QTest::newRow("three quarters") << 270;
    }
    void turnedLinearSymbolsAreConfirmedAtOnce()
    {
        // The fast read renders the page squashed across a linear symbol's bars: across x for a symbol turned a
        // quarter, across y otherwise. Every label is still confirmed by it, whichever way the symbol lies.
        QFETCH(int, rotation);
        const bool turned = rotation % 180 != 0;
        const QByteArray json = QStringLiteral(R"({ "format": "closient-label-layout", "version": 1,
            "name": "Turned GS1-128", "stock": "roll_4x6in", "gs1_table": "healthcare",
            "label": { "shape": "rectangle", "width": 101.6, "height": 152.4 },
            "objects": [ { "id": "symbol", "type": "symbol", "x": 2, "y": 2, "width": %1, "height": %2,
              "rotation": %3, "symbology": "gs1_128",
              "elements": [ { "ai": "01", "value": "{gtin}" }, { "ai": "21", "value": "{serial}" } ] } ] })")
                                    .arg(turned ? 40 : 90)
                                    .arg(turned ? 120 : 30)
                                    .arg(rotation)
                                    .toUtf8();
        const auto layout = parseLayout(json);
        QVERIFY2(layout.ok(), layout.ok() ? "" : qPrintable(layout.error().message));
        ExportRequest q;
        q.selection = addSerials(u"TURN%1-"_s.arg(rotation), 4);
        q.layout = layout.value();
        q.stock = u"roll_4x6in"_s;
        q.outputPath = m_dir.filePath(u"turned-%1.pdf"_s.arg(rotation));
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QCOMPARE(r.verified, 4);
        QCOMPARE(r.verifiedFast, 4);
    }

    // An export from a CSV file: a column the layout names ("{Customer}") is a field of each row's label, as the
    // designer offers it; a column nobody names is still refused by name, so a misspelt "expiry" is never lost.
    void csvColumnsAreFieldsOfALayout()
    {
        const auto library = LayoutLibrary::load();
        const auto *product = library.find(u"Product label"_s);
        QVERIFY(product);
        Layout layout = product->layout;
        bool named = false;
        for (auto &o : layout.objects) {
            if (o.id == u"name"_s) {
                o.text = u"{ Customer }"_s; // case and spaces around the name are ignored
                named = true;
            }
        }
        QVERIFY(named);

        ExportRequest q;
        q.selection.scope = u"lots"_s;
        q.layout = layout;
        q.outputPath = m_dir.filePath(u"columns.pdf"_s);
        q.importCsv = "gtin,lot,expiry,customer\r\n09506000134352,CSVA,2027-05-31,Northwind Traders\r\n"
                      "09506000134352,CSVB,2027-06-30,Contoso Ltd\r\n";
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QCOMPARE(r.labels, 2);
        QCOMPARE(r.verified, 2);
        auto doc = Poppler::Document::load(q.outputPath);
        QVERIFY(doc);
        const auto stock = StockLibrary::instance()->find(u"avery_5160"_s);
        QVERIFY(stock);
        const auto cells = stock->labelRects();
        const auto page = doc->page(0);
        // Each row's customer in its own label, beside its own lot.
        const auto inPoints = [](const QRectF &mm) {
            const double k = 72 / 25.4;
            return QRectF(mm.x() * k, mm.y() * k, mm.width() * k, mm.height() * k);
        };
        const QString first = page->text(inPoints(cells[0]));
        const QString second = page->text(inPoints(cells[1]));
        QVERIFY2(first.contains(u"Northwind Traders"_s) && first.contains(u"CSVA"_s), qPrintable(first));
        QVERIFY2(second.contains(u"Contoso Ltd"_s) && second.contains(u"CSVB"_s), qPrintable(second));

        // Another column, which the layout does not name: refused, and nothing is written or stored.
        ExportRequest typo = q;
        typo.outputPath = m_dir.filePath(u"typo.pdf"_s);
        typo.importCsv = "gtin,lot,expiy,customer\n09506000134352,CSVC,2027-05-31,Fabrikam\n";
        QTest::failOnWarning(QRegularExpression(u"QString::arg"_s)); // the message is made whole, whatever its count
        const auto refused = LabelJob(m_db.get(), typo).run();
        QCOMPARE(refused.status, JobStatus::Failed);
        QVERIFY2(refused.error.contains(u"unknown column \"expiy\""_s), qPrintable(refused.error));
        // The columns the layout takes are named with the file's own, so the misspelling is found at once.
        QVERIFY2(refused.error.contains(u"lot_run_id; the layout's Customer;"_s), qPrintable(refused.error));
        QVERIFY(!QFile::exists(typo.outputPath));
        Selection csvc;
        csvc.scope = u"lots"_s;
        csvc.search = u"CSVC"_s;
        QCOMPARE(wait(LabelRepository(m_db.get()).select(csvc)).value().size(), size_t(0));
    }

    // Round and oval labels in the file that is printed (and shown as the screen's preview): a frame drawn on the
    // label's bounding box is cut to the die-cut outline in every cell, and the symbol inside still reads back.
    void roundAndOvalLabelsAreClippedInThePdf()
    {
        for (const QString &stockName : { u"63up_1in_letter"_s, u"Begalabel V-200"_s }) {
            const auto stock = StockLibrary::instance()->find(stockName);
            QVERIFY2(stock, qPrintable(stockName));
            QVERIFY(stock->shape.kind != StockShape::Kind::Rectangle);
            Layout layout;
            layout.name = u"Clipped "_s + stockName;
            layout.label = stock->shape;
            layout.stockId = stock->id;
            const double w = layout.label.width, h = layout.label.height;
            LayoutObject frame;
            frame.id = u"frame"_s;
            frame.type = LayoutObject::Type::Box;
            frame.rect = QRectF(0, 0, w, h);
            frame.stroke = 3; // 1.5 mm inside the bounding box: black at the middle of each side, cut at the corners
            LayoutObject symbol;
            symbol.id = u"symbol"_s;
            symbol.type = LayoutObject::Type::Symbol;
            symbol.symbology = LayoutSymbology::Gs1DataMatrix;
            symbol.rect = QRectF(w / 2 - 6, h / 2 - 6, 12, 12);
            layout.objects = { frame, symbol };

            ExportRequest q;
            q.selection = addSerials(u"CLIP%1-"_s.arg(stock->shape.kind == StockShape::Kind::Round ? 1 : 2), 2);
            q.layout = layout;
            q.outputPath = m_dir.filePath(u"clipped.pdf"_s);
            const auto r = LabelJob(m_db.get(), q).run();
            QVERIFY2(r.status == JobStatus::Completed, qPrintable(stockName + u": "_s + r.error));
            QCOMPARE(r.verified, 2);

            auto doc = Poppler::Document::load(q.outputPath);
            QVERIFY(doc);
            const auto page = doc->page(0);
            const double dpi = 300, k = dpi / 25.4;
            for (int i = 0; i < 2; ++i) {
                const QRectF mm = stock->labelRects()[size_t(i)];
                const QImage cell = page->renderToImage(dpi, dpi, qRound(mm.x() * k), qRound(mm.y() * k), qRound(w * k),
                                            qRound(h * k))
                                        .convertToFormat(QImage::Format_Grayscale8);
                const auto grey = [&](double x, double y) { return qGray(cell.pixel(int(x * k), int(y * k))); };
                const QString where = u"%1, label %2"_s.arg(stockName).arg(i + 1);
                // Outside the outline, in the corners of the bounding box: nothing.
                QVERIFY2(grey(0.7, 0.7) > 200, qPrintable(where));
                QVERIFY2(grey(w - 0.7, h - 0.7) > 200, qPrintable(where));
                // Inside it, at the middle of the top and left sides: the frame.
                QVERIFY2(grey(w / 2, 0.7) < 60, qPrintable(where));
                QVERIFY2(grey(0.7, h / 2) < 60, qPrintable(where));
            }
        }
    }

    void layoutsAreCheckedBeforeAnythingIsWritten()
    {
        ExportRequest q;
        q.selection = addSerials(u"BAD"_s, 1);
        q.outputPath = m_dir.filePath(u"bad.pdf"_s);
        q.layoutName = u"No such layout"_s;
        auto r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.error.contains(u"no layout \"No such layout\""_s) && r.error.contains(u"Product label"_s),
            qPrintable(r.error));
        // A layout drawn for Avery 5160 on 1 in round labels would be cut off: refused, with both sizes.
        q.layoutName = u"Product label"_s;
        q.stock = u"63up_1in_letter"_s;
        r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.error.contains(u"66.7 × 25.4 mm"_s) && r.error.contains(u"25.4 × 25.4 mm"_s), qPrintable(r.error));
        q.stock = u"Nobody 0000"_s;
        r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.error.contains(u"no label stock \"Nobody 0000\""_s), qPrintable(r.error));
        QVERIFY(r.jobId.isEmpty()); // no label_jobs row
        QVERIFY(!QFile::exists(q.outputPath));
        // A glabels stock by its name works like the station's own.
        q.stock = u"Avery 8160"_s;
        r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QVERIFY2(r.stock.contains(u"Avery"_s), qPrintable(r.stock));
    }

    void layoutZipHoldsReadablePngLabels()
    {
        ExportRequest q;
        q.exportType = u"datamatrix"_s;
        q.fileFormat = u"png"_s;
        q.selection = addSerials(u"ZIP"_s, 3);
        q.layoutName = u"Product label"_s;
        q.outputPath = m_dir.filePath(u"labels.zip"_s);
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QCOMPARE(r.verified, 3);
        const auto entries = ZipWriter::read(q.outputPath);
        QVERIFY(entries.ok());
        QCOMPARE(int(entries.value().size()), 3);
        closient::scanning::IsolatedDecoder decoder;
        QStringList serials;
        for (const auto &[name, data] : entries.value()) {
            QImage image;
            QVERIFY(image.loadFromData(data, "PNG"));
            QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 600);
            const QStringList read = decodeAll(decoder, image);
            QCOMPARE(read.size(), 1);
            serials << read.first().section(u"21"_s, -1);
        }
        serials.sort();
        QCOMPARE(serials, (QStringList { u"ZIP1"_s, u"ZIP2"_s, u"ZIP3"_s }));
        q.fileFormat = u"svg"_s;
        QVERIFY(LabelJob(m_db.get(), q).run().error.contains(u"PNG"_s));
    }

    void thermalLabelsAreOneZplBlockEach()
    {
        ExportRequest q;
        q.exportType = u"thermal"_s;
        q.fileFormat = u"zpl"_s;
        q.selection = addSerials(u"ZPL"_s, 3);
        q.layoutName = u"Product label"_s;
        q.zpl.dpi = 300;
        q.zpl.darkness = 18;
        q.zpl.media = ZplMedia::BlackMark;
        q.outputPath = m_dir.filePath(u"labels.zpl"_s);
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QCOMPARE(r.verified, 3);
        QFile f(q.outputPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray zpl = f.readAll();
        QCOMPARE(zpl.count("^XA"), 3);
        QCOMPARE(zpl.count("^XZ"), 3);
        QString error;
        const auto labels = closient::test::readZpl(zpl, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(labels.size(), size_t(3));
        closient::scanning::IsolatedDecoder decoder;
        for (size_t i = 0; i < labels.size(); ++i) {
            QCOMPARE(labels[i].darkness, 18);
            QCOMPARE(labels[i].media, u"M"_s);
            QCOMPARE(labels[i].printWidth, qRound(66.675 / 25.4 * 300 + 0.5 - 1e-6));
            const QStringList read = decodeAll(decoder, labels[i].image);
            QCOMPARE(read.size(), 1);
            QVERIFY2(read.first().endsWith(u"21ZPL%1"_s.arg(i + 1)), qPrintable(read.first()));
        }
        // A thermal job without a layout, or with another format, is refused before anything is written.
        q.layoutName.clear();
        q.outputPath = m_dir.filePath(u"none.zpl"_s);
        QVERIFY(LabelJob(m_db.get(), q).run().error.contains(u"layout"_s));
        q.layoutName = u"Product label"_s;
        q.fileFormat = u"svg"_s;
        QVERIFY(LabelJob(m_db.get(), q).run().error.contains(u"zpl"_s));
        q.fileFormat = u"zpl"_s;
        q.zpl.dpi = 250;
        QVERIFY(!LabelJob(m_db.get(), q).run().error.isEmpty());
        QVERIFY(!QFile::exists(q.outputPath));
    }

    void thermalPrintsKeepTheReprintRule()
    {
        closient::test::FakeNetworkPrinter printer;
        ExportRequest q;
        q.exportType = u"thermal"_s;
        q.fileFormat = u"zpl"_s;
        q.selection = addSerials(u"TCP"_s, 2);
        q.layoutName = u"Product label"_s;
        q.print.printer = u"tcp://127.0.0.1:%1"_s.arg(printer.port()); // no file: sent only
        const auto runJob = [this](const ExportRequest &request) {
            auto running = QtConcurrent::run([this, request] { return LabelJob(m_db.get(), request).run(); });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 60000); }();
            return running.result();
        };
        const int printsBefore = printLogRows(u"print"_s);
        auto r = runJob(q);
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QTRY_COMPARE_WITH_TIMEOUT(printer.jobs().size(), 1, 10000);
        QString error;
        const auto labels = closient::test::readZpl(printer.jobs().first(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(labels.size(), size_t(2));
        closient::scanning::IsolatedDecoder decoder;
        QVERIFY(decodeAll(decoder, labels[1].image).value(0).endsWith(u"21TCP2"_s));
        QCOMPARE(r.printedOn, q.print.printer);
        QVERIFY(r.output.isEmpty()); // nothing kept on disk
        QCOMPARE(printLogRows(u"print"_s), printsBefore + 1);
        const auto items = wait(LabelRepository(m_db.get()).select(q.selection)).value();
        for (const auto &it : items)
            QCOMPARE(it.printCount, 1);

        // The same serials again: a reprint, refused without a reason, by name, and nothing reaches the printer.
        r = runJob(q);
        QVERIFY(r.status == JobStatus::Failed);
        QVERIFY2(r.error.contains(u"TCP1"_s) && r.error.contains(u"reason"_s), qPrintable(r.error));
        QCOMPARE(r.alreadyPrinted, (QStringList { u"TCP1"_s, u"TCP2"_s }));
        QTest::qWait(200);
        QCOMPARE(printer.jobs().size(), 1);
        // With the reason, it prints and the log says why.
        q.print.reason = u"labels smudged"_s;
        const int reprintsBefore = printLogRows(u"reprint"_s);
        r = runJob(q);
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QTRY_COMPARE_WITH_TIMEOUT(printer.jobs().size(), 2, 10000);
        QCOMPARE(printLogRows(u"reprint"_s), reprintsBefore + 1);
        const auto log = wait(LabelRepository(m_db.get()).printLog(1)).value();
        QCOMPARE(log.front().reason, u"labels smudged"_s);
        QCOMPARE(log.front().printer, q.print.printer);
        QCOMPARE(log.front().layoutName, u"Product label"_s);

        // A void serial is refused by name, to the printer and to a file alike.
        QVERIFY(wait(LabelRepository(m_db.get()).voidSerial(items[0].id, u"torn"_s, u"ana"_s)).ok());
        q.selection.ids = { items[0].id };
        r = runJob(q);
        QVERIFY2(r.error.contains(u"TCP1"_s) && r.error.contains(u"void"_s), qPrintable(r.error));
        q.print = {};
        q.outputPath = m_dir.filePath(u"void.zpl"_s);
        r = runJob(q);
        QVERIFY2(r.error.contains(u"TCP1"_s) && r.error.contains(u"void"_s), qPrintable(r.error));
        QVERIFY(!QFile::exists(q.outputPath));
        QCOMPARE(printer.jobs().size(), 2);
        // A PDF proof of the dots is a file to look at: never sent to the printer.
        q.selection.ids = { items[1].id };
        q.fileFormat = u"pdf"_s;
        q.print.printer = u"tcp://127.0.0.1:%1"_s.arg(printer.port());
        q.print.reason = u"labels smudged"_s;
        r = runJob(q);
        QVERIFY2(r.status == JobStatus::Failed && r.error.contains(u"proof"_s), qPrintable(r.error));
        QTest::qWait(200);
        QCOMPARE(printer.jobs().size(), 2);
    }

    void anUnreachablePrinterRecordsNothing()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        ExportRequest q;
        q.exportType = u"thermal"_s;
        q.fileFormat = u"zpl"_s;
        q.selection = addSerials(u"OFF"_s, 1);
        q.layoutName = u"Product label"_s;
        q.print.printer = u"tcp://127.0.0.1:%1"_s.arg(port);
        const int before = printLogRows(u"print"_s);
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY(r.status == JobStatus::Failed);
        QVERIFY2(r.error.contains(u"not printed"_s) && r.error.contains(u"127.0.0.1"_s), qPrintable(r.error));
        QCOMPARE(printLogRows(u"print"_s), before);
        QCOMPARE(wait(LabelRepository(m_db.get()).select(q.selection)).value().front().printCount, 0);
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestLabelJobLayout t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_labeljoblayout.moc"
