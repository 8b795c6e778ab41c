// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox records what happened in the station's terms; the sync layer alone turns it into Closient's requests.
#include "capturerepository.h"
#include "captureservice.h"
#include "database.h"
#include "outbox.h"
#include "restmapping.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::store;
using closient::test::await;

class TestRestMapping : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QHash<QString, QString> m_serverIds; // local session id -> the server's short id

    sync::ServerIdLookup lookup()
    {
        return [this](OutboxEntity entity, const QString &id) {
            Q_UNUSED(entity);
            return m_serverIds.value(id);
        };
    }

    std::vector<OutboxEntry> outbox() { return await(OutboxRepository(m_db.get()).pending()); }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>();
        QVERIFY(await(
            m_db->open(m_dir.filePath(u"sync-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())))))
                    .ok());
        m_serverIds.clear();
    }

    void sessionOperationsBecomeTheScannerApi()
    {
        SessionRepository sessions(m_db.get());
        const auto s = await(sessions.create(u"both"_s, QJsonObject { { u"name"_s, u"Dock 3"_s } })).value();
        QVERIFY(await(sessions.updateMetadata(s.id, QJsonObject { { u"dock"_s, u"4"_s } })).ok());
        QVERIFY(await(sessions.end(s.id)).ok());
        const auto rows = outbox();
        QCOMPARE(rows.size(), size_t(3));

        const auto create = sync::toRestCall(rows[0], lookup());
        QVERIFY(create.ok());
        QCOMPARE(create.value().method, QByteArray("POST"));
        QCOMPARE(create.value().path, u"/scanner/api/v1/sessions"_s);
        QCOMPARE(create.value().body.value(u"capture_mode"_s).toString(), u"both"_s);
        QCOMPARE(create.value().body.value(u"metadata"_s).toObject().value(u"name"_s).toString(), u"Dock 3"_s);

        // The later operations name the session by the server's id: until it has one they wait.
        for (const auto &row : { rows[1], rows[2] }) {
            const auto waiting = sync::toRestCall(row, lookup());
            QVERIFY(!waiting.ok());
            QCOMPARE(waiting.error().code, u"waiting"_s);
            QVERIFY(waiting.error().retryable);
        }
        m_serverIds.insert(s.id, u"Hk3vQ8sT2mPzLw9xNc4bRa"_s);
        const auto meta = sync::toRestCall(rows[1], lookup());
        QVERIFY(meta.ok());
        QCOMPARE(meta.value().method, QByteArray("PATCH"));
        QCOMPARE(meta.value().path, u"/scanner/api/v1/sessions/Hk3vQ8sT2mPzLw9xNc4bRa"_s);
        QCOMPARE(meta.value().body, (QJsonObject { { u"metadata"_s, QJsonObject { { u"dock"_s, u"4"_s } } } }));
        const auto end = sync::toRestCall(rows[2], lookup());
        QVERIFY(end.ok());
        QCOMPARE(end.value().method, QByteArray("POST"));
        QCOMPARE(end.value().path, u"/scanner/api/v1/sessions/Hk3vQ8sT2mPzLw9xNc4bRa/end"_s);
        QVERIFY(end.value().body.isEmpty());
    }

    void captureNamesItsSessionByTheServersId()
    {
        const auto s = await(SessionRepository(m_db.get()).create(u"barcode_scan"_s, {})).value();
        CaptureRequest r;
        r.sessionId = s.id;
        r.rawValue = u"https://id.gs1.org/01/09506000134352/10/L2"_s;
        r.captureType = u"BARCODE"_s;
        r.source = u"test"_s;
        const auto out = await(CaptureService(m_db.get()).submit(r));
        QVERIFY2(out.captured, qPrintable(out.reason));
        const auto rows = outbox();
        QCOMPARE(rows.size(), size_t(2));
        QVERIFY(rows[1].entity == OutboxEntity::Capture && rows[1].op == OutboxOp::Create);
        QCOMPARE(rows[1].payload.value(u"session_id"_s).toString(), s.id); // the store speaks of its own ids

        QCOMPARE(sync::toRestCall(rows[1], lookup()).error().code, u"waiting"_s);
        m_serverIds.insert(s.id, u"Q7nB2cX9vL4kM8pR3sT6wY"_s);
        const auto call = sync::toRestCall(rows[1], lookup());
        QVERIFY(call.ok());
        QCOMPARE(call.value().method, QByteArray("POST"));
        QCOMPARE(call.value().path, u"/scanner/api/v1/captures"_s);
        const auto body = call.value().body;
        QCOMPARE(body.value(u"session_short_id"_s).toString(), u"Q7nB2cX9vL4kM8pR3sT6wY"_s);
        QVERIFY(!body.contains(u"session_id"_s));
        QCOMPARE(body.value(u"capture_type"_s).toString(), u"BARCODE"_s);
        QCOMPARE(body.value(u"raw_value"_s).toString(), r.rawValue);
        QCOMPARE(body.value(u"gtin"_s).toString(), u"09506000134352"_s);
        QCOMPARE(body.value(u"gs1_dl_data"_s).toObject().value(u"10"_s).toString(), u"L2"_s);
    }

    void voidHasNoEndpointAndIsHeld()
    {
        const auto s = await(SessionRepository(m_db.get()).create(u"barcode_scan"_s, {})).value();
        CaptureRequest r;
        r.sessionId = s.id;
        r.rawValue = u"4006381333931"_s;
        r.source = u"test"_s;
        const auto out = await(CaptureService(m_db.get()).submit(r));
        QVERIFY(out.captured);
        QVERIFY(await(CaptureRepository(m_db.get()).voidCapture(out.capture.id, u"Duplicate"_s, u"tester"_s)).ok());
        const auto rows = outbox();
        QVERIFY(rows.back().op == OutboxOp::Void);
        QCOMPARE(rows.back().payload.value(u"reason"_s).toString(), u"Duplicate"_s);
        m_serverIds.insert(s.id, u"Z1"_s);
        const auto call = sync::toRestCall(rows.back(), lookup());
        QVERIFY(!call.ok());
        QCOMPARE(call.error().code, u"no_endpoint"_s);
        QVERIFY(!call.error().retryable);
    }

    void captureWithoutSessionIsInvalid()
    {
        const auto e = OutboxEntry::make(OutboxEntity::Capture, u"c1"_s, OutboxOp::Create,
            { { u"raw_value"_s, u"x"_s }, { u"capture_type"_s, u"MANUAL"_s } });
        const auto call = sync::toRestCall(e, lookup());
        QVERIFY(!call.ok());
        QCOMPARE(call.error().code, u"invalid"_s);
    }

    void proposalDecisionsAndApplyReachTheEnrichmentApi()
    {
        const auto accept = OutboxEntry::make(OutboxEntity::Proposal, u"6f1c2a34-0000-4000-8000-00000000abcd"_s,
            OutboxOp::Decide, { { u"status"_s, u"ACCEPTED"_s } });
        auto call = sync::toRestCall(accept, lookup());
        QVERIFY(call.ok());
        QCOMPARE(call.value().method, QByteArray("PATCH"));
        QCOMPARE(call.value().path, u"/scanner/api/v1/proposals/6f1c2a34-0000-4000-8000-00000000abcd"_s);
        QCOMPARE(call.value().body, QJsonObject({ { u"status"_s, u"ACCEPTED"_s } }));
        // PENDING cannot be set on the server.
        const auto pending
            = OutboxEntry::make(OutboxEntity::Proposal, u"p2"_s, OutboxOp::Decide, { { u"status"_s, u"PENDING"_s } });
        QCOMPARE(sync::toRestCall(pending, lookup()).error().code, u"invalid"_s);

        // Apply waits for the capture's server id, then posts to it.
        const auto apply = OutboxEntry::make(OutboxEntity::Capture, u"local-c"_s, OutboxOp::Apply);
        call = sync::toRestCall(apply, lookup());
        QCOMPARE(call.error().code, u"waiting"_s);
        QVERIFY(call.error().retryable);
        m_serverIds.insert(u"local-c"_s, u"C5"_s);
        call = sync::toRestCall(apply, lookup());
        QVERIFY(call.ok());
        QCOMPARE(call.value().method, QByteArray("POST"));
        QCOMPARE(call.value().path, u"/scanner/api/v1/captures/C5/apply"_s);
    }

    void epcisEventsPostTheirDocument()
    {
        const QJsonObject document { { u"type"_s, u"EPCISDocument"_s }, { u"schemaVersion"_s, u"2.0"_s } };
        const auto e
            = OutboxEntry::make(OutboxEntity::EpcisEvent, u"e1"_s, OutboxOp::Create, { { u"document"_s, document } });
        const auto call = sync::toRestCall(e, lookup());
        QVERIFY(call.ok());
        QCOMPARE(call.value().path, u"/epcis/api/2.0/capture"_s);
        QCOMPARE(call.value().body, document);
        const auto empty = OutboxEntry::make(OutboxEntity::EpcisEvent, u"e2"_s, OutboxOp::Create);
        QCOMPARE(sync::toRestCall(empty, lookup()).error().code, u"invalid"_s);
    }

    void namesRoundTrip()
    {
        for (auto entity :
            { OutboxEntity::Session, OutboxEntity::Capture, OutboxEntity::Proposal, OutboxEntity::EpcisEvent })
            QVERIFY(outboxEntityFromName(outboxEntityName(entity)) == entity);
        for (auto op : { OutboxOp::Create, OutboxOp::End, OutboxOp::UpdateMetadata, OutboxOp::Void, OutboxOp::Decide,
                 OutboxOp::Apply })
            QVERIFY(outboxOpFromName(outboxOpName(op)) == op);
        QVERIFY(!outboxOpFromName(u"POST").has_value());
    }
};

QTEST_GUILESS_MAIN(TestRestMapping)
#include "tst_restmapping.moc"
