// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "command.h"
#include "database.h"
#include "displaytext.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace closient::cli {

namespace {

struct Parsed
{
    QString dbPath;
    QStringList rest; // subcommand and its arguments
    bool help = false;
    bool version = false;
    QString error; // a global option that is wrong: the program stops with it, never guesses
};

// The options every Qt application takes for its window (QGuiApplication reads them).
bool isQtWindowOption(const QString &a)
{
    static const QStringList options { u"-platform"_s, u"-platformpluginpath"_s, u"-platformtheme"_s, u"-plugin"_s,
        u"-qwindowgeometry"_s, u"-qwindowtitle"_s, u"-qwindowicon"_s, u"-reverse"_s, u"-session"_s, u"-style"_s,
        u"-display"_s, u"-qmljsdebugger"_s };
    return options.contains(a.section(u'=', 0, 0));
}

Parsed parseGlobal(int argc, char **argv)
{
    Parsed p;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (p.rest.isEmpty() && (a == u"--help" || a == u"-h")) {
            p.help = true;
        } else if (p.rest.isEmpty() && a == u"--version") {
            p.version = true;
        } else if (a == u"--db" || a.startsWith(u"--db=")) {
            const bool separate = a == u"--db";
            if (separate && i + 1 >= argc) {
                p.error = u"--db needs the path of a store"_s;
                continue;
            }
            p.dbPath = separate ? QString::fromLocal8Bit(argv[++i]) : a.mid(5);
            if (p.dbPath.trimmed().isEmpty())
                p.error = u"--db needs the path of a store, not an empty one"_s;
        } else if ((a == u"--scan" || a == u"--area") && i + 1 < argc) {
            ++i; // the window's options: files for the Scan screen, the screen to open on
        } else if (a.startsWith(u"--scan=") || a.startsWith(u"--area=") || a == u"--self-test") {
        } else if (p.rest.isEmpty() && isQtWindowOption(a)) {
            if (!a.contains(u'=') && a != u"-reverse" && i + 1 < argc)
                ++i; // Qt's own window options (-platform offscreen, -style, ...) are the window's business
        } else if (!p.rest.isEmpty() || !a.startsWith(u'-')) {
            p.rest << a;
        } else if (p.error.isEmpty()) {
            p.error = u"unknown option %1; closient-station --help lists the options"_s.arg(a);
        }
    }
    return p;
}

void printHelp(QTextStream &out, const std::vector<Command> &table)
{
    out << "Usage: closient-station [--db PATH] [SUBCOMMAND [ARGS...]]\n\n"
           "Closient Station, the scanning and labelling workstation. With no subcommand it starts the\n"
           "application window; with one it runs headless and prints JSON where a program reads the output.\n\n"
           "Options:\n"
           "  --db PATH      the store to use (default: "
        << store::Database::defaultPath()
        << ")\n"
           "  --self-test    open every screen and dialog on a temporary store; exit non-zero on any warning\n"
           "  --scan FILE    open the window on the Scan screen, reading this video, image or folder\n"
           "  --help         this text; SUBCOMMAND --help tells more\n"
           "  --version      the version\n\n"
           "Subcommands:\n";
    for (const auto &c : table)
        out << "  " << c.name.leftJustified(22) << c.summary << '\n';
    out << "\nExit codes: 0 done, 1 refused or invalid data, 2 wrong usage, 3 the store cannot be used.\n";
}

// --help or -h anywhere among a command's arguments, but not after "--" (what follows is data).
bool wantsHelp(const QStringList &args)
{
    for (const auto &a : args) {
        if (a == u"--")
            return false;
        if (a == u"--help" || a == u"-h")
            return true;
    }
    return false;
}

const Command *findCommand(const std::vector<Command> &table, const QStringList &rest, int *consumed)
{
    // Commands may have two words ("sessions list", "bench decode"): prefer the longest match.
    const Command *best = nullptr;
    for (const auto &c : table) {
        const auto words = c.name.split(u' ');
        if (words.size() <= rest.size() && rest.mid(0, words.size()) == words
            && (!best || words.size() > best->name.count(u' ') + 1)) {
            best = &c;
            *consumed = int(words.size());
        }
    }
    return best;
}

} // namespace

Context::Context(QStringList args, QString dbPath)
    : m_args(std::move(args))
    , m_dbPath(std::move(dbPath))
    , m_out(stdout)
    , m_err(stderr)
{ }

