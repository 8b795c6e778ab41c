// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    Context(QStringList args, QString dbPath);
    ~Context();

    [[nodiscard]] const QStringList &args() const { return m_args; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    /// The store, opened on first use; nullptr (after printing why) when it cannot be opened.
    store::Database *database();
    /// Prints one JSON object as one line and flushes it at once, so a reader sees each line as it happens.
    void printJson(const QJsonObject &o);
    /// Prints "closient-station: <message>" to stderr and returns @p code.
    int fail(const QString &message, int code = Usage);

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
};

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

} // namespace closient::cli
