// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "displaytext.h"

#include "eventhash.h"
#include "validator.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace closient::cli {

namespace {

// The one FILE argument ("-" is standard input), read whole; nullopt after saying why.
std::optional<QByteArray> readInput(Context &ctx, const QString &usage, int *exitCode)
{
    QStringList files;
    for (const auto &a : ctx.args()) {
        if (a.startsWith(u"--")) {
            *exitCode = ctx.fail(u"unknown option %1; closient-station %2 --help tells more"_s.arg(a, usage));
            return std::nullopt;
        }
        files << a;
    }
    if (files.size() != 1) {
        *exitCode = ctx.fail(u"name one EPCIS document (a JSON-LD file, or - for standard input)"_s);
        return std::nullopt;
    }
    QFile f;
    const bool opened = files.front() == u"-" ? f.open(stdin, QIODevice::ReadOnly)
                                              : (f.setFileName(files.front()), f.open(QIODevice::ReadOnly));
    if (!opened) {
        *exitCode = ctx.fail(u"%1: %2"_s.arg(files.front(), f.errorString()), Refused);
        return std::nullopt;
    }
    return f.readAll();
}

int validateCommand(Context &ctx)
{
    int code = Ok;
    const auto bytes = readInput(ctx, u"epcis validate"_s, &code);
    if (!bytes)
        return code;
    const auto issues = epcis::Validator::instance().validateJson(*bytes);
    for (const auto &i : issues)
        ctx.out() << visibleText(i.toString()) << '\n';
    ctx.out().flush();
    if (issues.empty())
        return Ok;
    ctx.warn(u"not a valid EPCIS 2.0 document: %1 %2"_s.arg(issues.size())
                 .arg(issues.size() == 1 ? u"reason"_s : u"reasons"_s));
    return Refused;
}

int hashCommand(Context &ctx)
{
    int code = Ok;
    const auto bytes = readInput(ctx, u"epcis hash"_s, &code);
    if (!bytes)
        return code;
    const auto doc = epcis::parseJsonObject(*bytes);
    if (!doc.ok())
        return ctx.fail(u"$: "_s + doc.error().message, Refused);
    const auto hashes = epcis::documentEventHashes(doc.value());
    if (!hashes.ok()) {
        for (const auto &line : hashes.error().message.split(u'\n'))
            ctx.warn(line);
        return Refused;
    }
    for (const auto &h : hashes.value())
        ctx.out() << h << '\n';
    ctx.out().flush();
    return Ok;
}

} // namespace

std::vector<Command> epcisCommands()
{
    return {
        { u"epcis validate"_s, u"check an EPCIS 2.0 document: every reason with its JSON path"_s, false,
            validateCommand, u"FILE|-"_s,
            u""
            "Checks an EPCIS 2.0 document (JSON-LD) against GS1's EPCIS 2.0 JSON Schema and the rules of EPCIS 2.0\n"
            "and CBV 2.0 a schema cannot express: what each event type must name, ilmd only with action ADD, a unit\n"
            "of measure only with a quantity, GS1 identifiers with valid check digits at the right level (one object\n"
            "or a class), declared namespaces. Prints every reason on its own line as \"JSON path: reason\".\n"
            "Exit code 0 when the document is valid, 1 when it is not."_s },
        { u"epcis hash"_s, u"the CBV 2.0 event hash ID of each event of an EPCIS 2.0 document"_s, false, hashCommand,
            u"FILE|-"_s,
            u""
            "Prints the CBV 2.0 event hash ID of every event of an EPCIS 2.0 document (JSON-LD), one per line in\n"
            "document order: ni:///sha-256;<hex>?ver=CBV2.0. The hash does not need a valid document (epcis validate\n"
            "checks that), only events whose times and extension namespaces can be read; otherwise nothing is "
            "printed,\n"
            "every reason goes to stderr and the exit code is 1."_s },
    };
}

} // namespace closient::cli
