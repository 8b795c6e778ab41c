// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The labels command end to end: CSV in, verified sheets and ZIPs out, and a real print through CUPS with the
// cups-pdf virtual printer, whose PDF is read back label by label.
#include "clirunner.h"
#include "database.h"
#include "labelscontroller.h"
#include "pdfpages.h"
#include "sheettemplate.h"
#include "storetestutil.h"
#include "verifier.h"
#include "zipwriter.h"

#include <QDirIterator>
#include <QGuiApplication>
#include <QProcess>
#include <QTest>

#include <poppler-qt6.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace closient::test;
using namespace closient::labels;

class TestLabelPrinting : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(u"labels.sqlite"_s); }
    QString csv(const QString &name, const QByteArray &text) const
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    }

private Q_SLOTS:
    void badInputFailsLoudly()
    {
        // A missing file, a bad row, and an incoherent pair: non-zero exit, a clear message, no output.
        auto r = runCli({ u"--db"_s, db(), u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--input"_s,
            m_dir.filePath(u"missing.csv"_s), u"--out"_s, m_dir.filePath(u"x.pdf"_s) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("missing.csv"));
        const QString bad = csv(u"bad.csv"_s, "gtin,serial\n09506000134353,1\n09506000134352,\n");
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--input"_s, bad,
            u"--out"_s, m_dir.filePath(u"x.pdf"_s) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("row 2") && r.err.contains("row 3"), r.err.constData());
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"export"_s, u"--type"_s, u"qr_codes"_s, u"--format"_s, u"eps"_s,
            u"--out"_s, m_dir.filePath(u"x.zip"_s) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("svg or png"));
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"export"_s, u"--scope"_s, u"products"_s, u"--out"_s,
            m_dir.filePath(u"x.pdf"_s) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("reserved"));
        QVERIFY(!QFile::exists(m_dir.filePath(u"x.pdf"_s)));
    }

    void combinedZipHasBothSymbolsPerEntity()
    {
        const QString in = csv(u"lots.csv"_s, "gtin,lot,expiry\n09506000134352,A1,2027-06-30\n4006381333931,B/2,\n");
        const QString out = m_dir.filePath(u"combined.zip"_s);
        const auto r = runCli(
            { u"--db"_s, db(), u"labels"_s, u"export"_s, u"--scope"_s, u"lots"_s, u"--input"_s, in, u"--type"_s,
                u"codes_combined"_s, u"--format"_s, u"svg"_s, u"--gs1-table"_s, u"healthcare"_s, u"--out"_s, out });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto job = r.jsonLines().last();
        QCOMPARE(job.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(job.value(u"verified"_s).toInt(), 4);
        QString error;
        const auto entries = ZipWriter::read(out, &error);
        QStringList names;
        for (const auto &e : entries)
            names << e.first;
        // One QR and one 1D per entity, named by its identifiers (a "/" in a lot becomes "-"), in GTIN order.
        QCOMPARE(names,
            (QStringList { u"04006381333931_B-2-qr.svg"_s, u"04006381333931_B-2-1d.svg"_s,
                u"09506000134352_A1-qr.svg"_s, u"09506000134352_A1-1d.svg"_s }));
        QVERIFY(entries[2].second.contains("https://id.gs1.org/01/09506000134352/10/A1?17=270630"));
    }

    void printsThroughCupsAndMarksPrinted()
    {
        const QString cupsd = u"/usr/sbin/cupsd"_s;
        if (!QFile::exists(cupsd) || !QFile::exists(u"/usr/lib/cups/backend/cups-pdf"_s))
            QSKIP("CUPS with printer-driver-cups-pdf is not installed (scripts/test.sh installs it)");
        // A private CUPS: its own config, spool and socket, the cups-pdf virtual printer.
        QTemporaryDir cups(u"/tmp/closient-cups-XXXXXX"_s);
        QFile::setPermissions(cups.path(), QFileDevice::Permissions(0x7777));
        for (const auto *d : { "root", "spool", "cache", "state", "logs" })
            QDir(cups.path()).mkpath(QString::fromLatin1(d));
        const QString sock = cups.filePath(u"cups.sock"_s);
        QFile conf(cups.filePath(u"root/cupsd.conf"_s));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(
            u"Listen %1\nLogLevel warn\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"_s
                .arg(sock)
                .toUtf8());
        conf.close();
        QFile files(cups.filePath(u"root/cups-files.conf"_s));
        QVERIFY(files.open(QIODevice::WriteOnly));
        files.write(
            u"ServerRoot %1/root\nRequestRoot %1/spool\nCacheDir %1/cache\nStateDir %1/state\nErrorLog "
            u"%1/logs/error_log\n"
            "AccessLog %1/logs/access_log\nPageLog %1/logs/page_log\nTempDir %1/spool\nServerBin /usr/lib/cups\n"
            "DataDir /usr/share/cups\nUser lp\nGroup lp\n"_s.arg(cups.path())
                .toUtf8());
        files.close();
        QProcess::execute(u"chmod"_s, { u"-R"_s, u"a+rwX"_s, cups.path() });
        QProcess server;
        server.start(cupsd, { u"-f"_s, u"-c"_s, conf.fileName(), u"-s"_s, files.fileName() });
        QVERIFY(server.waitForStarted());
        auto stop = qScopeGuard([&] {
            server.terminate();
            server.waitForFinished(5000);
        });
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sock), 10000);
        qputenv("CUPS_SERVER", sock.toUtf8());
        QProcess lpadmin;
        lpadmin.start(u"lpadmin"_s,
            { u"-p"_s, u"ClosientTest"_s, u"-v"_s, u"cups-pdf:/"_s, u"-P"_s,
                u"/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"_s, u"-E"_s });
        QVERIFY(lpadmin.waitForFinished(20000));
        QCOMPARE(lpadmin.exitCode(), 0);

        // cups-pdf writes into the job owner's ~/PDF.
        const QString outDir = QString::fromLocal8Bit(getpwuid(getuid())->pw_dir) + u"/PDF"_s;
        const QStringList before = QDir(outDir).entryList({ u"*.pdf"_s });

        QByteArray rows = "gtin,serial\n";
        for (int i = 0; i < 40; ++i)
            rows += "09506000134352," + QByteArray::number(700001 + i) + '\n';
        const QString in = csv(u"serials.csv"_s, rows);
        auto r = runCli({ u"--db"_s, db(), u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--input"_s, in,
            u"--template"_s, u"avery_5160"_s, u"--symbol"_s, u"gs1_128"_s, u"--gs1-table"_s, u"healthcare"_s,
            u"--start"_s, u"4"_s, u"--print"_s, u"ClosientTest"_s, u"--out"_s, m_dir.filePath(u"sheet.pdf"_s) });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto job = r.jsonLines().last();
        QCOMPARE(job.value(u"printed_on"_s).toString(), u"ClosientTest"_s);
        QCOMPARE(job.value(u"pages"_s).toInt(), 2); // 3 used + 40 > 30

        // The PDF that came out of the printer queue: every label where it belongs, reading back its serial.
        QString printed;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            for (const auto &f : QDir(outDir).entryList({ u"*.pdf"_s }, QDir::Files, QDir::Time)) {
                if (!before.contains(f) && f.contains(job.value(u"job_id"_s).toString().left(8))) {
                    printed = QDir(outDir).filePath(f);
                    return QFileInfo(printed).size() > 0;
                }
            }
            return false;
        }()),
            60000);
        QTRY_VERIFY_WITH_TIMEOUT(Poppler::Document::load(printed) != nullptr, 10000);
        auto doc = Poppler::Document::load(printed);
        QCOMPARE(doc->numPages(), 2);
        SheetLayout layout;
        layout.sheet = *TemplateLibrary::instance().find(u"avery_5160"_s);
        layout.startPosition = 4;
        std::vector<PlacedLabel> expected;
        for (int i = 0; i < 40; ++i) {
            const auto [page, cell] = layout.slot(i);
            expected.push_back({ i, page, cell, layout.sheet.cell(cell), {},
                u"(01)09506000134352(21)%1"_s.arg(700001 + i), SymbolKind::Gs1_128 });
        }
        Verifier verifier;
        const auto report = verifier.verifySheets(printed, layout, expected);
        QVERIFY2(report.ok(), qPrintable(report.failures.join(u'\n')));
        QCOMPARE(report.passed, 40);
        QFile::remove(printed);

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
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--input"_s,
            csv(u"one.csv"_s, "gtin,serial\n09506000134352,700005\n"), u"--template"_s, u"avery_5160"_s, u"--symbol"_s,
            u"gs1_128"_s, u"--gs1-table"_s, u"healthcare"_s, u"--start"_s, u"7"_s, u"--print"_s, u"ClosientTest"_s,
            u"--reprint-reason"_s, u"torn on the roll"_s, u"--out"_s, m_dir.filePath(u"reprint.pdf"_s) });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli({ u"--db"_s, db(), u"labels"_s, u"log"_s });
        QCOMPARE(r.jsonLines().first().value(u"action"_s).toString(), u"reprint"_s);
        QCOMPARE(r.jsonLines().first().value(u"reason"_s).toString(), u"torn on the roll"_s);
        // Wait for that job to leave the queue before CUPS stops.
        QTRY_VERIFY_WITH_TIMEOUT(QDir(outDir).entryList({ u"*.pdf"_s }).size() > before.size(), 60000);
        for (const auto &f : QDir(outDir).entryList({ u"*.pdf"_s })) {
            if (!before.contains(f))
                QFile::remove(QDir(outDir).filePath(f));
        }

        printFromTheLabelsScreen(outDir);
    }

