// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncbench.h"

#include "capturerepository.h"
#include "database.h"
#include "httpclient.h"
#include "machine.h"
#include "sessionrepository.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::bench {

namespace {

constexpr const char *kGtins[] = { "00012345600012", "05901234123457", "09506000134352", "04006381333931" };

/** closient-sandbox beside closient-bench, on a free loopback port. */
struct Sandbox
{
    QProcess process;
    QUrl url;
    QNetworkAccessManager nam;
    QString state;

    bool start(const QString &stateFile, QString *error)
    {
        state = stateFile;
        process.start(QCoreApplication::applicationDirPath() + u"/closient-sandbox"_s,
            { u"--port"_s, u"0"_s, u"--state"_s, stateFile });
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000 && !process.canReadLine() && process.state() != QProcess::NotRunning)
            process.waitForReadyRead(100);
        const QByteArray line = process.readLine().trimmed();
        if (!line.startsWith("http://")) {
            *error = u"closient-sandbox did not start: "_s + QString::fromUtf8(process.readAllStandardError());
            return false;
        }
        url = QUrl(QString::fromLatin1(line));
        return true;
    }
    ~Sandbox()
    {
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
    }
    QJsonObject admin(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request(url.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = nam.sendCustomRequest(
            request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const auto json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }
};

struct Population
{
    QStringList sessions;
    QStringList ended;
    QStringList captures;
    int records = 0;
};

Population populate(store::Database &db, int records)
{
    Population pop;
    store::SessionRepository sessions(&db);
    store::CaptureRepository captures(&db);
    constexpr int perSession = 10;
    while (pop.records < records) {
        const auto s = sessions.create(u"barcode_scan"_s, {}).result();
        if (!s.ok())
            break;
        pop.sessions << s.value().id;
        ++pop.records;
        for (int i = 0; i < perSession && pop.records < records - 1; ++i) {
            store::Capture c;
            c.sessionId = s.value().id;
            c.captureType = u"MANUAL"_s;
            c.gtin = QString::fromLatin1(kGtins[(pop.records + i) % 4]);
            c.rawValue = c.gtin;
            const auto added = captures.add(c).result();
            if (added.ok()) {
                pop.captures << added.value().id;
                ++pop.records;
            }
        }
        if (pop.records < records && sessions.end(s.value().id).result().ok()) {
            pop.ended << s.value().id;
            ++pop.records;
        }
    }
    return pop;
}

struct Outcome
{
    QString name;
    int records = 0;
    qint64 requests = 0;
    double seconds = 0;
    qint64 rateLimited = 0;
    qint64 injected = 0;
    qint64 dropped = 0;
    int lost = 0;
    int duplicated = 0;
    int sessionCopies = 0;
    int readBack = 0;
    QString stopReason;
};

/// The earliest a sliding window of @p limit per 60 s lets @p requests requests finish: the first @p limit at once,
/// then @p limit more each window.
double boundSeconds(qint64 requests, int limit)
{
    return requests <= 0 ? 0.0 : double((requests - 1) / limit) * 60.0;
}

Outcome runOne(const QString &name, const SyncBenchOptions &o, bool faults, QTextStream &err)
{
    Outcome r;
    r.name = name;
    QTemporaryDir dir;
    Sandbox sandbox;
    QString error;
    if (!sandbox.start(dir.filePath(u"sandbox.sqlite"_s), &error)) {
        r.stopReason = error;
        return r;
    }
    const QString key = sandbox
                            .admin("POST", u"/__sandbox/keys"_s,
                                { { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Bench Foods"_s },
                                    { u"per_minute"_s, o.perMinute }, { u"per_day"_s, 1000000 } })
                            .value(u"key"_s)
                            .toString();
    store::Database db;
    if (!db.open(dir.filePath(u"station.sqlite"_s)).result().ok()) {
        r.stopReason = u"the station store could not be made"_s;
        return r;
    }
    const auto pop = populate(db, o.records);
    r.records = pop.records;
    if (faults)
        sandbox.admin("POST", u"/__sandbox/faults"_s,
            { { u"error_rates"_s, QJsonObject { { u"503"_s, 0.05 } } }, { u"drop_rate"_s, 0.05 }, { u"seed"_s, 11 },
                { u"methods"_s, u"all"_s } });
    sandbox.admin("DELETE", u"/__sandbox/stats"_s);
    err << "bench sync: " << name << ": " << pop.records << " records ..." << Qt::endl;

    sync::DrainReport report;
    QElapsedTimer clock;
    {
        sync::SyncThread thread;
        auto *http = new sync::HttpClient;
        http->setAccount(sandbox.url, key);
        thread.adopt(http);
        sync::SyncOptions options;
        options.pull = false;
        auto *engine = new sync::SyncEngine(&db, http, options);
        thread.adopt(engine);
        QEventLoop loop;
        QObject::connect(
            engine, &sync::SyncEngine::finished, &loop,
            [&](const sync::DrainReport &rep) {
                report = rep;
                loop.quit();
            },
            Qt::QueuedConnection);
        clock.start();
        QMetaObject::invokeMethod(engine, [engine] { engine->start(true); });
        loop.exec();
    }
    r.seconds = clock.elapsed() / 1000.0;
    r.stopReason = report.stopReason;
    r.readBack = report.foundByReadBack;
    const auto stats = sandbox.admin("GET", u"/__sandbox/stats"_s);
    r.requests = stats.value(u"requests"_s).toInteger();
    r.rateLimited = stats.value(u"rate_limited"_s).toInteger();
    r.injected = stats.value(u"injected_errors"_s).toInteger();
    r.dropped = stats.value(u"dropped_after_commit"_s).toInteger();

    // What the server holds, by the station's own ids.
    {
        auto state = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench-sandbox"_s);
        state.setDatabaseName(sandbox.state);
        state.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (state.open()) {
            QHash<QString, int> captures, sessions;
            QHash<QString, QString> statusByStation;
            QSqlQuery q(state);
            q.exec(u"SELECT json_extract(metadata, '$.station_id') FROM captures"_s);
            while (q.next())
                captures[q.value(0).toString()] += 1;
            q.exec(u"SELECT json_extract(metadata, '$.station_id'), status, "
                   u"(SELECT count(*) FROM captures c WHERE c.session_id = s.id) FROM sessions s"_s);
            while (q.next()) {
                sessions[q.value(0).toString()] += 1;
                if (q.value(2).toInt() > 0 || q.value(1).toString() == u"COMPLETED"_s)
                    statusByStation[q.value(0).toString()] = q.value(1).toString();
            }
            for (const auto &c : pop.captures) {
                const int n = captures.value(c);
                r.lost += n == 0 ? 1 : 0;
                r.duplicated += n > 1 ? n - 1 : 0;
            }
            for (const auto &s : pop.sessions) {
                const int n = sessions.value(s);
                r.lost += n == 0 ? 1 : 0;
                r.sessionCopies += n > 1 ? n - 1 : 0;
            }
            for (const auto &s : pop.ended)
                r.lost += statusByStation.value(s) == u"COMPLETED"_s ? 0 : 1;
        }
    }
    QSqlDatabase::removeDatabase(u"bench-sandbox"_s);
    return r;
}

} // namespace

int runSyncBench(const SyncBenchOptions &o, QTextStream &out, QTextStream &err)
{
    std::vector<Outcome> runs;
    runs.push_back(runOne(u"no faults"_s, o, false, err));
    if (o.faults)
        runs.push_back(runOne(u"10% faulted (5% 503, 5% dropped after commit)"_s, o, true, err));

    QString md;
    QTextStream s(&md);
    s << "# Sync throughput against closient-sandbox\n\n"
      << "Command: `" << commandLine() << "`\n\n"
      << machineDescription() << "\n"
      << "The real engine and HTTP client (`SyncEngine`, `HttpClient` with its governor) drain a station store of "
      << o.records << " records (sessions of 10 captures, each session's create and end) into a fresh "
      << "closient-sandbox over loopback, with the key limited to " << o.perMinute
      << " requests per minute (sliding window, as the sandbox and Closient count). **Bound**: the earliest the "
      << "limit lets the same number of records finish, one request each: the first " << o.perMinute
      << " at once, then " << o.perMinute << " per 60 s (so " << o.records << " records need at least "
      << boundSeconds(o.records, o.perMinute) << " s; over a long queue the bound tends to " << o.perMinute / 60.0
      << " records/s). The window is not shortened: each run takes a few minutes.\n\n"
      << "| run | records | requests | time s | records/s | bound records/s | % of bound | request pace % of "
         "bound | 429 drawn | read back | lost | duplicated | empty session copies |\n"
      << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    int failures = 0;
    for (const auto &r : runs) {
        const double bound = boundSeconds(r.records, o.perMinute);
        const double requestBound = boundSeconds(r.requests, o.perMinute);
        const double rate = r.seconds > 0 ? r.records / r.seconds : 0;
        const double boundRate = bound > 0 ? r.records / bound : 0;
        s << "| " << r.name << " | " << r.records << " | " << r.requests << " | " << QString::number(r.seconds, 'f', 1)
          << " | " << QString::number(rate, 'f', 2) << " | " << QString::number(boundRate, 'f', 2) << " | "
          << QString::number(boundRate > 0 ? 100.0 * rate / boundRate : 0, 'f', 1) << " | "
          << QString::number(r.seconds > 0 ? 100.0 * requestBound / r.seconds : 0, 'f', 1) << " | " << r.rateLimited
          << " | " << r.readBack << " | " << r.lost << " | " << r.duplicated << " | " << r.sessionCopies << " |\n";
        if (!r.stopReason.isEmpty())
            s << "\n" << r.name << " stopped: " << r.stopReason << "\n";
        failures += (r.rateLimited > 0 || r.lost > 0 || r.duplicated > 0 || !r.stopReason.isEmpty()) ? 1 : 0;
    }
    s << "\n*Request pace* compares the requests actually sent (retries and read-backs included) with the bound "
         "for that many requests: the governor's share. With faults, records/s is lower because every fault costs "
         "requests (a retry, a read-back) out of the same quota. *Empty session copies*: a session create whose answer "
         "was dropped cannot be looked up (Closient documents no session list), so its resend leaves an empty ACTIVE "
         "copy on the server; captures and ends are never duplicated (docs/ARCHITECTURE.md, Sync engine).\n";
    s.flush();
    if (const QString problem = writeResult(o.output, md); !problem.isEmpty()) {
        err << problem << Qt::endl;
        return 3;
    }
    out << md << Qt::flush;
    return failures == 0 ? 0 : 1;
}

} // namespace closient::bench
