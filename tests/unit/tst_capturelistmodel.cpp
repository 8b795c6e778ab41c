// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturelistmodel.h"
#include "capturerepository.h"
#include "captureservice.h"
#include "database.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using closient::test::await;

class TestCaptureListModel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    store::Database m_db;
    QString m_a, m_b;

    void capture(const QString &session, const QString &code)
    {
        store::CaptureRequest r;
        r.sessionId = session;
        r.rawValue = code;
        (void)await(store::CaptureService(&m_db).submit(r));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(await(m_db.open(m_dir.filePath(u"c.sqlite"_s))).ok());
        m_a = await(store::SessionRepository(&m_db).create(u"barcode_scan"_s, {})).value().id;
        m_b = await(store::SessionRepository(&m_db).create(u"barcode_scan"_s, {})).value().id;
    }

    void growsOnTopAndShowsRefusals()
    {
        models::CaptureListModel model(&m_db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessionId(m_a);
        capture(m_a, u"(01)09506000134352(10)L1(17)201225"_s);
        QTRY_COMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        capture(m_a, u"4006381333931"_s);
        capture(m_a, u"(01)09506000134353"_s); // refused
        QTRY_COMPARE(model.rowCount(), 3);
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(reset.count(), 0); // new rows are inserted, the list is not rebuilt

        const auto top = model.index(0);
        QCOMPARE(top.data(models::CaptureListModel::RejectedRole).toBool(), true);
        QCOMPARE(top.data(models::CaptureListModel::StatusRole).toString(), u"REJECTED"_s);
        QVERIFY(top.data(models::CaptureListModel::ReasonRole).toString().contains(u"check digit"_s));
        const auto oldest = model.index(2);
        const auto parse = oldest.data(models::CaptureListModel::ParseRole).toMap();
        QCOMPARE(parse.value(u"gtin"_s).toString(), u"09506000134352"_s);
        QCOMPARE(parse.value(u"lot"_s).toString(), u"L1"_s);
        QCOMPARE(parse.value(u"expiryState"_s).toString(), u"expired"_s);
        QVERIFY(oldest.data(models::CaptureListModel::SummaryRole).toString().contains(u"Lot L1"_s));
        QCOMPARE(model.capturedCount(), 2);
        QCOMPARE(model.rejectedCount(), 1);
        // A voided capture is neither captured nor refused: the counts agree with the session's summary.
        const QString voided = model.index(1).data(models::CaptureListModel::CaptureIdRole).toString();
        QVERIFY(await(store::CaptureRepository(&m_db).voidCapture(voided, u"scanned by mistake"_s, u"test"_s)).ok());
        QTRY_COMPARE(model.capturedCount(), 1);
        QCOMPARE(model.rejectedCount(), 1);
        const auto summary = await(store::SessionRepository(&m_db).get(m_a)).value();
        QCOMPARE(model.capturedCount(), summary.captureCount);
        QCOMPARE(model.rejectedCount(), summary.rejectedCount);

        model.setSessionId(m_b); // another session: other rows
        QCOMPARE(model.rowCount(), 0);
        capture(m_b, u"96385074"_s);
        QTRY_COMPARE(model.rowCount(), 1);
        capture(m_a, u"96385074"_s); // a different session does not show here
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), 1);
    }

    void showsWhatClosientSaid()
    {
        models::CaptureListModel model(&m_db);
        model.setSessionId(m_b);
        QTRY_VERIFY(model.rowCount() >= 1);
        const QString id = model.index(0).data(models::CaptureListModel::CaptureIdRole).toString();
        QCOMPARE(model.index(0).data(models::CaptureListModel::SentRole).toBool(), false);
        QCOMPARE(model.index(0).data(models::CaptureListModel::ProductNameRole).toString(), QString());
        // What a pull writes and announces: the server id, its status and the product it matched.
        QVERIFY(await(m_db.run([id](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE captures SET server_id = 'srv1', status = 'COMPLETED', product_name = 'Highlighter' "
                      u"WHERE id = ?"_s);
            q.addBindValue(id);
            return q.exec() && q.numRowsAffected() == 1;
        })));
        const auto changed = await(store::CaptureRepository(&m_db).get(id));
        QVERIFY(changed.ok());
        m_db.notifyCaptureChanged(changed.value());
        QTRY_COMPARE(model.index(0).data(models::CaptureListModel::ProductNameRole).toString(), u"Highlighter"_s);
        QCOMPARE(model.index(0).data(models::CaptureListModel::StatusRole).toString(), u"COMPLETED"_s);
        QCOMPARE(model.index(0).data(models::CaptureListModel::SentRole).toBool(), true);
        // A list opened later reads it with the rows.
        models::CaptureListModel fresh(&m_db);
        fresh.setSessionId(m_b);
        QTRY_COMPARE(fresh.index(fresh.rowCount() - 1).data(models::CaptureListModel::ProductNameRole).toString(),
            u"Highlighter"_s);
    }
};

QTEST_GUILESS_MAIN(TestCaptureListModel)
#include "tst_capturelistmodel.moc"
