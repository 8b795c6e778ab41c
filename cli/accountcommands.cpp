// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "account.h"
#include "apikey.h"
#include "credentials.h"
#include "httpclient.h"
#include "serverurl.h"

#include <QFile>
#include <QJsonArray>

#include <cmath>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace closient::cli {

namespace {

using sync::AccountIdentity;
using sync::ApiReply;
using sync::CredentialStore;
using sync::HttpClient;
using sync::ServerUrl;
using sync::SyncThread;

/// The key from standard input: never from the command line, where other users and the shell history see it. On a
/// terminal the typing is not echoed.
Result<QString> readKey(Context &ctx)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved {};
    if (terminal) {
        ctx.err() << "Paste the Closient API key and press Enter: " << Qt::flush;
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Error { u"io"_s, u"standard input cannot be read"_s };
    const QByteArray bytes = terminal ? in.readLine(4096) : in.read(64 * 1024);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        ctx.err() << Qt::endl;
    }
    const QString key = QString::fromUtf8(bytes).trimmed();
    if (key.isEmpty())
        return Error { u"usage"_s,
            u"give the API key on standard input, e.g. closient-station account set-key < key.txt "
            u"(never as an argument)"_s };
    return key;
}

QString whereKept(const CredentialStore &store, CredentialStore::Backend b)
{
    switch (b) {
    case CredentialStore::Backend::Keyring:
        return u"the desktop keyring"_s;
    case CredentialStore::Backend::File:
        return u"%1 (readable by you alone)"_s.arg(store.credentialsFile());
    case CredentialStore::Backend::Environment:
        return u"CLOSIENT_API_KEY"_s;
    case CredentialStore::Backend::None:
        break;
    }
    return u"nowhere"_s;
}

/// The client for one headless command: its own sync thread, deleted when the command ends.
struct Client
{
    SyncThread thread;
    HttpClient *http = new HttpClient;
    Client() { thread.adopt(http); }
};

