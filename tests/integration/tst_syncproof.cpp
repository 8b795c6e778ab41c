// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The proof that the outbox reaches Closient exactly once: the real closient-station binary (`sync --once`) against
// the real sandbox, with faults (errors before processing, connections dropped after processing) and kill -9 of the
// station mid-drain; then the sandbox's own state is checked record by record. Also: what a person sees for a
// malformed, unknown or expired key, a 403 and a 422; and that the key appears in no output or file.
#include "apikey.h"
#include "capturerepository.h"
#include "database.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "syncsandbox.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::test;

namespace {
constexpr const char *kGtins[] = { "00012345600012", "05901234123457", "09506000134352", "04006381333931" };
}

class TestSyncProof : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        bool crashed = false;
        QByteArray out;
        QByteArray err;
    };

    QTemporaryDir m_dir;
    QByteArray m_allOutput; // every byte any run printed, searched for keys at the end
    QStringList m_keys;
    int m_n = 0;

    QProcessEnvironment env(const SyncSandbox &sandbox, const QString &key) const
    {
        auto e = QProcessEnvironment::systemEnvironment();
        e.insert(u"CLOSIENT_API_KEY"_s, key);
        e.insert(u"CLOSIENT_BASE_URL"_s, sandbox.baseUrl().toString());
        e.insert(u"CLOSIENT_KEY_STORE"_s, u"file"_s);
        e.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        e.remove(u"QT_LOGGING_RULES"_s);
        return e;
    }

    /// Starts `closient-station --db DB ARGS`.
    std::unique_ptr<QProcess> start(
        const SyncSandbox &sandbox, const QString &key, const QString &db, const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env(sandbox, key));
        p->start(binaryDir() + u"/closient-station"_s, QStringList { u"--db"_s, db } + args);
        if (!p->waitForStarted(10000))
            qFatal("closient-station did not start");
        return p;
    }

    Run finish(QProcess &p, int timeoutMs = 600000)
    {
        Run r;
        p.waitForFinished(timeoutMs);
        r.crashed = p.exitStatus() == QProcess::CrashExit;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        m_allOutput += r.out + r.err;
        return r;
    }

    Run station(const SyncSandbox &sandbox, const QString &key, const QString &db, const QStringList &args)
    {
        auto p = start(sandbox, key, db, args);
        return finish(*p);
    }

    struct Population
    {
        QStringList sessions;
        QStringList ended;
        QStringList captures;
        int records = 0;
    };

    /// A station store with @p sessions sessions of @p perSession captures each, every other one ended: sessions,
    /// captures and ends in the outbox, in the order a day at the desk makes them (interleaved).
    Population populate(const QString &path, int sessions, int perSession)
    {
        Population pop;
        store::Database db;
        if (!await(db.open(path)).ok())
            qFatal("store");
        store::SessionRepository sessionRepo(&db);
        store::CaptureRepository captureRepo(&db);
        QStringList open;
        for (int s = 0; s < sessions; ++s) {
            const auto created = await(sessionRepo.create(u"barcode_scan"_s, { { u"n"_s, QString::number(s) } }));
            if (!created.ok())
                qFatal("session: %s", qPrintable(created.error().message));
            pop.sessions << created.value().id;
            open << created.value().id;
            ++pop.records;
            // Two sessions take captures at once, as two scanners would.
            for (int i = 0; i < perSession; ++i) {
                const QString session = open.size() > 1 && i % 2 ? open.at(open.size() - 2) : open.last();
                store::Capture c;
                c.sessionId = session;
                c.captureType = u"MANUAL"_s;
                c.gtin = QString::fromLatin1(kGtins[(s + i) % 4]);
                c.rawValue = c.gtin;
                const auto added = await(captureRepo.add(c));
                if (!added.ok())
                    qFatal("capture: %s", qPrintable(added.error().message));
                pop.captures << added.value().id;
                ++pop.records;
            }
            if (open.size() > 1) {
                const QString done = open.takeFirst();
                if (pop.ended.size() * 2 < pop.sessions.size()) {
                    if (!await(sessionRepo.end(done)).ok())
                        qFatal("end");
                    pop.ended << done;
                    ++pop.records;
                }
            }
        }
        return pop;
    }

    /// The sandbox's state file, read as it is.
    struct ServerState
    {
        QHash<QString, QStringList> sessionsByStation; // station_id → server session ids
        QHash<QString, QString> sessionStatus; // server id → status
        QHash<QString, int> capturesPerSession; // server session id → captures
        QHash<QString, QStringList> capturesByStation; // station_id → server capture ids
        QHash<QString, QString> captureSession; // server capture id → server session id
    };

    ServerState serverState(const SyncSandbox &sandbox)
    {
        ServerState s;
        const QString name = u"sandbox-state-%1"_s.arg(++m_n);
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(sandbox.stateFile());
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (!db.open())
                qFatal("sandbox state: %s", qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            q.exec(u"SELECT id, status, json_extract(metadata, '$.station_id') FROM sessions"_s);
            while (q.next()) {
                s.sessionsByStation[q.value(2).toString()] << q.value(0).toString();
                s.sessionStatus[q.value(0).toString()] = q.value(1).toString();
            }
            q.exec(u"SELECT id, session_id, json_extract(metadata, '$.station_id') FROM captures"_s);
            while (q.next()) {
                s.capturesByStation[q.value(2).toString()] << q.value(0).toString();
                s.captureSession[q.value(0).toString()] = q.value(1).toString();
                s.capturesPerSession[q.value(1).toString()] += 1;
            }
        }
        QSqlDatabase::removeDatabase(name);
        return s;
    }

    QHash<QString, QString> localServerIds(const QString &path, const QString &table)
    {
        QHash<QString, QString> out;
        store::Database db;
        if (!await(db.open(path)).ok())
            qFatal("store");
        out = await(db.run([table](QSqlDatabase &c) {
            QHash<QString, QString> m;
            QSqlQuery q(c);
            q.exec(u"SELECT id, coalesce(server_id, '') FROM %1"_s.arg(table));
            while (q.next())
                m.insert(q.value(0).toString(), q.value(1).toString());
            return m;
        }));
        return out;
    }

    /// The whole proof for @p sessions × @p perSession, with @p kills kill -9s of the station mid-drain.
    void prove(int sessions, int perSession, int kills, bool serverIdempotency)
    {
        SyncSandbox sandbox;
        QVERIFY2(sandbox.start(serverIdempotency ? QStringList { u"--idempotency"_s } : QStringList {}),
            qPrintable(sandbox.error()));
        // A limit the station must keep to: it is never exceeded by our own pace (no 429 drawn).
        const QString key = sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s },
            { u"per_minute"_s, 3000 }, { u"per_day"_s, 1000000 } });
        m_keys << key;
        const QString db = m_dir.filePath(u"proof%1.sqlite"_s.arg(++m_n));
        const auto pop = populate(db, sessions, perSession);
        qInfo("%d records: %lld sessions (%lld ended), %lld captures", pop.records, qint64(pop.sessions.size()),
            qint64(pop.ended.size()), qint64(pop.captures.size()));

        // 10% of all requests faulted, half of them carried out and then dropped before the answer.
        sandbox.faults({ { u"error_rates"_s, QJsonObject { { u"503"_s, 0.03 }, { u"500"_s, 0.02 } } },
            { u"drop_rate"_s, 0.05 }, { u"seed"_s, 42 }, { u"methods"_s, u"all"_s } });

        for (int k = 0; k < kills; ++k) {
            auto p = start(sandbox, key, db, { u"sync"_s, u"--once"_s, u"--no-pull"_s });
            const qint64 target = qint64(pop.captures.size()) * (k + 1) / (kills + 1);
            QElapsedTimer t;
            t.start();
            while (sandbox.records(u"captures"_s) < target && p->state() == QProcess::Running && t.elapsed() < 300000)
                QTest::qWait(20);
            QVERIFY2(p->state() == QProcess::Running, "the drain ended before it could be killed");
            ::kill(pid_t(p->processId()), SIGKILL);
            const auto r = finish(*p, 10000);
            QVERIFY(r.crashed);
            qInfo("killed at %lld captures on the server", sandbox.records(u"captures"_s));
        }
        const auto last = station(sandbox, key, db, { u"sync"_s, u"--once"_s, u"--no-pull"_s });
        QVERIFY2(last.exitCode == 0, last.err.constData());
        qInfo("%s", last.out.trimmed().constData());

        const auto stats = sandbox.admin("GET", u"/__sandbox/stats"_s);
        qInfo("sandbox: %lld requests, %lld injected errors, %lld dropped after commit, %lld rate limited",
            stats.value(u"requests"_s).toInteger(), stats.value(u"injected_errors"_s).toInteger(),
            stats.value(u"dropped_after_commit"_s).toInteger(), stats.value(u"rate_limited"_s).toInteger());
        QVERIFY(stats.value(u"injected_errors"_s).toInteger() > 0);
        QVERIFY(stats.value(u"dropped_after_commit"_s).toInteger() > 0);
        QCOMPARE(stats.value(u"rate_limited"_s).toInteger(), 0); // never a 429 of our own making

        const auto server = serverState(sandbox);
        const auto sessionIds = localServerIds(db, u"sessions"_s);
        const auto captureIds = localServerIds(db, u"captures"_s);
        // Every capture exactly once, in the session the station knows as its own.
        for (const auto &c : pop.captures) {
            const auto found = server.capturesByStation.value(c);
            QVERIFY2(found.size() == 1, qPrintable(u"capture %1 is on the server %2 times"_s.arg(c).arg(found.size())));
            QCOMPARE(captureIds.value(c), found.first());
        }
        QCOMPARE(server.captureSession.size(), pop.captures.size());
        // Every session: the one the station knows holds its captures; ended ones are COMPLETED, the rest ACTIVE.
        int orphans = 0;
        for (const auto &s : pop.sessions) {
            const QString mine = sessionIds.value(s);
            QVERIFY(!mine.isEmpty());
            const auto found = server.sessionsByStation.value(s);
            QVERIFY(found.contains(mine));
            QCOMPARE(server.sessionStatus.value(mine), pop.ended.contains(s) ? u"COMPLETED"_s : u"ACTIVE"_s);
            for (const auto &other : found) {
                if (other == mine)
                    continue;
                // A session create whose answer was lost cannot be looked up (Closient has no session list): the
                // copy made by sending it again stays empty and ACTIVE on the server.
                ++orphans;
                QCOMPARE(server.capturesPerSession.value(other), 0);
            }
        }
        qInfo("sessions created twice after a lost answer (empty copies on the server): %d of %lld", orphans,
            qint64(pop.sessions.size()));
        if (serverIdempotency)
            QCOMPARE(orphans, 0); // where the server keeps Idempotency-Key answers, sessions are exactly once too
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exactlyOnceUnderFaultsAndKills()
    {
        // 5,000 records (about two minutes on two cores); CLOSIENT_SYNC_PROOF_RECORDS=600 for a quick run.
        const int wanted = qEnvironmentVariableIsSet("CLOSIENT_SYNC_PROOF_RECORDS")
            ? qEnvironmentVariableIntValue("CLOSIENT_SYNC_PROOF_RECORDS")
            : 5000;
        const int perSession = 11;
        // Per session: its create, its captures and, for every other one, its end.
        const int sessions = std::max(10, (wanted * 2 + 2 * perSession + 2) / (2 * perSession + 3));
        prove(sessions, perSession, 2, false);
    }

    void exactlyOnceWhereTheServerHonoursIdempotencyKeys() { prove(20, 5, 1, true); }

    void refusalsReachThePersonInWords()
    {
        SyncSandbox sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.error()));
        const QString db = m_dir.filePath(u"refusals.sqlite"_s);
        populate(db, 1, 1);
        const auto requests = [&] { return sandbox.stat(u"requests"_s); };

        // A malformed key: refused here, nothing sent.
        const qint64 before = requests();
        const QString malformed = u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_1a2b3c4d"_s; // the docs' own, bad checksum
        m_keys << malformed;
        auto r = station(sandbox, malformed, db, { u"sync"_s, u"--once"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("checksum") && r.err.contains("Nothing was sent"), r.err.constData());
        QCOMPARE(requests(), before);

        // Unknown and expired keys: the server's reason.
        const QString body = u"Zq8Xw2Lm4Np6Rt8Vb0Cd2Fg4Hj6Kl8Mn"_s;
        const QString unknown = u"csb_"_s + body + u'_' + sync::crc32Hex(body.toUtf8()); // well-formed, never issued
        const QString expired = sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s },
            { u"expires_at"_s, u"2020-01-01T00:00:00Z"_s } });
        m_keys << unknown << expired;
        r = station(sandbox, unknown, db, { u"sync"_s, u"--once"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("refused the API key"), r.err.constData());
        r = station(sandbox, expired, db, { u"sync"_s, u"--once"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("refused the API key") && r.err.contains("expired"), r.err.constData());

        // 403: a publishable key reads only; the refused session is parked with the server's words.
        const QString viewer = sandbox.newKey({ { u"prefix"_s, u"cpk"_s }, { u"org"_s, u"Acme Foods"_s } });
        m_keys << viewer;
        r = station(sandbox, viewer, db, { u"sync"_s, u"--once"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Parked") && r.err.contains("session create"), r.err.constData());
        const auto parked = station(sandbox, viewer, db, { u"sync"_s, u"status"_s, u"--json"_s });
        const auto status = QJsonDocument::fromJson(parked.out).object();
        QCOMPARE(status.value(u"parked"_s).toInt(), 1);
        const QString words = status.value(u"parked_rows"_s).toArray().first().toObject().value(u"error"_s).toString();
        QVERIFY2(!words.isEmpty() && r.err.contains(words.toUtf8()), r.err.constData());

        // 422: with a good key the session goes, and a capture the server finds invalid is parked with its words.
        const QString owner = sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s } });
        m_keys << owner;
        QCOMPARE(station(sandbox, owner, db, { u"sync"_s, u"retry"_s, u"--all"_s }).exitCode, 0);
        {
            store::Database store;
            QVERIFY(await(store.open(db)).ok());
            store::SessionRepository sessions(&store);
            store::CaptureRepository captures(&store);
            const auto s = await(sessions.list());
            store::Capture c;
            c.sessionId = s.front().id;
            c.captureType = u"MANUAL"_s;
            c.rawValue = u"123456789012345678"_s;
            c.gtin = c.rawValue; // 18 digits: the server allows 14 at most
            QVERIFY(await(captures.add(c)).ok());
        }
        r = station(sandbox, owner, db, { u"sync"_s, u"--once"_s, u"--no-pull"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("capture create") && r.err.contains("gtin") && r.err.contains("1 record(s) parked"),
            r.err.constData());
    }

    void aContinuousSyncKeepsGoingUntilSigterm()
    {
        SyncSandbox sandbox;
        QVERIFY2(sandbox.start({ u"--pipeline-step-ms"_s, u"50"_s }), qPrintable(sandbox.error()));
        const QString key = sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s } });
        m_keys << key;
        const QString db = m_dir.filePath(u"continuous.sqlite"_s);
        const auto pop = populate(db, 2, 3);
        // The server's id is read from short_id first when the setting says so (the sandbox answers both).
        QCOMPARE(station(sandbox, key, db, { u"settings"_s, u"sync.id_fields"_s, u"short_id,id"_s }).exitCode, 0);
        auto p = start(sandbox, key, db, { u"sync"_s });
        QElapsedTimer t;
        t.start();
        while (sandbox.records(u"captures"_s) < pop.captures.size() && t.elapsed() < 30000)
            QTest::qWait(50);
        QTest::qWait(500); // it has pulled the capture statuses at least once by now
        QCOMPARE(p->state(), QProcess::Running); // still waiting for more
        ::kill(pid_t(p->processId()), SIGTERM);
        const auto r = finish(*p, 10000);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Sent 9 record(s)"), r.out.constData());
        const auto status = station(sandbox, key, db, { u"sync"_s, u"status"_s });
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.contains("Outbox: 0 pending, 0 in flight, 0 parked"), status.out.constData());
        QVERIFY2(status.out.contains("Rate limit: ") && status.out.contains("of 300"), status.out.constData());
        QCOMPARE(station(sandbox, key, db, { u"sync"_s, u"--help"_s }).exitCode, 0);
    }

    void cleanupTestCase()
    {
        // The key is in no output of any run and in no file the station wrote (store, config).
        QVERIFY(!m_keys.isEmpty());
        QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QByteArray everything = m_allOutput;
        while (files.hasNext()) {
            QFile f(files.next());
            if (f.open(QIODevice::ReadOnly))
                everything += f.readAll();
        }
        for (const auto &k : m_keys) {
            QVERIFY2(!everything.contains(k.toUtf8()), "an API key appears in the output or a file");
            QVERIFY(!everything.contains(k.section(u'_', 1, 1).toUtf8()));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncProof)
#include "tst_syncproof.moc"
