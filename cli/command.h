// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QCommandLineParser>
#include <QFuture>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <vector>

namespace closient::store {
class Database;
}

namespace closient::cli {

enum ExitCode { Ok = 0, Refused = 1, Usage = 2, StoreFailure = 3 };

/** What every subcommand gets: its arguments, the output streams and the store, opened on first use. */
class Context
{
public:
    /// What a command does with the store. ReadOnly commands never write to it: they work on a read-only file and
    /// beside a writer (another command, or the window holding its lock file).
    enum class Access { ReadWrite, ReadOnly };

    Context(QStringList args, QString dbPath);
    ~Context();

    [[nodiscard]] const QStringList &args() const { return m_args; }
    /// The store named with --db, or empty for the default.
    [[nodiscard]] const QString &dbPath() const { return m_dbPath; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    /// The store, opened on first use with @p access; nullptr (after printing why) when it cannot be opened.
    /// A command uses one access throughout; the first call decides.
    store::Database *database(Access access = Access::ReadWrite);
    /// Prints one JSON object as one line and flushes it at once, so a reader sees each line as it happens.
    /// Control characters that JSON leaves raw (DEL, C1, bidi overrides) are written as \u escapes, so output
    /// read on a terminal cannot drive it.
    void printJson(const QJsonObject &o);
    /// Prints "closient-station: <message>" to stderr and returns @p code. Control characters in the message (an
    /// echoed code) are shown as visible marks.
    int fail(const QString &message, int code = Usage);
    /// Prints "closient-station: <message>" to stderr, control characters shown as visible marks.
    void warn(const QString &message);

private:
    QStringList m_args;
    QString m_dbPath;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<store::Database> m_db;
    bool m_dbFailed = false;
};

/** One subcommand: its name, a line for --help, and what it does. */
struct Command
{
    QString name;
    QString summary;
    bool needsGui = false; // renders text or images, so needs a QGuiApplication (offscreen is fine)
    std::function<int(Context &)> run;
    // What follows the name in its usage line ("ID", "KEY VALUE"); --help and -h anywhere among its arguments
    // print it with the summary. Commands that explain their own options (parseOptions) leave it empty.
    QString usage = {};
    QString details = {}; // more lines for --help: what it reads and writes
    bool ownHelp = false; // the command answers --help itself (through parseOptions)
};

/// A whole number given for @p option, between @p minimum and @p maximum; "abc", "12x", "1.5" or an empty value
/// are refused with the option's name and the range, never read as 0.
[[nodiscard]] Result<qint64> wholeNumber(const QString &option, const QString &value, qint64 minimum, qint64 maximum);
/// When @p option was given: its value read as wholeNumber() reads it, between @p minimum and @p maximum, into
/// @p target; an option not given leaves @p target as it was. The error names the option ("--count").
[[nodiscard]] Result<Done> readWholeOption(
    const QCommandLineParser &p, const QCommandLineOption &option, qint64 minimum, qint64 maximum, int &target);
/// A decimal number (a dot, no units) for @p option, between @p minimum and @p maximum.
[[nodiscard]] Result<double> decimalNumber(const QString &option, const QString &value, double minimum, double maximum);

/// @p json with DEL, C1 controls and bidi overrides written as \u escapes (see Context::printJson).
[[nodiscard]] QByteArray escapeTerminalControls(const QByteArray &json);

/// Waits for a store future: a headless command is a sequential script (see Context::database()).
template<typename T>
T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

/// Parses "--name value" options of one subcommand into @p p; prints usage for --help. False: stop (help or error).
bool parseOptions(Context &ctx, QCommandLineParser &p, const QString &usage, const QList<QCommandLineOption> &options);

/// Every subcommand, in the order --help lists them.
const std::vector<Command> &commands();

// The command files: each hands over its subcommands.
std::vector<Command> gs1Commands();
std::vector<Command> sessionCommands();
std::vector<Command> decodeCommands();
std::vector<Command> benchCommands();
std::vector<Command> labelCommands();
std::vector<Command> epcisCommands();
std::vector<Command> accountCommands();
std::vector<Command> countCommands();
std::vector<Command> syncCommands();
std::vector<Command> productCommands();

} // namespace closient::cli
