// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturerepository.h"
#include "captureservice.h"
#include "database.h"
#include "outbox.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::store;
using closient::test::await;

class TestCaptureService : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_session;
    int m_n = 0;

    CaptureOutcome submit(const QString &raw, const QString &type = u"MANUAL"_s, const QString &symbology = {})
    {
        CaptureService service(m_db.get());
        CaptureRequest r;
        r.sessionId = m_session;
        r.rawValue = raw;
        r.captureType = type;
        r.symbologyId = symbology;
        r.source = u"test"_s;
        return await(service.submit(r));
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>();
        QVERIFY(await(m_db->open(m_dir.filePath(u"c%1.sqlite"_s.arg(++m_n)))).ok());
        m_session = await(SessionRepository(m_db.get()).create(u"barcode_scan"_s, {})).value().id;
    }
    void cleanup() { m_db.reset(); }

    void validCodeIsCapturedWithItsOutboxRow()
    {
        const auto out = submit(u"(01)09506000134352(17)201225(10)ABC123(21)XYZ"_s);
        QVERIFY2(out.captured, qPrintable(out.reason));
        QCOMPARE(out.capture.gtin, u"09506000134352"_s);
        QCOMPARE(out.capture.lot, u"ABC123"_s);
        QCOMPARE(out.capture.serial, u"XYZ"_s);
        QCOMPARE(out.capture.expiry, u"2020-12-25"_s);
        QCOMPARE(out.capture.status, u"PENDING"_s);
        QCOMPARE(out.capture.captureType, u"MANUAL"_s);
        QCOMPARE(out.capture.gs1.value(u"valid"_s).toBool(), true);

        const auto pending = await(OutboxRepository(m_db.get()).pending());
        const auto it = std::find_if(pending.begin(), pending.end(),
            [&](const OutboxEntry &e) { return e.entity == OutboxEntity::Capture && e.entityId == out.capture.id; });
        QVERIFY(it != pending.end());
        QCOMPARE(it->payload.value(u"gtin"_s).toString(), u"09506000134352"_s);
        QCOMPARE(it->payload.value(u"capture_type"_s).toString(), u"MANUAL"_s);
        QVERIFY(it->op == OutboxOp::Create);
        QCOMPARE(it->payload.value(u"session_id"_s).toString(), m_session); // the local id; sync maps it

        const auto session = await(SessionRepository(m_db.get()).get(m_session)).value();
        QCOMPARE(session.captureCount, 1);
    }

    void symbologyIdentifierIsSplitOff()
    {
        const QString gs(QChar(0x1D));
        const auto out = submit(u"]C10109506000134352"_s + u"10L1"_s + gs + u"21S1"_s, u"BARCODE"_s);
        QVERIFY2(out.captured, qPrintable(out.reason));
        QCOMPARE(out.capture.symbologyId, u"]C1"_s);
        QCOMPARE(out.capture.rawValue, u"0109506000134352"_s + u"10L1"_s + gs + u"21S1"_s);
        QCOMPARE(out.capture.serial, u"S1"_s);
        const auto dl = submit(u"https://id.gs1.org/01/09506000134352/10/L2"_s, u"BARCODE"_s, u"]Q1"_s);
        QVERIFY(dl.captured);
        QCOMPARE(dl.capture.symbologyId, u"]Q1"_s);
        QCOMPARE(dl.capture.lot, u"L2"_s);
        const auto pending = await(OutboxRepository(m_db.get()).pending());
        QCOMPARE(pending.back().payload.value(u"gs1_dl_data"_s).toObject().value(u"10"_s).toString(), u"L2"_s);
    }

    void plainTextIsCapturedWithoutGtin()
    {
        const auto out = submit(u"INTERNAL-SKU-77"_s);
        QVERIFY(out.captured);
        QCOMPARE(out.capture.gtin, QString());
    }

    void invalidCodeIsRefusedAndRecorded()
    {
        const auto out = submit(u"(01)09506000134353"_s);
        QVERIFY(!out.captured);
        QCOMPARE(out.reasonCode, u"invalid"_s);
        QVERIFY2(out.reason.contains(u"check digit"_s), qPrintable(out.reason));
        const auto rejections = await(CaptureRepository(m_db.get()).rejectionsForSession(m_session));
        QCOMPARE(rejections.size(), size_t(1));
        QCOMPARE(rejections[0].reasonCode, u"invalid"_s);
        QCOMPARE(await(CaptureRepository(m_db.get()).forSession(m_session)).size(), size_t(0));
        QCOMPARE(await(SessionRepository(m_db.get()).get(m_session)).value().rejectedCount, 1);

        QCOMPARE(submit(u"   "_s).reasonCode, u"empty"_s);
        QCOMPARE(submit(QString(501, u'A')).reasonCode, u"too_long"_s);
    }

    void limitsAreCheckedBeforeParsing()
    {
        // An over-long input is refused on its length alone: the parser never sees it.
        CaptureRequest r;
        r.sessionId = m_session;
        r.rawValue = u"(01)09506000134353(10)"_s + QString(600, u'9');
        auto out = CaptureService::check(r);
        QCOMPARE(out.reasonCode, u"too_long"_s);
        QVERIFY2(out.reason.contains(u"622"_s), qPrintable(out.reason));
        QCOMPARE(out.parsed.kind, closient::gs1::DataKind::Empty);
        QVERIFY(out.parsed.errors.empty());
        QVERIFY(out.parsed.elements.empty());
        QCOMPARE(out.parsed.input, r.rawValue); // kept for the refusal's record
        // So is a capture type the API does not know.
        r.rawValue = u"4006381333931"_s;
        r.captureType = u"VIDEO"_s;
        out = CaptureService::check(r);
        QCOMPARE(out.reasonCode, u"invalid"_s);
        QVERIFY2(out.reason.contains(u"BARCODE"_s), qPrintable(out.reason));
        QCOMPARE(out.parsed.kind, closient::gs1::DataKind::Empty);
        // Through submit, a megabyte of data is refused and recorded like any other refusal.
        const auto huge = submit(QString(1 << 20, u'7'));
        QCOMPARE(huge.reasonCode, u"too_long"_s);
        const auto rejections = await(CaptureRepository(m_db.get()).rejectionsForSession(m_session));
        QCOMPARE(rejections.size(), size_t(1));
        QCOMPARE(rejections[0].reasonCode, u"too_long"_s);
        QCOMPARE(rejections[0].rawValue.size(), 2000); // the record keeps the start, not the megabyte
    }

    void endedSessionTakesNoCaptures()
    {
        QVERIFY(await(SessionRepository(m_db.get()).end(m_session)).ok());
        const auto out = submit(u"4006381333931"_s);
        QVERIFY(!out.captured);
        QCOMPARE(out.reasonCode, u"session_closed"_s);
        QVERIFY(out.reason.contains(u"completed"_s));
    }

    void lockedDatabaseGivesAClearErrorAndLosesNothing()
    {
        QVERIFY(submit(u"4006381333931"_s).captured);
        const QString file = m_dir.filePath(u"c%1.sqlite"_s.arg(m_n));
        closient::test::RawDb other(file, u"other"_s);
        QVERIFY(other.exec(u"PRAGMA busy_timeout = 0"_s));
        QVERIFY(other.exec(u"BEGIN IMMEDIATE"_s)); // another program holds the write lock
        const auto out = submit(u"96385074"_s);
        QVERIFY(!out.captured);
        QCOMPARE(out.reasonCode, u"locked"_s);
        QVERIFY(out.reason.contains(u"Nothing was saved"_s));
        QVERIFY(other.exec(u"ROLLBACK"_s));
        QVERIFY(submit(u"96385074"_s).captured);
        QCOMPARE(await(CaptureRepository(m_db.get()).forSession(m_session)).size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestCaptureService)
#include "tst_captureservice.moc"
