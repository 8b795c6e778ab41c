// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmarks live in their own program, closient-bench (bench/), so this one does not link them; the bench
// subcommands hand their arguments to it and pass its output and exit code through.
#include "command.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace closient::cli {

namespace {

int delegate(Context &ctx, const QString &name)
{
    const QString program = QCoreApplication::applicationDirPath() + u"/closient-bench"_s;
    if (!QFileInfo(program).isExecutable())
        return ctx.fail(u"The benchmarks are a developer tool and are not installed: build closient-bench from the "
                        u"source tree (it is written next to closient-station), then run this again."_s,
            Usage);
    QStringList args;
    if (!ctx.dbPath().isEmpty())
        args << u"--db"_s << ctx.dbPath();
    args << name.split(u' ') << ctx.args();
    QProcess bench;
    bench.setProcessChannelMode(QProcess::ForwardedChannels);
    bench.setInputChannelMode(QProcess::ForwardedInputChannel);
    ctx.out().flush();
    ctx.err().flush();
    bench.start(program, args);
    if (!bench.waitForStarted())
        return ctx.fail(u"%1 could not be started: %2"_s.arg(program, bench.errorString()), Usage);
    bench.waitForFinished(-1);
    if (bench.exitStatus() != QProcess::NormalExit)
        return ctx.fail(u"closient-bench stopped: %1"_s.arg(bench.errorString()), Refused);
    return bench.exitCode();
}

Command benchCommand(const QString &name, const QString &summary, bool needsGui)
{
    Command c { name, summary, needsGui, [name](Context &ctx) { return delegate(ctx, name); } };
    c.ownHelp = true; // closient-bench answers --help
    return c;
}

} // namespace

std::vector<Command> benchCommands()
{
    return { benchCommand(u"bench decode"_s,
                 u"decode benchmark against plain ZXing-cpp and zbar; writes bench/results/decode.md"_s, true),
        benchCommand(u"bench live"_s,
            u"30 fps video through the live pipeline: drops and latency; writes "
            u"bench/results/live.md"_s,
            true),
        benchCommand(u"bench labels"_s,
            u"10,000 verified labels against glabels-3-batch; writes "
            u"bench/results/labels.md"_s,
            false),
        benchCommand(u"bench sync"_s,
            u"records/s into closient-sandbox at the rate limit, with and without faults; writes "
            u"bench/results/sync.md"_s,
            false),
        benchCommand(u"bench review"_s,
            u"the review table over 100,000 captures: filter, search and sort latency, memory; writes "
            u"bench/results/review.md"_s,
            false) };
}

} // namespace closient::cli
