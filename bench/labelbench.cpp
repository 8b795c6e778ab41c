// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelbench.h"

#include "database.h"
#include "machine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

using namespace Qt::StringLiterals;

namespace closient::bench {

namespace {

struct Run
{
    bool ok = false;
    double seconds = 0;
    double peakMb = 0;
    QByteArray out;
};

/// Runs @p program to the end and measures it (its own peak resident memory, from wait4).
Run measure(const QString &program, const QStringList &args, const QString &stdoutPath)
{
    Run r;
    std::vector<QByteArray> store { program.toLocal8Bit() };
    for (const auto &a : args)
        store.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (auto &s : store)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray outPath = stdoutPath.toLocal8Bit();
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return r;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    r.seconds = double(timer.nsecsElapsed()) / 1e9;
    r.peakMb = double(usage.ru_maxrss) / 1024.0;
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    QFile f(stdoutPath);
    if (f.open(QIODevice::ReadOnly))
        r.out = f.readAll();
    return r;
}

struct Case
{
    QString title;
    QString templ;
    QString symbol;
    QString table;
    QString glabelsTemplate; // the same stock in glabels 3's XML
    QString glabelsObject;
    QString layout; // a layout's name (labels export --layout): symbol and text lines drawn by the designer's renderer
};

/// The designer's default, "Product label" (a symbol and three lines of text: name, lot and expiry, serial), as
/// shipped for Avery 5160 with its GS1 DataMatrix; and the same design with a GS1-128 across the top of an Avery
/// 5160, and on a 1 in round label of the 63-up sheet. Written as layout files the station loads.
const char *const kRoundLayout = R"({
  "format": "closient-label-layout", "version": 1, "name": "Product label, 1 in round",
  "description": "GS1 DataMatrix above the product's name, lot and expiry, serial", "stock": "63up_1in_letter",
  "gs1_table": "general", "label": { "shape": "round", "width": 25.4, "height": 25.4 },
  "objects": [
    { "id": "symbol", "type": "symbol", "x": 7.7, "y": 2.2, "width": 10.0, "height": 10.0,
      "symbology": "gs1_datamatrix" },
    { "id": "name", "type": "text", "x": 4.7, "y": 12.8, "width": 16.0, "height": 2.8, "text": "{product_name}",
      "font": "sans", "size": 6, "min_size": 3, "bold": true, "align": "centre", "valign": "top", "fit": "shrink",
      "required": true },
    { "id": "lot_expiry", "type": "text", "x": 4.7, "y": 15.8, "width": 16.0, "height": 2.8,
      "text": "LOT {lot} EXP {expiry:%d %b %Y}", "font": "sans", "size": 5, "min_size": 3, "align": "centre",
      "valign": "top", "fit": "shrink" },
    { "id": "serial", "type": "text", "x": 4.7, "y": 18.8, "width": 16.0, "height": 2.8, "text": "SN {serial}",
      "font": "mono", "size": 5, "min_size": 3, "align": "centre", "valign": "top", "fit": "shrink" }
  ]
})";
const char *const kLinearLayout = R"({
  "format": "closient-label-layout", "version": 1, "name": "Product label, GS1-128",
  "description": "GS1-128 (GTIN, serial) above the product's name, lot and expiry, serial", "stock": "avery_5160",
  "gs1_table": "healthcare", "label": { "shape": "rectangle", "width": 66.675, "height": 25.4, "corner_radius": 1.5875 },
  "objects": [
    { "id": "symbol", "type": "symbol", "x": 1.0, "y": 1.0, "width": 64.675, "height": 12.5, "symbology": "gs1_128",
      "elements": [ { "ai": "01", "value": "{gtin}" }, { "ai": "21", "value": "{serial}" } ] },
    { "id": "name", "type": "text", "x": 3.0, "y": 14.0, "width": 60.0, "height": 3.4, "text": "{product_name}",
      "font": "sans", "size": 8, "min_size": 4, "bold": true, "align": "left", "valign": "top", "fit": "shrink",
      "required": true },
    { "id": "lot_expiry", "type": "text", "x": 3.0, "y": 17.6, "width": 60.0, "height": 3.2,
      "text": "LOT {lot}   EXP {expiry:%d %b %Y}", "font": "sans", "size": 7, "min_size": 4, "align": "left",
      "valign": "top", "fit": "shrink" },
    { "id": "serial", "type": "text", "x": 3.0, "y": 21.0, "width": 60.0, "height": 3.2, "text": "SN {serial}",
      "font": "mono", "size": 7, "min_size": 4, "align": "left", "valign": "top", "fit": "shrink" }
  ]
})";

