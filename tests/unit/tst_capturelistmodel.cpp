// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturelistmodel.h"
#include "captureservice.h"
#include "database.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
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

        model.setSessionId(m_b); // another session: other rows
        QCOMPARE(model.rowCount(), 0);
        capture(m_b, u"96385074"_s);
        QTRY_COMPARE(model.rowCount(), 1);
        capture(m_a, u"96385074"_s); // a different session does not show here
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCaptureListModel)
#include "tst_capturelistmodel.moc"
