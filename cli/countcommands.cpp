// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "countlocation.h"
#include "countservice.h"
#include "displaytext.h"
#include "eventhash.h"
#include "expectedcsv.h"
#include "outputfile.h"
#include "variancepdf.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::cli {

using counts::CountService;

namespace {

const QCommandLineOption kCount { u"count"_s, u"the count's id (counts list shows them)"_s, u"id"_s };

// The --count option, required; empty after saying why.
QString countId(Context &ctx, const QCommandLineParser &p)
{
    const QString id = p.value(kCount).trimmed();
    if (id.isEmpty())
        ctx.fail(u"name the count with --count ID (counts list shows the ids)"_s);
    return id;
}

int storeOrRefused(Context &ctx, const Error &e)
{
    static const QStringList storeCodes { u"locked"_s, u"read_only"_s, u"disk_full"_s, u"io"_s, u"corrupt"_s };
    return ctx.fail(e.message, storeCodes.contains(e.code) ? StoreFailure : Refused);
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

int countsStart(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption location(u"location"_s, u"GLN[.EXTENSION], or a named place"_s, u"gln"_s);
    const QCommandLineOption name(u"name"_s, u"what is counted, in a few words"_s, u"text"_s);
    const QCommandLineOption expected(u"expected"_s, u"CSV of expected quantities: gtin,lot,expected"_s, u"csv"_s);
    const QCommandLineOption blind(u"blind"_s, u"hide the expected quantities until the count is finished"_s);
    const QCommandLineOption json(u"json"_s, u"print the new count as one JSON line instead of its id"_s);
    if (!parseOptions(ctx, p,
            u"counts start --location GLN[.EXT] [--name TEXT] [--expected CSV] [--blind] [--json]\n\n"
            u"Starts an inventory count at a location: a GLN (13 digits, check digit checked) with an optional\n"
            u"extension (an SGLN), or a place named with counts place. Expected quantities come from CSV (RFC 4180)\n"
            u"with the columns gtin, expected and optionally lot; all rows or none, every bad row listed.\n"
            u"Prints the new count's id."_s,
            { location, name, expected, blind, json }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"unexpected argument %1"_s.arg(visibleText(p.positionalArguments().first())));
    if (!p.isSet(location))
        return ctx.fail(u"name the location with --location GLN[.EXT]"_s);
    counts::NewCount nc;
    nc.description = p.value(name);
    nc.blind = p.isSet(blind);
    if (p.isSet(expected)) {
        QFile f(p.value(expected));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(u"%1: %2"_s.arg(f.fileName(), f.errorString()), Refused);
        auto items = counts::readExpectedCsv(f.readAll());
        if (!items.ok())
            return ctx.fail(items.error().message, Refused);
        nc.expected = std::move(items.value());
    }
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    CountService service(db);
    auto loc = wait(service.resolveLocation(p.value(location)));
    if (!loc.ok())
        return ctx.fail(u"--location: "_s + loc.error().message, Refused);
    nc.location = loc.value();
    auto c = wait(service.start(nc));
    if (!c.ok())
        return storeOrRefused(ctx, c.error());
    if (p.isSet(json))
        ctx.printJson(c->toJson());
    else
        ctx.out() << c->id << '\n' << Qt::flush;
    return Ok;
}

int countsAdd(Context &ctx)
{
    QCommandLineParser p;
    if (!parseOptions(ctx, p,
            u"counts add --count ID -\n\n"
            u"Reads codes from standard input, one a line, exactly as a scanner sends them (AIM symbology\n"
            u"identifiers, GS separators, GS1 Digital Links, plain GTINs). A line \"12x\" multiplies the next code.\n"
            u"Answers one JSON line per code: outcome counted (with the tally of its GTIN + lot), repeated (a\n"
            u"serial already counted: kept, not counted) or refused (with reason_code and reason). Each counted\n"
            u"code is on disk before its line is printed. Exit code 1 when any code was refused."_s,
            { kCount }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const QString id = countId(ctx, p);
    if (id.isEmpty())
        return Usage;
    if (p.positionalArguments() != QStringList { u"-"_s })
        return ctx.fail(u"give - to read the codes from standard input"_s);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    CountService service(db);
    auto c = wait(service.count(id));
    if (!c.ok())
        return storeOrRefused(ctx, c.error());
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return ctx.fail(u"standard input cannot be read"_s, Refused);
    int multiplier = 1;
    bool refused = false;
    while (true) {
        QByteArray bytes = in.readLine();
        if (bytes.isEmpty())
            break;
        const QString line = QString::fromUtf8(bytes).remove(u'\n').remove(u'\r');
        if (line.trimmed().isEmpty())
            continue;
        if (const auto m = counts::parseMultiplier(line)) {
            multiplier = *m;
            continue;
        }
        const auto out = wait(service.add(id, counts::CountScan { line, {}, multiplier, u"cli"_s }));
        multiplier = 1;
        ctx.printJson(out.toJson());
        if (out.kind == counts::CountOutcome::Kind::Refused) {
            refused = true;
            if (out.reasonCode == u"disk_full" || out.reasonCode == u"finished" || out.reasonCode == u"not_found") {
                ctx.warn(out.reason);
                return out.reasonCode == u"disk_full" ? StoreFailure : Refused;
            }
        }
    }
    if (multiplier != 1)
        ctx.warn(u"the quantity %1x at the end was followed by no code; nothing was counted for it"_s.arg(multiplier));
    return refused ? Refused : Ok;
}

int countsUndo(Context &ctx)
{
    QCommandLineParser p;
    if (!parseOptions(ctx, p,
            u"counts undo --count ID\n\nTakes back the count's last counted line (kept, marked undone)."_s, { kCount }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const QString id = countId(ctx, p);
    if (id.isEmpty())
        return Usage;
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    auto line = wait(CountService(db).undo(id));
    if (!line.ok())
        return storeOrRefused(ctx, line.error());
    ctx.printJson(line->toJson());
    return Ok;
}

int countsVariance(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(u"json"_s, u"one JSON object: the count, its lines and a summary"_s);
    const QCommandLineOption csv(u"csv"_s, u"CSV: gtin,lot,expected,counted,difference,status"_s);
    const QCommandLineOption pdf(u"pdf"_s, u"write a printable PDF report to FILE"_s, u"file"_s);
    if (!parseOptions(ctx, p,
            u"counts variance --count ID [--json|--csv|--pdf FILE]\n\n"
            u"Expected, counted and the difference per GTIN + lot, with the unexpected and missing items.\n"
            u"Refused while a blind count is open."_s,
            { kCount, json, csv, pdf }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const QString id = countId(ctx, p);
    if (id.isEmpty())
        return Usage;
    if (int(p.isSet(json)) + int(p.isSet(csv)) + int(p.isSet(pdf)) > 1)
        return ctx.fail(u"choose one of --json, --csv and --pdf"_s);
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    auto v = wait(CountService(db).variance(id));
    if (!v.ok())
        return storeOrRefused(ctx, v.error());
    if (p.isSet(json)) {
        ctx.printJson(v->toJson());
    } else if (p.isSet(csv)) {
        ctx.out() << QString::fromUtf8(v->toCsv()) << Qt::flush;
    } else if (p.isSet(pdf)) {
        auto output = labels::OutputFile::prepare(p.value(pdf), db->path());
        if (!output.ok())
            return ctx.fail(output.error().message, Refused);
        if (auto r = counts::writeVariancePdf(v.value(), output->tempPath()); !r.ok())
            return ctx.fail(r.error().message, Refused);
        if (auto r = output->commit(); !r.ok())
            return ctx.fail(r.error().message, Refused);
        ctx.printJson({ { u"written"_s, output->target() } });
    } else {
        auto &out = ctx.out();
        out << "GTIN            LOT                  EXPECTED    COUNTED  DIFFERENCE  STATUS\n";
        for (const auto &r : v->rows) {
            out << r.gtin.leftJustified(16) << visibleText(r.lot).leftJustified(20) << ' '
                << (r.expected ? number(*r.expected) : u"-"_s).rightJustified(8) << ' '
                << number(r.counted).rightJustified(10) << ' ' << number(r.difference()).rightJustified(11) << "  "
                << counts::varianceKindName(r.kind) << '\n';
        }
        out << "expected " << number(v->totalExpected()) << ", counted " << number(v->totalCounted()) << '\n'
            << Qt::flush;
    }
    return Ok;
}

int countsFinish(Context &ctx)
{
    QCommandLineParser p;
    if (!parseOptions(ctx, p,
            u"counts finish --count ID\n\n"
            u"Locks the count and records its EPCIS 2.0 document (ObjectEvents, OBSERVE, cycle_counting), checked\n"
            u"with the station's validator, stored with its event hashes and queued for Closient in one step.\n"
            u"Prints the count and the event hash IDs as one JSON line."_s,
            { kCount }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const QString id = countId(ctx, p);
    if (id.isEmpty())
        return Usage;
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    CountService service(db);
    auto c = wait(service.finish(id));
    if (!c.ok())
        return storeOrRefused(ctx, c.error());
    auto o = c->toJson();
    if (auto doc = wait(service.document(id)); doc.ok()) {
        if (const auto hashes = epcis::documentEventHashes(doc.value()); hashes.ok())
            o.insert(u"event_hashes"_s, QJsonArray::fromStringList(hashes.value()));
    }
    ctx.printJson(o);
    return Ok;
}

int countsExport(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption out(u"out"_s, u"the file to write (never a database)"_s, u"file"_s);
    if (!parseOptions(ctx, p,
            u"counts export --count ID --out FILE\n\n"
            u"Writes the finished count's EPCIS 2.0 document (JSON-LD). The file is written beside its target and\n"
            u"renamed into place; the store and other SQLite databases are never written over."_s,
            { kCount, out }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const QString id = countId(ctx, p);
    if (id.isEmpty())
        return Usage;
    if (!p.isSet(out))
        return ctx.fail(u"name the file to write with --out FILE"_s);
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    auto doc = wait(CountService(db).document(id));
    if (!doc.ok())
        return storeOrRefused(ctx, doc.error());
    auto output = labels::OutputFile::prepare(p.value(out), db->path());
    if (!output.ok())
        return ctx.fail(output.error().message, Refused);
    QFile f(output->tempPath());
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(doc.value()).toJson()) < 0 || !f.flush())
        return ctx.fail(u"%1: %2"_s.arg(output->target(), f.errorString()), Refused);
    f.close();
    if (auto r = output->commit(); !r.ok())
        return ctx.fail(r.error().message, Refused);
    ctx.printJson({ { u"written"_s, output->target() } });
    return Ok;
}

int countsList(Context &ctx)
{
    QCommandLineParser p;
    if (!parseOptions(ctx, p, u"counts list\n\nEvery count, newest first, one JSON line each."_s, {}))
        return p.isSet(u"help"_s) ? Ok : Usage;
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    auto all = wait(CountService(db).list());
    if (!all.ok())
        return storeOrRefused(ctx, all.error());
    for (const auto &c : all.value())
        ctx.printJson(c.toJson());
    return Ok;
}

int countsPlace(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption name(u"name"_s, u"the place's name"_s, u"text"_s);
    const QCommandLineOption location(u"location"_s, u"GLN[.EXTENSION]"_s, u"gln"_s);
    if (!parseOptions(ctx, p,
            u"counts place --name TEXT --location GLN[.EXT]\n\n"
            u"Names a location, so counts can start at \"Back store\" instead of its GLN. Without options: lists\n"
            u"the named places."_s,
            { name, location }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.isSet(name) && !p.isSet(location)) {
        auto *db = ctx.database(Context::Access::ReadOnly);
        if (!db)
            return StoreFailure;
        auto places = wait(CountService(db).places());
        if (!places.ok())
            return storeOrRefused(ctx, places.error());
        for (const auto &pl : places.value())
            ctx.printJson({ { u"name"_s, pl.name }, { u"location"_s, pl.text() }, { u"location_uri"_s, pl.uri() } });
        return Ok;
    }
    auto loc = counts::parseLocation(p.value(location));
    if (!loc.ok())
        return ctx.fail(u"--location: "_s + loc.error().message, Refused);
    loc->name = p.value(name);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    if (auto r = wait(CountService(db).savePlace(loc.value())); !r.ok())
        return storeOrRefused(ctx, r.error());
    ctx.printJson({ { u"name"_s, loc->name.trimmed() }, { u"location"_s, loc->text() } });
    return Ok;
}

} // namespace

std::vector<Command> countCommands()
{
    return {
        { u"counts start"_s, u"start an inventory count at a location"_s, false, countsStart, {}, {}, true },
        { u"counts add"_s, u"count codes read from standard input (12x multiplies the next)"_s, false, countsAdd, {},
            {}, true },
        { u"counts undo"_s, u"take back a count's last counted line"_s, false, countsUndo, {}, {}, true },
        { u"counts variance"_s, u"expected against counted: table, JSON, CSV or PDF"_s, true, countsVariance, {}, {},
            true },
        { u"counts finish"_s, u"lock a count and record its EPCIS document"_s, false, countsFinish, {}, {}, true },
        { u"counts export"_s, u"write a finished count's EPCIS document"_s, false, countsExport, {}, {}, true },
        { u"counts list"_s, u"every count, newest first"_s, false, countsList, {}, {}, true },
        { u"counts place"_s, u"name a location, or list the named places"_s, false, countsPlace, {}, {}, true },
    };
}

} // namespace closient::cli
