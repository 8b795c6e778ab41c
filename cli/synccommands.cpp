// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "apikey.h"
#include "credentials.h"
#include "database.h"
#include "httpclient.h"
#include "serverurl.h"
#include "settingsrepository.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace closient::cli {

namespace {

using sync::CredentialStore;
using sync::DrainReport;
using sync::HttpClient;
using sync::SyncEngine;
using sync::SyncStatus;
using sync::SyncThread;

std::atomic<int> g_stopSignal = 0;

extern "C" void onStopSignal(int signal)
{
    g_stopSignal.store(signal);
}

QString describeParked(const sync::ParkedRow &p)
{
    return u"  #%1 %2 %3 %4: %5"_s.arg(p.seq).arg(p.entity, p.op, p.entityId, p.error);
}

void printParked(Context &ctx, const std::vector<sync::ParkedRow> &parked)
{
    if (parked.empty())
        return;
    ctx.err() << "Parked (Closient refused them; closient-station sync retry SEQ sends one again, "
                 "sync discard SEQ gives it up):\n";
    for (const auto &p : parked)
        ctx.err() << describeParked(p) << "\n";
    ctx.err() << Qt::flush;
}

QJsonObject reportJson(const DrainReport &r)
{
    QJsonArray parked;
    for (const auto &p : r.parked)
        parked.append(p.toJson());
    return { { u"sent"_s, r.sent }, { u"found_by_read_back"_s, r.foundByReadBack }, { u"resent"_s, r.resent },
        { u"remaining"_s, r.remaining }, { u"parked"_s, parked },
        { u"stop_reason"_s, r.stopReason.isEmpty() ? QJsonValue() : QJsonValue(r.stopReason) },
        { u"message"_s, r.message }, { u"outbox_empty"_s, r.empty() } };
}

int syncCommand(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption once(u"once"_s, u"send what can be sent, then stop"_s);
    const QCommandLineOption noPull(u"no-pull"_s, u"do not ask the server what became of the captures"_s);
    const QCommandLineOption json(u"json"_s, u"the outcome as one JSON object on standard output"_s);
    const QCommandLineOption idFields(u"id-fields"_s,
        u"where the server's id of a new session or capture is read, in order (default: the setting "
        u"sync.id_fields, else id,short_id)"_s,
        u"FIELDS"_s, u"id,short_id"_s);
    if (!parseOptions(ctx, p,
            u"sync [--once] [--no-pull] [--json] [--id-fields FIELDS]\n\n"
            u"Sends the outbox to Closient in order (a session before its captures, its end after them), stores the\n"
            u"ids the server gives, and asks what became of the captures (status, product, proposals, freshness).\n"
            u"After a lost answer it looks on the server before sending again, so nothing arrives twice. Records\n"
            u"the server refuses for good are parked with its words; the others go on. Without --once it keeps\n"
            u"syncing until Ctrl-C (SIGINT) or SIGTERM. The key: CLOSIENT_API_KEY, else the stored one (account\n"
            u"set-key); the server: CLOSIENT_BASE_URL, else the chosen one.\n"
            u"Exit code 0 when the outbox is empty; 1 when records remain (offline, a refused key, parked records\n"
            u"listed), 2 for wrong usage, 3 when the store cannot be used."_s,
            { once, noPull, json, idFields }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"sync takes no arguments (did you mean sync status?)"_s);

    sync::SyncOptions options;
    options.pull = !p.isSet(noPull);
    if (p.isSet(idFields)) {
        options.idFields = p.value(idFields).split(u',', Qt::SkipEmptyParts);
        for (auto &f : options.idFields)
            f = f.trimmed();
        if (options.idFields.isEmpty())
            return ctx.fail(u"--id-fields names no field; give e.g. id,short_id"_s);
    }

    CredentialStore store;
    const auto url = store.baseUrl();
    if (!url.ok())
        return ctx.fail(url.error().message);
    const auto key = store.loadKey();
    if (!key.ok()) {
        if (key.error().code == u"not_found"_s)
            return ctx.fail(u"no Closient API key is set: closient-station account set-key sets one (or "
                            u"CLOSIENT_API_KEY). Nothing was sent."_s,
                Refused);
        return ctx.fail(key.error().message, Refused);
    }
    if (const auto checked = sync::checkApiKey(key.value().apiKey); !checked.ok())
        return ctx.fail(checked.error().message + u" Nothing was sent."_s, Refused);

    auto *db = ctx.database(Context::Access::ReadWrite);
    if (!db)
        return StoreFailure;
    if (!p.isSet(idFields)) { // the setting sync.id_fields, else id then short_id
        const QString stored = wait(store::SettingsRepository(db).value(u"sync.id_fields"_s)).toString();
        if (!stored.isEmpty())
            options.idFields = stored.split(u',', Qt::SkipEmptyParts);
    }

    DrainReport report;
    {
        SyncThread thread;
        auto *http = new HttpClient;
        http->setAccount(url.value(), key.value().apiKey);
        thread.adopt(http);
        auto *engine = new SyncEngine(db, http, options);
        thread.adopt(engine);

        QEventLoop loop;
        QObject::connect(
            engine, &SyncEngine::finished, &loop,
            [&](const DrainReport &r) {
                report = r;
                loop.quit();
            },
            Qt::QueuedConnection);
        QElapsedTimer lastLine;
        lastLine.start();
        QObject::connect(
            engine, &SyncEngine::progress, &loop,
            [&](int sent, int open) {
                if (lastLine.elapsed() < 2000)
                    return;
                lastLine.restart();
                ctx.err() << "sync: " << sent << " sent, about " << open << " to go" << Qt::endl;
            },
            Qt::QueuedConnection);

        g_stopSignal = 0;
        auto previousInt = std::signal(SIGINT, onStopSignal);
        auto previousTerm = std::signal(SIGTERM, onStopSignal);
        QTimer watch;
        bool stopping = false;
        QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
            if (g_stopSignal.load() == 0 || stopping)
                return;
            stopping = true;
            QMetaObject::invokeMethod(engine, [engine] { engine->stop(); });
        });
        watch.start(100);
        const bool onceMode = p.isSet(once);
        QMetaObject::invokeMethod(engine, [engine, onceMode] { engine->start(onceMode); });
        loop.exec();
        std::signal(SIGINT, previousInt);
        std::signal(SIGTERM, previousTerm);
    } // the sync thread ends here: the engine and the client are deleted on it

