// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "displaytext.h"

#include "decoderpool.h"
#include "decoderprotocol.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QMap>

using namespace Qt::StringLiterals;
using namespace closient::scanning;

namespace closient::cli {

bool strategyFromName(const QString &name, Strategy *out)
{
    static const QMap<QString, Strategy> names { { u"still"_s, Strategy::Still }, { u"frame"_s, Strategy::Frame },
        { u"zxing-demo"_s, Strategy::ZxingDemo }, { u"zxing-multi"_s, Strategy::ZxingMulti },
        { u"zbar"_s, Strategy::Zbar }, { u"verify"_s, Strategy::Verify } };
    if (!names.contains(name))
        return false;
    *out = names.value(name);
    return true;
}

namespace {

int decodeCommand(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption jsonOption(u"json"_s, u"one JSON line per file"_s);
    const QCommandLineOption explainOption(u"explain"_s, u"which step of the cascade read each code"_s);
    const QCommandLineOption strategyOption(
        u"strategy"_s, u"still, frame, zxing-demo, zxing-multi, zbar or verify"_s, u"name"_s, u"still"_s);
    if (!parseOptions(ctx, p, u"decode [--json] [--explain] [--strategy NAME] FILE..."_s,
            { jsonOption, explainOption, strategyOption }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const bool json = p.isSet(jsonOption);
    const bool explain = p.isSet(explainOption);
    Strategy strategy = Strategy::Still;
    if (!strategyFromName(p.value(strategyOption), &strategy))
        return ctx.fail(u"unknown strategy \"%1\": still, frame, zxing-demo, zxing-multi, zbar or verify"_s.arg(
            p.value(strategyOption)));
    const QStringList files = p.positionalArguments();
    if (files.isEmpty())
        return ctx.fail(u"decode needs image files; closient-station decode --help tells more"_s);
    const auto outcomes = decodeFiles(files, strategy);
    bool allRead = true;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const auto &o = outcomes[size_t(i)];
        allRead = allRead && o.ok();
        if (json) {
            QJsonObject line { { u"file"_s, files[i] } };
            if (o.ok()) {
                line.insert(u"ms"_s, qRound(o.decodeMs * 100) / 100.0);
                QJsonArray results;
                for (const auto &r : o.results) {
                    auto j = r.toJson();
                    if (explain)
                        j.insert(u"pass"_s, r.pass);
                    results.append(j);
                }
                line.insert(u"results"_s, results);
            } else {
                line.insert(u"error"_s, o.error);
                line.insert(u"results"_s, QJsonArray());
            }
            if (o.crashes > 0)
                line.insert(u"decoder_restarts"_s, o.crashes);
            ctx.printJson(line);
        } else if (!o.ok()) {
            ctx.out() << visibleText(files[i]) << ": error: " << visibleText(o.error) << Qt::endl;
        } else if (o.results.empty()) {
            ctx.out() << visibleText(files[i]) << ": no code found (" << QString::number(o.decodeMs, 'f', 1) << " ms)"
                      << Qt::endl;
        } else {
            for (const auto &r : o.results)
                ctx.out() << visibleText(files[i]) << ": " << r.format << " " << r.symbologyId << " "
                          << visibleText(r.text) << Qt::endl;
        }
    }
    return allRead ? Ok : Refused;
}

} // namespace

std::vector<Command> decodeCommands()
{
    return { { u"decode"_s, u"decode barcodes in image files (--json for one JSON line per file)"_s, false,
        decodeCommand, u"[--json] [--explain] [--strategy still|frame|zxing-demo|zxing-multi|zbar|verify] FILE..."_s,
        u"Decodes still images (PNG, JPEG, WebP, BMP, TIFF, ...) in the isolated decoder process and prints\n"
        "one line per file. With --json: {\"file\", \"ms\", \"results\": [{\"format\", \"text\", \"symbology_id\",\n"
        "\"gs1\", \"quad\"}]} (text exactly as decoded, GS as 0x1D), or {\"file\", \"error\"} for a file that\n"
        "cannot be read (an image of more than %1 megapixels is refused from its header, never decoded).\n"
        "Exit code 1 when any file could not be read."_s.arg(protocol::kMaxImagePixels / 1'000'000) } };
}

} // namespace closient::cli
