// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "gs1parser.h"
#include "symbology.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::cli {

namespace {

QString visible(QString s)
{
    return s.replace(QChar(0x1D), u"<GS>"_s);
}

void printHuman(QTextStream &out, const gs1::ParseResult &r)
{
    out << "Input:          " << visible(r.input) << '\n';
    QString kind;
    switch (r.kind) {
    case gs1::DataKind::Gtin:
        kind = u"GTIN"_s;
        break;
    case gs1::DataKind::ElementString:
        kind = u"GS1 element string"_s;
        break;
    case gs1::DataKind::DigitalLink:
        kind = u"GS1 Digital Link URI"_s;
        break;
    case gs1::DataKind::Text:
        kind = u"plain text (not GS1)"_s;
        break;
    case gs1::DataKind::Empty:
        kind = u"empty"_s;
        break;
    }
    if (!r.symbologyId.isEmpty())
        kind += u" from %1 (%2)"_s.arg(gs1::symbologyName(r.symbologyId), r.symbologyId);
    out << "Kind:           " << kind << '\n';
    for (const auto &el : r.elements) {
        QString line = u"  (%1) %2"_s.arg(el.ai, el.title).leftJustified(32) + el.value;
        if (el.ai == u"11" || el.ai == u"13" || el.ai == u"15" || el.ai == u"16" || el.ai == u"17") {
            if (const auto d = gs1::gs1Date(el.value); d.isValid())
                line += u"  = "_s + d.toString(Qt::ISODate);
        }
        out << line << '\n';
    }
    if (r.isGs1()) {
        out << "GTIN-14:        " << (r.gtin14.isEmpty() ? u"-"_s : r.gtin14) << '\n';
        out << "HRI:            " << r.hri() << '\n';
        out << "Element string: " << visible(r.elementString()) << '\n';
        out << "Digital Link:   " << (r.digitalLink().isEmpty() ? u"-"_s : r.digitalLink()) << '\n';
    }
    out << "Valid:          " << (r.isValid() ? "yes" : "no") << '\n';
    for (const auto &e : r.errors)
        out << "  error: " << e.message << '\n';
    for (const auto &w : r.warnings)
        out << "  note:  " << w << '\n';
    out.flush();
}

int parseCommand(Context &ctx)
{
    bool json = false;
    bool batch = false;
    QStringList data;
    for (const auto &a : ctx.args()) {
        if (a == u"--json")
            json = true;
        else if (a == u"--batch" || a == u"-")
            batch = true;
        else if (a == u"--help") {
            ctx.out() << "Usage: closient-station gs1 parse [--json] DATA...\n"
                         "       closient-station gs1 parse --batch < lines\n\n"
                         "Parses raw scanner data (AIM symbology identifier optional, FNC1 as GS), bracketed HRI,\n"
                         "GTIN-8/12/13/14 and GS1 Digital Link URIs. --batch reads one JSON string per line on stdin\n"
                         "and prints one JSON object per line. Exit code 1 when any data is invalid.\n";
            return Ok;
        } else
            data << a;
    }
    bool allValid = true;
    if (batch) {
        QTextStream in(stdin);
        QString line;
        while (in.readLineInto(&line)) {
            if (line.trimmed().isEmpty())
                continue;
            const auto doc = QJsonDocument::fromJson(u"["_s.append(line).append(u']').toUtf8());
            const auto value = doc.array().at(0);
            if (!doc.isArray() || !value.isString()) {
                ctx.printJson({ { u"input"_s, line }, { u"valid"_s, false },
                    { u"errors"_s,
                        QJsonArray { QJsonObject {
                            { u"code"_s, u"bad_line"_s }, { u"message"_s, u"the line is not a JSON string"_s } } } } });
                allValid = false;
                continue;
            }
            const auto r = gs1::parse(value.toString());
            allValid = allValid && r.isValid();
            ctx.printJson(r.toJson());
        }
        return allValid ? Ok : Refused;
    }
    if (data.isEmpty())
        return ctx.fail(u"gs1 parse needs DATA, or --batch to read stdin"_s);
    for (const auto &d : data) {
        const auto r = gs1::parse(d);
        allValid = allValid && r.isValid();
        if (json)
            ctx.printJson(r.toJson());
        else
            printHuman(ctx.out(), r);
    }
    return allValid ? Ok : Refused;
}

} // namespace

std::vector<Command> gs1Commands()
{
    return { { u"gs1 parse"_s, u"parse GS1 data, GTINs and Digital Links; --batch reads JSON strings"_s, false,
        parseCommand } };
}

} // namespace closient::cli
