// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The label library on its own: templates, the API's coherence rules, symbols and refusals, artwork, ZIPs, the
// store's lots and serials (CSV import all-or-nothing, ranges, filters, print log), and jobs read back for real.
#include "database.h"
#include "exportrules.h"
#include "labelartwork.h"
#include "labelimport.h"
#include "labeljob.h"
#include "labelrepository.h"
#include "labelsymbol.h"
#include "parseresult.h"
#include "settingsrepository.h"
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
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace closient::labels;

/// A Result's value, with its error's words in @p error (for the test's own messages).
template<typename T>
closient::Result<T> noted(closient::Result<T> r, QString *error)
{
    *error = r.ok() ? QString() : r.error().message;
    return r;
}

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
        QVERIFY(
            !noted(parseTemplate(
                       R"({"name":"x","unit":"mm","page":{"width":100,"height":100},"label":{"width":60,"height":20},
            "layout":{"columns":2,"rows":1,"x0":0,"y0":0,"dx":60,"dy":20}})"),
                &error));
        QVERIFY2(error.contains(u"do not fit"_s), qPrintable(error));
        QVERIFY(!noted(parseTemplate(R"({"name":"x","unit":"furlong"})"), &error));
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

    void templatesRefuseOverflowAndAbsurdSizes()
    {
        // 46341 × 46341 labels overflow an int: the count must be checked in full, not wrapped below 1000.
        QString error;
        QVERIFY(!noted(
            parseTemplate(
                R"({"name":"huge","unit":"mm","page":{"width":100000,"height":100000},"label":{"width":2.1,"height":2.1},
            "layout":{"columns":46341,"rows":46341,"x0":0,"y0":0,"dx":2.1,"dy":2.1},"safe_inset":0})"),
            &error));
        QVERIFY2(error.contains(u"columns"_s) && error.contains(u"1000"_s), qPrintable(error));
        // A page kilometres wide is refused for its size, whatever the grid.
        QVERIFY(!noted(
            parseTemplate(
                R"({"name":"wide","unit":"mm","page":{"width":100000,"height":100},"label":{"width":50,"height":50},
            "layout":{"columns":1,"rows":1,"x0":0,"y0":0,"dx":50,"dy":50}})"),
            &error));
        QVERIFY2(error.contains(u"page"_s), qPrintable(error));
        // Numbers too large for a double after the unit conversion are not sizes either.
        QVERIFY(
            !noted(parseTemplate(
                       R"({"name":"inf","unit":"in","page":{"width":1e308,"height":100},"label":{"width":1,"height":1},
            "layout":{"columns":1,"rows":1,"x0":0,"y0":0,"dx":1,"dy":1}})"),
                &error));
        QVERIFY2(error.contains(u"page"_s), qPrintable(error));
    }

    void hriIsSetInOcrB()
    {
        // OCR-B (fonts-ocr-b), loaded from its file: every character advances 0.723 em, whatever else is installed.
        const QString hri = u"(01)09506000134352(21)AB-12"_s;
        const double em = 2.0;
        for (const QChar c : hri)
            QVERIFY2(qAbs(textWidth(QString(c), em) - 0.723 * em) < 0.005, qPrintable(QString(c)));
        QVERIFY(qAbs(textWidth(hri, em) - hri.size() * 0.723 * em) < 0.02);
    }

    void roundInchLabelKeepsItsHriLegible()
    {
        // A 1 in round label (63 on a Letter sheet): the GTIN's element string stays whole on one line at no less
        // than the smallest size allowed, with the symbol at a legal X.
        const auto sheet = *TemplateLibrary::instance().find(u"63up_1in_letter"_s);
        LabelItem it = serial(u"500001"_s, u"LOT-9"_s);
        it.expiry = QDate(2027, 1, 31);
        QString error;
        auto c = noted(symbolContent(SymbolKind::Gs1DataMatrix, it, {}), &error);
        QVERIFY2(c, qPrintable(error));
        auto e = noted(encodeSymbol(*c), &error);
        QVERIFY2(e, qPrintable(error));
        const ArtworkOptions options;
        const auto art = layoutArtwork(*c, *e, sheet.contentArea(), options);
        QVERIFY2(art.ok(), qPrintable(art.error().message));
        QStringList lines;
        double em = 0;
        for (const auto &l : art.value().text) {
            lines << l.text;
            em = l.em;
        }
        QVERIFY2(lines.contains(u"(01)09506000134352"_s), qPrintable(lines.join(u" | "_s)));
        QVERIFY2(em >= options.minTextEm - 1e-9, qPrintable(QString::number(em)));
        QVERIFY(art.value().xDim >= xSpec(SymbolKind::Gs1DataMatrix, Gs1Table::General).minX - 1e-9);
        // Everything inside the circle the inset leaves.
        const QRectF area = sheet.contentArea().rect;
        QVERIFY(sheet.contentArea().round);
        const QPointF centre = area.center() - area.topLeft();
        const double r = area.width() / 2;
        const auto inside = [&](QPointF p) { return QLineF(centre, p).length() <= r + 1e-6; };
        const QRectF s = art.value().symbolRect;
        for (const QPointF p : { s.topLeft(), s.topRight(), s.bottomLeft(), s.bottomRight() })
            QVERIFY(inside(p));
        for (const auto &l : art.value().text) {
            const double w = textWidth(l.text, l.em);
            QVERIFY2(
                inside(l.baseline + QPointF(-w / 2, 0)) && inside(l.baseline + QPointF(w / 2, 0)), qPrintable(l.text));
        }
    }

    void coherenceFollowsTheApi()
    {
        QVERIFY(checkExportCoherence(u"sheet_pdf"_s, u"pdf"_s).ok());
        QVERIFY(!checkExportCoherence(u"sheet_pdf"_s, u"svg"_s).ok());
        QVERIFY(checkExportCoherence(u"qr_codes"_s, u"png"_s).ok());
        QVERIFY(!checkExportCoherence(u"datamatrix"_s, u"eps"_s).ok());
        QVERIFY(checkExportCoherence(u"barcodes_1d"_s, u"eps"_s).ok());
        QVERIFY(!checkExportCoherence(u"barcodes_1d"_s, u"png"_s).ok());
        QVERIFY(!checkExportCoherence(u"codes_combined"_s, u"pdf"_s).ok());
        QVERIFY(!checkExportCoherence(u"labels"_s, u"pdf"_s).ok());
        QString error;
        QVERIFY(!noted(Selection::fromJson(u"products"_s, {}), &error));
        QVERIFY(error.contains(u"reserved"_s));
        QVERIFY(!noted(Selection::fromJson(u"lots"_s, { { u"colour"_s, u"red"_s } }), &error));
        QVERIFY(error.contains(u"colour"_s));
        const auto s = noted(Selection::fromJson(u"lots"_s,
                                 { { u"gtins"_s, QJsonArray { u"9506000134352"_s } }, { u"never_printed"_s, true } }),
            &error);
        QVERIFY(s);
        QCOMPARE(s->gtins, QStringList { u"09506000134352"_s }); // normalised to GTIN-14
    }

    void symbolsCarryGs1Content()
    {
        QString error;
        const auto item = serial(u"ABC/1"_s, u"L7"_s);
        auto dm = noted(symbolContent(SymbolKind::Gs1DataMatrix, item, {}), &error);
        QVERIFY(dm);
        QCOMPARE(dm->data, u"[01]09506000134352[10]L7[21]ABC/1"_s);
        // The read-back compares the element string itself: FNC1 (GS) after the variable-length lot.
        QCOMPARE(dm->expected,
            u"0109506000134352"
            "10L7\x1d"
            "21ABC/1"_s);
        auto dl = noted(symbolContent(SymbolKind::DigitalLinkQr, item, u"https://example.com/"_s), &error);
        QVERIFY(dl);
        QCOMPARE(dl->data, u"https://example.com/01/09506000134352/10/L7/21/ABC%2F1"_s);
        // EAN-13 carries a GTIN-13 only; a GTIN-14 with indicator 1 is refused with the reason.
        LabelItem case14 = item;
        case14.gtin = u"19506000134359"_s;
        QVERIFY(!noted(symbolContent(SymbolKind::Ean13, case14, {}), &error));
        QVERIFY(error.contains(u"ITF-14"_s));
        // A bad check digit never reaches a label.
        LabelItem bad = item;
        bad.gtin = u"09506000134353"_s;
        QVERIFY(!noted(symbolContent(SymbolKind::Gs1DataMatrix, bad, {}), &error));
        QVERIFY2(error.contains(u"check digit"_s, Qt::CaseInsensitive), qPrintable(error));
        // zint's warnings are errors: a GS1 symbol that zint flags does not come out.
        SymbolContent raw;
        raw.kind = SymbolKind::Gs1_128;
        raw.data = u"[01]09506000134353"_s;
        QVERIFY(!noted(encodeSymbol(raw), &error));
        QVERIFY2(error.contains(u"checksum"_s, Qt::CaseInsensitive), qPrintable(error));
    }

    void xDimensionIsCheckedNotShrunk()
    {
        QString error;
        const auto item = serial(u"1000000001"_s);
        auto c = noted(symbolContent(SymbolKind::Gs1_128, item, {}), &error);
        auto e = noted(encodeSymbol(*c), &error);
        QVERIFY(e);
        ArtworkOptions general;
        // On Avery 5160 (66.7 mm wide) GS1-128 at the distribution minimum X (0.495 mm) does not fit: refused.
        const LabelArea avery5160 { QRectF(0, 0, 63.5, 22.2) };
        const auto refused = layoutArtwork(*c, *e, avery5160, general);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(u"0.495"_s), qPrintable(refused.error().message));
        // Under the healthcare table (X from 0.250 mm) it fits, at a legal X.
        ArtworkOptions health;
        health.table = Gs1Table::Healthcare;
        auto art = layoutArtwork(*c, *e, avery5160, health);
        QVERIFY2(art.ok(), qPrintable(art.error().message));
        QVERIFY(art.value().xDim >= 0.250 - 1e-9 && art.value().xDim <= 0.495 + 1e-9);
        QVERIFY(art.value().symbolRect.width() <= 63.5);
        // A DataMatrix alone gets the table's target X when there is room.
        auto dm = noted(symbolContent(SymbolKind::Gs1DataMatrix, item, {}), &error);
        auto dme = noted(encodeSymbol(*dm), &error);
        auto free = layoutArtwork(*dm, *dme, {}, general);
        QVERIFY(free.ok());
        QVERIFY(qAbs(free.value().xDim - 0.625) < 0.05);
    }

    void exportsReadBack()
    {
        Verifier verifier;
        QString error;
        const auto item = serial(u"100042"_s, u"LOT-9"_s);
        for (auto kind : { SymbolKind::Gs1DataMatrix, SymbolKind::Gs1Qr, SymbolKind::DigitalLinkQr, SymbolKind::Gs1_128,
                 SymbolKind::Itf14 }) {
            auto c = noted(symbolContent(kind, item, {}), &error);
            QVERIFY2(c, qPrintable(error));
            auto e = noted(encodeSymbol(*c), &error);
            QVERIFY2(e, qPrintable(error));
            auto made = layoutArtwork(*c, *e, {}, {});
            QVERIFY2(made.ok(), qPrintable(made.error().message));
            const LabelArtwork *art = &made.value();
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
                QVERIFY2(noted(verifier.verifySymbolFile(data, f, kind, c->expected), &problem),
                    qPrintable(symbolKindTitle(kind) + u' ' + f + u": "_s + problem));
            }
            // SVGs carry physical units.
            QVERIFY(art->toSvg().contains(u"mm\" height=\""_s.toUtf8()));
        }
        // The verifier is not a rubber stamp: another serial's symbol fails against this content.
        auto other = noted(symbolContent(SymbolKind::Gs1DataMatrix, serial(u"100043"_s, u"LOT-9"_s), {}), &error);
        auto otherArt = layoutArtwork(*other, *noted(encodeSymbol(*other), &error), {}, {});
        const auto mine = noted(symbolContent(SymbolKind::Gs1DataMatrix, item, {}), &error);
        QString problem;
        QVERIFY(!noted(
            verifier.verifyImage(otherArt.value().toImage(), SymbolKind::Gs1DataMatrix, mine->expected), &problem));
        QVERIFY(problem.contains(u"100043"_s));
    }

    void digitalLinksPointToTheStationsResolver()
    {
        // No resolver in the request: the job reads the resolver_domain setting, and the QR codes carry it.
        closient::store::Database db; // a store of its own: the other tests count what theirs holds
        QVERIFY(wait(db.open(m_dir.filePath(u"resolver.sqlite"_s))).ok());
        QVERIFY(wait(
            closient::store::SettingsRepository(&db).setValue(u"resolver_domain"_s, u"https://resolver.example.com"_s))
                    .ok());
        LabelRepository repo(&db);
        ItemInput in;
        in.gtin = u"00012345600012"_s;
        QCOMPARE(wait(repo.addSerialRange(in, u"RD"_s, 1, 1, 1)).value(), 1);
        ExportRequest q;
        q.exportType = u"qr_codes"_s;
        q.fileFormat = u"png"_s;
        q.symbol = SymbolKind::DigitalLinkQr;
        q.selection.scope = u"serials"_s;
        q.selection.search = u"RD1"_s;
        q.outputPath = m_dir.filePath(u"resolver.zip"_s);
        LabelJob job(&db, q);
        const auto r = job.run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error + r.failures.join(u'\n')));
        QCOMPARE(job.request().resolverDomain, u"https://resolver.example.com"_s);
        QString error;
        const auto zip = noted(ZipWriter::read(q.outputPath), &error);
        QVERIFY2(zip, qPrintable(error));
        const auto &entries = *zip;
        QCOMPARE(int(entries.size()), 1);
        LabelItem item;
        item.kind = LabelItem::Kind::Serial;
        item.gtin = in.gtin;
        item.serial = u"RD1"_s;
        const auto meant
            = noted(symbolContent(SymbolKind::DigitalLinkQr, item, u"https://resolver.example.com"_s), &error);
        QVERIFY2(meant, qPrintable(error));
        QVERIFY(meant->expected.startsWith(u"https://resolver.example.com/01/00012345600012/21/RD1"_s));
        QString problem;
        QVERIFY2(
            noted(Verifier().verifySymbolFile(entries[0].second, u"png"_s, SymbolKind::DigitalLinkQr, meant->expected),
                &problem),
            qPrintable(problem));
    }

    void calibrationIsBoundedByOneLimit()
    {
        LabelRepository repo(m_db.get());
        QVERIFY(wait(repo.setCalibration(u"Desk"_s, { kCalibrationLimitMm, -kCalibrationLimitMm })).ok());
        const auto tooFar = wait(repo.setCalibration(u"Desk"_s, { 15.0, 0.0 }));
        QVERIFY(!tooFar.ok());
        QVERIFY2(tooFar.error().message.contains(u"±10 mm"_s), qPrintable(tooFar.error().message));
        QCOMPARE(wait(repo.calibration(u"Desk"_s)).value(), QPointF(kCalibrationLimitMm, -kCalibrationLimitMm));
        QCOMPARE(wait(repo.calibration(u"Never calibrated"_s)).value(), QPointF());
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
        const auto zip = noted(ZipWriter::read(path), &error);
        QVERIFY2(zip, qPrintable(error));
        const auto &entries = *zip;
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

    void csvHeadersOfOtherProgramsAreTakenOrMapped()
    {
        LabelRepository repo(m_db.get());
        Selection lots;
        lots.scope = u"lots"_s;
        lots.search = u"ALIAS"_s;
        // What an ERP or a spreadsheet writes: the usual names are known as they are.
        const QByteArray usual = "GTIN-14;Lot Number;Best before\n09506000134352;ALIAS1;2027-05-31\n";
        const auto taken = wait(repo.importCsv(u"lots"_s, usual, false, u';'));
        QVERIFY2(taken.ok(), qPrintable(taken.errors.join(u'\n')));
        const auto rows = wait(repo.select(lots)).value();
        QCOMPARE(int(rows.size()), 1);
        QCOMPARE(rows[0].lot, u"ALIAS1"_s);
        QCOMPARE(rows[0].expiry, QDate(2027, 5, 31));
        // A name of the file's own is refused, saying how to name it; with a map it is read.
        const QByteArray own = "gtin,Charge,MHD\n09506000134352,ALIAS2,2027-06-30\n";
        const auto refused = wait(repo.importCsv(u"lots"_s, own));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errors.join(u'\n').contains(u"\"charge=lot\""_s), qPrintable(refused.errors.join(u'\n')));
        const auto map = LabelImport::parseColumnMap(u"Charge=lot, MHD=expiry"_s);
        QVERIFY(map.ok());
        const auto mapped = wait(repo.importCsv(u"lots"_s, own, false, u',', map.value()));
        QVERIFY2(mapped.ok(), qPrintable(mapped.errors.join(u'\n')));
        QCOMPARE(int(wait(repo.select(lots)).value().size()), 2);
        // A map to a field the station does not have, or without "=", is refused.
        QVERIFY(!LabelImport::parseColumnMap(u"Charge=batchcode"_s).ok());
        QVERIFY(!LabelImport::parseColumnMap(u"Charge"_s).ok());
        // Two headers for one field are refused, as the same name twice is.
        const QByteArray twice = "gtin,lot,Batch\n09506000134352,ALIAS3,ALIAS4\n";
        const auto both = wait(repo.importCsv(u"lots"_s, twice));
        QVERIFY(!both.ok());
        QVERIFY2(both.errors.join(u'\n').contains(u"named twice"_s), qPrintable(both.errors.join(u'\n')));
    }

    void searchTakesWildcardsAsWritten()
    {
        LabelRepository repo(m_db.get());
        const QByteArray lots = "gtin,lot\n09506000134352,WILD_1\n09506000134352,WILDX1\n09506000134352,WILD%2\n";
        const auto imported = wait(repo.importCsv(u"lots"_s, lots));
        QVERIFY2(imported.ok(), qPrintable(imported.errors.join(u'\n')));
        Selection s;
        s.scope = u"lots"_s;
        for (const auto &[search, lot] : std::initializer_list<std::pair<QString, QString>> {
                 { u"WILD_1"_s, u"WILD_1"_s }, { u"D%2"_s, u"WILD%2"_s } }) {
            s.search = search;
            const auto found = wait(repo.select(s)).value();
            QCOMPARE(int(found.size()), 1);
            QCOMPARE(found.front().lot, lot);
        }
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
        const auto log = wait(repo.printLog()).value();
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
        QVERIFY(r.status == JobStatus::Failed);
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
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error + r.failures.join(u'\n')));
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
                const auto content = *noted(symbolContent(SymbolKind::Gs1DataMatrix, items[size_t(i)], {}), &error);
                const auto art
                    = layoutArtwork(content, *noted(encodeSymbol(content), &error), layout.sheet.contentArea(), {});
                QVERIFY(art.ok());
                const QRectF cellRect = layout.sheet.cell(cell);
                expected.push_back({ i, page, cell, cellRect,
                    art.value().symbolRect.translated(cellRect.topLeft() + layout.sheet.contentArea().rect.topLeft()),
                    content.expected, SymbolKind::Gs1DataMatrix, std::nullopt, 0, true });
            }
            std::swap(expected[0].expected, expected[69].expected);
            Verifier verifier;
            const auto report = verifier.verifySheets(q.outputPath, layout, expected);
            QCOMPARE(report.checked, 70);
            QVERIFY2(report.passed == 68, qPrintable(report.failures.mid(0, 3).join(u"\n"_s)));
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
        QVERIFY(failed.status == JobStatus::Failed);
        QVERIFY(failed.error.contains(u"GS1-128"_s));
        QVERIFY(!QFile::exists(tooBig.outputPath));
        QVERIFY(!QFile::exists(tooBig.outputPath + u".part"_s));
    }

    void csvColumnsNeverShift()
    {
        // A semicolon inside an unquoted field is data, not a separator: the columns stay where the header says.
        LabelRepository repo(m_db.get());
        const auto r = wait(repo.importCsv(u"serials"_s, "gtin,serial,lot\r\n05901234123457,AB;12,LOT9\r\n"));
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        Selection s;
        s.scope = u"serials"_s;
        s.gtins = { u"05901234123457"_s };
        const auto rows = wait(repo.select(s)).value();
        QCOMPARE(int(rows.size()), 1);
        QCOMPARE(rows[0].serial, u"AB;12"_s);
        QCOMPARE(rows[0].lot, u"LOT9"_s);
        // A row with more (or fewer) fields than the header is refused by its number, and nothing is imported.
        const auto bad = wait(repo.importCsv(u"serials"_s,
            "gtin,serial,lot\n05901234123457,CD\t34,LOT9\n05901234123457,EF,LOT9,extra\n05901234123457,GH\n"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.errors.size(), 2);
        QVERIFY2(
            bad.errors[0].startsWith(u"row 3"_s) && bad.errors[0].contains(u"4 fields"_s), qPrintable(bad.errors[0]));
        QVERIFY2(
            bad.errors[1].startsWith(u"row 4"_s) && bad.errors[1].contains(u"2 fields"_s), qPrintable(bad.errors[1]));
        QCOMPARE(int(wait(repo.select(s)).value().size()), 1);
    }

    void lotWithBracketsReadsBack()
    {
        // "A(10)B" is a lawful lot (brackets are in the GS1 character set): the read-back compares the element string
        // the symbol carries, so the label is made and checked.
        LabelRepository repo(m_db.get());
        ItemInput in;
        in.gtin = u"9780201379624"_s;
        in.lot = u"A(10)B"_s;
        in.expiry = QDate(2028, 2, 29);
        const auto added = wait(repo.addLot(in));
        QVERIFY2(added.ok(), qPrintable(added.error().message));
        for (auto kind : { SymbolKind::Gs1DataMatrix, SymbolKind::Gs1Qr, SymbolKind::Gs1_128 }) {
            ExportRequest q;
            q.selection.scope = u"lots"_s;
            q.selection.ids = { added.value().id };
            q.templateName = u"avery_5163"_s;
            q.symbol = kind;
            q.artwork.table = Gs1Table::Healthcare;
            q.outputPath = m_dir.filePath(u"brackets.pdf"_s);
            const auto r = LabelJob(m_db.get(), q).run();
            QVERIFY2(r.status == JobStatus::Completed, qPrintable(symbolKindTitle(kind) + u": "_s + r.error));
            QCOMPARE(r.verified, 1);
        }
    }

    void bigPageReadBackIsBounded()
    {
        // A 1.2 m square page would be 14173 × 14173 pixels at 300 dpi (800 MB): reading its label back must render
        // only around the symbol, so the memory does not follow the page.
        QTemporaryDir dir;
        QFile f(dir.filePath(u"poster.json"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name":"poster","unit":"mm","page":{"width":1200,"height":1200},
            "label":{"width":100,"height":100},"layout":{"columns":2,"rows":1,"x0":500,"y0":1000,"dx":150,"dy":100}})");
        f.close();
        qputenv("CLOSIENT_TEMPLATE_DIR", dir.path().toUtf8());
        TemplateLibrary::reload();
        auto reset = qScopeGuard([] {
            qunsetenv("CLOSIENT_TEMPLATE_DIR");
            TemplateLibrary::reload();
        });
        LabelRepository repo(m_db.get());
        ItemInput in;
        in.gtin = u"9780201379624"_s;
        in.lot = u"POSTER"_s;
        const auto added = wait(repo.addLot(in));
        QVERIFY2(added.ok(), qPrintable(added.error().message));
        ExportRequest q;
        q.selection.scope = u"lots"_s;
        q.selection.ids = { added.value().id };
        q.templateName = u"poster"_s;
        q.copiesPerItem = 2;
        q.outputPath = m_dir.filePath(u"poster.pdf"_s);
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error + r.failures.join(u'\n')));
        QCOMPARE(r.verified, 2);
        rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        QVERIFY2(usage.ru_maxrss < 450 * 1024, qPrintable(u"peak %1 MB"_s.arg(usage.ru_maxrss / 1024)));
    }

    void printedAndVoidSerialsAreNeverPrintedQuietly()
    {
        LabelRepository repo(m_db.get());
        ItemInput base;
        base.gtin = u"5901234123457"_s;
        QCOMPARE(wait(repo.addSerialRange(base, u"RP"_s, 1, 3, 1)).value(), 3);
        Selection s;
        s.scope = u"serials"_s;
        s.gtins = { u"05901234123457"_s };
        s.search = u"RP"_s;
        const auto rows = wait(repo.select(s)).value();
        QCOMPARE(int(rows.size()), 3);
        PrintLogEntry entry;
        entry.printer = u"Desk"_s;
        QVERIFY(wait(repo.logPrint(u"print"_s, { rows[0] }, entry, true)).ok());

        // Printing RP1 again through an ordinary print is a reprint: without a reason it is refused, by name, before
        // anything is made.
        ExportRequest q;
        q.selection = s;
        q.templateName = u"avery_5160"_s;
        q.outputPath = m_dir.filePath(u"again.pdf"_s);
        q.print.printer = u"NoSuchPrinter"_s;
        auto r = LabelJob(m_db.get(), q).run();
        QVERIFY(r.status == JobStatus::Failed);
        QVERIFY2(r.error.contains(u"RP1"_s) && r.error.contains(u"reason"_s), qPrintable(r.error));
        QVERIFY(!r.error.contains(u"RP2"_s));

        // A void serial is refused by name on every path: print, reprint and export.
        QVERIFY(wait(repo.voidSerial(rows[2].id, u"torn"_s, u"ana"_s)).ok());
        q.selection.ids = { rows[1].id, rows[2].id };
        r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.error.contains(u"RP3"_s) && r.error.contains(u"void"_s), qPrintable(r.error));
        q.print.action = u"reprint"_s;
        q.print.reason = u"lost"_s;
        r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.error.contains(u"RP3"_s) && r.error.contains(u"void"_s), qPrintable(r.error));
        q.print = {};
        r = LabelJob(m_db.get(), q).run();
        QVERIFY(r.status == JobStatus::Failed);
        QVERIFY2(r.error.contains(u"RP3"_s) && r.error.contains(u"void"_s), qPrintable(r.error));
        QVERIFY(!QFile::exists(q.outputPath));
    }

    void aJobTheStoreCannotRecordMakesNothing()
    {
        // The job's row cannot be written (here a trigger refuses it, as a full or broken store would): the job
        // says so and delivers nothing, instead of making labels the store cannot account for.
        QVERIFY(wait(m_db->run([](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(u"CREATE TEMP TRIGGER refuse_jobs BEFORE INSERT ON label_jobs "
                          u"BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"_s);
        })));
        Selection s;
        s.scope = u"serials"_s;
        s.gtins = { u"05901234123457"_s };
        ExportRequest q;
        q.selection = s;
        q.verify = false;
        q.outputPath = m_dir.filePath(u"unrecorded.pdf"_s);
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY(
            wait(m_db->run([](QSqlDatabase &db) { return QSqlQuery(db).exec(u"DROP TRIGGER temp.refuse_jobs"_s); })));
        QCOMPARE(r.status, JobStatus::Failed);
        QVERIFY2(r.error.contains(u"could not be recorded"_s), qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(q.outputPath));
    }

    void exportNeverReplacesADatabase()
    {
        Selection s;
        s.scope = u"serials"_s;
        s.gtins = { u"05901234123457"_s };
        ExportRequest q;
        q.selection = s;
        q.verify = false;
        const QString store = m_db->path();
        // Not the open store, not its journal files, not through another name for it, not any other SQLite file.
        QFile::link(store, m_dir.filePath(u"alias.pdf"_s));
        QFile other(m_dir.filePath(u"other.db"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\0'));
        other.close();
        for (const QString &target :
            { store, store + u"-wal"_s, store + u"-shm"_s, m_dir.filePath(u"alias.pdf"_s), other.fileName() }) {
            q.outputPath = target;
            const auto r = LabelJob(m_db.get(), q).run();
            QVERIFY2(r.status == JobStatus::Failed, qPrintable(target));
            QVERIFY2(r.error.contains(u"database"_s), qPrintable(r.error));
        }
        QFile f(store);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(16), QByteArray("SQLite format 3\0", 16));
        QCOMPARE(QFile(other.fileName()).size(), qint64(4096));
        // An ordinary file is replaced whole: the new PDF, and no temporary file left beside it.
        q.outputPath = m_dir.filePath(u"plain.pdf"_s);
        QFile old(q.outputPath);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        const auto r = LabelJob(m_db.get(), q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QFile pdf(q.outputPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        for (const auto &name : QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden))
            QVERIFY2(!name.endsWith(u".part"_s), qPrintable(name));
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
