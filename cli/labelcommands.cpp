// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "csvreader.h"
#include "database.h"
#include "exportrules.h"
#include "labeljob.h"
#include "labelrepository.h"
#include "sheettemplate.h"
#include "stationidentity.h"

#include <QFile>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace closient::cli {

namespace {

const QCommandLineOption kDelimiter { u"delimiter"_s,
    u"the character between fields: \",\" (the default, RFC 4180), \";\" or \"tab\""_s, u"char"_s, u","_s };

QJsonObject itemJson(const LabelItem &it)
{
    QJsonObject o { { u"id"_s, it.id }, { u"type"_s, it.entityType() }, { u"gtin"_s, it.gtin }, { u"hri"_s, it.hri() },
        { u"print_count"_s, it.printCount } };
    if (!it.lot.isEmpty())
        o.insert(u"lot"_s, it.lot);
    if (!it.serial.isEmpty())
        o.insert(u"serial"_s, it.serial);
    if (it.expiry.isValid())
        o.insert(u"expiry"_s, it.expiry.toString(Qt::ISODate));
    if (it.lastPrinted.isValid())
        o.insert(u"last_printed"_s, it.lastPrinted.toString(Qt::ISODateWithMs));
    return o;
}

// The selection options every labels subcommand that picks items shares.
struct SelectionOptions
{
    QCommandLineOption scope { u"scope"_s, u"lots or serials"_s, u"scope"_s, u"lots"_s };
    QCommandLineOption gtin { u"gtin"_s, u"only this GTIN (repeatable)"_s, u"gtin"_s };
    QCommandLineOption product { u"product"_s, u"only this product id"_s, u"id"_s };
    QCommandLineOption id { u"id"_s, u"only this lot or serial id (repeatable)"_s, u"id"_s };
    QCommandLineOption lotId { u"lot-id"_s, u"serials of this lot id (repeatable)"_s, u"id"_s };
    QCommandLineOption lotRun { u"lot-run"_s, u"only this lot run"_s, u"id"_s };
    QCommandLineOption neverPrinted { u"never-printed"_s, u"only what was never printed"_s };
    [[nodiscard]] QList<QCommandLineOption> all() const
    {
        return { scope, gtin, product, id, lotId, lotRun, neverPrinted };
    }

