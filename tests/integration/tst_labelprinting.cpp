// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The labels command end to end: CSV in, verified sheets and ZIPs out, and real prints through a private CUPS with
// the cups-pdf virtual printer, whose PDFs are read back label by label. The Labels screen's controller prints on
// the same printer.
#include "clirunner.h"
#include "database.h"
#include "labeljob.h"
#include "labelrepository.h"
#include "labelscontroller.h"
#include "labelsymbol.h"
#include "pdfpages.h"
#include "printers.h"
#include "settings.h"
#include "sheettemplate.h"
#include "storetestutil.h"
#include "verifier.h"
#include "zipwriter.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QGuiApplication>
#include <QPrinterInfo>
#include <QProcess>
#include <QTest>
#include <QtConcurrent>

#include <poppler-qt6.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace closient::test;
using namespace closient::labels;

/// A Result's value, with its error's words in @p error (for the test's own messages).
template<typename T>
closient::Result<T> noted(closient::Result<T> r, QString *error)
{
    *error = r.ok() ? QString() : r.error().message;
    return r;
}

namespace {
/// The real binary with extra environment variables (fonts, fontconfig).
CliResult runCliWith(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(stationBinary(), args);
    p.waitForStarted();
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

/// What the element string of GTIN 09506000134352 with a serial reads back as.
QString serialElementString(const QString &serial)
{
    LabelItem it;
    it.kind = LabelItem::Kind::Serial;
    it.gtin = u"09506000134352"_s;
    it.serial = serial;
    QString error;
    return noted(symbolContent(SymbolKind::Gs1_128, it, {}), &error)->expected;
}
} // namespace

class TestLabelPrinting : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTemporaryDir m_cupsDir { u"/tmp/closient-cups-XXXXXX"_s };
    QProcess m_cupsd;
    bool m_cups = false;
    QString m_pdfDir; // where cups-pdf writes: the job owner's ~/PDF
    QStringList m_pdfsBefore;

