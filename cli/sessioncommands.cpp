// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "capturerepository.h"
#include "captureservice.h"
#include "database.h"
#include "outbox.h"
#include "sessionrepository.h"
#include "settingsrepository.h"
#include "stationidentity.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace closient::store;

namespace closient::cli {

namespace {

int storeFailure(Context &ctx, const StoreError &e)
{
    ctx.warn(e.message);
    static const QStringList refusals { u"invalid"_s, u"not_found"_s, u"not_active"_s, u"session_closed"_s,
        u"already_voided"_s, u"not_editable"_s, u"already_sent"_s, u"too_long"_s, u"empty"_s };
    return refusals.contains(e.code) ? Refused : StoreFailure;
}

Result<QJsonObject> parseMetadata(const QStringList &pairs)
{
    QJsonObject o;
    for (const auto &kv : pairs) {
        const auto eq = kv.indexOf(u'=');
        if (eq <= 0)
            return StoreError { u"invalid"_s, u"metadata must be written key=value, not \"%1\""_s.arg(kv) };
        if (o.contains(kv.left(eq)))
            return StoreError { u"invalid"_s,
                u"the metadata key \"%1\" is given twice; give each key once"_s.arg(kv.left(eq)) };
        o.insert(kv.left(eq), kv.mid(eq + 1));
    }
    return o;
}

int sessionsCreate(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption mode(
        u"mode"_s, u"barcode_scan, product_photography or both"_s, u"mode"_s, u"barcode_scan"_s);
    const QCommandLineOption meta(u"meta"_s, u"metadata key=value (repeatable)"_s, u"key=value"_s);
    if (!parseOptions(ctx, p, u"sessions create [--mode MODE] [--meta key=value]..."_s, { mode, meta }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!captureModes().contains(p.value(mode)))
        return ctx.fail(u"--mode takes %1, not \"%2\""_s.arg(captureModes().join(u", "_s), p.value(mode)));
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    auto metadata = parseMetadata(p.values(meta));
    if (!metadata.ok())
        return ctx.fail(metadata.error().message);
    auto r = wait(SessionRepository(db).create(p.value(mode), metadata.value(), u"closient-station-cli"_s));
    if (!r.ok())
        return storeFailure(ctx, r.error());
    ctx.printJson(r.value().toJson());
    return Ok;
}

int sessionsList(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption status(u"status"_s, u"ACTIVE, COMPLETED or EXPIRED"_s, u"status"_s);
    if (!parseOptions(ctx, p, u"sessions list [--status STATUS]   (one JSON object per line)"_s, { status }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    static const QStringList statuses { u"ACTIVE"_s, u"COMPLETED"_s, u"EXPIRED"_s };
    if (p.isSet(status) && !statuses.contains(p.value(status).toUpper()))
        return ctx.fail(u"--status takes %1, not \"%2\""_s.arg(statuses.join(u", "_s), p.value(status)));
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    for (const auto &s : wait(SessionRepository(db).list(p.value(status).toUpper())))
        ctx.printJson(s.toJson());
    return Ok;
}

int sessionsShow(Context &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.fail(u"usage: closient-station sessions show ID"_s);
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    auto r = wait(SessionRepository(db).get(ctx.args().first()));
    if (!r.ok())
        return storeFailure(ctx, r.error());
    auto o = r.value().toJson();
    QJsonArray captures;
    for (const auto &c : wait(CaptureRepository(db).forSession(r.value().id)))
        captures.append(c.toJson());
    o.insert(u"captures"_s, captures);
    ctx.printJson(o);
    return Ok;
}

int sessionsEnd(Context &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.fail(u"usage: closient-station sessions end ID"_s);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    auto r = wait(SessionRepository(db).end(ctx.args().first()));
    if (!r.ok())
        return storeFailure(ctx, r.error());
    ctx.printJson(r.value().toJson());
    return Ok;
}

int sessionsMeta(Context &ctx)
{
    // Removing every key, the session's name too, is never what a forgotten argument does: it takes --clear.
    const QStringList pairs = ctx.args().mid(1);
    const bool clear = pairs == QStringList { u"--clear"_s };
    if (ctx.args().isEmpty() || (pairs.isEmpty() && !clear))
        return ctx.fail(u"usage: closient-station sessions meta ID key=value... (key= deletes a key; --clear removes "
                        "every key)"_s);
    auto change = clear ? Result<QJsonObject>(QJsonObject {}) : parseMetadata(pairs);
    if (!change.ok())
        return ctx.fail(change.error().message);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    auto r = wait(SessionRepository(db).updateMetadata(ctx.args().first(), change.value()));
    if (!r.ok())
        return storeFailure(ctx, r.error());
    ctx.printJson(r.value().toJson());
    return Ok;
}

int sessionsExpire(Context &ctx)
{
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    ctx.printJson({ { u"expired"_s, wait(SessionRepository(db).expireIdle()) } });
    return Ok;
}

QJsonObject outcomeJson(const CaptureOutcome &o)
{
    QJsonObject j { { u"captured"_s, o.captured } };
    if (o.captured) {
        j.insert(u"capture"_s, o.capture.toJson());
    } else {
        j.insert(u"reason_code"_s, o.reasonCode);
        j.insert(u"reason"_s, o.reason);
        j.insert(u"raw_value"_s, o.parsed.input);
    }
    return j;
}

int capture(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption session(u"session"_s, u"the session id"_s, u"id"_s);
    const QCommandLineOption type(u"type"_s, u"MANUAL or BARCODE"_s, u"type"_s, u"MANUAL"_s);
    const QCommandLineOption source(u"source"_s, u"where the code came from"_s, u"source"_s, u"cli"_s);
    p.addPositionalArgument(u"codes"_s, u"codes to capture, or - to read one per line from stdin"_s);
    if (!parseOptions(ctx, p,
            u"capture --session ID [--type MANUAL|BARCODE] CODE... | -\n"
            u"Prints one JSON line per code once it is durably stored (or refused, with the reason)."_s,
            { session, type, source }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.isSet(session) || p.positionalArguments().isEmpty())
        return ctx.fail(u"capture needs --session ID and codes (or - for stdin)"_s);
    if (const QString t = p.value(type).toUpper(); t != u"MANUAL" && t != u"BARCODE")
        return ctx.fail(u"--type takes MANUAL or BARCODE, not \"%1\""_s.arg(p.value(type)));
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    CaptureService service(db);
    bool allCaptured = true;
    const auto submit = [&](const QString &code) {
        CaptureRequest r;
        r.sessionId = p.value(session);
        r.captureType = p.value(type).toUpper();
        r.rawValue = code;
        r.source = p.value(source);
        const auto outcome = wait(service.submit(r));
        allCaptured = allCaptured && outcome.captured;
        ctx.printJson(outcomeJson(outcome)); // the acknowledgement: printed only after the commit
    };
    if (p.positionalArguments() == QStringList { u"-"_s }) {
        QTextStream in(stdin);
        QString line;
        while (in.readLineInto(&line)) {
            if (!line.trimmed().isEmpty()) // blank lines, and lines of spaces, are no code
                submit(line);
        }
    } else {
        for (const auto &code : p.positionalArguments())
            submit(code);
    }
    return allCaptured ? Ok : Refused;
}

QString operatorName()
{
    return StationIdentity::current().user;
}

int captureVoid(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption capture(u"capture"_s, u"the capture id"_s, u"id"_s);
    const QCommandLineOption reason(
        u"reason"_s, u"why: %1, or your own words"_s.arg(captureVoidReasons().join(u", "_s)), u"text"_s);
    const QCommandLineOption user(u"user"_s, u"who voids it (default: $USER)"_s, u"name"_s, operatorName());
    if (!parseOptions(ctx, p,
            u"capture void --capture ID --reason TEXT [--user NAME]\n"
            u"Voids a capture: it is kept and marked, and no longer counts. Reasons: %1 (or your own words)."_s.arg(
                captureVoidReasons().join(u", "_s)),
            { capture, reason, user }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.isSet(capture) || !p.isSet(reason) || !p.positionalArguments().isEmpty())
        return ctx.fail(u"capture void needs --capture ID and --reason TEXT"_s);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    auto r = wait(CaptureRepository(db).voidCapture(p.value(capture), p.value(reason), p.value(user)));
    if (!r.ok())
        return storeFailure(ctx, r.error());
    ctx.printJson(r.value().toJson());
    return Ok;
}

int captureEdit(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption capture(u"capture"_s, u"the capture id"_s, u"id"_s);
    const QCommandLineOption user(u"user"_s, u"who corrects it (default: $USER)"_s, u"name"_s, operatorName());
    p.addPositionalArgument(u"value"_s, u"the corrected code"_s);
    if (!parseOptions(ctx, p,
            u"capture edit --capture ID VALUE\n"
            u"Corrects a typed capture that has not been sent to Closient yet; the earlier value is kept."_s,
            { capture, user }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.isSet(capture) || p.positionalArguments().size() != 1)
        return ctx.fail(u"capture edit needs --capture ID and one VALUE"_s);
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    auto r = wait(CaptureRepository(db).editManual(p.value(capture), p.positionalArguments().first(), p.value(user)));
    if (!r.ok())
        return storeFailure(ctx, r.error());
    ctx.printJson(r.value().toJson());
    return Ok;
}

int sessionsSummary(Context &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.fail(u"usage: closient-station sessions summary ID"_s);
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    auto r = wait(SessionRepository(db).summary(ctx.args().first()));
    if (!r.ok())
        return storeFailure(ctx, r.error());
    ctx.printJson(r.value().toJson());
    return Ok;
}

int outboxList(Context &ctx)
{
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    for (const auto &e : wait(OutboxRepository(db).pending(100000)))
        ctx.printJson(e.toJson());
    return Ok;
}

int setSetting(Context &ctx, const QString &key, const QString &value)
{
    auto *db = ctx.database();
    if (!db)
        return StoreFailure;
    SettingsRepository settings(db);
    auto r = wait(settings.setValue(key, value));
    if (!r.ok())
        return storeFailure(ctx, r.error());
    const auto all = wait(settings.all());
    if (!all.ok())
        return storeFailure(ctx, all.error());
    ctx.printJson(QJsonObject::fromVariantMap(all.value()));
    return Ok;
}

int settingsGet(Context &ctx);

int settingsCommand(Context &ctx)
{
    if (ctx.args().size() == 2)
        return setSetting(ctx, ctx.args()[0], ctx.args()[1]);
    if (ctx.args().size() == 1)
        return settingsGet(ctx); // "settings KEY" shows the one value
    if (!ctx.args().isEmpty())
        return ctx.fail(u"usage: closient-station settings [KEY [VALUE]]"_s);
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    const auto all = wait(SettingsRepository(db).all());
    if (!all.ok())
        return storeFailure(ctx, all.error());
    ctx.printJson(QJsonObject::fromVariantMap(all.value()));
    return Ok;
}

int settingsGet(Context &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.fail(u"usage: closient-station settings get KEY"_s);
    const QString key = ctx.args().first();
    if (!SettingsRepository::spec(key))
        return ctx.fail(u"there is no setting \"%1\"; closient-station settings keys lists them"_s.arg(key), Refused);
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    ctx.printJson(QJsonObject { { key, QJsonValue::fromVariant(wait(SettingsRepository(db).value(key))) } });
    return Ok;
}

int settingsSet(Context &ctx)
{
    if (ctx.args().size() != 2)
        return ctx.fail(u"usage: closient-station settings set KEY VALUE"_s);
    return setSetting(ctx, ctx.args()[0], ctx.args()[1]);
}

int settingsKeys(Context &ctx)
{
    for (const auto &spec : SettingsRepository::specs())
        ctx.printJson(spec.toJson());
    return Ok;
}

} // namespace

std::vector<Command> sessionCommands()
{
    return {
        { u"sessions create"_s, u"start a scan session (--mode, --meta key=value)"_s, false, sessionsCreate, {}, {},
            true },
        { u"sessions list"_s, u"list sessions, newest activity first (--status)"_s, false, sessionsList, {}, {}, true },
        { u"sessions show"_s, u"one session with its captures"_s, false, sessionsShow, u"SESSION_ID"_s },
        { u"sessions end"_s, u"end an active session"_s, false, sessionsEnd, u"SESSION_ID"_s },
        { u"sessions meta"_s, u"change a session's metadata (key=value, key= deletes)"_s, false, sessionsMeta,
            u"SESSION_ID key=value... | SESSION_ID --clear"_s },
        { u"sessions expire"_s, u"mark sessions idle past the TTL as EXPIRED"_s, false, sessionsExpire, {} },
        { u"sessions summary"_s, u"what a session holds: counted, voided, refused, by type"_s, false, sessionsSummary,
            u"SESSION_ID"_s },
        { u"capture"_s, u"capture codes into a session; - reads stdin, one ack line per code"_s, false, capture, {}, {},
            true },
        { u"capture void"_s, u"void a capture (--capture ID --reason TEXT); it is kept, marked"_s, false, captureVoid,
            {}, {}, true },
        { u"capture edit"_s, u"correct a typed capture not yet sent (--capture ID VALUE)"_s, false, captureEdit, {}, {},
            true },
        { u"outbox list"_s, u"changes waiting to be sent to Closient"_s, false, outboxList, {} },
        { u"settings"_s, u"show settings, one (settings KEY), or set one: settings KEY VALUE"_s, false, settingsCommand,
            u"[KEY [VALUE]]"_s },
        { u"settings get"_s, u"one setting's value"_s, false, settingsGet, u"KEY"_s },
        { u"settings set"_s, u"set one setting, checked by its type and range"_s, false, settingsSet, u"KEY VALUE"_s },
        { u"settings keys"_s, u"every setting: type, allowed values, default"_s, false, settingsKeys, {} },
    };
}

} // namespace closient::cli