    std::optional<Selection> read(Context &ctx, const QCommandLineParser &p) const
    {
        QJsonObject filters;
        if (p.isSet(gtin))
            filters.insert(u"gtins"_s, QJsonArray::fromStringList(p.values(gtin)));
        if (p.isSet(product))
            filters.insert(u"product_id"_s, p.value(product));
        if (p.isSet(id))
            filters.insert(p.value(scope) == u"serials" ? u"serial_ids"_s : u"lot_ids"_s,
                QJsonArray::fromStringList(p.values(id)));
        if (p.isSet(lotId))
            filters.insert(u"lot_ids"_s, QJsonArray::fromStringList(p.values(lotId)));
        if (p.isSet(lotRun))
            filters.insert(u"lot_run_id"_s, p.value(lotRun));
        if (p.isSet(neverPrinted))
            filters.insert(u"never_printed"_s, true);
        auto s = Selection::fromJson(p.value(scope), filters);
        if (!s) {
            ctx.fail(s.error().message, Refused);
            return std::nullopt;
        }
        return *s;
    }
};

int labelsTemplates(Context &ctx)
{
    QCommandLineParser p;
    if (!parseOptions(ctx, p,
            u"labels templates\n\nLists the label stocks: built in, and JSON files in "_s
                + TemplateLibrary::userFolder(),
            {}))
        return p.isSet(u"help"_s) ? Ok : Usage;
    for (const auto &t : TemplateLibrary::instance().templates()) {
        ctx.printJson({ { u"name"_s, t.name }, { u"description"_s, t.description }, { u"summary"_s, t.summary() },
            { u"labels_per_page"_s, t.labelsPerPage() }, { u"source"_s, t.source },
            { u"equivalents"_s, QJsonArray::fromStringList(t.equivalents) } });
    }
    for (const auto &problem : TemplateLibrary::instance().problems())
        ctx.warn(u"template skipped: "_s + problem);
    return Ok;
}

int labelsImport(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption scope(u"scope"_s, u"lots or serials"_s, u"scope"_s, u"lots"_s);
    if (!parseOptions(ctx, p,
            u"labels import --scope lots|serials [--delimiter ;] FILE.csv\n\n"
            u"CSV as RFC 4180 writes it. Columns named in the first line: gtin, lot, expiry, serial, production_date,\n"
            u"product_id, lot_run_id. Every row has as many fields as the first. All rows or none."_s,
            { scope, kDelimiter }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (p.positionalArguments().size() != 1)
        return ctx.fail(u"name one CSV file"_s);
    const auto delimiter = CsvReader::delimiterFromName(p.value(kDelimiter));
    if (!delimiter.ok())
        return ctx.fail(u"--delimiter: "_s + delimiter.error().message);
    QFile f(p.positionalArguments().first());
    if (!f.open(QIODevice::ReadOnly))
        return ctx.fail(u"%1: %2"_s.arg(f.fileName(), f.errorString()), Refused);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    const auto report = wait(LabelRepository(db).importCsv(p.value(scope), f.readAll(), false, delimiter.value()));
    ctx.printJson({ { u"imported"_s, report.ok() }, { u"lots"_s, report.lots }, { u"serials"_s, report.serials },
        { u"unchanged"_s, report.unchanged }, { u"errors"_s, QJsonArray::fromStringList(report.errors) } });
    for (const auto &e : report.errors)
        ctx.warn(e);
    return report.ok() ? Ok : Refused;
}

int labelsAdd(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption gtin(u"gtin"_s, u"GTIN (8, 12, 13 or 14 digits)"_s, u"gtin"_s);
    const QCommandLineOption lot(u"lot"_s, u"lot number"_s, u"lot"_s);
    const QCommandLineOption expiry(u"expiry"_s, u"expiry date (2026-12-31 or 261231)"_s, u"date"_s);
    const QCommandLineOption serial(u"serial"_s, u"one serial number"_s, u"serial"_s);
    const QCommandLineOption first(u"first"_s, u"first number of a serial range"_s, u"n"_s);
    const QCommandLineOption count(u"count"_s, u"how many serials in the range"_s, u"n"_s);
    const QCommandLineOption prefix(u"prefix"_s, u"text before each number of the range"_s, u"text"_s);
    const QCommandLineOption width(u"width"_s, u"digits of each number, zero-padded"_s, u"n"_s, u"1"_s);
    if (!parseOptions(ctx, p,
            u"labels add --gtin GTIN [--lot LOT] [--expiry DATE] [--serial S | --first N --count C [--prefix P] "
            u"[--width W]]\n\n"
            u"Without a serial it adds a lot; with --serial one serial; with --first/--count a range of serials."_s,
            { gtin, lot, expiry, serial, first, count, prefix, width }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    ItemInput in;
    in.gtin = p.value(gtin);
    in.lot = p.value(lot);
    const auto date = LabelImport::parseDate(p.value(expiry));
    if (!date.ok())
        return ctx.fail(u"--expiry: "_s + date.error().message, Refused);
    in.expiry = date.value();
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    LabelRepository repo(db);
    if (p.isSet(count)) {
        const auto from = wholeNumber(u"--first"_s, p.isSet(first) ? p.value(first) : u"1"_s, 0, 999'999'999'999'999);
        const auto howMany = wholeNumber(u"--count"_s, p.value(count), 1, 1'000'000);
        const auto digits = wholeNumber(u"--width"_s, p.value(width), 1, 20);
        for (const auto *r : { &from, &howMany, &digits }) {
            if (!r->ok())
                return ctx.fail(r->error().message);
        }
        const auto n
            = wait(repo.addSerialRange(in, p.value(prefix), from.value(), int(howMany.value()), int(digits.value())));
        if (!n.ok())
            return ctx.fail(n.error().message, Refused);
        ctx.printJson({ { u"serials"_s, n.value() } });
        return Ok;
    }
    in.serial = p.value(serial);
    const auto r = wait(in.serial.isEmpty() ? repo.addLot(in) : repo.addSerial(in));
    if (!r.ok())
        return ctx.fail(r.error().message, Refused);
    ctx.printJson(itemJson(r.value()));
    return Ok;
}

int labelsList(Context &ctx)
{
    QCommandLineParser p;
    const SelectionOptions sel;
    if (!parseOptions(ctx, p, u"labels list [--scope lots|serials] [--gtin G] [--never-printed] ..."_s, sel.all()))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const auto s = sel.read(ctx, p);
    if (!s)
        return Refused;
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    const auto rows = wait(LabelRepository(db).select(*s));
    if (!rows.ok())
        return ctx.fail(rows.error().message, StoreFailure);
    for (const auto &it : rows.value())
        ctx.printJson(itemJson(it));
    return Ok;
}

int labelsExport(Context &ctx)
{
    QCommandLineParser p;
    const SelectionOptions sel;
    const QCommandLineOption type(
        u"type"_s, u"qr_codes, datamatrix, barcodes_1d, codes_combined or sheet_pdf"_s, u"type"_s, u"sheet_pdf"_s);
    const QCommandLineOption format(u"format"_s, u"svg, png, pdf or eps"_s, u"format"_s, u"pdf"_s);
    const QCommandLineOption templ(
        u"template"_s, u"label stock (labels templates lists them)"_s, u"name"_s, u"63up_1in_letter"_s);
    const QCommandLineOption input(u"input"_s, u"CSV of the items to print (gtin, lot, expiry, serial)"_s, u"file"_s);
    const QCommandLineOption start(u"start"_s,
        u"first label to use on the first sheet (printing: by default where the last print on this stock ended; "
        u"otherwise 1)"_s,
        u"n"_s);
    const QCommandLineOption symbol(
        u"symbol"_s, u"gs1_datamatrix, gs1_qr, digital_link_qr, gs1_128, ean13, upca, itf14"_s, u"kind"_s);
    const QCommandLineOption domain(
        u"domain"_s, u"Digital Link resolver (default: the resolver_domain setting)"_s, u"url"_s);
    const QCommandLineOption table(
        u"gs1-table"_s, u"general, healthcare or logistics (X-dimension rules)"_s, u"table"_s, u"general"_s);
    const QCommandLineOption outlines(u"outlines"_s, u"draw the label outlines (alignment test)"_s);
    const QCommandLineOption copies(u"copies-per-item"_s, u"identical labels per item"_s, u"n"_s, u"1"_s);
    const QCommandLineOption offsetX(u"offset-x"_s, u"printer calibration, mm to the right"_s, u"mm"_s, u"0"_s);
    const QCommandLineOption offsetY(u"offset-y"_s, u"printer calibration, mm down"_s, u"mm"_s, u"0"_s);
    const QCommandLineOption noHri(u"no-hri"_s, u"no human-readable text"_s);
    const QCommandLineOption noVerify(u"no-verify"_s, u"skip reading every label back (not recommended)"_s);
    const QCommandLineOption printer(u"print"_s, u"also print the sheets on this printer"_s, u"printer"_s);
    const QCommandLineOption printCopies(u"print-copies"_s, u"copies of the job"_s, u"n"_s, u"1"_s);
    const QCommandLineOption pages(u"pages"_s, u"pages to print, e.g. 2-3"_s, u"range"_s);
    const QCommandLineOption reason(u"reprint-reason"_s, u"makes the print a logged reprint"_s, u"text"_s);
    const QCommandLineOption out(u"out"_s, u"where the PDF or ZIP goes"_s, u"path"_s);
    auto options = sel.all();
    options << type << format << templ << input << kDelimiter << start << symbol << domain << table << outlines
            << copies << offsetX << offsetY << noHri << noVerify << printer << printCopies << pages << reason << out;
    if (!parseOptions(ctx, p,
            u"labels export --scope lots|serials --type TYPE --format FMT [--template NAME] [--input FILE.csv] "
            u"[--start N] [--gtin G ...] [--never-printed] [--symbol KIND] [--print PRINTER] --out PATH\n\n"
            u"Makes the labels, reads every one back (Poppler at 300 dpi, then the barcode reader), and only then\n"
            u"writes PATH (never over the store or any other database). With --input the file's rows are stored\n"
            u"only when the whole job succeeds. Printing a serial printed before needs --reprint-reason; a void\n"
            u"serial is never printed or exported. Prints one JSON line with the job's result."_s,
            options))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.isSet(out))
        return ctx.fail(u"--out PATH is required"_s);
    if (auto coherent = checkExportCoherence(p.value(type), p.value(format)); !coherent.ok())
        return ctx.fail(coherent.error().message, Refused);
    auto s = sel.read(ctx, p);
    if (!s)
        return Refused;
    ExportRequest q;
    q.exportType = p.value(type);
    q.fileFormat = p.value(format);
    q.templateName = p.value(templ);
    if (p.isSet(start)) {
        const auto n = wholeNumber(u"--start"_s, p.value(start), 1, 1000);
        if (!n.ok())
            return ctx.fail(n.error().message);
        q.startPosition = int(n.value());
    } else {
        q.startPosition = p.isSet(printer) ? 0 : 1; // 0: where the last print on this stock ended
    }
    const auto copiesPerItem = wholeNumber(u"--copies-per-item"_s, p.value(copies), 1, 1000);
    const auto x = decimalNumber(u"--offset-x"_s, p.value(offsetX), -kCalibrationLimitMm, kCalibrationLimitMm);
    const auto y = decimalNumber(u"--offset-y"_s, p.value(offsetY), -kCalibrationLimitMm, kCalibrationLimitMm);
    if (!copiesPerItem.ok())
        return ctx.fail(copiesPerItem.error().message);
    for (const auto *r : { &x, &y }) {
        if (!r->ok())
            return ctx.fail(r->error().message);
    }
    q.copiesPerItem = int(copiesPerItem.value());
    q.outlines = p.isSet(outlines);
    q.resolverDomain = p.value(domain);
    q.calibration = QPointF(x.value(), y.value());
    q.verify = !p.isSet(noVerify);
    q.artwork.humanReadable = !p.isSet(noHri);
    q.outputPath = p.value(out);
    if (const auto t = gs1TableFromName(p.value(table)))
        q.artwork.table = *t;
    else
        return ctx.fail(u"--gs1-table must be general, healthcare or logistics"_s, Refused);
    if (p.isSet(symbol)) {
        q.symbol = symbolKindFromName(p.value(symbol));
        if (!q.symbol)
            return ctx.fail(u"unknown --symbol \"%1\""_s.arg(p.value(symbol)), Refused);
    }
    if (p.isSet(printer)) {
        q.print.printer = p.value(printer);
        const auto jobCopies = wholeNumber(u"--print-copies"_s, p.value(printCopies), 1, 999);
        if (!jobCopies.ok())
            return ctx.fail(jobCopies.error().message);
        q.print.copies = int(jobCopies.value());
        if (p.isSet(pages)) {
            const auto range = p.value(pages).split(u'-');
            const auto from = wholeNumber(u"--pages"_s, range.value(0), 1, 100'000);
            const auto to = range.size() > 1 ? wholeNumber(u"--pages"_s, range.value(1), 1, 100'000) : from;
            if (range.size() > 2 || !from.ok() || !to.ok() || to.value() < from.value())
                return ctx.fail(u"--pages takes a page or a range such as 2 or 2-5, not \"%1\""_s.arg(p.value(pages)));
            q.print.fromPage = int(from.value());
            q.print.toPage = int(to.value());
        }
        if (p.isSet(reason)) {
            q.print.action = u"reprint"_s;
            q.print.reason = p.value(reason);
        }
    }
    if (p.isSet(input)) {
        const auto delimiter = CsvReader::delimiterFromName(p.value(kDelimiter));
        if (!delimiter.ok())
            return ctx.fail(u"--delimiter: "_s + delimiter.error().message);
        QFile f(p.value(input));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(u"%1: %2"_s.arg(f.fileName(), f.errorString()), Refused);
        q.importCsv = f.readAll(); // stored by the job, and only when it succeeds
        q.importDelimiter = delimiter.value();
        if (q.importCsv.isEmpty())
            return ctx.fail(u"%1 is empty: the first line must name the columns"_s.arg(f.fileName()), Refused);
    }
    q.selection = *s;
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    LabelJob job(db, q);
    const JobResult r = job.run();
    ctx.printJson(r.toJson());
    if (r.status == JobStatus::Completed)
        return Ok;
    for (const auto &f : r.failures.mid(0, 50))
        ctx.warn(f);
    if (!r.alreadyPrinted.isEmpty())
        return ctx.fail(r.error + u"; give --reprint-reason TEXT to print them again"_s, Refused);
    return ctx.fail(r.error, Refused);
}

int labelsLog(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption limit(u"limit"_s, u"how many lines"_s, u"n"_s, u"50"_s);
    if (!parseOptions(ctx, p, u"labels log [--limit N]"_s, { limit }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    const auto lines = wholeNumber(u"--limit"_s, p.value(limit), 1, 100'000);
    if (!lines.ok())
        return ctx.fail(lines.error().message);
    const auto log = wait(LabelRepository(db).printLog(int(lines.value())));
    if (!log.ok())
        return ctx.fail(log.error().message, StoreFailure);
    for (const auto &e : log.value()) {
        ctx.printJson({ { u"id"_s, e.id }, { u"action"_s, e.action }, { u"printer"_s, e.printer },
            { u"copies"_s, e.copies }, { u"template"_s, e.templateName }, { u"start"_s, e.startPosition },
            { u"user"_s, e.userName }, { u"workstation"_s, e.workstation }, { u"reason"_s, e.reason },
            { u"items"_s, e.items }, { u"first_item"_s, e.firstItem },
            { u"created"_s, e.created.toString(Qt::ISODateWithMs) }, { u"job_id"_s, e.jobId } });
    }
    return Ok;
}

int labelsVoid(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption reason(u"reason"_s, u"why the label is void"_s, u"text"_s);
    if (!parseOptions(ctx, p, u"labels void SERIAL_ID --reason TEXT"_s, { reason }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (p.positionalArguments().size() != 1)
        return ctx.fail(u"name one serial id"_s);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    const auto r = wait(LabelRepository(db).voidSerial(
        p.positionalArguments().first(), p.value(reason), StationIdentity::current().user));
    if (!r.ok())
        return ctx.fail(r.error().message, Refused);
    ctx.printJson({ { u"voided"_s, p.positionalArguments().first() } });
    return Ok;
}

} // namespace

std::vector<Command> labelCommands()
{
    return {
        { u"labels templates"_s, u"the label stocks (built in and the user's own)"_s, false, labelsTemplates, {}, {},
            true },
        { u"labels add"_s, u"add a lot, a serial, or a range of serials"_s, false, labelsAdd, {}, {}, true },
        { u"labels import"_s, u"import lots or serials from CSV (all rows or none)"_s, false, labelsImport, {}, {},
            true },
        { u"labels list"_s, u"lots or serials, with the export's filters"_s, false, labelsList, {}, {}, true },
        { u"labels export"_s, u"make verified label sheets (PDF) or symbol ZIPs, and print"_s, true, labelsExport, {},
            {}, true },
        { u"labels log"_s, u"the print history: prints, reprints, voids"_s, false, labelsLog, {}, {}, true },
        { u"labels void"_s, u"void a serial's label, with a reason"_s, false, labelsVoid, {}, {}, true },
    };
}

} // namespace closient::cli
