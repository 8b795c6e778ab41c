// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// closient-sandbox: a local stand-in for the Closient web APIs, on 127.0.0.1 only.
#include "apikey.h"
#include "sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace closient::sandbox;

namespace {
int fail(const QString &message, int code = 2)
{
    std::fprintf(stderr, "closient-sandbox: %s\n", qPrintable(message));
    return code;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"closient-sandbox"_s);
    QCommandLineParser cli;
    cli.setApplicationDescription(u"A local stand-in for the Closient web APIs (loopback only)."_s);
    cli.addHelpOption();
    const QCommandLineOption port(
        u"port"_s, u"Port on 127.0.0.1; 0 picks a free one (default 8000)."_s, u"N"_s, u"8000"_s);
    const QCommandLineOption stateFile(
        u"state"_s, u"The sandbox's SQLite state file (created when missing)."_s, u"FILE"_s);
    const QCommandLineOption seedKey(u"seed-key"_s,
        u"Add or update an API key: KEY[,role=owner|manager|editor|billing|viewer][,org=NAME][,email=E]"
        "[,per_minute=N][,per_day=N][,revoked][,expires=ISO-8601][,description=D]. Repeatable."_s,
        u"SPEC"_s);
    const QCommandLineOption makeKey(
        u"make-key"_s, u"Print a new valid key with this prefix (csb, csu, cpk) and exit."_s, u"PREFIX"_s);
    const QCommandLineOption legacyErrors(
        u"legacy-errors"_s, u"Answer errors as {\"error\":{...}} instead of RFC 9457 ErrorOut."_s);
    const QCommandLineOption legacyRate(u"legacy-rate-headers"_s, u"Also send X-RateLimit-* (absolute reset)."_s);
    const QCommandLineOption idempotency(u"idempotency"_s, u"Honour Idempotency-Key on POST and PATCH."_s);
    const QCommandLineOption stepMs(
        u"pipeline-step-ms"_s, u"Time a capture spends in each pipeline state (default 1000)."_s, u"MS"_s);
    const QCommandLineOption failGtin(u"fail-gtin"_s, u"Captures of this GTIN end FAILED. Repeatable."_s, u"GTIN"_s);
    const QCommandLineOption ttl(
        u"session-ttl"_s, u"Idle seconds before an ACTIVE session becomes EXPIRED (default 43200)."_s, u"S"_s);
    const QCommandLineOption rate(u"rate-limit"_s, u"Default requests per minute per key (default 300)."_s, u"N"_s);
    const QCommandLineOption rateDay(
        u"rate-limit-day"_s, u"Default requests per day per key (default 10000)."_s, u"N"_s);
    const QCommandLineOption faultError(
        u"fault-error"_s, u"Answer STATUS to this share of requests, e.g. 503:0.1. Repeatable."_s, u"STATUS:RATE"_s);
    const QCommandLineOption faultLatency(
        u"fault-latency"_s, u"Add this many milliseconds before each request."_s, u"MS"_s);
    const QCommandLineOption faultDrop(u"fault-drop"_s,
        u"Process, commit, then close the connection without an answer for this share of requests."_s, u"RATE"_s);
    const QCommandLineOption fault429(
        u"fault-429"_s, u"Answer 429 to every request for this many seconds from start."_s, u"S"_s);
    const QCommandLineOption faultSeed(u"fault-seed"_s, u"Seed of the fault draws (default 1)."_s, u"N"_s);
    const QCommandLineOption faultPath(u"fault-path"_s, u"Faults touch only paths starting with this."_s, u"PREFIX"_s);
    const QCommandLineOption faultMutating(
        u"fault-mutating-only"_s, u"Faults touch only POST, PATCH, PUT and DELETE."_s);
    cli.addOptions({ port, stateFile, seedKey, makeKey, legacyErrors, legacyRate, idempotency, stepMs, failGtin, ttl,
        rate, rateDay, faultError, faultLatency, faultDrop, fault429, faultSeed, faultPath, faultMutating });
    cli.process(app);

