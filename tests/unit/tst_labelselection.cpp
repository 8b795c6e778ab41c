// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelpartfixture.h"
#include "labelselection.h"
#include "testbase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;

class TestLabelSelection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filtersEditTheOneRequestAndListFromTheStore()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelSelection selection(f.context);
        QAbstractItemModelTester tester(selection.items(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&selection, &models::LabelSelection::edited);
        QSignalSpy listed(&selection, &models::LabelSelection::listChanged);
        selection.refresh();
        QTRY_COMPARE(selection.items()->count(), 2);
        QVERIFY(!selection.loading());
        QCOMPARE(edited.count(), 0); // reading is not an edit

        selection.setScope(u"serials"_s);
        QCOMPARE(f.request.selection.scope, u"serials"_s); // the hub's request is what changed
        QVERIFY(selection.serials());
        QTRY_COMPARE(selection.items()->count(), 3);
        selection.setScope(u"products"_s); // not a scope: nothing changes
        QCOMPARE(selection.scope(), u"serials"_s);

        selection.setSearch(u"S2"_s);
        QTRY_COMPARE(selection.items()->count(), 1);
        selection.setSearch({});
        selection.setGtinFilter(u"09506000134352, 04006381333931;"_s);
        QCOMPARE(f.request.selection.gtins, (QStringList { u"09506000134352"_s, u"04006381333931"_s }));
        QCOMPARE(selection.gtinFilter(), u"09506000134352 04006381333931"_s);
        QTRY_COMPARE(selection.items()->count(), 3);
        selection.setNeverPrinted(true);
        QVERIFY(f.request.selection.neverPrinted);
        QTRY_COMPARE(selection.items()->count(), 3);
        QCOMPARE(edited.count(), 5);
        QVERIFY(listed.count() >= 4);

        // Ticks narrow the job; no ticks mean every match.
        QCOMPARE(selection.jobSelection().ids, QStringList());
        selection.items()->setChecked(1, true);
        QCOMPARE(selection.jobSelection().ids.size(), 1);
        QVERIFY(f.request.selection.ids.isEmpty()); // the ticks are the list's, not the filters'
    }

    void aFailedReadIsSaid()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelSelection selection(f.context);
        QVERIFY(test::await(f.db.run(
            [](QSqlDatabase &db) { return QSqlQuery(db).exec(u"ALTER TABLE serials RENAME TO serials_gone"_s); })));
        selection.setScope(u"serials"_s);
        QTRY_COMPARE(f.status.severity(), models::StatusMessage::Severity::Error);
        QVERIFY2(f.status.text().startsWith(u"The list could not be read"_s), qPrintable(f.status.text()));
        QVERIFY(!selection.loading());
    }
};

QTEST_GUILESS_MAIN(TestLabelSelection)
#include "tst_labelselection.moc"
