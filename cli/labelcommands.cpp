// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "csvreader.h"
#include "database.h"
#include "exportrules.h"
#include "labeljob.h"
#include "labelrepository.h"
#include "layoutlibrary.h"
#include "rawprinter.h"
#include "sheettemplate.h"
#include "stationidentity.h"
#include "stocklibrary.h"

#include <QFile>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace closient::cli {

namespace {

const QCommandLineOption kDelimiter { u"delimiter"_s,
    u"the character between fields: \",\" (the default, RFC 4180), \";\" or \"tab\""_s, u"char"_s, u","_s };
const QCommandLineOption kColumnMap { u"map"_s,
    u"the file's own column names: HEADER=FIELD,... such as \"Charge=lot,MHD=expiry\" (usual names such as "
    u"\"Lot Number\", \"Batch\", \"Best before\" or \"Serial No\" are known without it)"_s,
    u"map"_s };

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
            ctx.fail(s.error().message, Usage); // a wrong --scope or --gtin is a mistake in the command
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

int labelsStocks(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption search(
        u"search"_s, u"only stocks with every word in brand, part, description, size"_s, u"text"_s);
    const QCommandLineOption json(u"json"_s, u"one JSON object a line instead of a table"_s);
    if (!parseOptions(ctx, p,
            u"labels stocks [--search TEXT] [--json]\n\n"
            u"Every label stock the station knows: its own, the user's, and glabels-data's database when it is\n"
            u"installed. Give a stock to labels export --stock by its brand and part (\"Avery 5160\")."_s,
            { search, json }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const auto library = StockLibrary::instance();
    std::vector<const Stock *> found;
    if (p.isSet(search)) {
        found = library->search(p.value(search));
    } else {
        for (const auto &s : library->stocks())
            found.push_back(&s);
    }
    for (const auto *s : found) {
        if (p.isSet(json)) {
            ctx.printJson({ { u"id"_s, s->id }, { u"brand"_s, s->brand }, { u"part"_s, s->part },
                { u"description"_s, s->description }, { u"size"_s, s->sizeText() },
                { u"labels_per_sheet"_s, s->labelsPerSheet() }, { u"roll"_s, s->roll }, { u"paper"_s, s->paperName },
                { u"name"_s, s->displayName() } });
        } else {
            ctx.out() << (s->brand + u' ' + s->part).leftJustified(24) << ' ' << s->sizeText().leftJustified(20) << ' '
                      << QString::number(s->labelsPerSheet()).rightJustified(4) << "  " << s->description << '\n';
        }
    }
    ctx.out().flush();
    if (found.empty() && p.isSet(search))
        return ctx.fail(u"no stock matches \"%1\""_s.arg(p.value(search)), Refused);
    return Ok;
}

int labelsLayouts(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(u"json"_s, u"one JSON object a line instead of a table"_s);
    if (!parseOptions(ctx, p,
            u"labels layouts [--json]\n\nThe label layouts: the station's defaults and JSON files in "_s
                + LayoutLibrary::userFolder() + u". Give one to labels export --layout by its name."_s,
            { json }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const LayoutLibrary library = LayoutLibrary::load();
    for (const auto &e : library.entries()) {
        const auto &l = e.layout;
        const QString size = u"%1 × %2 mm"_s.arg(l.label.width, 0, 'f', 1).arg(l.label.height, 0, 'f', 1);
        if (p.isSet(json)) {
            ctx.printJson({ { u"name"_s, l.name }, { u"description"_s, l.description }, { u"stock"_s, l.stockId },
                { u"label_size"_s, size }, { u"objects"_s, int(l.objects.size()) }, { u"built_in"_s, e.builtIn },
                { u"file"_s, e.path } });
        } else {
            ctx.out() << l.name.leftJustified(24) << ' ' << size.leftJustified(16) << ' ' << l.description << '\n';
        }
    }
    ctx.out().flush();
    for (const auto &problem : library.problems())
        ctx.warn(u"layout skipped: "_s + problem);
    return Ok;
}

int labelsImport(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption scope(u"scope"_s, u"lots or serials"_s, u"scope"_s, u"lots"_s);
    if (!parseOptions(ctx, p,
            u"labels import --scope lots|serials [--delimiter ;] [--map HEADER=FIELD,...] FILE.csv\n\n"
            u"CSV as RFC 4180 writes it. Columns named in the first line: gtin, lot, expiry, serial, production_date,\n"
            u"product_id, lot_run_id (or the usual other names for them, or --map). Every row has as many fields as\n"
            u"the first. All rows or none."_s,
            { scope, kDelimiter, kColumnMap }))
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
    const auto map = LabelImport::parseColumnMap(p.value(kColumnMap));
    if (!map.ok())
        return ctx.fail(u"--map: "_s + map.error().message);
    const auto report
        = wait(LabelRepository(db).importCsv(p.value(scope), f.readAll(), false, delimiter.value(), map.value()));
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
        return Usage;
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
    const QCommandLineOption type(u"type"_s,
        u"qr_codes, datamatrix, barcodes_1d, codes_combined, sheet_pdf or thermal"_s, u"type"_s, u"sheet_pdf"_s);
    const QCommandLineOption format(
        u"format"_s, u"svg, png, pdf, eps or zpl (default: pdf; zpl for thermal)"_s, u"format"_s);
    const QCommandLineOption stock(
        u"stock"_s, u"label stock by brand and part, e.g. \"Avery 5160\" (labels stocks lists them)"_s, u"stock"_s);
    const QCommandLineOption layout(u"layout"_s, u"draw each label with this layout (labels layouts)"_s, u"name"_s);
    const QCommandLineOption dpi(u"dpi"_s, u"thermal: the printer's resolution, 203, 300 or 600"_s, u"dpi"_s);
    const QCommandLineOption darkness(u"darkness"_s, u"thermal: darkness 0-30 (~SD)"_s, u"n"_s);
    const QCommandLineOption speed(u"speed"_s, u"thermal: print speed 1-14 in/s (^PR)"_s, u"n"_s);
    const QCommandLineOption media(u"media"_s, u"thermal: gap, black_mark or continuous"_s, u"kind"_s);
    const QCommandLineOption printTo(
        u"print-to"_s, u"thermal: send the ZPL to tcp://HOST:9100 or a CUPS raw queue (cups:NAME)"_s, u"target"_s);
    const QCommandLineOption templ(
        u"template"_s, u"label stock (labels templates lists them)"_s, u"name"_s, u"63up_1in_letter"_s);
    const QCommandLineOption input(u"input"_s,
        u"CSV of the items to print (gtin, lot, expiry, serial, and any column the layout prints)"_s, u"file"_s);
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
    options << type << format << templ << stock << layout << input << kDelimiter << kColumnMap << start << symbol
            << domain << table << outlines << copies << offsetX << offsetY << noHri << noVerify << printer
            << printCopies << pages << reason << out << dpi << darkness << speed << media << printTo;
    if (!parseOptions(ctx, p,
            u"labels export --scope lots|serials --type TYPE --format FMT [--template NAME | --stock STOCK] "
            u"[--layout NAME] [--input FILE.csv] [--start N] [--gtin G ...] [--never-printed] [--symbol KIND] "
            u"[--print PRINTER] --out PATH\n"
            u"labels export --scope serials --type thermal --format zpl --layout NAME --dpi 203|300|600 "
            u"[--darkness N] [--speed N] [--media gap|black_mark|continuous] (--out FILE.zpl | --print-to "
            u"tcp://HOST:9100)\n\n"
            u"Makes the labels, reads every one back (Poppler at 300 dpi, then the barcode reader), and only then\n"
            u"writes PATH (never over the store or any other database). With --input the file's rows are stored\n"
            u"only when the whole job succeeds. Printing a serial printed before needs --reprint-reason; a void\n"
            u"serial is never printed or exported. Thermal labels are rendered at the printer's resolution, read\n"
            u"back, and written one ^XA ... ^XZ block a label. Prints one JSON line with the job's result."_s,
            options))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const bool thermal = p.value(type) == u"thermal";
    const QString fileFormat = p.isSet(format) ? p.value(format) : thermal ? u"zpl"_s : u"pdf"_s;
    if (!p.isSet(out) && !(thermal && p.isSet(printTo)))
        return ctx.fail(
            thermal ? u"--out FILE.zpl or --print-to tcp://HOST:9100 is required"_s : u"--out PATH is required"_s);
    if (auto coherent = checkExportCoherence(p.value(type), fileFormat); !coherent.ok())
        return ctx.fail(coherent.error().message, Usage);
    // Options that only mean something with another one are refused without it, not silently ignored.
    const bool printing = p.isSet(printer) || p.isSet(printTo);
    for (const auto *o : { &printCopies, &pages, &reason }) {
        if (p.isSet(*o) && !printing)
            return ctx.fail(u"--%1 applies only when printing (--print or --print-to)"_s.arg(o->names().first()));
    }
    for (const auto *o : { &dpi, &darkness, &speed, &media, &printTo }) {
        if (p.isSet(*o) && !thermal)
            return ctx.fail(u"--%1 applies only to thermal labels (--type thermal)"_s.arg(o->names().first()));
    }
    if (thermal && p.isSet(printer))
        return ctx.fail(u"thermal labels go to a printer with --print-to tcp://HOST:9100 or --print-to cups:QUEUE"_s);
    if (p.isSet(templ) && p.isSet(stock))
        return ctx.fail(u"give either --template or --stock, not both"_s);
    auto s = sel.read(ctx, p);
    if (!s)
        return Usage;
    ExportRequest q;
    q.exportType = p.value(type);
    q.fileFormat = fileFormat;
    q.templateName = p.value(templ);
    q.stock = p.value(stock);
    q.layoutName = p.value(layout);
    if (thermal) {
        if (!p.isSet(dpi))
            return ctx.fail(u"--dpi 203, 300 or 600 is required for thermal labels: the printer's resolution"_s);
        const auto d = wholeNumber(u"--dpi"_s, p.value(dpi), 203, 600);
        if (!d.ok() || (d.value() != 203 && d.value() != 300 && d.value() != 600))
            return ctx.fail(u"--dpi must be 203, 300 or 600, not \"%1\""_s.arg(p.value(dpi)));
        q.zpl.dpi = int(d.value());
        if (const auto r = readWholeOption(p, darkness, 0, 30, q.zpl.darkness); !r.ok())
            return ctx.fail(r.error().message);
        if (const auto r = readWholeOption(p, speed, 1, 14, q.zpl.speed); !r.ok())
            return ctx.fail(r.error().message);
        if (p.isSet(media)) {
            const auto m = zplMediaFromName(p.value(media));
            if (!m)
                return ctx.fail(u"--media must be gap, black_mark or continuous, not \"%1\""_s.arg(p.value(media)));
            q.zpl.media = *m;
        }
        if (p.isSet(printTo)) {
            if (auto target = printing::RawPrinterTarget::parse(p.value(printTo)); !target.ok())
                return ctx.fail(u"--print-to: "_s + target.error().message);
            q.print.printer = p.value(printTo);
        }
    }
    q.startPosition = p.isSet(printer) ? 0 : 1; // unless given, 0: where the last print on this stock ended
    if (const auto r = readWholeOption(p, start, 1, 1000, q.startPosition); !r.ok())
        return ctx.fail(r.error().message);
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
    if (printing) {
        if (p.isSet(printer))
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
    if (p.isSet(kColumnMap) && !p.isSet(input))
        return ctx.fail(u"--map names the columns of the file given with --input"_s);
    if (p.isSet(input)) {
        const auto delimiter = CsvReader::delimiterFromName(p.value(kDelimiter));
        if (!delimiter.ok())
            return ctx.fail(u"--delimiter: "_s + delimiter.error().message);
        QFile f(p.value(input));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(u"%1: %2"_s.arg(f.fileName(), f.errorString()), Refused);
        const auto map = LabelImport::parseColumnMap(p.value(kColumnMap));
        if (!map.ok())
            return ctx.fail(u"--map: "_s + map.error().message);
        q.importCsv = f.readAll(); // stored by the job, and only when it succeeds
        q.importDelimiter = delimiter.value();
        q.importColumnMap = map.value();
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
    if (r.status == JobStatus::Completed && !r.warning.isEmpty()) {
        ctx.warn(r.warning); // e.g. a print the print server has not confirmed: a script must not take it as done
        return Refused;
    }
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
        { u"labels stocks"_s, u"every label stock: the station's, the user's, glabels-data's"_s, false, labelsStocks,
            {}, {}, true },
        { u"labels layouts"_s, u"the label layouts (defaults and the user's)"_s, true, labelsLayouts, {}, {}, true },
        { u"labels add"_s, u"add a lot, a serial, or a range of serials"_s, false, labelsAdd, {}, {}, true },
        { u"labels import"_s, u"import lots or serials from CSV (all rows or none)"_s, false, labelsImport, {}, {},
            true },
        { u"labels list"_s, u"lots or serials, with the export's filters"_s, false, labelsList, {}, {}, true },
        { u"labels export"_s, u"make verified label sheets (PDF), ZIPs or thermal ZPL, and print"_s, true, labelsExport,
            {}, {}, true },
        { u"labels log"_s, u"the print history: prints, reprints, voids"_s, false, labelsLog, {}, {}, true },
        { u"labels void"_s, u"void a serial's label, with a reason"_s, false, labelsVoid, {}, {}, true },
    };
}

} // namespace closient::cli
