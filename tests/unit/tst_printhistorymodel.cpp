// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "printhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using closient::labels::PrintLogEntry;
using closient::models::PrintHistoryModel;

class TestPrintHistoryModel : public QObject
{
    Q_OBJECT

    static PrintLogEntry entry(const QString &action, int items, const QString &reason = {})
    {
        PrintLogEntry e;
        e.action = action;
        e.items = items;
        e.printer = u"Desk"_s;
        e.templateName = u"avery_5160"_s;
        e.userName = u"ana"_s;
        e.workstation = u"bench-2"_s;
        e.reason = reason;
        e.firstItem = u"09506000134352 · 100001"_s;
        e.startPosition = 4;
        e.created = QDateTime(QDate(2026, 11, 30), QTime(9, 15));
        return e;
    }

private Q_SLOTS:
    void rolesSayWhatHappenedInWords()
    {
        PrintHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&model, &PrintHistoryModel::countChanged);
        model.setEntries({ entry(u"reprint"_s, 12, u"faded"_s), entry(u"print"_s, 1), entry(u"void"_s, 1, u"torn"_s),
            entry(u"test"_s, 0) });
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(count.count(), 1);
        const auto top = model.index(0);
        QCOMPARE(top.data(PrintHistoryModel::ActionRole).value<PrintHistoryModel::Action>(),
            PrintHistoryModel::Action::Reprint);
        QCOMPARE(top.data(PrintHistoryModel::ActionTextRole).toString(), u"Reprinted"_s);
        QCOMPARE(top.data(PrintHistoryModel::ItemsTextRole).toString(), u"12 labels"_s);
        QCOMPARE(top.data(PrintHistoryModel::FirstItemRole).toString(), u"09506000134352 · 100001 and 11 more"_s);
        QCOMPARE(top.data(PrintHistoryModel::DetailsRole).toString(), u"Desk · avery_5160 · ana@bench-2 · “faded”"_s);
        QCOMPARE(top.data(PrintHistoryModel::StartRole).toInt(), 4);
        QVERIFY(!top.data(PrintHistoryModel::WhenRole).toString().isEmpty());
        QCOMPARE(model.index(1).data(PrintHistoryModel::ItemsTextRole).toString(), u"1 label"_s);
        QCOMPARE(model.index(1).data(PrintHistoryModel::FirstItemRole).toString(), u"09506000134352 · 100001"_s);
        QCOMPARE(model.index(2).data(PrintHistoryModel::ActionTextRole).toString(), u"Voided"_s);
        QCOMPARE(model.index(3).data(PrintHistoryModel::ActionRole).value<PrintHistoryModel::Action>(),
            PrintHistoryModel::Action::Test);
        QCOMPARE(model.roleNames().value(PrintHistoryModel::ActionRole), QByteArray("action"));
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPrintHistoryModel)
#include "tst_printhistorymodel.moc"