int setKeyCommand(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption baseUrl(u"base-url"_s,
        u"the Closient server: production, testing, local or a URL (default: CLOSIENT_BASE_URL, else the one "
        u"chosen before, else production)"_s,
        u"URL"_s);
    if (!parseOptions(ctx, p,
            u"account set-key [--base-url URL] < KEYFILE\n\n"
            u"Reads a Closient API key from standard input (never from the command line; on a terminal the typing is\n"
            u"not shown), checks its form and checksum before anything is sent, asks the server who it belongs to\n"
            u"(GET /account/api/v1/whoami) and keeps it: in the desktop keyring where a Secret Service runs, else in\n"
            u"a file readable by you alone in the config folder. URL: production, testing, local or any http(s) URL.\n"
            u"Exit code 0 when stored, 1 when the key or the server refused, 2 for wrong usage."_s,
            { baseUrl }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"the key is read from standard input, never from the command line; remove it from the "
                        u"arguments (and from your shell history)"_s);
    CredentialStore store;
    Result<QUrl> url = p.isSet(baseUrl) ? ServerUrl::parse(p.value(baseUrl)) : store.baseUrl();
    if (!url.ok())
        return ctx.fail(url.error().message);

    const auto key = readKey(ctx);
    if (!key.ok())
        return ctx.fail(key.error().message);
    // The documented check comes before any request: a mistyped key is refused here and never sent.
    if (const auto checked = sync::checkApiKey(key.value()); !checked.ok())
        return ctx.fail(checked.error().message + u" The key was not sent anywhere."_s, Refused);
    if (ServerUrl::sendsKeyInClear(url.value()))
        ctx.warn(u"%1 is not encrypted (http://): the key travels in clear to it"_s.arg(url.value().toString()));

    Client client;
    const auto identity = sync::account::connectKey(*client.http, store, url.value(), key.value());
    if (!identity.ok())
        return ctx.fail(identity.error().message + u" The key was not stored."_s, Refused);
    const auto stored = store.loadSettings();
    const auto &id = identity.value();
    ctx.out() << "Connected to " << ServerUrl::describe(url.value()) << " as "
              << (id.email.isEmpty() ? id.userId : id.email) << ", organisation " << id.organisation().name
              << (id.role.isEmpty() ? QString() : u", role "_s + id.role) << ".\n"
              << "The key is kept in "
              << whereKept(store, stored.ok() ? stored.value().keyStore : CredentialStore::Backend::None) << "."
              << Qt::endl;
    if (!qEnvironmentVariableIsEmpty("CLOSIENT_API_KEY"))
        ctx.warn(u"CLOSIENT_API_KEY is set: while it is, it is used instead of the stored key"_s);
    return Ok;
}

QJsonObject rateLimitJson(const sync::RateLimitInfo &r)
{
    QJsonObject o;
    if (r.limit)
        o.insert(u"limit"_s, *r.limit);
    if (r.remaining)
        o.insert(u"remaining"_s, *r.remaining);
    if (r.resetSeconds)
        o.insert(u"reset_seconds"_s, std::ceil(*r.resetSeconds));
    QJsonArray windows;
    for (const auto &w : r.policy)
        windows.append(QJsonObject { { u"limit"_s, w.limit }, { u"seconds"_s, w.seconds } });
    if (!windows.isEmpty())
        o.insert(u"policy"_s, windows);
    return o;
}

int statusCommand(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(u"json"_s, u"one JSON object on standard output"_s);
    if (!parseOptions(ctx, p,
            u"account status [--json]\n\n"
            u"Which account and organisation the key belongs to, asked of the server (online) or, when it cannot be\n"
            u"reached, as it last answered (offline); where the key is kept; the rate limit. CLOSIENT_API_KEY and\n"
            u"CLOSIENT_BASE_URL override what is stored. Exit code 0 when a key is set and not refused, 1 otherwise."_s,
            { json }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"account status takes no arguments"_s);
    CredentialStore store;
    const auto url = store.baseUrl();
    if (!url.ok())
        return ctx.fail(url.error().message);
    const auto key = store.loadKey();
    QJsonObject o { { u"base_url"_s, url.value().toString() } };
    if (!key.ok()) {
        if (key.error().code != u"not_found"_s)
            return ctx.fail(key.error().message, Refused);
        o.insert(u"connected"_s, false);
        if (p.isSet(json))
            ctx.printJson(o);
        else
            ctx.out() << "Not connected to Closient (" << ServerUrl::describe(url.value())
                      << "): no API key is set. closient-station account set-key sets one." << Qt::endl;
        return Refused;
    }
    const auto settings = store.loadSettings();

    Client client;
    auto future = client.http->send(sync::account::whoamiRequest(url.value(), key.value().apiKey));
    future.waitForFinished();
    const ApiReply reply = future.result();
    const auto fresh = sync::account::identityFrom(reply);
    const bool online = reply.delivery == ApiReply::Delivery::Answered;
    const bool refused = online && !fresh.ok();
    AccountIdentity id = fresh.ok()
        ? fresh.value()
        : AccountIdentity::fromJson(settings.ok() ? settings.value().identity : QJsonObject {});
    if (fresh.ok() && settings.ok() && key.value().source != CredentialStore::Backend::Environment
        && settings.value().identity != id.toJson()) {
        auto s = settings.value();
        s.identity = id.toJson();
        (void)store.saveSettings(s);
    }

    o.insert(u"connected"_s, !refused);
    o.insert(u"online"_s, online);
    o.insert(u"key_source"_s, CredentialStore::backendName(key.value().source));
    o.insert(u"key_prefix"_s, key.value().apiKey.section(u'_', 0, 0));
    if (!id.userId.isEmpty() || !id.organisations.isEmpty()) {
        o.insert(u"user_id"_s, id.userId);
        o.insert(u"email"_s, id.email);
        o.insert(u"role"_s, id.role);
        o.insert(u"key_id"_s, id.keyId);
        o.insert(u"organization"_s,
            QJsonObject { { u"id"_s, id.organisation().id }, { u"name"_s, id.organisation().name } });
        QJsonArray orgs;
        for (const auto &org : id.organisations)
            orgs.append(QJsonObject { { u"id"_s, org.id }, { u"name"_s, org.name } });
        o.insert(u"organizations"_s, orgs);
    }
    if (!fresh.ok())
        o.insert(
            u"error"_s, QJsonObject { { u"code"_s, fresh.error().code }, { u"message"_s, fresh.error().message } });
    if (reply.rateLimit.known())
        o.insert(u"rate_limit"_s, rateLimitJson(reply.rateLimit));

    if (p.isSet(json)) {
        ctx.printJson(o);
    } else {
        QTextStream &out = ctx.out();
        out << (refused ? "The Closient server refused the key" : "Connected to Closient") << " at "
            << ServerUrl::describe(url.value()) << " (" << (online ? "online" : "offline") << ")\n";
        if (!id.userId.isEmpty() || !id.organisations.isEmpty()) {
            out << "  user:          " << (id.email.isEmpty() ? id.userId : id.email) << '\n'
                << "  organisation:  " << id.organisation().name << " (" << id.organisation().id << ")\n";
            if (!id.role.isEmpty())
                out << "  role:          " << id.role << '\n';
        }
        out << "  key:           " << sync::describeApiKey(key.value().apiKey) << ", kept in "
            << whereKept(store, key.value().source) << '\n';
        if (reply.rateLimit.known())
            out << "  rate limit:    " << reply.rateLimit.describe() << '\n';
        out.flush();
        if (!fresh.ok())
            ctx.warn(fresh.error().message);
    }
    return refused ? Refused : Ok;
}

int forgetCommand(Context &ctx)
{
    QCommandLineParser p;
    if (!parseOptions(
            ctx, p, u"account forget\n\nRemoves the stored API key (keyring and file); the chosen server stays."_s, {}))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"account forget takes no arguments"_s);
    CredentialStore store;
    const bool hadFile = QFile::exists(store.credentialsFile());
    const auto settings = store.loadSettings();
    const bool hadKeyring = settings.ok() && settings.value().keyStore == CredentialStore::Backend::Keyring;
    if (const auto done = store.forget(); !done.ok())
        return ctx.fail(done.error().message, Refused);
    if (hadFile || hadKeyring)
        ctx.out() << "The Closient API key was removed from "
                  << (hadKeyring ? u"the desktop keyring"_s : store.credentialsFile()) << "." << Qt::endl;
    else
        ctx.out() << "No Closient API key was stored." << Qt::endl;
    if (!qEnvironmentVariableIsEmpty("CLOSIENT_API_KEY"))
        ctx.warn(u"CLOSIENT_API_KEY is still set in the environment, and is used while it is"_s);
    return Ok;
}

} // namespace

std::vector<Command> accountCommands()
{
    return {
        { u"account set-key"_s, u"connect to Closient: check an API key read from standard input and keep it"_s, false,
            setKeyCommand, {}, {}, true },
        { u"account status"_s, u"which Closient account and organisation the station uses, online or not"_s, false,
            statusCommand, {}, {}, true },
        { u"account forget"_s, u"remove the stored Closient API key"_s, false, forgetCommand, {}, {}, true },
    };
}

} // namespace closient::cli