/// glabels 3 text objects for the same three lines, merged from the CSV's columns.
QString glabelsTextLines(double x, double y, double w, double lineH, double pt)
{
    QString out;
    const QStringList lines { u"${name}"_s, u"LOT ${lot} EXP ${expiry}"_s, u"SN ${serial}"_s };
    for (int i = 0; i < lines.size(); ++i)
        out += u"\n    <Object-text x=\"%1pt\" y=\"%2pt\" w=\"%3pt\" h=\"%4pt\" justify=\"Left\" valign=\"Top\" "
               u"auto_shrink=\"True\" a0=\"1\" a1=\"0\" a2=\"0\" a3=\"1\" a4=\"0\" a5=\"0\">"
               u"<Span color=\"0x000000ff\" font_family=\"Sans\" font_size=\"%5\" font_weight=\"%6\" "
               u"font_italic=\"False\" line_spacing=\"1\">%7</Span></Object-text>"_s.arg(x)
                   .arg(y + i * lineH)
                   .arg(w)
                   .arg(lineH)
                   .arg(pt)
                   .arg(i == 0 ? u"Bold"_s : u"Normal"_s, lines[i]);
    return out;
}

/// A fresh store with the product the layouts name (the products cache, as sync fills it).
bool seedProduct(const QString &path)
{
    store::Database db;
    auto opened = db.open(path);
    opened.waitForFinished();
    if (!opened.result().ok())
        return false;
    auto added = db.run([](QSqlDatabase &s) {
        QSqlQuery q(s);
        return q.exec(u"INSERT INTO products (gtin, product_name, brand, fetched) VALUES ('09506000134352', "
                      u"'Frozen garden peas 1 kg', 'Acme Foods', '2026-11-30T10:00:00Z')"_s);
    });
    added.waitForFinished();
    return added.result();
}

QString glabelsDocument(const Case &c, const QString &csv)
{
    return u"<?xml version=\"1.0\"?>\n<Glabels-document xmlns=\"http://glabels.org/xmlns/3.0/\">\n%1\n"
           u"  <Objects id=\"0\" rotate=\"False\">\n    %2\n  </Objects>\n"
           u"  <Merge type=\"Text/Comma/Line1Keys\" src=\"%3\"/>\n</Glabels-document>\n"_s.arg(
               c.glabelsTemplate, c.glabelsObject, csv);
}

} // namespace