    if (p.isSet(json))
        ctx.printJson(reportJson(report));
    else
        ctx.out() << "Sent " << report.sent << " record(s) to " << sync::ServerUrl::describe(url.value())
                  << (report.foundByReadBack > 0
                             ? u" (%1 already there after a lost answer)"_s.arg(report.foundByReadBack)
                             : QString())
                  << "." << Qt::endl;
    if (report.empty())
        return Ok;
    printParked(ctx, report.parked);
    if (report.stopReason == u"stopped"_s && !p.isSet(once) && report.parked.empty())
        return Ok; // a continuous run stopped on request: what is left goes next time
    QString reason = report.message;
    if (reason.isEmpty() || report.stopReason == u"waiting"_s) {
        QStringList parts;
        if (!report.parked.empty())
            parts << u"%1 record(s) parked"_s.arg(report.parked.size());
        if (report.remaining > 0)
            parts << u"%1 record(s) not sent"_s.arg(report.remaining);
        reason = parts.join(u", "_s) + (report.message.isEmpty() ? QString() : u": "_s + report.message);
    }
    return ctx.fail(reason, Refused);
}

int statusCommand(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(u"json"_s, u"one JSON object on standard output"_s);
    if (!parseOptions(ctx, p,
            u"sync status [--json]\n\n"
            u"What waits to go to Closient, by kind: pending, in flight (sent, answer not known: looked up before it\n"
            u"is sent again) and parked (refused by the server, with its words); the last success, the last error\n"
            u"and the rate limit as the server last announced it. Reads the store only; sends nothing.\n"
            u"Exit code 0."_s,
            { json }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"sync status takes no arguments"_s);
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    const auto status = SyncStatus::read(db);
    if (!status.ok())
        return ctx.fail(status.error().message, StoreFailure);
    const auto &s = status.value();
    if (p.isSet(json)) {
        ctx.printJson(s.toJson());
        return Ok;
    }
    const auto o = s.toJson();
    auto &out = ctx.out();
    out << "Outbox: " << o.value(u"pending"_s).toInt() << " pending, " << o.value(u"in_flight"_s).toInt()
        << " in flight, " << o.value(u"parked"_s).toInt() << " parked\n";
    for (auto it = s.byKind.cbegin(); it != s.byKind.cend(); ++it)
        out << "  " << it.key() << ": " << it->pending << " pending, " << it->inFlight << " in flight, " << it->parked
            << " parked\n";
    if (!s.parked.empty()) {
        out << "Parked:\n";
        for (const auto &r : s.parked)
            out << describeParked(r) << "\n";
    }
    out << "Last success: "
        << (s.lastSuccess.isEmpty()
                   ? u"none"_s
                   : s.lastSuccess.value(u"time"_s).toString() + u" ("_s + s.lastSuccess.value(u"entity"_s).toString()
                       + u' ' + s.lastSuccess.value(u"op"_s).toString() + u')')
        << "\n";
    out << "Last error: "
        << (s.lastError.isEmpty()
                   ? u"none"_s
                   : s.lastError.value(u"time"_s).toString() + u": "_s + s.lastError.value(u"message"_s).toString())
        << "\n";
    out << "Rate limit: "
        << (s.rateLimit.isEmpty() ? u"not known yet"_s
                                  : s.rateLimit.value(u"describe"_s).toString() + u" (as of "_s
                       + s.rateLimit.value(u"time"_s).toString() + u')')
        << Qt::endl;
    return Ok;
}

int retryCommand(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption all(u"all"_s, u"every parked record"_s);
    if (!parseOptions(ctx, p,
            u"sync retry SEQ | --all\n\n"
            u"Puts a parked record (or all of them) back in the queue; the next sync sends it again."_s,
            { all }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    qint64 seq = 0;
    if (!p.isSet(all)) {
        if (p.positionalArguments().size() != 1)
            return ctx.fail(u"give the record's number (sync status lists them) or --all"_s);
        const auto n = wholeNumber(u"SEQ"_s, p.positionalArguments().first(), 1, std::numeric_limits<qint64>::max());
        if (!n.ok())
            return ctx.fail(n.error().message);
        seq = n.value();
    }
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    const auto r = sync::retryParked(db, seq);
    if (!r.ok())
        return ctx.fail(r.error().message, StoreFailure);
    if (r.value() == 0)
        return ctx.fail(seq ? u"no parked record %1"_s.arg(seq) : u"no record is parked"_s, Refused);
    ctx.out() << r.value() << " record(s) back in the queue; closient-station sync --once sends them." << Qt::endl;
    return Ok;
}

int discardCommand(Context &ctx)
{
    QCommandLineParser p;
    if (!parseOptions(ctx, p,
            u"sync discard SEQ\n\n"
            u"Gives up a parked record: Closient will not hear of this change. The local record itself stays."_s,
            {}))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (p.positionalArguments().size() != 1)
        return ctx.fail(u"give the record's number (sync status lists them)"_s);
    const auto n = wholeNumber(u"SEQ"_s, p.positionalArguments().first(), 1, std::numeric_limits<qint64>::max());
    if (!n.ok())
        return ctx.fail(n.error().message);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    const auto r = sync::discardParked(db, n.value());
    if (!r.ok())
        return ctx.fail(r.error().message, r.error().code == u"not_found"_s ? Refused : StoreFailure);
    ctx.out() << "Record " << n.value() << " discarded." << Qt::endl;
    return Ok;
}

} // namespace

std::vector<Command> syncCommands()
{
    return {
        { u"sync"_s, u"send the outbox to Closient and pull what it says (--once: until done)"_s, false, syncCommand,
            {}, {}, true },
        { u"sync status"_s, u"what waits to go to Closient, parked records, the rate limit"_s, false, statusCommand, {},
            {}, true },
        { u"sync retry"_s, u"put parked records back in the queue"_s, false, retryCommand, {}, {}, true },
        { u"sync discard"_s, u"give up a parked record"_s, false, discardCommand, {}, {}, true },
    };
}

} // namespace closient::cli