private:
    /// The Labels screen's controller on the same store: it finds the CUPS printer, previews the ticked serials,
    /// prints them on it, and the history shows the print.
    void printFromTheLabelsScreen(const QString &outDir)
    {
        closient::store::Database database;
        closient::models::LabelsController labels(&database);
        QVERIFY(await(database.open(db())).ok());
        database.notifyReady();
        QTRY_VERIFY_WITH_TIMEOUT(!labels.printers().isEmpty(), 20000);
        QTRY_VERIFY(labels.history().size() >= 2); // the CLI's print and reprint
        labels.setScope(u"serials"_s);
        labels.setSearch(u"70003"_s); // 700030 … 700039
        QTRY_COMPARE(labels.items()->count(), 10);
        labels.setTemplateName(u"avery_5160"_s);
        labels.setSymbol(u"gs1_128"_s);
        labels.setGs1Table(u"healthcare"_s);
        labels.setStartPosition(29);
        labels.items()->setChecked(0, true);
        labels.items()->setChecked(1, true);
        labels.items()->setChecked(2, true);
        QTRY_VERIFY2_WITH_TIMEOUT(labels.previewState() == u"ready", qPrintable(labels.previewMessage()), 30000);
        QCOMPARE(labels.previewLabels(), 3);
        QCOMPARE(labels.previewPages(), 2); // labels 29 and 30 of the first sheet, then the first of a new one
        closient::printing::PdfPages pages;
        QString error;
        QCOMPARE(pages.pageCount(labels.previewPath(), &error), 2);
        QCOMPARE(pages.render(labels.previewPath(), 1, 850, &error).width(), 850);
        // Only the second page goes to the printer: only its one label counts as printed.
        const QStringList before = QDir(outDir).entryList({ u"*.pdf"_s });
        labels.setPrinter(u"ClosientTest"_s);
        labels.setFromPage(2);
        labels.setToPage(2);
        labels.print();
        QVERIFY(labels.jobRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!labels.jobRunning(), 60000);
        QVERIFY2(labels.messageKind() == u"good", qPrintable(labels.message()));
        QVERIFY(labels.message().contains(u"ClosientTest"_s));
        QTRY_COMPARE(labels.history().size(), 3);
        const auto entry = labels.history().first().toMap();
        QCOMPARE(entry.value(u"action"_s).toString(), u"print"_s);
        QCOMPARE(entry.value(u"items"_s).toInt(), 1);
        QCOMPARE(entry.value(u"printer"_s).toString(), u"ClosientTest"_s);
        QCOMPARE(entry.value(u"start"_s).toInt(), 29);
        QTRY_VERIFY_WITH_TIMEOUT(QDir(outDir).entryList({ u"*.pdf"_s }).size() > before.size(), 60000);
        for (const auto &f : QDir(outDir).entryList({ u"*.pdf"_s })) {
            if (before.contains(f))
                continue;
            const QString path = QDir(outDir).filePath(f);
            QTRY_VERIFY_WITH_TIMEOUT(pages.pageCount(path, &error) == 1, 10000);
            QFile::remove(path);
        }
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