Context::~Context() = default;

store::Database *Context::database(Access access)
{
    if (m_db || m_dbFailed)
        return m_db.get();
    m_db = std::make_unique<store::Database>();
    auto f = m_db->open(m_dbPath.isEmpty() ? store::Database::defaultPath() : m_dbPath,
        access == Access::ReadOnly ? store::Database::Access::ReadOnly : store::Database::Access::Shared);
    f.waitForFinished(); // a headless command is a sequential script; there is no window to keep alive
    const auto r = f.result();
    if (!r.ok()) {
        m_err << "closient-station: " << r.error().message << Qt::endl;
        m_db.reset();
        m_dbFailed = true;
    }
    return m_db.get();
}

void Context::printJson(const QJsonObject &o)
{
    m_out << QString::fromUtf8(escapeTerminalControls(QJsonDocument(o).toJson(QJsonDocument::Compact))) << Qt::endl;
}

int Context::fail(const QString &message, int code)
{
    warn(message);
    return code;
}

void Context::warn(const QString &message)
{
    QStringList lines = message.split(u'\n');
    for (auto &line : lines)
        line = visibleText(line);
    m_err << "closient-station: " << lines.join(u'\n') << Qt::endl;
}

QByteArray escapeTerminalControls(const QByteArray &json)
{
    // QJsonDocument escapes C0 controls but writes DEL, the C1 controls (U+0080-U+009F, which include the 8-bit
    // CSI) and the bidi overrides as they are. In compact JSON they can only stand inside strings, where \u
    // escapes mean the same characters.
    QByteArray out;
    out.reserve(json.size());
    const auto escape
        = [&out](uint codePoint) { out += "\\u" + QByteArray::number(codePoint, 16).rightJustified(4, '0'); };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto c = uchar(json[i]);
        if (c == 0x7F) {
            escape(0x7F);
        } else if (c == 0xC2 && i + 1 < json.size() && uchar(json[i + 1]) >= 0x80 && uchar(json[i + 1]) <= 0x9F) {
            escape(uchar(json[++i]));
        } else if (c == 0xE2 && i + 2 < json.size() && uchar(json[i + 1]) == 0x80 && uchar(json[i + 2]) >= 0xAA
            && uchar(json[i + 2]) <= 0xAE) {
            escape(0x2000 + (uchar(json[i + 2]) - 0x80));
            i += 2;
        } else if (c == 0xE2 && i + 2 < json.size() && uchar(json[i + 1]) == 0x81 && uchar(json[i + 2]) >= 0xA6
            && uchar(json[i + 2]) <= 0xA9) {
            escape(0x2040 + (uchar(json[i + 2]) - 0x80));
            i += 2;
        } else {
            out += char(c);
        }
    }
    return out;
}

Result<qint64> wholeNumber(const QString &option, const QString &value, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const QString text = value.trimmed();
    const qint64 n = text.toLongLong(&ok);
    if (!ok || text.startsWith(u'+'))
        return Error { u"usage"_s,
            u"%1 needs a whole number from %2 to %3, not \"%4\""_s.arg(option).arg(minimum).arg(maximum).arg(
                value.left(40)) };
    if (n < minimum || n > maximum)
        return Error { u"usage"_s, u"%1 must be from %2 to %3, not %4"_s.arg(option).arg(minimum).arg(maximum).arg(n) };
    return n;
}

Result<Done> readWholeOption(
    const QCommandLineParser &p, const QCommandLineOption &option, qint64 minimum, qint64 maximum, int &target)
{
    if (!p.isSet(option))
        return Done {};
    const auto n = wholeNumber(u"--"_s + option.names().constFirst(), p.value(option), minimum, maximum);
    if (!n.ok())
        return n.error();
    target = int(n.value());
    return Done {};
}

Result<double> decimalNumber(const QString &option, const QString &value, double minimum, double maximum)
{
    bool ok = false;
    const QString text = value.trimmed();
    const double n = text.toDouble(&ok);
    if (!ok || !std::isfinite(n) || text.contains(u'e', Qt::CaseInsensitive))
        return Error { u"usage"_s,
            u"%1 needs a number from %2 to %3 (a dot for decimals), not \"%4\""_s.arg(option)
                .arg(minimum)
                .arg(maximum)
                .arg(value.left(40)) };
    if (n < minimum || n > maximum)
        return Error { u"usage"_s, u"%1 must be from %2 to %3, not %4"_s.arg(option).arg(minimum).arg(maximum).arg(n) };
    return n;
}