    if (cli.isSet(makeKey)) {
        const QString prefix = cli.value(makeKey);
        if (prefix != u"csb"_s && prefix != u"csu"_s && prefix != u"cpk"_s)
            return fail(u"--make-key takes csb, csu or cpk."_s);
        std::printf("%s\n", qPrintable(makeApiKey(prefix)));
        return 0;
    }
    if (!cli.isSet(stateFile))
        return fail(u"--state FILE is required (the sandbox keeps its data there)."_s);
    bool ok = true;
    const int portNumber = cli.value(port).toInt(&ok);
    if (!ok || portNumber < 0 || portNumber > 65535)
        return fail(u"--port takes 0 to 65535."_s);

    SandboxConfig config;
    QJsonObject settings;
    if (cli.isSet(legacyErrors))
        settings.insert(u"legacy_errors"_s, true);
    if (cli.isSet(legacyRate))
        settings.insert(u"legacy_rate_headers"_s, true);
    if (cli.isSet(idempotency))
        settings.insert(u"idempotency"_s, true);
    if (cli.isSet(stepMs))
        settings.insert(u"pipeline_step_ms"_s, cli.value(stepMs).toInt(&ok));
    if (cli.isSet(failGtin))
        settings.insert(u"fail_gtins"_s, QJsonArray::fromStringList(cli.values(failGtin)));
    if (cli.isSet(ttl))
        settings.insert(u"session_ttl_seconds"_s, cli.value(ttl).toDouble());
    if (cli.isSet(rate))
        settings.insert(u"rate_limit_per_minute"_s, cli.value(rate).toInt());
    if (cli.isSet(rateDay))
        settings.insert(u"rate_limit_per_day"_s, cli.value(rateDay).toInt());
    if (auto r = config.apply(settings); !r.ok() || !ok)
        return fail(r.ok() ? u"--pipeline-step-ms takes milliseconds."_s : r.error().message);

    QJsonObject faults;
    if (cli.isSet(faultError)) {
        QJsonObject rates;
        for (const QString &spec : cli.values(faultError)) {
            const QStringList parts = spec.split(u':');
            if (parts.size() != 2)
                return fail(u"--fault-error takes STATUS:RATE, e.g. 503:0.1."_s);
            rates.insert(parts[0], parts[1].toDouble());
        }
        faults.insert(u"error_rates"_s, rates);
    }
    if (cli.isSet(faultLatency))
        faults.insert(u"latency_ms"_s, cli.value(faultLatency).toInt());
    if (cli.isSet(faultDrop))
        faults.insert(u"drop_rate"_s, cli.value(faultDrop).toDouble());
    if (cli.isSet(fault429))
        faults.insert(u"force_429_seconds"_s, cli.value(fault429).toInt());
    if (cli.isSet(faultSeed))
        faults.insert(u"seed"_s, cli.value(faultSeed).toDouble());
    if (cli.isSet(faultPath))
        faults.insert(u"path_prefix"_s, cli.value(faultPath));
    if (cli.isSet(faultMutating))
        faults.insert(u"methods"_s, u"mutating"_s);

    SandboxState state;
    if (auto r = state.open(cli.value(stateFile)); !r.ok())
        return fail(r.error().message, 3);
    for (const QString &spec : cli.values(seedKey)) {
        const auto seed = KeySeed::parse(spec);
        if (!seed.ok())
            return fail(u"--seed-key: "_s + seed.error().message);
        state.begin();
        const auto key = state.upsertKey(seed.value());
        state.commit();
        if (!key.ok())
            return fail(u"--seed-key: "_s + key.error().message);
    }
    SandboxServer server(state, config);
    if (auto r = server.faults().apply(faults, nowMs()); !r.ok())
        return fail(r.error().message);
    const auto listening = server.listenLoopback(quint16(portNumber));
    if (!listening.ok())
        return fail(listening.error().message, 3);
    // The first line of standard output is the base URL, for scripts and tests (--port 0).
    std::printf("http://127.0.0.1:%u\n", unsigned(listening.value()));
    std::fflush(stdout);
    return app.exec();
}
