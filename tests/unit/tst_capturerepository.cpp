// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Voiding a capture and correcting a typed one: nothing is lost, the counts follow, the outbox says what happened.
#include "capturerepository.h"
#include "captureservice.h"
#include "database.h"
#include "outbox.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::store;
using closient::test::await;

class TestCaptureRepository : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_session;
    int m_n = 0;

    Capture capture(const QString &raw, const QString &type = u"MANUAL"_s)
    {
        CaptureRequest r;
        r.sessionId = m_session;
        r.rawValue = raw;
        r.captureType = type;
        r.source = u"test"_s;
        const auto out = await(CaptureService(m_db.get()).submit(r));
        return out.captured ? out.capture : Capture {};
    }

    std::vector<OutboxEntry> outboxFor(const QString &captureId)
    {
        std::vector<OutboxEntry> out;
        for (auto &e : await(OutboxRepository(m_db.get()).pending())) {
            if (e.entity == OutboxEntity::Capture && e.entityId == captureId)
                out.push_back(e);
        }
        return out;
    }

    void setOutboxState(const QString &captureId, const QString &state, int attempts)
    {
        QVERIFY(await(m_db->run([=](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE outbox SET state = ?, attempts = ? WHERE entity_id = ? AND op = 'create'"_s);
            q.addBindValue(state);
            q.addBindValue(attempts);
            q.addBindValue(captureId);
            return q.exec() && q.numRowsAffected() == 1;
        })));
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>();
        QVERIFY(await(m_db->open(m_dir.filePath(u"r%1.sqlite"_s.arg(++m_n)))).ok());
        m_session = await(SessionRepository(m_db.get()).create(u"barcode_scan"_s, {})).value().id;
    }
    void cleanup() { m_db.reset(); }

    void aVoidedCaptureIsKeptMarkedAndLeavesTheCounts()
    {
        const auto a = capture(u"4006381333931"_s, u"BARCODE"_s);
        const auto b = capture(u"96385074"_s, u"BARCODE"_s);
        QVERIFY(!a.id.isEmpty() && !b.id.isEmpty());
        CaptureRepository repo(m_db.get());
        QSignalSpy captureChanged(m_db.get(), &Database::captureChanged);
        QSignalSpy sessionChanged(m_db.get(), &Database::sessionChanged);

        const auto voided = await(repo.voidCapture(a.id, u"Wrong item"_s, u"ana"_s));
        QVERIFY2(voided.ok(), qPrintable(voided.error().message));
        QVERIFY(voided.value().isVoided());
        QCOMPARE(voided.value().voidReason, u"Wrong item"_s);
        QCOMPARE(voided.value().voidedBy, u"ana"_s);
        QCOMPARE(voided.value().rawValue, a.rawValue); // kept as it was
        // The void announces the capture as it is now, and the session whose counts changed.
        QCOMPARE(captureChanged.count(), 1);
        const auto announced = captureChanged.first().at(0).value<Capture>();
        QCOMPARE(announced.id, a.id);
        QVERIFY(announced.isVoided());
        QCOMPARE(sessionChanged.count(), 1);
        QCOMPARE(sessionChanged.first().at(0).toString(), m_session);

        const auto listed = await(repo.forSession(m_session));
        QCOMPARE(listed.size(), size_t(2)); // still listed, marked
        QCOMPARE(std::count_if(listed.begin(), listed.end(), [](const Capture &c) { return c.isVoided(); }), 1);
        const auto session = await(SessionRepository(m_db.get()).get(m_session)).value();
        QCOMPARE(session.captureCount, 1);
        QCOMPARE(session.voidedCount, 1);

        // Written with the void, in the same transaction: what happened, for the sync layer to decide on.
        const auto rows = outboxFor(a.id);
        QCOMPARE(rows.size(), size_t(2));
        QVERIFY(rows[1].op == OutboxOp::Void); // what happened; the sync layer decides what Closient hears
        QCOMPARE(rows[1].payload.value(u"reason"_s).toString(), u"Wrong item"_s);
        QCOMPARE(rows[1].payload.value(u"voided_by"_s).toString(), u"ana"_s);
        QVERIFY(!rows[1].payload.value(u"station_id"_s).toString().isEmpty());
        QVERIFY(QDateTime::fromString(rows[1].payload.value(u"voided_at"_s).toString(), Qt::ISODateWithMs).isValid());

        // A void is final.
        const auto again = await(repo.voidCapture(a.id, u"Duplicate"_s, u"bo"_s));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"already_voided"_s);
        QVERIFY2(again.error().message.contains(u"Wrong item"_s), qPrintable(again.error().message));
        QCOMPARE(await(repo.get(a.id)).value().voidReason, u"Wrong item"_s);
        QCOMPARE(outboxFor(a.id).size(), size_t(2));
        QCOMPARE(await(repo.voidCapture(u"nope"_s, u"Duplicate"_s, u"bo"_s)).error().code, u"not_found"_s);
    }

    void voidReasonsComeFromOneList()
    {
        QCOMPARE(captureVoidReasons(),
            QStringList({ u"Scanned by mistake"_s, u"Wrong item"_s, u"Duplicate"_s, u"Damaged label"_s, u"Other"_s }));
        QCOMPARE(normalizeVoidReason(u"  wrong   item "_s).value(), u"Wrong item"_s);
        QCOMPARE(normalizeVoidReason(u"other: smudged"_s).value(), u"Other: smudged"_s);
        QCOMPARE(normalizeVoidReason(u"label fell off"_s).value(), u"Other: label fell off"_s);
        QCOMPARE(normalizeVoidReason(u"Other"_s).error().code, u"invalid"_s);
        QCOMPARE(normalizeVoidReason(QString(300, u'x')).error().code, u"invalid"_s);

        const auto c = capture(u"4006381333931"_s);
        CaptureRepository repo(m_db.get());
        const auto empty = await(repo.voidCapture(c.id, u"  "_s, u"ana"_s));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, u"invalid"_s);
        QVERIFY2(empty.error().message.contains(u"Scanned by mistake"_s), qPrintable(empty.error().message));
        QVERIFY(!await(repo.get(c.id)).value().isVoided());
        QCOMPARE(outboxFor(c.id).size(), size_t(1));
        QCOMPARE(await(repo.voidCapture(c.id, u"smudged"_s, u"ana"_s)).value().voidReason, u"Other: smudged"_s);
    }

    void aCaptureOfAnEndedSessionMayBeVoided()
    {
        const auto c = capture(u"4006381333931"_s);
        QVERIFY(await(SessionRepository(m_db.get()).end(m_session)).ok());
        const auto r = await(CaptureRepository(m_db.get()).voidCapture(c.id, u"Duplicate"_s, u"ana"_s));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(await(SessionRepository(m_db.get()).get(m_session)).value().captureCount, 0);
    }

    void aTypedCaptureIsCorrectedBeforeItIsSent()
    {
        const auto c = capture(u"4006381333931"_s);
        CaptureRepository repo(m_db.get());
        QSignalSpy changed(m_db.get(), &Database::captureChanged);
        const auto edited = await(repo.editManual(c.id, u"(01)09506000134352(10)L1"_s, u"ana"_s));
        QVERIFY2(edited.ok(), qPrintable(edited.error().message));
        QCOMPARE(edited.value().rawValue, u"(01)09506000134352(10)L1"_s);
        QCOMPARE(edited.value().gtin, u"09506000134352"_s);
        QCOMPARE(edited.value().lot, u"L1"_s);
        QCOMPARE(edited.value().originalRawValue, u"4006381333931"_s);
        QVERIFY(edited.value().isEdited());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<Capture>().rawValue, u"(01)09506000134352(10)L1"_s);
        // The waiting create row sends the corrected value.
        const auto rows = outboxFor(c.id);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].payload.value(u"raw_value"_s).toString(), u"(01)09506000134352(10)L1"_s);
        QCOMPARE(rows[0].payload.value(u"gtin"_s).toString(), u"09506000134352"_s);
        QCOMPARE(rows[0].payload.value(u"capture_type"_s).toString(), u"MANUAL"_s);

        // A second correction keeps the first value as the original, and every step in the history.
        const auto twice = await(repo.editManual(c.id, u"https://id.gs1.org/01/09506000134352/10/L2"_s, u"bo"_s));
        QVERIFY2(twice.ok(), qPrintable(twice.error().message));
        QCOMPARE(twice.value().originalRawValue, u"4006381333931"_s);
        QCOMPARE(outboxFor(c.id)[0].payload.value(u"gs1_dl_data"_s).toObject().value(u"10"_s).toString(), u"L2"_s);
        const auto history = await(m_db->run([id = c.id](QSqlDatabase &db) {
            QStringList steps;
            QSqlQuery q(db);
            q.prepare(u"SELECT previous_raw_value, new_raw_value, edited_by FROM capture_edits WHERE capture_id = ? "
                      u"ORDER BY id"_s);
            q.addBindValue(id);
            q.exec();
            while (q.next())
                steps << q.value(0).toString() + u" > "_s + q.value(1).toString() + u" by "_s + q.value(2).toString();
            return steps;
        }));
        QCOMPARE(history,
            QStringList({ u"4006381333931 > (01)09506000134352(10)L1 by ana"_s,
                u"(01)09506000134352(10)L1 > https://id.gs1.org/01/09506000134352/10/L2 by bo"_s }));
        QCOMPARE(await(SessionRepository(m_db.get()).get(m_session)).value().captureCount, 1);
    }

    void aRefusedCorrectionLeavesTheCaptureAsItWas_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("check digit") << u"(01)09506000134353"_s << u"invalid"_s;
        QTest::newRow("too long") << QString(501, u'7') << u"too_long"_s;
        QTest::newRow("empty") << u"   "_s << u"empty"_s;
    }

    void aRefusedCorrectionLeavesTheCaptureAsItWas()
    {
        QFETCH(QString, value);
        QFETCH(QString, code);
        const auto c = capture(u"4006381333931"_s);
        const auto r = await(CaptureRepository(m_db.get()).editManual(c.id, value));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        const auto now = await(CaptureRepository(m_db.get()).get(c.id)).value();
        QCOMPARE(now.rawValue, u"4006381333931"_s);
        QVERIFY(!now.isEdited());
        QCOMPARE(outboxFor(c.id)[0].payload.value(u"raw_value"_s).toString(), u"4006381333931"_s);
    }

    void onlyAnUnsentTypedCaptureCanBeCorrected()
    {
        CaptureRepository repo(m_db.get());
        const auto scanned = capture(u"4006381333931"_s, u"BARCODE"_s);
        QCOMPARE(await(repo.editManual(scanned.id, u"96385074"_s)).error().code, u"not_editable"_s);

        const auto voided = capture(u"4006381333931"_s);
        QVERIFY(await(repo.voidCapture(voided.id, u"Duplicate"_s, u"ana"_s)).ok());
        QCOMPARE(await(repo.editManual(voided.id, u"96385074"_s)).error().code, u"not_editable"_s);

        // Once the sync layer has taken (or tried) the create row, Closient may have it.
        for (const auto &[state, attempts] : { std::pair { u"in_flight"_s, 1 }, std::pair { u"done"_s, 1 },
                 std::pair { u"pending"_s, 1 }, std::pair { u"failed"_s, 3 } }) {
            const auto sent = capture(u"4006381333931"_s);
            setOutboxState(sent.id, state, attempts);
            const auto r = await(repo.editManual(sent.id, u"96385074"_s));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, u"already_sent"_s);
            QVERIFY2(r.error().message.contains(u"already sent to Closient: void it and capture it again"_s),
                qPrintable(r.error().message));
            QCOMPARE(await(repo.get(sent.id)).value().rawValue, u"4006381333931"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestCaptureRepository)
#include "tst_capturerepository.moc"