int runLabelBench(const LabelBenchOptions &o, QTextStream &out, QTextStream &err)
{
    QTemporaryDir dir;
    // The benchmarks run in closient-bench; the program measured is closient-station beside it.
    const QString station = QCoreApplication::applicationDirPath() + u"/closient-station"_s;
    const QString glabels = o.glabels ? QStandardPaths::findExecutable(u"glabels-3-batch"_s) : QString();

    // The same serials for both programs: ours reads gtin/serial, glabels the text to encode.
    // A layout's rows also carry a lot and an expiry, which its text shows and its DataMatrix encodes.
    const auto writeCsv = [&](int n, const QString &ours, const QString &theirs, const Case &c) {
        QFile a(ours);
        QFile b(theirs);
        if (!a.open(QIODevice::WriteOnly) || !b.open(QIODevice::WriteOnly))
            return false;
        const bool layout = !c.layout.isEmpty();
        a.write(layout ? "gtin,serial,lot,expiry\n" : "gtin,serial\n");
        b.write(layout ? "code,name,lot,expiry,serial\n" : "code\n");
        for (int i = 0; i < n; ++i) {
            const QByteArray serial = QByteArray::number(1000001 + i);
            if (!layout) {
                a.write("09506000134352," + serial + '\n');
                b.write("(01)09506000134352(21)" + serial + '\n');
                continue;
            }
            a.write("09506000134352," + serial + ",L42,2027-12-31\n");
            const QByteArray code = c.symbol == u"gs1_128" ? "(01)09506000134352(21)" + serial
                                                           : "(01)09506000134352(17)271231(10)L42(21)" + serial;
            b.write(code + ",Frozen garden peas 1 kg,L42,31 Dec 2027," + serial + '\n');
        }
        return true;
    };
    // The layouts the rows use, where the station looks for them.
    const QString layouts = dir.filePath(u"layouts"_s);
    QDir().mkpath(layouts);
    for (const auto &[file, text] :
        { std::pair { "round.json", kRoundLayout }, std::pair { "linear.json", kLinearLayout } }) {
        QFile f(layouts + u'/' + QString::fromLatin1(file));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0) {
            err << "cannot write the layout files" << Qt::endl;
            return 1;
        }
    }
    qputenv("CLOSIENT_LAYOUT_DIR", QFile::encodeName(layouts));

    std::vector<Case> cases {
        { u"63up_1in_letter, GS1 DataMatrix"_s, u"63up_1in_letter"_s, u"gs1_datamatrix"_s, u"general"_s,
            u"  <Template brand=\"Generic\" part=\"63up-1in\" size=\"US-Letter\" description=\"1 in round\">\n"
            u"    <Meta category=\"label\"/>\n    <Label-round id=\"0\" radius=\"0.5in\" waste=\"0pt\">\n"
            u"      <Markup-margin size=\"0.0625in\"/>\n"
            u"      <Layout nx=\"7\" ny=\"9\" x0=\"0.375in\" y0=\"0.5in\" dx=\"1.125in\" dy=\"1.125in\"/>\n"
            u"    </Label-round>\n  </Template>"_s,
            u"<Object-barcode x=\"0.2in\" y=\"0.2in\" w=\"0.6in\" h=\"0.6in\" backend=\"libiec16022\" "
            u"style=\"IEC16022\" "
            u"text=\"False\" checksum=\"True\" color=\"0x000000ff\" field=\"code\" a0=\"1\" a1=\"0\" a2=\"0\" a3=\"1\" a4=\"0\" a5=\"0\"/>"_s,
            {} },
        { u"Avery 5160, GS1-128"_s, u"avery_5160"_s, u"gs1_128"_s, u"healthcare"_s,
            u"  <Template brand=\"Avery\" part=\"5160\" size=\"US-Letter\" description=\"Address Labels\">\n"
            u"    <Meta category=\"label\"/>\n"
            u"    <Label-rectangle id=\"0\" width=\"189pt\" height=\"72pt\" round=\"4.5pt\" x_waste=\"0pt\" "
            u"y_waste=\"0pt\">\n"
            u"      <Markup-margin size=\"4.5pt\"/>\n"
            u"      <Layout nx=\"3\" ny=\"10\" x0=\"11.25pt\" y0=\"36pt\" dx=\"200.25pt\" dy=\"72pt\"/>\n"
            u"    </Label-rectangle>\n  </Template>"_s,
            u"<Object-barcode x=\"9pt\" y=\"6pt\" w=\"171pt\" h=\"60pt\" backend=\"gnu-barcode\" style=\"Code128\" "
            u"text=\"True\" checksum=\"True\" color=\"0x000000ff\" field=\"code\" a0=\"1\" a1=\"0\" a2=\"0\" a3=\"1\" a4=\"0\" a5=\"0\"/>"_s,
            {} },
    };
    std::vector<Case> layoutCases {
        { u"63up_1in_letter, Product label layout, GS1 DataMatrix"_s, u"63up_1in_letter"_s, u"gs1_datamatrix"_s,
            u"general"_s, cases[0].glabelsTemplate,
            u"<Object-barcode x=\"0.3in\" y=\"0.09in\" w=\"0.4in\" h=\"0.4in\" backend=\"libiec16022\" "
            u"style=\"IEC16022\" text=\"False\" checksum=\"True\" color=\"0x000000ff\" field=\"code\" a0=\"1\" "
            u"a1=\"0\" a2=\"0\" a3=\"1\" a4=\"0\" a5=\"0\"/>"_s
                + glabelsTextLines(13.3, 36.3, 45.4, 8.5, 5),
            u"Product label, 1 in round"_s },
        { u"Avery 5160, Product label layout, GS1-128"_s, u"avery_5160"_s, u"gs1_128"_s, u"healthcare"_s,
            cases[1].glabelsTemplate,
            u"<Object-barcode x=\"3pt\" y=\"3pt\" w=\"183pt\" h=\"35pt\" backend=\"gnu-barcode\" style=\"Code128\" "
            u"text=\"False\" checksum=\"True\" color=\"0x000000ff\" field=\"code\" a0=\"1\" a1=\"0\" a2=\"0\" "
            u"a3=\"1\" a4=\"0\" a5=\"0\"/>"_s
                + glabelsTextLines(8.5, 39.7, 170, 9.5, 7),
            u"Product label, GS1-128"_s },
    };
    if (o.layoutsOnly)
        cases.clear();
    cases.insert(cases.end(), layoutCases.begin(), layoutCases.end());

    QString md;
    QTextStream s(&md);
    s << "# Label benchmark\n\nCommand: `closient-station bench labels --count " << o.count
      << (o.layoutsOnly ? " --layouts-only" : "") << (glabels.isEmpty() ? " --no-glabels" : "") << "`\n\n"
      << machineDescription() << "\n"
      << "Each run is a separate process started on a fresh store, timed from start to exit, with its peak resident "
         "memory from `wait4()`. Closient's time includes importing the CSV, rendering the PDF and reading every label "
         "back in the isolated decoder: each symbol is cut from a Poppler rendering of the page at the resolution "
         "where its X-dimension is a whole number of pixels (2 a module for Data Matrix; 3 along a GS1-128 and about "
         "40 dpi across its bars, since its read takes one row) and read with ZXing-cpp's pure-symbol mode; a symbol "
         "that read cannot confirm is rendered again at 300 dpi and read thoroughly (\"at once\" in the verified "
         "column counts the labels the first read confirmed). The job fails if one label does not read back. The "
         "layout rows draw the Product label design (a symbol and three lines of text: product name, lot and expiry, "
         "serial); glabels gets the same symbol and three merged text objects. glabels 3 (`glabels-3-batch`, Debian's "
         "3.4.1) makes the same sheets from the same serials; "
         "it has no GS1 mode, so it encodes the bracketed text as plain Data Matrix / Code 128, and does no "
         "verification.\n\n";
    s << "| sheet | labels | program | time s | peak MB | render s | verify s | verified |\n"
         "|---|---:|---|---:|---:|---:|---:|---:|\n";
    struct Summary
    {
        double ours = 0;
        double theirs = 0;
        double render = 0;
        double verifyMsPerLabel = 0;
    };
    std::vector<Summary> summaries;
    for (const auto &c : cases) {
        Summary sum;
        for (const int n : { o.count / 10, o.count }) {
            const QString ours = dir.filePath(u"ours-%1.csv"_s.arg(n));
            const QString theirs = dir.filePath(u"theirs-%1.csv"_s.arg(n));
            if (!writeCsv(n, ours, theirs, c)) {
                err << "cannot write the CSV files" << Qt::endl;
                return 1;
            }
            const QString db = dir.filePath(
                u"bench-%1-%2-%3.sqlite"_s.arg(c.templ, c.layout.isEmpty() ? u"symbol"_s : u"layout"_s).arg(n));
            const QString pdf = dir.filePath(u"ours-%1-%2.pdf"_s.arg(c.templ).arg(n));
            err << "closient " << c.title << " × " << n << "..." << Qt::endl;
            QStringList args { u"--db"_s, db, u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--input"_s, ours,
                u"--template"_s, c.templ, u"--out"_s, pdf };
            if (c.layout.isEmpty())
                args << u"--symbol"_s << c.symbol << u"--gs1-table"_s << c.table;
            else if (!seedProduct(db)) {
                err << "cannot prepare the store " << db << Qt::endl;
                return 1;
            } else
                args << u"--layout"_s << c.layout;
            const Run r = measure(station, args, dir.filePath(u"ours.json"_s));
            const auto job = QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
            s << "| " << c.title << " | " << n << " | closient | " << QString::number(r.seconds, 'f', 2) << " | "
              << QString::number(r.peakMb, 'f', 0) << " | "
              << QString::number(job.value(u"render_ms"_s).toDouble() / 1000, 'f', 2) << " | "
              << QString::number(job.value(u"verify_ms"_s).toDouble() / 1000, 'f', 2) << " | "
              << (r.ok ? u"%1 / %2 (%3 at once)"_s.arg(job.value(u"verified"_s).toInt())
                             .arg(n)
                             .arg(job.value(u"verified_fast"_s).toInt())
                       : u"failed: "_s + job.value(u"error"_s).toString())
              << " |\n";
            if (n == o.count) {
                sum.ours = r.ok ? r.seconds : -1;
                sum.render = job.value(u"render_ms"_s).toDouble() / 1000;
                sum.verifyMsPerLabel = job.value(u"verify_ms"_s).toDouble() / std::max(1, n);
            }
            if (glabels.isEmpty())
                continue;
            const QString doc = dir.filePath(u"doc-%1.glabels"_s.arg(n));
            QFile d(doc);
            if (d.open(QIODevice::WriteOnly))
                d.write(glabelsDocument(c, theirs).toUtf8());
            d.close();
            err << "glabels " << c.title << " × " << n << "..." << Qt::endl;
            const QString theirPdf = dir.filePath(u"glabels-%1.pdf"_s.arg(n));
            const Run g = measure(glabels, { u"-o"_s, theirPdf, doc }, dir.filePath(u"glabels.txt"_s));
            const bool made = g.ok && QFileInfo(theirPdf).size() > 0;
            s << "| " << c.title << " | " << n << " | glabels-3-batch | " << QString::number(g.seconds, 'f', 2) << " | "
              << QString::number(g.peakMb, 'f', 0) << " | | | " << (made ? u"not checked"_s : u"failed"_s) << " |\n";
            if (n == o.count)
                sum.theirs = made ? g.seconds : -1;
        }
        summaries.push_back(sum);
    }
    s << "\n";
    for (size_t i = 0; i < cases.size(); ++i) {
        if (summaries[i].ours > 0 && summaries[i].theirs > 0)
            s << "- " << cases[i].title << ", " << o.count << " labels: closient is "
              << QString::number(summaries[i].theirs / summaries[i].ours, 'f', 1)
              << "× faster than glabels-3-batch end to end, verification included; making the PDF alone is "
              << QString::number(summaries[i].theirs / std::max(0.001, summaries[i].render), 'f', 0) << "× faster.\n";
    }
    s << "- Peak memory: compare the " << o.count / 10 << "- and " << o.count
      << "-label rows of each program; pages are painted and written one at a time, so ours should barely move.\n";
    s << "- Reading back, wall time per label, with the pages shared among " << QThread::idealThreadCount()
      << " readers (one decoder process each):";
    for (size_t i = 0; i < cases.size(); ++i)
        s << (i ? "," : "") << " " << cases[i].title << " " << QString::number(summaries[i].verifyMsPerLabel, 'f', 1)
          << " ms";
    s << ".\n";
    s.flush();
    out << md;
    if (!o.output.isEmpty()) {
        const QString error = writeResult(o.output, md);
        if (!error.isEmpty()) {
            err << error << Qt::endl;
            return 1;
        }
        err << "wrote " << o.output << Qt::endl;
    }
    return 0;
}

} // namespace closient::bench
