// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "displaytext.h"

#include "gs1parser.h"
#include "result.h"
#include "symbology.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace closient::cli {

namespace {

void printHuman(QTextStream &out, const gs1::ParseResult &r)
{
    out << "Input:          " << visibleText(r.input) << '\n';
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
        QString line = u"  (%1) %2"_s.arg(el.ai, el.title).leftJustified(32) + visibleText(el.value);
        if (el.ai == u"11" || el.ai == u"13" || el.ai == u"15" || el.ai == u"16" || el.ai == u"17") {
            if (const auto d = gs1::gs1Date(el.value); d.isValid())
                line += u"  = "_s + d.toString(Qt::ISODate);
        }
        out << line << '\n';
    }
    if (r.isGs1()) {
        out << "GTIN-14:        " << (r.gtin14.isEmpty() ? u"-"_s : r.gtin14) << '\n';
        out << "HRI:            " << visibleText(r.hri()) << '\n';
        out << "Element string: " << visibleText(r.elementString()) << '\n';
        out << "Digital Link:   " << (r.digitalLink().isEmpty() ? u"-"_s : r.digitalLink()) << '\n';
    }
    out << "Valid:          " << (r.isValid() ? "yes" : "no") << '\n';
    for (const auto &e : r.errors)
        out << "  error: " << visibleText(e.message) << '\n';
    for (const auto &w : r.warnings)
        out << "  note:  " << w << '\n';
    out.flush();
}

bool isJsonSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

// One line of --batch input: exactly one JSON string (RFC 8259), with JSON whitespace around it and nothing
// else. Anything more (two strings, an array, a number, text after the string) is refused, never half-read.
Result<QString> readJsonStringLine(QStringView line)
{
    const auto refuse = [](const QString &why) { return Error { u"bad_line"_s, why }; };
    qsizetype begin = 0;
    qsizetype end = line.size();
    while (begin < end && isJsonSpace(line[begin]))
        ++begin;
    while (end > begin && isJsonSpace(line[end - 1]))
        --end;
    const auto text = line.mid(begin, end - begin);
    if (!text.startsWith(u'"'))
        return refuse(u"the line is not a JSON string: it must start with '\"' (column %1)"_s.arg(begin + 1));
    qsizetype close = 1;
    while (close < text.size() && text[close] != u'"')
        close += text[close] == u'\\' ? 2 : 1;
    if (close >= text.size())
        return refuse(u"the JSON string that starts in column %1 is not closed"_s.arg(begin + 1));
    if (close != text.size() - 1) {
        const auto rest = text.mid(close + 1);
        const auto next = rest.trimmed();
        return refuse((next.startsWith(u'"') || next.startsWith(u',')
                ? u"the line holds more than one JSON value: '%1' follows the string in column %2"_s
                : u"'%1' follows the JSON string in column %2; a line holds one JSON string only"_s)
                          .arg(rest.left(20))
                          .arg(begin + close + 2));
    }
    // The string's content (RFC 8259 section 7): no raw control characters, only the defined escapes, and
    // \u escapes that make whole characters.
    QString out;
    for (qsizetype i = 1; i < close; ++i) {
        const QChar c = text[i];
        const auto column = begin + i + 1;
        if (c < u' ')
            return refuse(u"column %1: a control character (U+%2) must be escaped in a JSON string"_s.arg(column).arg(
                int(c.unicode()), 4, 16, QChar(u'0')));
        if (c != u'\\') {
            out += c;
            continue;
        }
        const QChar e = text[++i];
        switch (e.unicode()) {
        case u'"':
        case u'\\':
        case u'/':
            out += e;
            break;
        case u'b':
            out += u'\b';
            break;
        case u'f':
            out += u'\f';
            break;
        case u'n':
            out += u'\n';
            break;
        case u'r':
            out += u'\r';
            break;
        case u't':
            out += u'\t';
            break;
        case u'u': {
            bool ok = false;
            const auto hex = text.mid(i + 1, 4);
            const int code = hex.size() == 4
                    && std::all_of(hex.begin(), hex.end(),
                        [](QChar h) { return h.isDigit() || (h.toLower() >= u'a' && h.toLower() <= u'f'); })
                ? hex.toInt(&ok, 16)
                : -1;
            if (!ok)
                return refuse(u"column %1: '\\u' must be followed by four hexadecimal digits"_s.arg(column));
            out += QChar(code);
            i += 4;
            break;
        }
        default:
            return refuse(u"column %1: '\\%2' is not a JSON escape"_s.arg(column).arg(e));
        }
    }
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (out[i].isHighSurrogate() && i + 1 < out.size() && out[i + 1].isLowSurrogate())
            ++i;
        else if (out[i].isSurrogate())
            return refuse(u"the string holds half of a character (a lone \\u%1 escape)"_s.arg(
                int(out[i].unicode()), 4, 16, QChar(u'0')));
    }
    return out;
}

int parseCommand(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption jsonOption(u"json"_s, u"one JSON object per line"_s);
    const QCommandLineOption batchOption(u"batch"_s, u"read one JSON string per line on stdin (also: -)"_s);
    // Data that starts with a dash follows "--": gs1 parse -- -1234
    if (!parseOptions(
            ctx, p, u"gs1 parse [--json] DATA...   or   gs1 parse --batch < lines"_s, { jsonOption, batchOption }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const bool json = p.isSet(jsonOption);
    QStringList data = p.positionalArguments();
    const bool batch = p.isSet(batchOption) || data.removeAll(u"-"_s) > 0;
    bool allValid = true;
    if (batch) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.fail(u"cannot read standard input"_s);
        int number = 0;
        while (!in.atEnd()) {
            QByteArray bytes = in.readLine();
            ++number;
            if (bytes.endsWith('\n'))
                bytes.chop(1);
            if (number == 1 && bytes.startsWith("\xEF\xBB\xBF"))
                bytes.remove(0, 3); // a byte order mark
            QStringDecoder utf8(QStringDecoder::Utf8);
            const QString line = utf8(bytes);
            if (std::all_of(line.begin(), line.end(), isJsonSpace))
                continue; // blank lines separate nothing and are skipped
            const auto value = utf8.hasError()
                ? Result<QString>(Error { u"bad_line"_s, u"the line is not valid UTF-8"_s })
                : readJsonStringLine(line);
            if (!value.ok()) {
                ctx.printJson({ { u"input"_s, line }, { u"line"_s, number }, { u"valid"_s, false },
                    { u"errors"_s,
                        QJsonArray { QJsonObject {
                            { u"code"_s, value.error().code }, { u"message"_s, value.error().message } } } } });
                allValid = false;
                continue;
            }
            const auto r = gs1::parse(value.value());
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
        parseCommand, u"[--json] DATA...   or   gs1 parse --batch < lines"_s,
        u"Parses raw scanner data (AIM symbology identifier optional, FNC1 as GS), bracketed HRI,\n"
        "GTIN-8/12/13/14 and GS1 Digital Link URIs, strictly by the GS1 standards. --batch reads one\n"
        "JSON string per line on stdin (UTF-8; blank lines are skipped; any other line that is not\n"
        "exactly one JSON string gets a bad_line error) and prints one JSON object per line.\n"
        "Exit code 1 when any data is invalid."_s } };
}

} // namespace closient::cli