bool parseOptions(Context &ctx, QCommandLineParser &p, const QString &usage, const QList<QCommandLineOption> &options)
{
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addOptions(options);
    p.addHelpOption();
    QStringList argv = ctx.args();
    argv.prepend(u"closient-station"_s);
    if (!p.parse(argv)) {
        ctx.fail(p.errorText());
        return false;
    }
    if (p.isSet(u"help"_s)) {
        // The usage line, then the options as the parser lists them (without its own generic usage line).
        QString options = p.helpText();
        options = options.mid(options.indexOf(u"Options:"_s));
        ctx.out() << "Usage: closient-station " << usage << "\n\n" << options << Qt::flush;
        return false;
    }
    return true;
}

const std::vector<Command> &commands()
{
    static const std::vector<Command> all = [] {
        std::vector<Command> v;
        for (auto group : { gs1Commands(), sessionCommands(), labelCommands(), productCommands(), epcisCommands(),
                 countCommands(), accountCommands(), syncCommands(), decodeCommands(), benchCommands() })
            std::move(group.begin(), group.end(), std::back_inserter(v));
        return v;
    }();
    return all;
}

bool wantsCommandLine(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--self-test") == 0)
            return false;
    }
    const auto p = parseGlobal(argc, argv);
    return p.help || p.version || !p.rest.isEmpty() || !p.error.isEmpty();
}

int run(int argc, char **argv)
{
    return run(argc, argv, commands());
}

int run(int argc, char **argv, const std::vector<Command> &table)
{
    const auto p = parseGlobal(argc, argv);
    int consumed = 0;
    const Command *cmd = p.rest.isEmpty() ? nullptr : findCommand(table, p.rest, &consumed);
    std::unique_ptr<QCoreApplication> app;
    if (cmd && cmd->needsGui) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(u"closient-station"_s);
    QCoreApplication::setOrganizationName(u"Closient"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOSIENT_VERSION));
    // Progress chatter of the services goes to stderr only when asked for (QT_LOGGING_RULES).
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"*.info=false"_s);
    QTextStream out(stdout);
    if (!p.error.isEmpty()) {
        QTextStream(stderr) << "closient-station: " << visibleText(p.error) << Qt::endl;
        return Usage;
    }
    if (p.version) {
        out << "closient-station " << CLOSIENT_VERSION << Qt::endl;
        return Ok;
    }
    if (p.help || p.rest.isEmpty()) {
        printHelp(out, table);
        return Ok;
    }
    if (!cmd) {
        // A group's name ("labels") with or without --help lists the group's subcommands.
        std::vector<const Command *> group;
        for (const auto &c : table) {
            if (c.name.startsWith(p.rest.first() + u' '))
                group.push_back(&c);
        }
        if (!group.empty() && (p.rest.size() == 1 || wantsHelp(p.rest.mid(1)))) {
            QTextStream err(stderr);
            QTextStream &to = p.rest.size() == 1 ? err : out; // without --help it is a usage error
            to << "Usage: closient-station " << p.rest.first() << " SUBCOMMAND [ARGS...]\n\nSubcommands:\n";
            for (const auto *c : group)
                to << "  " << c->name.leftJustified(22) << c->summary << '\n';
            to << "\nclosient-station " << p.rest.first() << " SUBCOMMAND --help tells more." << Qt::endl;
            return p.rest.size() == 1 ? Usage : Ok;
        }
        QTextStream(stderr) << "closient-station: unknown subcommand \"" << p.rest.join(u' ')
                            << "\"; closient-station --help lists them." << Qt::endl;
        return Usage;
    }
    Context ctx(p.rest.mid(consumed), p.dbPath);
    if (!cmd->ownHelp && wantsHelp(ctx.args())) {
        out << "Usage: closient-station " << cmd->name << (cmd->usage.isEmpty() ? QString() : u" "_s + cmd->usage)
            << "\n\n"
            << cmd->summary << "\n"
            << (cmd->details.isEmpty() ? QString() : u"\n"_s + cmd->details + u"\n"_s);
        return Ok;
    }
    return cmd->run(ctx);
}

} // namespace closient::cli
