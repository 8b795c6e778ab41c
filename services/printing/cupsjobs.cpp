// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cupsjobs.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace closient::printing {

Result<QString> lpstat(const QStringList &args)
{
    const QString exe = QStandardPaths::findExecutable(u"lpstat"_s);
    if (exe.isEmpty())
        return Error { u"not_found"_s, u"The command lpstat is missing: install the package cups-client."_s };
    QProcess p;
    p.start(exe, args);
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished(1000);
        return Error { u"timeout"_s, u"The print server did not answer lpstat within 15 s"_s, true };
    }
    // lpstat fails with "Invalid destination" for a queue that is gone; the job is then as good as missing.
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

namespace {

struct Listed
{
    QString id;
    QString status;
    QString reasons;
};

/// The jobs of lpstat -l -o: a line that starts with the id, then indented "Status:" and "Alerts:" lines.
std::vector<Listed> parseLong(const QString &text)
{
    std::vector<Listed> jobs;
    for (const auto &line : text.split(u'\n')) {
        if (line.trimmed().isEmpty())
            continue;
        if (!line.at(0).isSpace()) {
            jobs.push_back({ line.section(u' ', 0, 0, QString::SectionSkipEmpty), {}, {} });
        } else if (!jobs.empty()) {
            const QString t = line.trimmed();
            if (t.startsWith(u"Status:"_s))
                jobs.back().status = t.mid(7).trimmed();
            else if (t.startsWith(u"Alerts:"_s))
                jobs.back().reasons = t.mid(7).trimmed();
        }
    }
    return jobs;
}
} // namespace

QString CupsJobState::describe() const
{
    switch (state) {
    case State::Completed:
        return u"printed"_s;
    case State::Failed:
        return reasons.contains(u"cancel"_s) ? u"cancelled (%1)"_s.arg(reasons)
                                             : u"stopped by the print server (%1)"_s.arg(reasons);
    case State::Pending:
        return status.isEmpty() ? u"still waiting to print (%1)"_s.arg(reasons)
                                : u"still waiting to print: %1"_s.arg(status);
    case State::Missing:
        break;
    }
    return u"unknown to the print server"_s;
}

Result<QStringList> cupsJobIds(const QString &queue)
{
    auto out = lpstat({ u"-W"_s, u"all"_s, u"-o"_s, queue });
    if (!out.ok())
        return out.error();
    QStringList ids;
    for (const auto &line : out.value().split(u'\n')) {
        const QString id = line.section(u' ', 0, 0, QString::SectionSkipEmpty);
        if (id.startsWith(queue + u'-'))
            ids << id;
    }
    return ids;
}

Result<CupsJobState> cupsJobState(const QString &queue, const QString &jobId)
{
    // Not completed first: a job there is pending, held, printing or stopped.
    for (const auto *which : { "not-completed", "completed" }) {
        auto out = lpstat({ u"-W"_s, QString::fromLatin1(which), u"-l"_s, u"-o"_s, queue });
        if (!out.ok())
            return out.error();
        for (const auto &job : parseLong(out.value())) {
            if (job.id != jobId)
                continue;
            CupsJobState s { CupsJobState::State::Pending, jobId, job.status, job.reasons };
            if (qstrcmp(which, "completed") == 0) {
                // CUPS lists cancelled and aborted jobs among the completed ones; their reasons tell them apart.
                const bool failed = job.reasons.contains(u"cancel"_s) || job.reasons.contains(u"abort"_s)
                    || job.reasons.contains(u"error"_s);
                s.state = failed ? CupsJobState::State::Failed : CupsJobState::State::Completed;
            }
            return s;
        }
    }
    return CupsJobState { CupsJobState::State::Missing, jobId, {}, {} };
}

Result<CupsJobState> waitForCupsJob(
    const QString &queue, const QString &jobId, int timeoutMs, const std::function<bool()> &keepWaiting)
{
    QDeadlineTimer deadline(timeoutMs);
    int pause = 100;
    for (;;) {
        auto s = cupsJobState(queue, jobId);
        if (!s.ok() || s.value().state != CupsJobState::State::Pending || deadline.hasExpired()
            || (keepWaiting && !keepWaiting()))
            return s;
        QThread::msleep(ulong(std::min<qint64>(pause, std::max<qint64>(1, deadline.remainingTime()))));
        pause = std::min(pause * 2, 1000);
    }
}

} // namespace closient::printing
