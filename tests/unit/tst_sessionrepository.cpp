// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturerepository.h"
#include "captureservice.h"
#include "database.h"
#include "outbox.h"
#include "sessionrepository.h"
#include "settingsrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::store;
using closient::test::await;

class TestSessionRepository : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>();
        QVERIFY(await(m_db->open(m_dir.filePath(u"s%1.sqlite"_s.arg(++m_n)))).ok());
    }
    void cleanup() { m_db.reset(); }

    void createListEnd()
    {
        SessionRepository repo(m_db.get());
        QSignalSpy changed(m_db.get(), &Database::sessionChanged);
        auto created = await(repo.create(u"both"_s, { { u"dock"_s, u"3"_s } }));
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        const auto s = created.value();
        QCOMPARE(s.status, u"ACTIVE"_s);
        QCOMPARE(s.captureMode, u"both"_s);
        QCOMPARE(s.metadata.value(u"dock"_s).toString(), u"3"_s);
        QCOMPARE(s.captureCount, 0);
        QCOMPARE(s.photoCount, 0);
        QVERIFY(s.created.isValid());
        QCOMPARE(changed.count(), 1); // the write announces which session it changed
        QCOMPARE(changed.first().at(0).toString(), s.id);

        auto second = await(repo.create(u"barcode_scan"_s, {})).value();
        const auto all = await(repo.list());
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all.front().id, second.id); // most recently active first

        auto ended = await(repo.end(s.id));
        QVERIFY(ended.ok());
        QCOMPARE(ended.value().status, u"COMPLETED"_s);
        QVERIFY(ended.value().ended.isValid());
        auto again = await(repo.end(s.id));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"not_active"_s);
        QCOMPARE(await(repo.list(u"ACTIVE"_s)).size(), size_t(1));

        // every mutation the server must hear about is in the outbox, in order
        OutboxRepository outbox(m_db.get());
        const auto pending = await(outbox.pending());
        QCOMPARE(pending.size(), size_t(3));
        QVERIFY(pending[0].op == OutboxOp::Create);
        QVERIFY(pending[0].entity == OutboxEntity::Session);
        QCOMPARE(pending[0].payload.value(u"capture_mode"_s).toString(), u"both"_s);
        QVERIFY(pending[2].op == OutboxOp::End);
        QCOMPARE(pending[2].entityId, s.id);
        QVERIFY(pending[0].idempotencyKey != pending[1].idempotencyKey);
    }

    void invalidInputIsRefused()
    {
        SessionRepository repo(m_db.get());
        auto badMode = await(repo.create(u"video"_s, {}));
        QVERIFY(!badMode.ok());
        QVERIFY(badMode.error().message.contains(u"barcode_scan"_s));
        auto badMeta = await(repo.create(u"barcode_scan"_s, { { QString(41, u'k'), u"v"_s } }));
        QVERIFY(!badMeta.ok());
        QCOMPARE(await(repo.list()).size(), size_t(0)); // nothing half-written
        QCOMPARE(await(OutboxRepository(m_db.get()).pendingCount()), 0);
        QCOMPARE(await(repo.get(u"nope"_s)).error().code, u"not_found"_s);
    }

    void metadataMergeRules()
    {
        SessionRepository repo(m_db.get());
        const auto id = await(repo.create(u"barcode_scan"_s, { { u"a"_s, u"1"_s }, { u"b"_s, u"2"_s } })).value().id;
        auto r = await(repo.updateMetadata(id, QJsonObject { { u"a"_s, u""_s }, { u"c"_s, u"3"_s } }));
        QVERIFY(r.ok());
        QCOMPARE(r.value().metadata, (QJsonObject { { u"b"_s, u"2"_s }, { u"c"_s, u"3"_s } }));
        auto bad = await(repo.updateMetadata(id, QJsonObject { { u"d"_s, QString(501, u'x') } }));
        QVERIFY(!bad.ok());
        QCOMPARE(await(repo.get(id)).value().metadata, (QJsonObject { { u"b"_s, u"2"_s }, { u"c"_s, u"3"_s } }));
        QVERIFY(await(repo.updateMetadata(id, QJsonObject {})).value().metadata.isEmpty());
    }

    void summaryForEndingASession()
    {
        SessionRepository repo(m_db.get());
        const auto id = await(repo.create(u"barcode_scan"_s, {})).value().id;
        const auto other = await(repo.create(u"barcode_scan"_s, {})).value().id;
        CaptureService service(m_db.get());
        const auto submit = [&](const QString &session, const QString &raw, const QString &type) {
            CaptureRequest r;
            r.sessionId = session;
            r.rawValue = raw;
            r.captureType = type;
            return await(service.submit(r));
        };
        const auto first = submit(id, u"4006381333931"_s, u"BARCODE"_s);
        QVERIFY(first.captured);
        QVERIFY(submit(id, u"4006381333931"_s, u"BARCODE"_s).captured); // the same GTIN again
        QVERIFY(submit(id, u"(01)09506000134352(21)A"_s, u"MANUAL"_s).captured);
        const auto mistake = submit(id, u"96385074"_s, u"BARCODE"_s);
        QVERIFY(mistake.captured);
        const auto last = submit(id, u"INTERNAL-SKU-77"_s, u"MANUAL"_s);
        QVERIFY(last.captured);
        QVERIFY(!submit(id, u"(01)09506000134353"_s, u"BARCODE"_s).captured); // refused: check digit
        QVERIFY(submit(other, u"96385074"_s, u"BARCODE"_s).captured); // another session's
        QVERIFY(await(CaptureRepository(m_db.get()).voidCapture(mistake.capture.id, u"Scanned by mistake"_s, u"ana"_s))
                    .ok());

        const auto r = await(repo.summary(id));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        const auto &s = r.value();
        QCOMPARE(s.status, u"ACTIVE"_s);
        QCOMPARE(s.captures, 4);
        QCOMPARE(s.voided, 1);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.barcode, 2);
        QCOMPARE(s.manual, 2);
        QCOMPARE(s.image, 0);
        QCOMPARE(s.distinctGtins, 2); // 04006381333931 and 09506000134352; the voided one and plain text do not count
        QCOMPARE(s.first, first.capture.created);
        QCOMPARE(s.last, last.capture.created);
        QCOMPARE(s.toJson().value(u"by_type"_s).toObject().value(u"MANUAL"_s).toInt(), 2);
        QCOMPARE(await(repo.summary(u"nope"_s)).error().code, u"not_found"_s);
    }

    void idleSessionsExpire()
    {
        SessionRepository repo(m_db.get());
        SettingsRepository settings(m_db.get());
        const auto idle = await(repo.create(u"barcode_scan"_s, {})).value().id;
        const auto busy = await(repo.create(u"barcode_scan"_s, {})).value().id;
        QVERIFY(await(settings.setValue(u"session_ttl_minutes"_s, 30)).ok());
        // the idle one was last active an hour ago
        await(m_db->run([idle](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE sessions SET last_activity = ? WHERE id = ?"_s);
            q.addBindValue(QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs));
            q.addBindValue(idle);
            return q.exec();
        }));
        QCOMPARE(await(repo.expireIdle()), 1);
        QCOMPARE(await(repo.get(idle)).value().status, u"EXPIRED"_s);
        QCOMPARE(await(repo.get(busy)).value().status, u"ACTIVE"_s);
        QCOMPARE(await(repo.end(idle)).error().code, u"not_active"_s);
    }
};

QTEST_GUILESS_MAIN(TestSessionRepository)
#include "tst_sessionrepository.moc"