    QString db() const { return m_dir.filePath(u"labels.sqlite"_s); }
    QString csv(const QString &name, const QByteArray &text) const
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    }
    QStringList exportArgs(const QStringList &more) const
    {
        return QStringList { u"--db"_s, db(), u"labels"_s, u"export"_s } + more;
    }
    int count(const QString &scope, const QString &gtin) const
    {
        const auto r = runCli({ u"--db"_s, db(), u"labels"_s, u"list"_s, u"--scope"_s, scope, u"--gtin"_s, gtin });
        return r.exitCode == 0 ? int(r.jsonLines().size()) : -1;
    }
    /// The PDF cups-pdf made for the job whose id starts with @p jobPrefix.
    QString printedPdf(const QString &jobPrefix)
    {
        QString printed;
        const bool found = QTest::qWaitFor(
            [&] {
                for (const auto &f : QDir(m_pdfDir).entryList({ u"*.pdf"_s }, QDir::Files, QDir::Time)) {
                    if (!m_pdfsBefore.contains(f) && f.contains(jobPrefix)) {
                        printed = QDir(m_pdfDir).filePath(f);
                        return QFileInfo(printed).size() > 0 && Poppler::Document::load(printed) != nullptr;
                    }
                }
                return false;
            },
            60000);
        return found ? printed : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pdfDir = QString::fromLocal8Bit(getpwuid(getuid())->pw_dir) + u"/PDF"_s;
        m_pdfsBefore = QDir(m_pdfDir).entryList({ u"*.pdf"_s });
        const QString cupsd = u"/usr/sbin/cupsd"_s;
        if (!QFile::exists(cupsd) || !QFile::exists(u"/usr/lib/cups/backend/cups-pdf"_s))
            return; // the printing tests skip, the rest run
        // A private CUPS: its own config, spool and socket, the cups-pdf virtual printer.
        const QString root = m_cupsDir.path();
        QFile::setPermissions(root, QFileDevice::Permissions(0x7777));
        for (const auto *d : { "root", "spool", "cache", "state", "logs" })
            QDir(root).mkpath(QString::fromLatin1(d));
        const QString sock = m_cupsDir.filePath(u"cups.sock"_s);
        QFile conf(m_cupsDir.filePath(u"root/cupsd.conf"_s));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(
            u"Listen %1\nLogLevel warn\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"_s
                .arg(sock)
                .toUtf8());
        conf.close();
        QFile files(m_cupsDir.filePath(u"root/cups-files.conf"_s));
        QVERIFY(files.open(QIODevice::WriteOnly));
        files.write(
            u"ServerRoot %1/root\nRequestRoot %1/spool\nCacheDir %1/cache\nStateDir %1/state\nErrorLog "
            u"%1/logs/error_log\n"
            "AccessLog %1/logs/access_log\nPageLog %1/logs/page_log\nTempDir %1/spool\nServerBin /usr/lib/cups\n"
            "DataDir /usr/share/cups\nUser lp\nGroup lp\n"_s.arg(root)
                .toUtf8());
        files.close();
        QProcess::execute(u"chmod"_s, { u"-R"_s, u"a+rwX"_s, root });
        m_cupsd.start(cupsd, { u"-f"_s, u"-c"_s, conf.fileName(), u"-s"_s, files.fileName() });
        QVERIFY(m_cupsd.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sock), 10000);
        qputenv("CUPS_SERVER", sock.toUtf8());
        QProcess lpadmin;
        lpadmin.start(u"lpadmin"_s,
            { u"-p"_s, u"ClosientTest"_s, u"-v"_s, u"cups-pdf:/"_s, u"-P"_s,
                u"/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"_s, u"-E"_s });
        QVERIFY(lpadmin.waitForFinished(20000));
        QCOMPARE(lpadmin.exitCode(), 0);
        m_cups = true;
    }

    void cleanupTestCase()
    {
        if (!m_cups)
            return;
        // Every job leaves the queue before CUPS stops; then the PDFs these tests made go.
        (void)QTest::qWaitFor(
            [] {
                QProcess lpstat;
                lpstat.start(u"lpstat"_s, { u"-o"_s });
                lpstat.waitForFinished(10000);
                return lpstat.readAllStandardOutput().trimmed().isEmpty();
            },
            60000);
        m_cupsd.terminate();
        m_cupsd.waitForFinished(5000);
        for (const auto &f : QDir(m_pdfDir).entryList({ u"*.pdf"_s })) {
            if (!m_pdfsBefore.contains(f))
                QFile::remove(QDir(m_pdfDir).filePath(f));
        }
    }

    void theDeskIsToldWhyThereIsNoPrinter()
    {
        // No print service where the station looks: it says so, in words, rather than an empty list. (Asked
        // through lpstat, which reads CUPS_SERVER afresh; this process's libcups keeps the server it first used.)
        const QByteArray before = qgetenv("CUPS_SERVER");
        qputenv("CUPS_SERVER", m_cupsDir.filePath(u"nobody-listens.sock"_s).toUtf8());
        const QString why = closient::printing::whyNoPrinters();
        QVERIFY2(why.contains(u"CUPS) is not running"_s), qPrintable(why));
        if (before.isEmpty())
            qunsetenv("CUPS_SERVER");
        else
            qputenv("CUPS_SERVER", before);
        if (!m_cups)
            return;
        // The private CUPS, with its printer: listed.
        const auto printers = closient::printing::availablePrinters();
        QVERIFY(
            std::any_of(printers.begin(), printers.end(), [](const auto &p) { return p.name == u"ClosientTest"_s; }));
    }

    void badInputFailsLoudly()
    {
        // A missing file, a bad row, and an incoherent pair: non-zero exit, a clear message, no output.
        auto r = runCli(exportArgs({ u"--scope"_s, u"serials"_s, u"--input"_s, m_dir.filePath(u"missing.csv"_s),
            u"--out"_s, m_dir.filePath(u"x.pdf"_s) }));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("missing.csv"));
        const QString bad = csv(u"bad.csv"_s, "gtin,serial\n09506000134353,1\n09506000134352,\n");
        r = runCli(
            exportArgs({ u"--scope"_s, u"serials"_s, u"--input"_s, bad, u"--out"_s, m_dir.filePath(u"x.pdf"_s) }));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("row 2") && r.err.contains("row 3"), r.err.constData());
        r = runCli(exportArgs(
            { u"--type"_s, u"qr_codes"_s, u"--format"_s, u"eps"_s, u"--out"_s, m_dir.filePath(u"x.zip"_s) }));
        QCOMPARE(r.exitCode, 2); // options that do not go together: a usage error
        QVERIFY(r.err.contains("svg or png"));
        r = runCli(exportArgs({ u"--scope"_s, u"products"_s, u"--out"_s, m_dir.filePath(u"x.pdf"_s) }));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("reserved"));
        QVERIFY(!QFile::exists(m_dir.filePath(u"x.pdf"_s)));
    }

    void combinedZipHasBothSymbolsPerEntity()
    {
        const QString in = csv(u"lots.csv"_s, "gtin,lot,expiry\n09506000134352,A1,2027-06-30\n4006381333931,B/2,\n");
        const QString out = m_dir.filePath(u"combined.zip"_s);
        const auto r = runCli(exportArgs({ u"--scope"_s, u"lots"_s, u"--input"_s, in, u"--type"_s, u"codes_combined"_s,
            u"--format"_s, u"svg"_s, u"--gs1-table"_s, u"healthcare"_s, u"--out"_s, out }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto job = r.jsonLines().last();
        QCOMPARE(job.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(job.value(u"verified"_s).toInt(), 4);
        QString error;
        const auto zip = noted(ZipWriter::read(out), &error);
        QVERIFY2(zip, qPrintable(error));
        const auto &entries = *zip;
        QStringList names;
        for (const auto &e : entries)
            names << e.first;
        // One QR and one 1D per entity, named by its identifiers (a "/" in a lot becomes "-"), in GTIN order.
        QCOMPARE(names,
            (QStringList { u"04006381333931_B-2-qr.svg"_s, u"04006381333931_B-2-1d.svg"_s,
                u"09506000134352_A1-qr.svg"_s, u"09506000134352_A1-1d.svg"_s }));
        QVERIFY(entries[2].second.contains("https://id.gs1.org/01/09506000134352/10/A1?17=270630"));
    }

    void csvColumnsNeverShift()
    {
        // RFC 4180: a quoted field may hold the separator, a quote and a line break; an unquoted ";" is data.
        QString in = csv(u"shift.csv"_s,
            "\xEF\xBB\xBFgtin,serial,lot\r\n09506000134352,AB;12,LOT9\r\n09506000134352,\"Q\"\"1\",\"L,2\"\r\n");
        auto r = runCli({ u"--db"_s, db(), u"labels"_s, u"import"_s, u"--scope"_s, u"serials"_s, in });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli(
            { u"--db"_s, db(), u"labels"_s, u"list"_s, u"--scope"_s, u"serials"_s, u"--gtin"_s, u"09506000134352"_s });
        QStringList seen;
        for (const auto &line : r.jsonLines())
            seen << line.value(u"serial"_s).toString() + u'/' + line.value(u"lot"_s).toString();
        QVERIFY2(seen.contains(u"AB;12/LOT9"_s), qPrintable(seen.join(u' ')));
        QVERIFY2(seen.contains(u"Q\"1/L,2"_s), qPrintable(seen.join(u' ')));
        // Other separators are said, not guessed.
        in = csv(u"semicolons.csv"_s, "gtin;serial;lot\n09506000134352;SC1;L,3\n");
        r = runCli(
            { u"--db"_s, db(), u"labels"_s, u"import"_s, u"--scope"_s, u"serials"_s, u"--delimiter"_s, u";"_s, in });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli(
            { u"--db"_s, db(), u"labels"_s, u"list"_s, u"--scope"_s, u"serials"_s, u"--gtin"_s, u"09506000134352"_s });
        QVERIFY(r.out.contains("\"serial\":\"SC1\""));
        QVERIFY(r.out.contains("\"lot\":\"L,3\""));
        // A file's own column names, named with --map; a map to a field the station does not have is refused.
        in = csv(u"own.csv"_s, "gtin,Seriennummer,Charge\n09506000134352,MAP1,L5\n");
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"import"_s, u"--scope"_s, u"serials"_s, u"--map"_s,
            u"Seriennummer=serial,Charge=lot"_s, in });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(runCli({ u"--db"_s, db(), u"labels"_s, u"list"_s, u"--scope"_s, u"serials"_s })
                    .out.contains("\"serial\":\"MAP1\""));
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"import"_s, u"--scope"_s, u"serials"_s, u"--map"_s,
            u"Charge=charge"_s, in });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--map"), r.err.constData());
        // A row with a field too many is refused by its number; nothing from the file is imported.
        in = csv(u"extra.csv"_s, "gtin,serial\n09506000134352,X1\n09506000134352,X2,LOT\n");
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"import"_s, u"--scope"_s, u"serials"_s, in });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("row 3") && r.err.contains("3 fields"), r.err.constData());
        QVERIFY(!runCli({ u"--db"_s, db(), u"labels"_s, u"list"_s, u"--scope"_s, u"serials"_s })
                     .out.contains("\"serial\":\"X1\""));
    }

    void exportNeverOverwritesTheStore()
    {
        const QString store = m_dir.filePath(u"guarded.sqlite"_s);
        auto r = runCli(
            { u"--db"_s, store, u"labels"_s, u"add"_s, u"--gtin"_s, u"09506000134352"_s, u"--lot"_s, u"KEEP"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto intact = [&] {
            QFile f(store);
            return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16)
                && runCli({ u"--db"_s, store, u"labels"_s, u"list"_s }).out.contains("KEEP");
        };
        QVERIFY(intact());
        for (const QString &target : { store, store + u"-wal"_s, m_dir.filePath(u"labels.sqlite"_s) }) {
            r = runCli({ u"--db"_s, store, u"labels"_s, u"export"_s, u"--no-verify"_s, u"--out"_s, target });
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("database"), r.err.constData());
        }
        QVERIFY(intact());

        // The Labels screen refuses the same.
        closient::store::Database database;
        closient::store::Settings settings(&database);
        closient::models::LabelsController labels(&database, &settings);
        QVERIFY(await(database.open(store)).ok());
        (void)settings.load(); // as the application does once the store is open; the controller starts from them
        QTRY_COMPARE(labels.selection()->items()->count(), 1);
        labels.printing()->exportTo(QUrl::fromLocalFile(store));
        QTRY_VERIFY_WITH_TIMEOUT(!labels.printing()->jobRunning(), 30000);
        QCOMPARE(labels.status()->severity(), closient::models::StatusMessage::Severity::Error);
        QVERIFY2(labels.status()->text().contains(u"database"_s), qPrintable(labels.status()->text()));
        QVERIFY(intact());
    }

    void failedExportImportsNothing()
    {
        // Everything is checked before the file's rows are stored; a job that fails later stores nothing either.
        const QString in = csv(u"late.csv"_s, "gtin,serial\n4006381333931,LATE1\n4006381333931,LATE2\n");
        const int before = count(u"serials"_s, u"4006381333931"_s);
        QVERIFY(before >= 0);
        const QList<QStringList> failing {
            { u"--template"_s, u"no_such_stock"_s },
            { u"--template"_s, u"avery_5160"_s, u"--start"_s, u"31"_s },
            { u"--symbol"_s, u"gs1_128"_s }, // does not fit a 1 in round label: found while rendering
            { u"--print"_s, u"NoSuchPrinter"_s },
        };
        for (const auto &extra : failing) {
            const auto r = runCli(exportArgs(
                QStringList { u"--scope"_s, u"serials"_s, u"--input"_s, in, u"--out"_s, m_dir.filePath(u"late.pdf"_s) }
                + extra));
            QVERIFY2(r.exitCode == 1, qPrintable(extra.join(u' ')));
            QCOMPARE(count(u"serials"_s, u"4006381333931"_s), before);
            QVERIFY(!QFile::exists(m_dir.filePath(u"late.pdf"_s)));
        }
        const auto r = runCli(
            exportArgs({ u"--scope"_s, u"serials"_s, u"--input"_s, in, u"--out"_s, m_dir.filePath(u"late.pdf"_s) }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(count(u"serials"_s, u"4006381333931"_s), before + 2);
    }

    void missingFontsFailClearly()
    {
        QTemporaryDir empty;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLOSIENT_FONT_DIR"_s, empty.path());
        const QString in = csv(u"font.csv"_s, "gtin,lot\n09506000134352,FONT1\n");
        const auto r = runCliWith(
            exportArgs({ u"--scope"_s, u"lots"_s, u"--input"_s, in, u"--out"_s, m_dir.filePath(u"font.pdf"_s) }), env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("fonts-ocr-b"), r.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(u"font.pdf"_s)));
    }

    void labelsDoNotDependOnInstalledFonts()
    {
        // The same labels with the machine's fonts and with none at all (an empty fontconfig): the station draws
        // with its own font files, so the symbol files are byte for byte the same and the sheets look the same.
        QTemporaryDir fc;
        QFile conf(fc.filePath(u"fonts.conf"_s));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(u"<?xml version=\"1.0\"?>\n<fontconfig><cachedir>%1</cachedir></fontconfig>\n"_s
                       .arg(fc.filePath(u"cache"_s))
                       .toUtf8());
        conf.close();
        auto bare = QProcessEnvironment::systemEnvironment();
        bare.insert(u"FONTCONFIG_FILE"_s, conf.fileName());
        const auto normal = QProcessEnvironment::systemEnvironment();
        const QString in = csv(u"fonts.csv"_s, "gtin,lot,expiry\n09506000134352,FONT2,2027-06-30\n");
        const QList<QStringList> exports {
            { u"--type"_s, u"codes_combined"_s, u"--format"_s, u"svg"_s, u"--gs1-table"_s, u"healthcare"_s },
            { u"--type"_s, u"barcodes_1d"_s, u"--format"_s, u"eps"_s, u"--symbol"_s, u"itf14"_s },
            { u"--type"_s, u"datamatrix"_s, u"--format"_s, u"png"_s },
        };
        for (const auto &type : exports) {
            std::vector<std::vector<std::pair<QString, QByteArray>>> made;
            for (const auto &env : { normal, bare }) {
                const QString out = m_dir.filePath(u"fonts-%1.zip"_s.arg(made.size()));
                const auto r = runCliWith(
                    exportArgs(QStringList { u"--scope"_s, u"lots"_s, u"--input"_s, in, u"--out"_s, out } + type), env);
                QVERIFY2(r.exitCode == 0, r.err.constData());
                QString error;
                const auto zip = noted(ZipWriter::read(out), &error);
                QVERIFY2(zip, qPrintable(error));
                made.push_back(*zip);
            }
            QCOMPARE(made[0].size(), made[1].size());
            for (size_t i = 0; i < made[0].size(); ++i)
                QVERIFY2(made[0][i].second == made[1][i].second, qPrintable(made[0][i].first));
        }
        // Sheets: the 1 in round labels, rendered.
        QList<QImage> pages;
        for (const auto &env : { normal, bare }) {
            const QString out = m_dir.filePath(u"fonts-%1.pdf"_s.arg(pages.size()));
            const auto r = runCliWith(exportArgs({ u"--scope"_s, u"lots"_s, u"--input"_s, in, u"--out"_s, out }), env);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            auto doc = Poppler::Document::load(out);
            QVERIFY(doc);
            pages << doc->page(0)->renderToImage(150, 150);
        }
        QVERIFY(pages[0] == pages[1]);
    }

    void printsThroughCupsAndMarksPrinted()
    {
        if (!m_cups)
            QSKIP("CUPS with printer-driver-cups-pdf is not installed (scripts/test.sh installs it)");
        QByteArray rows = "gtin,serial\n";
        for (int i = 0; i < 40; ++i)
            rows += "09506000134352," + QByteArray::number(700001 + i) + '\n';
        const QString in = csv(u"serials.csv"_s, rows);
        auto r = runCli(exportArgs({ u"--scope"_s, u"serials"_s, u"--input"_s, in, u"--template"_s, u"avery_5160"_s,
            u"--symbol"_s, u"gs1_128"_s, u"--gs1-table"_s, u"healthcare"_s, u"--start"_s, u"4"_s, u"--print"_s,
            u"ClosientTest"_s, u"--out"_s, m_dir.filePath(u"sheet.pdf"_s) }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto job = r.jsonLines().last();
        QCOMPARE(job.value(u"printed_on"_s).toString(), u"ClosientTest"_s);
        QCOMPARE(job.value(u"pages"_s).toInt(), 2); // 3 used + 40 > 30

        // The PDF that came out of the printer queue: every label where it belongs, reading back its serial.
        const QString printed = printedPdf(job.value(u"job_id"_s).toString().left(8));
        QVERIFY(!printed.isEmpty());
        auto doc = Poppler::Document::load(printed);
        QCOMPARE(doc->numPages(), 2);
        SheetLayout layout;
        layout.sheet = *TemplateLibrary::instance().find(u"avery_5160"_s);
        layout.startPosition = 4;
        std::vector<PlacedLabel> expected;
        for (int i = 0; i < 40; ++i) {
            const auto [page, cell] = layout.slot(i);
            expected.push_back({ i, page, cell, layout.sheet.cell(cell), {},
                serialElementString(QString::number(700001 + i)), SymbolKind::Gs1_128, std::nullopt, 0, true });
        }
        Verifier verifier;
        const auto report = verifier.verifySheets(printed, layout, expected);
        QVERIFY2(report.ok(), qPrintable(report.failures.join(u'\n')));
        QCOMPARE(report.passed, 40);

        // Printed means printed: the serials are marked, the log says who, what, where.
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"list"_s, u"--scope"_s, u"serials"_s, u"--never-printed"_s,
            u"--gtin"_s, u"09506000134352"_s });
        QCOMPARE(r.exitCode, 0);
        for (const auto &line : r.jsonLines())
            QVERIFY(!line.value(u"serial"_s).toString().startsWith(u"7000"_s));
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"log"_s });
        const auto log = r.jsonLines().first();
        QCOMPARE(log.value(u"action"_s).toString(), u"print"_s);
        QCOMPARE(log.value(u"printer"_s).toString(), u"ClosientTest"_s);
        QCOMPARE(log.value(u"items"_s).toInt(), 40);
        QCOMPARE(log.value(u"start"_s).toInt(), 4);

        // A reprint of one label, on page 1 at position 7, with its reason.
        r = runCli(exportArgs({ u"--scope"_s, u"serials"_s, u"--input"_s,
            csv(u"one.csv"_s, "gtin,serial\n09506000134352,700005\n"), u"--template"_s, u"avery_5160"_s, u"--symbol"_s,
            u"gs1_128"_s, u"--gs1-table"_s, u"healthcare"_s, u"--start"_s, u"7"_s, u"--print"_s, u"ClosientTest"_s,
            u"--reprint-reason"_s, u"torn on the roll"_s, u"--out"_s, m_dir.filePath(u"reprint.pdf"_s) }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"log"_s });
        QCOMPARE(r.jsonLines().first().value(u"action"_s).toString(), u"reprint"_s);
        QCOMPARE(r.jsonLines().first().value(u"reason"_s).toString(), u"torn on the roll"_s);
    }

    /// A print is recorded as printed only when CUPS says it printed: a cancelled job records nothing, and a job
    /// still queued when the station stops waiting is recorded (it prints when the printer resumes) and said so.
    void aCupsJobThatDoesNotPrintIsNotRecordedSilently()
    {
        if (!m_cups)
            QSKIP("CUPS is not installed");
        // A raw queue whose printer never answers: its jobs stay queued, as with a printer unplugged.
        QProcess lpadmin;
        lpadmin.start(u"lpadmin"_s, { u"-p"_s, u"Unplugged"_s, u"-v"_s, u"socket://127.0.0.1:1"_s, u"-E"_s });
        QVERIFY(lpadmin.waitForFinished(20000));
        QCOMPARE(lpadmin.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!QPrinterInfo::printerInfo(u"Unplugged"_s).isNull(), 20000);
        closient::store::Database store;
        QVERIFY(closient::test::await(store.open(m_dir.filePath(u"cupsjobs.sqlite"_s))).ok());
        LabelRepository repo(&store);
        ItemInput base;
        base.gtin = u"09506000134352"_s;
        QCOMPARE(closient::test::await(repo.addSerialRange(base, u"CJ"_s, 1, 4, 1)).value(), 4);
        const auto serials = [&](const QStringList &names) {
            Selection s;
            s.scope = u"serials"_s;
            const auto all = closient::test::await(repo.select(s)).value();
            for (const auto &it : all) {
                if (names.contains(it.serial))
                    s.ids << it.id;
            }
            return s;
        };
        const auto printCount = [&](const Selection &s) {
            int n = 0;
            const auto rows = closient::test::await(repo.select(s)).value();
            for (const auto &it : rows)
                n += it.printCount;
            return n;
        };
        const auto logRows = [&] { return int(closient::test::await(repo.printLog(1000)).value().size()); };
        const auto lpstat = [](const QStringList &args) {
            QProcess p;
            p.start(u"lpstat"_s, args);
            p.waitForFinished(10000);
            return QString::fromLocal8Bit(p.readAllStandardOutput());
        };

        // Cancelled while the station waits for it: the job fails and nothing is recorded as printed.
        ExportRequest q;
        q.selection = serials({ u"CJ1"_s, u"CJ2"_s });
        q.templateName = u"avery_5160"_s;
        q.outputPath = m_dir.filePath(u"unplugged.pdf"_s);
        q.print.printer = u"Unplugged"_s;
        q.print.confirmTimeoutMs = 60000;
        const int logBefore = logRows();
        auto running = QtConcurrent::run([&store, q] { return LabelJob(&store, q).run(); });
        QString queued;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(queued = lpstat({ u"-W"_s, u"not-completed"_s, u"-o"_s, u"Unplugged"_s }).section(u' ', 0, 0)).isEmpty(),
            20000);
        QCOMPARE(QProcess::execute(u"cancel"_s, { queued }), 0);
        QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 30000);
        auto r = running.result();
        QVERIFY(r.status == JobStatus::Failed);
        QVERIFY2(
            r.error.contains(queued) && r.error.contains(u"cancel"_s) && r.error.contains(u"Nothing is recorded"_s),
            qPrintable(r.error));
        QCOMPARE(printCount(q.selection), 0);
        QCOMPARE(logRows(), logBefore);
        QVERIFY(!QFile::exists(q.outputPath));

        // Still queued when the station stops waiting: recorded, since it prints when the printer resumes, and said.
        q.selection = serials({ u"CJ3"_s, u"CJ4"_s });
        q.print.confirmTimeoutMs = 3000;
        r = LabelJob(&store, q).run();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QCOMPARE(r.printState, u"stalled"_s);
        QVERIFY2(r.warning.contains(r.cupsJob) && r.warning.contains(u"has not printed"_s), qPrintable(r.warning));
        QCOMPARE(r.toJson().value(u"print_state"_s).toString(), u"stalled"_s);
        QCOMPARE(printCount(q.selection), 2);
        QCOMPARE(logRows(), logBefore + 1);
        QCOMPARE(QProcess::execute(u"cancel"_s, { u"-a"_s, u"Unplugged"_s }), 0);
    }

    void printingAgainIsAnAuditedReprint()
    {
        if (!m_cups)
            QSKIP("CUPS with printer-driver-cups-pdf is not installed");
        const QString in = csv(u"again.csv"_s, "gtin,serial\n09506000134352,800001\n09506000134352,800002\n");
        const QStringList common { u"--scope"_s, u"serials"_s, u"--template"_s, u"avery_5160"_s, u"--start"_s, u"1"_s,
            u"--out"_s, m_dir.filePath(u"again.pdf"_s) };
        auto r = runCli(exportArgs(common + QStringList { u"--input"_s, in, u"--print"_s, u"ClosientTest"_s }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The same serials through an ordinary print: refused, naming them, until a reason is given.
        r = runCli(exportArgs(common + QStringList { u"--input"_s, in, u"--print"_s, u"ClosientTest"_s }));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("800001") && r.err.contains("800002") && r.err.contains("--reprint-reason"),
            r.err.constData());
        r = runCli(exportArgs(common
            + QStringList { u"--input"_s, in, u"--print"_s, u"ClosientTest"_s, u"--reprint-reason"_s, u"smudged"_s }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"log"_s, u"--limit"_s, u"1"_s });
        QCOMPARE(r.jsonLines().first().value(u"action"_s).toString(), u"reprint"_s);
        QCOMPARE(r.jsonLines().first().value(u"reason"_s).toString(), u"smudged"_s);
        QCOMPARE(r.jsonLines().first().value(u"items"_s).toInt(), 2);

        // A void serial is refused by every path: print, reprint, export, by id or from a file.
        r = runCli(
            { u"--db"_s, db(), u"labels"_s, u"list"_s, u"--scope"_s, u"serials"_s, u"--gtin"_s, u"09506000134352"_s });
        QString voidId;
        for (const auto &line : r.jsonLines()) {
            if (line.value(u"serial"_s).toString() == u"800002")
                voidId = line.value(u"id"_s).toString();
        }
        QVERIFY(!voidId.isEmpty());
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"void"_s, voidId, u"--reason"_s, u"destroyed"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QStringList> paths {
            { u"--input"_s, in, u"--print"_s, u"ClosientTest"_s },
            { u"--input"_s, in, u"--print"_s, u"ClosientTest"_s, u"--reprint-reason"_s, u"lost"_s },
            { u"--input"_s, in },
            { u"--id"_s, voidId },
            { u"--id"_s, voidId, u"--print"_s, u"ClosientTest"_s, u"--reprint-reason"_s, u"lost"_s },
        };
        for (const auto &extra : paths) {
            r = runCli(exportArgs(common + extra));
            QVERIFY2(r.exitCode == 1, qPrintable(extra.join(u' ')));
            QVERIFY2(r.err.contains("800002") && r.err.contains("void"), r.err.constData());
        }
    }

    void startMovesPastTheUsedLabels()
    {
        if (!m_cups)
            QSKIP("CUPS with printer-driver-cups-pdf is not installed");
        // 5 labels from label 28 of an Avery 5160 sheet (30 labels): 28, 29, 30, then 1 and 2 of a new sheet. The
        // next print on that stock starts at label 3 without being told.
        QByteArray rows = "gtin,serial\n";
        for (int i = 0; i < 5; ++i)
            rows += "09506000134352," + QByteArray::number(810001 + i) + '\n';
        auto r = runCli(exportArgs(
            { u"--scope"_s, u"serials"_s, u"--input"_s, csv(u"start.csv"_s, rows), u"--template"_s, u"avery_5160"_s,
                u"--start"_s, u"28"_s, u"--print"_s, u"ClosientTest"_s, u"--out"_s, m_dir.filePath(u"start.pdf"_s) }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.jsonLines().last().value(u"next_start"_s).toInt(), 3);
        r = runCli(exportArgs({ u"--scope"_s, u"serials"_s, u"--input"_s,
            csv(u"next.csv"_s, "gtin,serial\n09506000134352,810010\n"), u"--template"_s, u"avery_5160"_s, u"--print"_s,
            u"ClosientTest"_s, u"--out"_s, m_dir.filePath(u"start.pdf"_s) }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"log"_s, u"--limit"_s, u"1"_s });
        QCOMPARE(r.jsonLines().first().value(u"start"_s).toInt(), 3);
    }

    /// The Labels screen's controller on the same store: it finds the CUPS printer, previews the ticked serials,
    /// prints them on it, moves the start past them, and treats printing them again as a reprint.
    void labelsScreenPrintsAndReprints()
    {
        if (!m_cups)
            QSKIP("CUPS with printer-driver-cups-pdf is not installed");
        closient::store::Database database;
        closient::store::Settings settings(&database);
        closient::models::LabelsController labels(&database, &settings);
        QVERIFY(await(database.open(db())).ok());
        (void)settings.load();
        auto &selection = *labels.selection();
        auto &options = *labels.options();
        auto &preview = *labels.preview();
        auto &printing = *labels.printing();
        auto &status = *labels.status();
        auto &history = *labels.history();
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        using closient::models::LabelPreview;
        using closient::models::PrintHistoryModel;
        using closient::models::StatusMessage;
        QTRY_VERIFY_WITH_TIMEOUT(!printing.printers().isEmpty(), 20000);
        QTRY_VERIFY(history.rowCount() >= 2); // the command line's prints
        selection.setScope(u"serials"_s);
        selection.setSearch(u"70003"_s); // 700030 … 700039
        QTRY_COMPARE(selection.items()->count(), 10);
        options.setTemplateName(u"avery_5160"_s);
        options.setSymbol(u"gs1_128"_s);
        options.setGs1Table(u"healthcare"_s);
        // The stock's next label, as the last print on it left it.
        QTRY_COMPARE(options.startPosition(), 4);
        options.setStartPosition(29);
        QTRY_VERIFY2_WITH_TIMEOUT(preview.state() == LabelPreview::State::Ready, qPrintable(preview.message()), 30000);
        const int historyBefore = history.rowCount();

        // Serials 700030-700032 were printed by the command line: printing them again is a reprint, and "Print"
        // asks for the reason instead of printing.
        for (int i = 0; i < 3; ++i)
            selection.items()->setChecked(i, true);
        QTRY_VERIFY_WITH_TIMEOUT(preview.labels() == 3 && preview.state() == LabelPreview::State::Ready, 30000);
        printing.setPrinter(u"ClosientTest"_s);
        printing.print();
        QTRY_VERIFY_WITH_TIMEOUT(!printing.jobRunning(), 60000);
        QVERIFY2(status.severity() != StatusMessage::Severity::Good, qPrintable(status.text()));
        QVERIFY2(status.text().contains(u"700030"_s) && status.text().contains(u"reason"_s), qPrintable(status.text()));
        QCOMPARE(history.rowCount(), historyBefore);

        // With the reason it prints, and only the page printed counts: the second page holds one label.
        QVERIFY(!printing.setPages(u"3-2"_s)); // refused, said in words
        QVERIFY(status.text().contains(u"before the first"_s));
        QVERIFY(printing.setPages(u"2"_s));
        QCOMPARE(printing.pages(), u"2"_s);
        QVERIFY(QMetaObject::invokeMethod(&printing, "print", Q_ARG(QString, u"faded"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(!printing.jobRunning(), 60000);
        QVERIFY2(status.severity() == StatusMessage::Severity::Good, qPrintable(status.text()));
        // The print log announces itself: the history follows without being asked.
        QTRY_COMPARE(history.rowCount(), historyBefore + 1);
        const auto top = history.index(0);
        QCOMPARE(top.data(PrintHistoryModel::ActionRole).value<PrintHistoryModel::Action>(),
            PrintHistoryModel::Action::Reprint);
        QCOMPARE(top.data(PrintHistoryModel::ReasonRole).toString(), u"faded"_s);
        QCOMPARE(top.data(PrintHistoryModel::ItemsRole).toInt(), 1);
        QCOMPARE(top.data(PrintHistoryModel::StartRole).toInt(), 29);
        QVERIFY(top.data(PrintHistoryModel::DetailsRole).toString().contains(u"“faded”"_s));
        // The second sheet's first label is used: the next print starts on its second.
        QTRY_COMPARE(options.startPosition(), 2);
        closient::printing::PdfPages pages;
        QString error;
        const QString printed = printedPdf(top.data(PrintHistoryModel::JobIdRole).toString().left(8));
        QVERIFY(!printed.isEmpty());
        QCOMPARE(noted(pages.pageCount(printed), &error).value(), 1);

        // "Print again" is for labels that were printed: a serial never printed is refused there.
        selection.items()->setAllChecked(false);
        selection.setSearch(u"SC1"_s); // imported from a CSV, never printed
        QTRY_COMPARE(selection.items()->count(), 1);
        const QString fresh = selection.items()
                                  ->data(selection.items()->index(0), closient::models::LabelItemModel::ItemIdRole)
                                  .toString();
        printing.reprint(fresh, u"lost"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!printing.jobRunning(), 30000);
        QVERIFY2(status.text().contains(u"never printed"_s), qPrintable(status.text()));
        QCOMPARE(history.rowCount(), historyBefore + 1);
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestLabelPrinting t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_labelprinting.moc"
