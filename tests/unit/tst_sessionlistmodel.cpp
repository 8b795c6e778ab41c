// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureservice.h"
#include "database.h"
#include "sessionlistmodel.h"
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

class TestSessionListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheStore()
    {
        QTemporaryDir dir;
        store::Database db;
        QVERIFY(await(db.open(dir.filePath(u"m.sqlite"_s))).ok());
        models::SessionListModel model(&db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        db.notifyReady();
        store::SessionRepository repo(&db);
        const auto first
            = await(repo.create(u"barcode_scan"_s, { { u"name"_s, u"Dock 3"_s }, { u"order"_s, u"PO-1"_s } })).value();
        QTRY_COMPARE(model.rowCount(), 1);
        const auto idx = model.index(0);
        QCOMPARE(idx.data(models::SessionListModel::TitleRole).toString(), u"Dock 3"_s);
        QCOMPARE(idx.data(models::SessionListModel::MetadataTextRole).toString(), u"order: PO-1"_s);
        QCOMPARE(idx.data(models::SessionListModel::ModeTextRole).toString(), u"Barcode scan"_s);
        QCOMPARE(idx.data(models::SessionListModel::ActiveRole).toBool(), true);
        QCOMPARE(model.activeCount(), 1);

        (void)await(repo.create(u"both"_s, {}));
        QTRY_COMPARE(model.rowCount(), 2);
        QVERIFY(model.index(0).data(models::SessionListModel::TitleRole).toString().startsWith(u"Session of"_s));

        // A capture into the older session reads that one session again and moves it to the top: no rebuilt list.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        store::CaptureRequest capture;
        capture.sessionId = first.id;
        capture.rawValue = u"4006381333931"_s;
        capture.source = u"test"_s;
        QVERIFY(await(store::CaptureService(&db).submit(capture)).captured);
        QTRY_COMPARE(model.index(0).data(models::SessionListModel::SessionIdRole).toString(), first.id);
        QCOMPARE(model.index(0).data(models::SessionListModel::CaptureCountRole).toInt(), 1);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(reset.count(), 0);

        QVERIFY(await(repo.end(first.id)).ok());
        QTRY_COMPARE(model.get(first.id).value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(model.get(u"nope"_s), QVariantMap());
        QVERIFY(model.roleNames().values().contains("captureCount"));
    }
};

QTEST_GUILESS_MAIN(TestSessionListModel)
#include "tst_sessionlistmodel.moc"
