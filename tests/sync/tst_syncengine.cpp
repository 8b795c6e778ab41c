// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The sync engine against the real sandbox: order, server ids, reading back after a lost answer, parking what the
// server refuses without blocking the rest, a refused key, and what a pull brings back.
#include "apikey.h"
#include "capturerepository.h"
#include "database.h"
#include "httpclient.h"
#include "productrepository.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "syncengine.h"
#include "syncsandbox.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::sync;
using namespace closient::test;

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    SyncSandbox m_sandbox;
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    QString m_owner;
    int m_n = 0;

    SyncOptions fast(bool pull = false)
    {
        SyncOptions o;
        o.pull = pull;
        o.backoff.initialMs = 100;
        o.backoff.maxMs = 1000;
        o.backoffSeed = 7;
        return o;
    }

    /// One drain to the end (once mode) with @p key, on a sync thread as in the product.
    DrainReport drain(const QString &key, SyncOptions options)
    {
        DrainReport report;
        SyncThread thread;
        auto *http = new HttpClient;
        http->setAccount(m_sandbox.baseUrl(), key);
        thread.adopt(http);
        auto *engine = new SyncEngine(m_db.get(), http, options);
        thread.adopt(engine);
        QEventLoop loop;
        bool done = false;
        QObject::connect(
            engine, &SyncEngine::finished, &loop,
            [&](const DrainReport &r) {
                report = r;
                done = true;
                loop.quit();
            },
            Qt::QueuedConnection);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        QMetaObject::invokeMethod(engine, [engine] { engine->start(true); });
        loop.exec();
        if (!done)
            qWarning("the drain did not finish in time");
        return report;
    }
    DrainReport drain() { return drain(m_owner, fast()); }

    store::Session newSession()
    {
        store::SessionRepository sessions(m_db.get());
        const auto s = await(sessions.create(u"barcode_scan"_s, { { u"line"_s, u"A"_s } }));
        if (!s.ok())
            qFatal("session: %s", qPrintable(s.error().message));
        return s.value();
    }

    store::Capture capture(const QString &sessionId, const QString &gtin = u"00012345600012"_s)
    {
        store::CaptureRepository captures(m_db.get());
        store::Capture c;
        c.sessionId = sessionId;
        c.captureType = u"MANUAL"_s;
        c.rawValue = gtin;
        c.gtin = gtin;
        const auto r = await(captures.add(c));
        if (!r.ok())
            qFatal("capture: %s", qPrintable(r.error().message));
        return r.value();
    }

    void end(const QString &sessionId)
    {
        store::SessionRepository sessions(m_db.get());
        QVERIFY(await(sessions.end(sessionId)).ok());
    }

    QString localServerId(const QString &table, const QString &id)
    {
        return await(m_db->run([table, id](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"SELECT server_id FROM %1 WHERE id = ?"_s.arg(table));
            q.addBindValue(id);
            q.exec();
            return q.next() ? q.value(0).toString() : QString();
        }));
    }

    /// What the sandbox holds: rows of @p table whose metadata.station_id is @p stationId.
    int onServer(const QString &table, const QString &stationId, QString *status = nullptr)
    {
        const QString name = u"sandbox-%1"_s.arg(++m_n);
        int n = 0;
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_sandbox.stateFile());
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (!db.open())
                qFatal("sandbox state: %s", qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            q.prepare(u"SELECT status FROM %1 WHERE json_extract(metadata, '$.station_id') = ?"_s.arg(table));
            q.addBindValue(stationId);
            q.exec();
            while (q.next()) {
                ++n;
                if (status)
                    *status = q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return n;
    }

    QString outboxState(const QString &entity, const QString &id, const QString &op, QString *error = nullptr)
    {
        const auto row = await(m_db->run([=](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(
                u"SELECT state, coalesce(last_error, '') FROM outbox WHERE entity = ? AND entity_id = ? AND op = ?"_s);
            q.addBindValue(entity);
            q.addBindValue(id);
            q.addBindValue(op);
            q.exec();
            return q.next() ? std::pair { q.value(0).toString(), q.value(1).toString() }
                            : std::pair { QString(), QString() };
        }));
        if (error)
            *error = row.second;
        return row.first;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start({ u"--pipeline-step-ms"_s, u"100"_s }), qPrintable(m_sandbox.error()));
        m_owner = m_sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s } });
        QVERIFY(!m_owner.isEmpty());
    }

    void init()
    {
        m_sandbox.clearFaults();
        m_db = std::make_unique<store::Database>();
        QVERIFY(await(m_db->open(m_dir.filePath(u"station%1.sqlite"_s.arg(++m_n)))).ok());
    }

    void cleanup() { m_db.reset(); }

    void aNewRunWaitsForANearlySpentWindowToReset_data()
    {
        QTest::addColumn<int>("remaining");
        QTest::addColumn<double>("resetSeconds");
        QTest::addColumn<qint64>("sinceAnswerMs");
        QTest::addColumn<qint64>("wait");
        // The last answer (2 s ago) left 3 requests in a window resetting 10 s after it: wait the 8 s left and a
        // quarter second more.
        QTest::newRow("nearly spent") << 3 << 10.0 << qint64(2000) << qint64(8250);
        QTest::newRow("spent") << 0 << 10.0 << qint64(0) << qint64(10250);
        QTest::newRow("as many as may be unseen") << 8 << 10.0 << qint64(0) << qint64(10250);
        QTest::newRow("enough left") << 9 << 10.0 << qint64(0) << qint64(0);
        QTest::newRow("already reset") << 0 << 10.0 << qint64(11000) << qint64(0);
        QTest::newRow("never longer than two minutes") << 0 << 3600.0 << qint64(0) << SyncEngine::kMaxWindowWaitMs;
    }
    void aNewRunWaitsForANearlySpentWindowToReset()
    {
        QFETCH(int, remaining);
        QFETCH(double, resetSeconds);
        QFETCH(qint64, sinceAnswerMs);
        QFETCH(qint64, wait);
        const QDateTime answered = QDateTime::fromString(u"2026-11-30T10:00:00.000Z"_s, Qt::ISODateWithMs);
        const QJsonObject rate { { u"time"_s, answered.toString(Qt::ISODateWithMs) }, { u"remaining"_s, remaining },
            { u"reset_seconds"_s, resetSeconds } };
        QCOMPARE(SyncEngine::windowWaitMs(rate, answered.toMSecsSinceEpoch() + sinceAnswerMs), wait);
        // What a server without rate-limit headers left, or a stored time that cannot be read: no wait.
        QJsonObject none = rate;
        none.remove(u"remaining"_s);
        QCOMPARE(SyncEngine::windowWaitMs(none, answered.toMSecsSinceEpoch()), qint64(0));
        QJsonObject garbled = rate;
        garbled.insert(u"time"_s, u"yesterday"_s);
        QCOMPARE(SyncEngine::windowWaitMs(garbled, answered.toMSecsSinceEpoch()), qint64(0));
    }

    void drainsInOrderAndStoresServerIds()
    {
        const auto a = newSession();
        const auto b = newSession();
        QStringList captures;
        for (int i = 0; i < 3; ++i) {
            captures << capture(a.id).id;
            captures << capture(b.id).id;
        }
        end(a.id);
        const auto report = drain();
        QVERIFY2(report.empty(), qPrintable(report.message));
        QCOMPARE(report.sent, 2 + 6 + 1);
        QVERIFY(report.parked.empty());
        QString status;
        QCOMPARE(onServer(u"sessions"_s, a.id, &status), 1);
        QCOMPARE(status, u"COMPLETED"_s);
        QCOMPARE(onServer(u"sessions"_s, b.id, &status), 1);
        QCOMPARE(status, u"ACTIVE"_s);
        for (const auto &c : captures) {
            QCOMPARE(onServer(u"captures"_s, c), 1);
            QVERIFY(!localServerId(u"captures"_s, c).isEmpty());
        }
        QCOMPARE(localServerId(u"sessions"_s, a.id).size(), 22); // the short id the sandbox answers
        // A second drain has nothing to do and sends nothing.
        const qint64 before = m_sandbox.stat(u"requests"_s);
        QCOMPARE(drain().sent, 0);
        QCOMPARE(m_sandbox.stat(u"requests"_s), before);
    }

    void aFailedSessionHoldsItsCapturesAndEndOnly()
    {
        const auto a = newSession();
        const auto b = newSession();
        const auto ca = capture(a.id);
        const auto cb = capture(b.id);
        end(a.id);
        // The very next write (a's create) is refused with 503 before it is processed: a's capture and end wait for
        // it, b goes on; after the backoff a goes too, in order.
        m_sandbox.faults({ { u"error_next"_s, 1 }, { u"error_next_status"_s, 503 }, { u"methods"_s, u"mutating"_s } });
        const auto report = drain();
        QVERIFY2(report.empty(), qPrintable(report.message));
        QCOMPARE(m_sandbox.stat(u"injected_errors"_s), 1);
        QString status;
        QCOMPARE(onServer(u"sessions"_s, a.id, &status), 1);
        QCOMPARE(status, u"COMPLETED"_s);
        QCOMPARE(onServer(u"captures"_s, ca.id), 1);
        QCOMPARE(onServer(u"captures"_s, cb.id), 1);
    }

    void aDroppedCaptureIsReadBackNotSentTwice()
    {
        const auto s = newSession();
        QVERIFY(drain().empty());
        const auto c1 = capture(s.id);
        const auto c2 = capture(s.id);
        // The server carries out the next capture and the connection drops before the answer.
        m_sandbox.faults({ { u"drop_next"_s, 1 }, { u"path_prefix"_s, u"/scanner/api/v1/captures"_s } });
        const qint64 dropsBefore = m_sandbox.stat(u"dropped_after_commit"_s);
        const auto report = drain();
        QVERIFY2(report.empty(), qPrintable(report.message));
        QCOMPARE(m_sandbox.stat(u"dropped_after_commit"_s) - dropsBefore, 1);
        QCOMPARE(report.foundByReadBack, 1);
        QCOMPARE(onServer(u"captures"_s, c1.id), 1);
        QCOMPARE(onServer(u"captures"_s, c2.id), 1);
        QVERIFY(!localServerId(u"captures"_s, c1.id).isEmpty());
    }

    void aDroppedEndIsTakenAsDone()
    {
        const auto s = newSession();
        capture(s.id);
        QVERIFY(drain().empty());
        end(s.id);
        m_sandbox.faults({ { u"drop_next"_s, 1 }, { u"path_prefix"_s, u"/scanner/api/v1/sessions"_s },
            { u"methods"_s, u"mutating"_s } });
        const auto report = drain();
        QVERIFY2(report.empty(), qPrintable(report.message));
        QCOMPARE(report.foundByReadBack, 1);
        QString status;
        QCOMPARE(onServer(u"sessions"_s, s.id, &status), 1);
        QCOMPARE(status, u"COMPLETED"_s);
    }

    void aRowLeftInFlightByAKillIsReadBack()
    {
        // What a kill -9 between the request and its recorded answer leaves: the server has the capture, the row is
        // in_flight. The next drain must find it, not send it again.
        const auto s = newSession();
        QVERIFY(drain().empty());
        const auto c = capture(s.id);
        QNetworkAccessManager nam;
        const QJsonObject body { { u"session_short_id"_s, localServerId(u"sessions"_s, s.id) },
            { u"capture_type"_s, u"MANUAL"_s }, { u"raw_value"_s, c.rawValue }, { u"gtin"_s, c.gtin },
            { u"metadata"_s, QJsonObject { { u"station_id"_s, c.id } } } };
        const auto sent = send(nam, "POST", m_sandbox.baseUrl().resolved(QUrl(u"/scanner/api/v1/captures"_s)),
            QJsonDocument(body).toJson(), { { "X-API-Key", m_owner.toUtf8() } });
        QCOMPARE(sent.status, 201);
        QVERIFY(await(m_db->run([id = c.id](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE outbox SET state = 'in_flight', attempts = 1 WHERE entity_id = ?"_s);
            q.addBindValue(id);
            return q.exec() && q.numRowsAffected() == 1;
        })));
        const auto report = drain();
        QVERIFY2(report.empty(), qPrintable(report.message));
        QCOMPARE(report.foundByReadBack, 1);
        QCOMPARE(report.resent, 0);
        QCOMPARE(onServer(u"captures"_s, c.id), 1);
        QCOMPARE(localServerId(u"captures"_s, c.id), sent.json().value(u"id"_s).toString());
    }

    void aRefusedRowIsParkedWithTheServersWordsAndTheRestGoesOn()
    {
        const auto s = newSession();
        const auto bad = capture(s.id, u"123456789012345678"_s); // longer than a GTIN-14: 422 on the server
        const auto good = capture(s.id);
        end(s.id);
        const auto report = drain();
        QVERIFY(!report.empty());
        QCOMPARE(report.parked.size(), std::size_t(1));
        QCOMPARE(report.parked.front().entityId, bad.id);
        QVERIFY2(report.parked.front().error.contains(u"gtin"_s), qPrintable(report.parked.front().error));
        QCOMPARE(report.remaining, 0);
        QCOMPARE(onServer(u"captures"_s, good.id), 1);
        QCOMPARE(onServer(u"captures"_s, bad.id), 0);
        QString status;
        onServer(u"sessions"_s, s.id, &status);
        QCOMPARE(status, u"COMPLETED"_s); // the end did not wait for the refused capture
        QString error;
        QCOMPARE(outboxState(u"capture"_s, bad.id, u"create"_s, &error), u"failed"_s);
        QCOMPARE(error, report.parked.front().error);

        const auto st = SyncStatus::read(m_db.get());
        QVERIFY(st.ok());
        QCOMPARE(st.value().byKind.value(u"capture create"_s).parked, 1);
        QVERIFY(st.value().lastError.value(u"message"_s).toString().contains(u"gtin"_s));
        QVERIFY(st.value().rateLimit.contains(u"remaining"_s));

        // Retry puts it back (and it is refused again); discard closes it for good.
        QCOMPARE(retryParked(m_db.get(), report.parked.front().seq).value(), 1);
        QCOMPARE(outboxState(u"capture"_s, bad.id, u"create"_s), u"pending"_s);
        QCOMPARE(drain().parked.size(), std::size_t(1));
        QVERIFY(discardParked(m_db.get(), report.parked.front().seq).ok());
        QVERIFY(drain().empty());
        QVERIFY(!discardParked(m_db.get(), report.parked.front().seq).ok());
    }

    void aReadOnlyKeyIsRefusedWith403AndTheRowsWait()
    {
        const QString viewer = m_sandbox.newKey({ { u"prefix"_s, u"cpk"_s }, { u"org"_s, u"Acme Foods"_s } });
        const auto s = newSession();
        capture(s.id);
        const auto report = drain(viewer, fast());
        QCOMPARE(report.parked.size(), std::size_t(1));
        QCOMPARE(report.parked.front().entity, u"session"_s);
        QVERIFY2(!report.parked.front().error.isEmpty(), "the server's words reach the person");
        QCOMPARE(report.remaining, 1); // the capture waits for its session
        QCOMPARE(report.stopReason, u"waiting"_s);
        QCOMPARE(onServer(u"sessions"_s, s.id), 0);
    }

    void aRefusedKeyStopsWithTheReason_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("words");
        const QString body = u"Zq8Xw2Lm4Np6Rt8Vb0Cd2Fg4Hj6Kl8Mn"_s;
        QTest::newRow("unknown") << u"csb_"_s + body + u'_' + crc32Hex(body.toUtf8()) << u"key"_s;
        QTest::newRow("expired") << m_sandbox.newKey({ { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s },
            { u"expires_at"_s, u"2020-01-01T00:00:00Z"_s } })
                                 << u"expired"_s;
        QTest::newRow("revoked") << m_sandbox.newKey(
            { { u"prefix"_s, u"csb"_s }, { u"org"_s, u"Acme Foods"_s }, { u"is_active"_s, false } })
                                 << u"key"_s;
    }

    void aRefusedKeyStopsWithTheReason()
    {
        QFETCH(QString, key);
        QFETCH(QString, words);
        const auto s = newSession();
        const auto report = drain(key, fast());
        QCOMPARE(report.stopReason, u"unauthorized"_s);
        QVERIFY2(report.message.contains(words, Qt::CaseInsensitive), qPrintable(report.message));
        QVERIFY2(!report.message.contains(key), "the key is never repeated");
        QVERIFY(report.parked.empty());
        QCOMPARE(outboxState(u"session"_s, s.id, u"create"_s), u"pending"_s);
        // With a good key it goes.
        QVERIFY(drain().empty());
    }

    void noServerMeansOfflineAndNothingLost()
    {
        const auto s = newSession();
        capture(s.id);
        // A port nobody listens on: nothing reaches a server, the drain ends as offline, every row still pending.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        DrainReport report;
        {
            SyncThread thread;
            auto *http = new HttpClient;
            http->setAccount(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), m_owner);
            thread.adopt(http);
            auto *engine = new SyncEngine(m_db.get(), http, fast());
            thread.adopt(engine);
            QEventLoop loop;
            QObject::connect(
                engine, &SyncEngine::finished, &loop,
                [&](const DrainReport &r) {
                    report = r;
                    loop.quit();
                },
                Qt::QueuedConnection);
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            QMetaObject::invokeMethod(engine, [engine] { engine->start(true); });
            loop.exec();
        }
        QCOMPARE(report.stopReason, u"offline"_s);
        QVERIFY2(report.message.contains(u"cannot be reached"_s), qPrintable(report.message));
        QCOMPARE(report.remaining, 2);
        QCOMPARE(outboxState(u"session"_s, s.id, u"create"_s), u"pending"_s);
        QVERIFY(drain().empty()); // and when the server is there, it goes
    }

    void aPullBringsBackWhatTheServerMadeOfTheCaptures()
    {
        const auto s = newSession();
        const auto c = capture(s.id); // trail mix, a catalog product of the sandbox
        QVERIFY(drain(m_owner, fast(true)).empty());
        QTest::qWait(800); // the sandbox walks the pipeline at 100 ms a step
        QVERIFY(drain(m_owner, fast(true)).empty());
        const auto row = await(m_db->run([id = c.id](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(
                u"SELECT status, product_name, processed_at, (SELECT count(*) FROM capture_status_history h "
                u"WHERE h.capture_id = c.id), (SELECT count(*) FROM capture_proposals p WHERE p.capture_id = c.id), "
                u"(SELECT product_name FROM products WHERE gtin = c.gtin), "
                u"(SELECT data FROM freshness_thresholds WHERE gtin = c.gtin) FROM captures c WHERE id = ?"_s);
            q.addBindValue(id);
            q.exec();
            q.next();
            return QVariantList { q.value(0), q.value(1), q.value(2), q.value(3), q.value(4), q.value(5), q.value(6) };
        }));
        QCOMPARE(row[0].toString(), u"COMPLETED"_s);
        QVERIFY(!row[1].toString().isEmpty());
        QVERIFY(!row[2].toString().isEmpty());
        QVERIFY(row[3].toInt() >= 2); // PENDING (when sent or first seen) and COMPLETED at least
        QVERIFY(row[4].toInt() >= 1);
        QCOMPARE(row[5].toString(), row[1].toString());
        QVERIFY(row[6].toString().contains(u"warningDays"_s));

        // A decision taken here and not yet sent survives the next pull.
        QVERIFY(await(m_db->run([id = c.id](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE capture_proposals SET status = 'ACCEPTED', decided = '2026-01-01T00:00:00.000Z' "
                      u"WHERE capture_id = ?"_s);
            q.addBindValue(id);
            return q.exec();
        })));
        QVERIFY(await(m_db->run([](QSqlDatabase &db) {
            return QSqlQuery(db).exec(u"UPDATE captures SET status = 'ENRICHING'"_s); // make it ask again
        })));
        QVERIFY(drain(m_owner, fast(true)).empty());
        const auto kept = await(m_db->run([id = c.id](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"SELECT count(*) FROM capture_proposals WHERE capture_id = ? AND status = 'ACCEPTED' "
                      u"AND server_status = 'PENDING'"_s);
            q.addBindValue(id);
            q.exec();
            return q.next() ? q.value(0).toInt() : -1;
        }));
        QVERIFY(kept >= 1);
    }

    void aPullKeepsAProductEditedHere()
    {
        // The product is named at the station before Closient is asked: the pull stores Closient's values beside
        // the edit, the edit stays shown, and clearing it shows Closient's.
        const QString gtin = u"00012345600012"_s;
        store::ProductRepository products(m_db.get());
        const auto edit = store::ProductRepository::checkEdit(gtin, u"Trail mix, house blend"_s, u"Our shop"_s);
        QVERIFY(edit.ok());
        QVERIFY(await(products.setLocal(edit.value())).ok());
        const auto s = newSession();
        capture(s.id, gtin);
        QVERIFY(drain(m_owner, fast(true)).empty());
        QTest::qWait(800); // the sandbox walks the pipeline at 100 ms a step
        QVERIFY(drain(m_owner, fast(true)).empty());
        const auto p = await(products.product(gtin));
        QVERIFY(p.ok());
        QCOMPARE(p->name, u"Trail mix, house blend"_s);
        QCOMPARE(p->brand, u"Our shop"_s);
        QVERIFY(p->isEdited());
        QVERIFY2(p->fromClosient && !p->serverName.isEmpty(), "the pull stored Closient's values");
        QVERIFY(p->serverName != p->name);
        const auto cleared = await(products.clearLocal(gtin));
        QVERIFY(cleared.ok());
        QCOMPARE(cleared->name, p->serverName);
        QCOMPARE(cleared->brand, p->serverBrand);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
