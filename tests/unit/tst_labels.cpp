// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The label library on its own: templates, the API's coherence rules, symbols and refusals, artwork, ZIPs, the
// store's lots and serials (CSV import all-or-nothing, ranges, filters, print log), and jobs read back for real.
#include "database.h"
#include "labelartwork.h"
#include "labeljob.h"
#include "labelrepository.h"
#include "labelsymbol.h"
#include "sheettemplate.h"
#include "testbase.h"
#include "verifier.h"
#include "zipwriter.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>

using namespace Qt::StringLiterals;
using namespace closient::labels;

class TestLabels : public QObject
{
    Q_OBJECT

    template<typename T>
    static T wait(QFuture<T> f)
    {
        f.waitForFinished();
        return f.result();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<closient::store::Database> m_db;

    static LabelItem serial(const QString &s, const QString &lot = {})
    {
        LabelItem it;
        it.kind = LabelItem::Kind::Serial;
        it.gtin = u"09506000134352"_s;
        it.serial = s;
        it.lot = lot;
        return it;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<closient::store::Database>();
        QVERIFY(wait(m_db->open(m_dir.filePath(u"labels.sqlite"_s))).ok());
    }

    void builtInTemplatesHaveTheirGeometry()
    {
        const auto &lib = TemplateLibrary::instance();
        QVERIFY2(lib.problems().isEmpty(), qPrintable(lib.problems().join(u'\n')));
        for (const auto *name : { "63up_1in_letter", "avery_5160", "avery_5163", "avery_5167", "avery_l7160",
                 "avery_l7651", "roll_2x1in", "roll_4x6in" })
            QVERIFY2(lib.find(QString::fromLatin1(name)), name);
        const auto t = *lib.find(u"63up_1in_letter"_s);
        QCOMPARE(t.labelsPerPage(), 63);
        QCOMPARE(t.shape, SheetTemplate::Shape::Round);
        QVERIFY(qAbs(t.dx - 28.575) < 1e-6); // 1.125 in
        // Label 63 ends 0.375 in from the right edge and 0.5 in from the bottom: the grid is centred.
        const QRectF last = t.cell(62);
        QVERIFY(qAbs(t.pageWidth - last.right() - 9.525) < 1e-6);
        QVERIFY(qAbs(t.pageHeight - last.bottom() - 12.7) < 1e-6);
        QCOMPARE(lib.find(u"5160"_s)->name, u"avery_5160"_s);
        QCOMPARE(lib.find(u"Avery 8160"_s)->name, u"avery_5160"_s);
        QCOMPARE(lib.find(u"L7651"_s)->labelsPerPage(), 65);
    }

    void userTemplatesAreCheckedAndAdded()
    {
        QString error;
        QVERIFY(!parseTemplate(
            R"({"name":"x","unit":"mm","page":{"width":100,"height":100},"label":{"width":60,"height":20},
            "layout":{"columns":2,"rows":1,"x0":0,"y0":0,"dx":60,"dy":20}})",
            &error));
        QVERIFY2(error.contains(u"do not fit"_s), qPrintable(error));
        QVERIFY(!parseTemplate(R"({"name":"x","unit":"furlong"})", &error));
        QVERIFY(error.contains(u"unit"_s));
        QTemporaryDir dir;
        QFile f(dir.filePath(u"shelf.json"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name":"shelf_edge","unit":"mm","page":{"name":"A4","width":210,"height":297},
            "label":{"width":100,"height":30},"layout":{"columns":2,"rows":9,"x0":5,"y0":10,"dx":100,"dy":30}})");
        f.close();
        qputenv("CLOSIENT_TEMPLATE_DIR", dir.path().toUtf8());
        TemplateLibrary::reload();
        const auto t = TemplateLibrary::instance().find(u"shelf_edge"_s);
        qunsetenv("CLOSIENT_TEMPLATE_DIR");
        TemplateLibrary::reload();
        QVERIFY(t);
        QCOMPARE(t->labelsPerPage(), 18);
        QCOMPARE(t->source, dir.filePath(u"shelf.json"_s));
    }

    void coherenceFollowsTheApi()
    {
        QVERIFY(ExportRequest::coherenceError(u"sheet_pdf"_s, u"pdf"_s).isEmpty());
        QVERIFY(!ExportRequest::coherenceError(u"sheet_pdf"_s, u"svg"_s).isEmpty());
        QVERIFY(ExportRequest::coherenceError(u"qr_codes"_s, u"png"_s).isEmpty());
        QVERIFY(!ExportRequest::coherenceError(u"datamatrix"_s, u"eps"_s).isEmpty());
        QVERIFY(ExportRequest::coherenceError(u"barcodes_1d"_s, u"eps"_s).isEmpty());
        QVERIFY(!ExportRequest::coherenceError(u"barcodes_1d"_s, u"png"_s).isEmpty());
        QVERIFY(!ExportRequest::coherenceError(u"codes_combined"_s, u"pdf"_s).isEmpty());
        QVERIFY(!ExportRequest::coherenceError(u"labels"_s, u"pdf"_s).isEmpty());
        QString error;
        QVERIFY(!Selection::fromJson(u"products"_s, {}, &error));
        QVERIFY(error.contains(u"reserved"_s));
        QVERIFY(!Selection::fromJson(u"lots"_s, { { u"colour"_s, u"red"_s } }, &error));
        QVERIFY(error.contains(u"colour"_s));
        const auto s = Selection::fromJson(
            u"lots"_s, { { u"gtins"_s, QJsonArray { u"9506000134352"_s } }, { u"never_printed"_s, true } }, &error);
        QVERIFY(s);
        QCOMPARE(s->gtins, QStringList { u"09506000134352"_s }); // normalised to GTIN-14
    }

    void symbolsCarryGs1Content()
    {
        QString error;
        const auto item = serial(u"ABC/1"_s, u"L7"_s);
        auto dm = symbolContent(SymbolKind::Gs1DataMatrix, item, {}, &error);
        QVERIFY(dm);
        QCOMPARE(dm->data, u"[01]09506000134352[10]L7[21]ABC/1"_s);
        auto dl = symbolContent(SymbolKind::DigitalLinkQr, item, u"https://example.com/"_s, &error);
        QVERIFY(dl);
        QCOMPARE(dl->data, u"https://example.com/01/09506000134352/10/L7/21/ABC%2F1"_s);
        // EAN-13 carries a GTIN-13 only; a GTIN-14 with indicator 1 is refused with the reason.
        LabelItem case14 = item;
        case14.gtin = u"19506000134359"_s;
        QVERIFY(!symbolContent(SymbolKind::Ean13, case14, {}, &error));
        QVERIFY(error.contains(u"ITF-14"_s));
        // A bad check digit never reaches a label.
        LabelItem bad = item;
        bad.gtin = u"09506000134353"_s;
        QVERIFY(!symbolContent(SymbolKind::Gs1DataMatrix, bad, {}, &error));
        QVERIFY2(error.contains(u"check digit"_s, Qt::CaseInsensitive), qPrintable(error));
        // zint's warnings are errors: a GS1 symbol that zint flags does not come out.
        SymbolContent raw;
        raw.kind = SymbolKind::Gs1_128;
        raw.data = u"[01]09506000134353"_s;
        QVERIFY(!encodeSymbol(raw, &error));
        QVERIFY2(error.contains(u"checksum"_s, Qt::CaseInsensitive), qPrintable(error));
    }

    void xDimensionIsCheckedNotShrunk()
    {
        QString error;
        const auto item = serial(u"1000000001"_s);
        auto c = symbolContent(SymbolKind::Gs1_128, item, {}, &error);
        auto e = encodeSymbol(*c, &error);
        QVERIFY(e);
        ArtworkOptions general;
        // On Avery 5160 (66.7 mm wide) GS1-128 at the distribution minimum X (0.495 mm) does not fit: refused.
        QVERIFY(!layoutArtwork(*c, *e, QSizeF(63.5, 22.2), general, &error));
        QVERIFY2(error.contains(u"0.495"_s), qPrintable(error));
        // Under the healthcare table (X from 0.250 mm) it fits, at a legal X.
        ArtworkOptions health;
        health.table = Gs1Table::Healthcare;
        auto art = layoutArtwork(*c, *e, QSizeF(63.5, 22.2), health, &error);
        QVERIFY2(art, qPrintable(error));
        QVERIFY(art->xDim >= 0.250 - 1e-9 && art->xDim <= 0.495 + 1e-9);
        QVERIFY(art->symbolRect.width() <= 63.5);
        // A DataMatrix alone gets the table's target X when there is room.
        auto dm = symbolContent(SymbolKind::Gs1DataMatrix, item, {}, &error);
        auto dme = encodeSymbol(*dm, &error);
        auto free = layoutArtwork(*dm, *dme, {}, general, &error);
        QVERIFY(free);
        QVERIFY(qAbs(free->xDim - 0.625) < 0.05);
    }

    void exportsReadBack()
    {
        Verifier verifier;
        QString error;
        const auto item = serial(u"100042"_s, u"LOT-9"_s);
        for (auto kind : { SymbolKind::Gs1DataMatrix, SymbolKind::Gs1Qr, SymbolKind::DigitalLinkQr, SymbolKind::Gs1_128,
                 SymbolKind::Itf14 }) {
            auto c = symbolContent(kind, item, {}, &error);
            QVERIFY2(c, qPrintable(error));
            auto e = encodeSymbol(*c, &error);
            QVERIFY2(e, qPrintable(error));
            auto art = layoutArtwork(*c, *e, {}, {}, &error);
            QVERIFY2(art, qPrintable(error));
            for (const auto *fmt : { "svg", "png", "eps" }) {
                const QString f = QString::fromLatin1(fmt);
                const QByteArray data = f == u"svg" ? art->toSvg()
                    : f == u"eps"                   ? art->toEps()
                                                    : [&] {
                                        QByteArray b;
                                        QBuffer buf(&b);
                                        buf.open(QIODevice::WriteOnly);
                                        art->toImage().save(&buf, "PNG");
                                        return b;
                                    }();
                QString problem;
                QVERIFY2(verifier.verifySymbolFile(data, f, kind, c->expected, &problem),
                    qPrintable(symbolKindTitle(kind) + u' ' + f + u": "_s + problem));
            }
            // SVGs carry physical units.
            QVERIFY(art->toSvg().contains(u"mm\" height=\""_s.toUtf8()));
        }
        // The verifier is not a rubber stamp: another serial's symbol fails against this content.
        auto other = symbolContent(SymbolKind::Gs1DataMatrix, serial(u"100043"_s, u"LOT-9"_s), {}, &error);
        auto otherArt = layoutArtwork(*other, *encodeSymbol(*other, &error), {}, {}, &error);
        const auto mine = symbolContent(SymbolKind::Gs1DataMatrix, item, {}, &error);
        QString problem;
        QVERIFY(!verifier.verifyImage(otherArt->toImage(), SymbolKind::Gs1DataMatrix, mine->expected, &problem));
        QVERIFY(problem.contains(u"100043"_s));
    }

    void zipRoundTrip()
    {
        const QString path = m_dir.filePath(u"t.zip"_s);
        {
            ZipWriter zip(path);
            QCOMPARE(zip.add(u"a.svg"_s, QByteArray(5000, 'a')), u"a.svg"_s);
            QCOMPARE(zip.add(u"a.svg"_s, "second"), u"a-2.svg"_s);
            QVERIFY(zip.finish());
        }
        QString error;
        const auto entries = ZipWriter::read(path, &error);
        QCOMPARE(int(entries.size()), 2);
        QCOMPARE(entries[0].second, QByteArray(5000, 'a'));
        QCOMPARE(entries[1].first, u"a-2.svg"_s);
        // unzip agrees that the archive is sound.
        if (!QStandardPaths::findExecutable(u"unzip"_s).isEmpty()) {
            QProcess p;
            p.start(u"unzip"_s, { u"-t"_s, path });
            QVERIFY(p.waitForFinished());
            QCOMPARE(p.exitCode(), 0);
        }
    }

    void csvImportIsAllOrNothing()
    {
        LabelRepository repo(m_db.get());
        const QByteArray bad = "gtin,lot,expiry,serial\n"
                               "09506000134352,L1,2027-01-31,S1\n"
                               "09506000134353,L1,2027-01-31,S2\n" // check digit
                               "09506000134352,L1,2027-13-01,S3\n" // no such month
                               "09506000134352,L1,2027-01-31,S1\n"; // twice
        const auto report = wait(repo.importCsv(u"serials"_s, bad));
        QVERIFY(!report.ok());
        QCOMPARE(report.errors.size(), 3);
        QVERIFY(report.errors[0].startsWith(u"row 3:"_s));
        QVERIFY(report.errors[1].startsWith(u"row 4:"_s));
        QVERIFY(report.errors[2].startsWith(u"row 5:"_s));
        Selection all;
        all.scope = u"serials"_s;
        QCOMPARE(int(wait(repo.select(all)).value().size()), 0); // nothing half-imported

        const QByteArray good
            = "serial,gtin,lot,expiry\n\"S,1\",9506000134352,L1,270131\nS2,09506000134352,L1,2027-01-31\n";
        const auto ok = wait(repo.importCsv(u"serials"_s, good));
        QVERIFY2(ok.ok(), qPrintable(ok.errors.join(u'\n')));
        QCOMPARE(ok.serials, 2);
        QCOMPARE(ok.lots, 1);
        const auto rows = wait(repo.select(all)).value();
        QCOMPARE(int(rows.size()), 2);
        QCOMPARE(rows[1].serial, u"S,1"_s); // a quoted comma stays in the value; shorter serials sort first
        QCOMPARE(rows[1].expiry, QDate(2027, 1, 31)); // 270131 read as a GS1 date
        // Importing the same serials again is refused (a serial exists once)...
        QVERIFY(!wait(repo.importCsv(u"serials"_s, good)).ok());
        // ...unless an export reuses them.
        const auto again = wait(repo.importCsv(u"serials"_s, good, true));
        QVERIFY(again.ok());
        QCOMPARE(again.ids.size(), 2);
    }

    void rangesFiltersAndThePrintLog()
    {
        LabelRepository repo(m_db.get());
        ItemInput base;
        base.gtin = u"4006381333931"_s;
        base.lot = u"R5"_s;
        QCOMPARE(wait(repo.addSerialRange(base, u"SN"_s, 98, 5, 4)).value(), 5);
        // A clashing range adds nothing at all.
        QVERIFY(!wait(repo.addSerialRange(base, u"SN"_s, 100, 5, 4)).ok());
        Selection s;
        s.scope = u"serials"_s;
        s.gtins = { u"04006381333931"_s };
        auto rows = wait(repo.select(s)).value();
        QCOMPARE(int(rows.size()), 5);
        QCOMPARE(rows.front().serial, u"SN0098"_s);
        QCOMPARE(rows.back().serial, u"SN0102"_s);

        PrintLogEntry entry;
        entry.printer = u"Desk"_s;
        entry.userName = u"ana"_s;
        QVERIFY(wait(repo.logPrint(u"print"_s, { rows[0], rows[1] }, entry, true)).ok());
        s.neverPrinted = true;
        QCOMPARE(int(wait(repo.select(s)).value().size()), 3);
        QVERIFY(wait(repo.voidSerial(rows[2].id, u"torn"_s, u"ana"_s)).ok());
        QVERIFY(!wait(repo.voidSerial(rows[2].id, u"torn"_s, u"ana"_s)).ok()); // once
        QCOMPARE(int(wait(repo.select(s)).value().size()), 2); // a void serial is not active
        const auto log = wait(repo.printLog());
        QCOMPARE(log[0].action, u"void"_s);
        QCOMPARE(log[1].action, u"print"_s);
        QCOMPARE(log[1].items, 2);
        QCOMPARE(log[1].firstItem, u"04006381333931 · SN0098"_s);
        // Reprint needs a reason.
        ExportRequest q;
        q.selection = s;
        q.outputPath = m_dir.filePath(u"x.pdf"_s);
        q.print.printer = u"Desk"_s;
        q.print.action = u"reprint"_s;
        const auto r = LabelJob(m_db.get(), q).run();
        QCOMPARE(r.status, u"failed"_s);
        QVERIFY(r.error.contains(u"reason"_s));
    }

    void sheetJobStartsAtNAndReadsBack()
    {
        LabelRepository repo(m_db.get());
        ItemInput base;
        base.gtin = u"09506000134352"_s;
        QCOMPARE(wait(repo.addSerialRange(base, {}, 500001, 70, 6)).value(), 70);
        ExportRequest q;
        q.selection.scope = u"serials"_s;
        q.selection.gtins = { u"09506000134352"_s };
        q.selection.search = u"5000"_s; // 500001..500070 minus the CSV ones
        q.templateName = u"63up_1in_letter"_s;
        q.startPosition = 10;
        q.outlines = true;
        q.outputPath = m_dir.filePath(u"sheet.pdf"_s);
        LabelJob job(m_db.get(), q);
        int progressSeen = 0;
        connect(&job, &LabelJob::progress, this, [&](int, int, const QString &) { ++progressSeen; });
        const auto r = job.run();
        QVERIFY2(r.status == u"completed"_s, qPrintable(r.error + r.failures.join(u'\n')));
        QCOMPARE(r.items, 70);
        QCOMPARE(r.pages, 2); // 9 used + 70 = 79 > 63
        QCOMPARE(r.verified, 70);
        QVERIFY(progressSeen > 0);
        auto doc = Poppler::Document::load(q.outputPath);
        QVERIFY(doc);
        QCOMPARE(doc->numPages(), 2);
        QCOMPARE(doc->page(0)->pageSizeF().toSize(), QSize(612, 792)); // US Letter in points
        {
            QString error;
            // Read back again with two labels swapped in the expectations, one on each page: the pages are shared
            // among readers, and each reader's mismatch is reported with its page and label.
            SheetLayout layout;
            layout.sheet = *TemplateLibrary::instance().find(q.templateName);
            layout.startPosition = q.startPosition;
            const auto items = wait(repo.select(q.selection)).value();
            std::vector<PlacedLabel> expected;
            for (int i = 0; i < int(items.size()); ++i) {
                const auto [page, cell] = layout.slot(i);
                expected.push_back({ i, page, cell, layout.sheet.cell(cell), {},
                    symbolContent(SymbolKind::Gs1DataMatrix, items[size_t(i)], {}, &error)->expected,
                    SymbolKind::Gs1DataMatrix });
            }
            std::swap(expected[0].expected, expected[69].expected);
            Verifier verifier;
            const auto report = verifier.verifySheets(q.outputPath, layout, expected);
            QCOMPARE(report.checked, 70);
            QCOMPARE(report.passed, 68);
            QCOMPARE(report.failures.size(), 2);
            QVERIFY2(report.failures[0].startsWith(u"page 1, label 10:"_s), qPrintable(report.failures[0]));
            QVERIFY2(report.failures[1].startsWith(u"page 2, label 16:"_s), qPrintable(report.failures[1]));
        }
        // The job row followed the lifecycle to completed.
        const auto status = wait(m_db->run([id = r.jobId](QSqlDatabase &db) {
            QSqlQuery qq(db);
            qq.prepare(u"SELECT status, total_items, file_size_bytes FROM label_jobs WHERE id = ?"_s);
            qq.addBindValue(id);
            qq.exec();
            qq.next();
            return qq.value(0).toString() + u'/' + qq.value(1).toString() + u'/'
                + (qq.value(2).toLongLong() > 0 ? u"bytes"_s : u"none"_s);
        }));
        QCOMPARE(status, u"completed/70/bytes"_s);

        // A job that cannot fit its symbol fails, says why, and leaves no file behind.
        ExportRequest tooBig = q;
        tooBig.symbol = SymbolKind::Gs1_128;
        tooBig.outputPath = m_dir.filePath(u"nope.pdf"_s);
        const auto failed = LabelJob(m_db.get(), tooBig).run();
        QCOMPARE(failed.status, u"failed"_s);
        QVERIFY(failed.error.contains(u"GS1-128"_s));
        QVERIFY(!QFile::exists(tooBig.outputPath));
        QVERIFY(!QFile::exists(tooBig.outputPath + u".part"_s));
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for the human-readable text
    QStandardPaths::setTestModeEnabled(true);
    TestLabels t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_labels.moc"
