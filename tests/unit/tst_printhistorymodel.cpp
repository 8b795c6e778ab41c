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
        QCOMPARE(top.data(PrintHistoryModel::DetailsRole).toString(),
            u"Desk · Avery 5160 — Address labels, 1 × 2⅝ in, 30 per sheet · ana@bench-2 · “faded”"_s);
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

    void stockAndLayoutAreNamedAndTheHistoryIsSearched()
    {
        PrintHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto thermal = entry(u"print"_s, 3);
        thermal.printer = u"tcp://10.0.0.7:9100"_s;
        thermal.templateName.clear();
        thermal.layoutName = u"Product label"_s;
        thermal.firstItem = u"09506000134352 · 700001"_s;
        auto voided = entry(u"void"_s, 1, u"torn"_s);
        voided.userName = u"bo"_s;
        model.setEntries({ entry(u"reprint"_s, 2, u"faded"_s), thermal, voided });
        // The stock as people read it, never its id; the layout by name.
        const auto top = model.index(0);
        QVERIFY2(top.data(PrintHistoryModel::StockRole).toString().startsWith(u"Avery 5160 — "_s),
            qPrintable(top.data(PrintHistoryModel::StockRole).toString()));
        QVERIFY(!top.data(PrintHistoryModel::DetailsRole).toString().contains(u"avery_5160"_s));
        QCOMPARE(model.index(1).data(PrintHistoryModel::LayoutRole).toString(), u"Product label"_s);
        QCOMPARE(model.index(1).data(PrintHistoryModel::DetailsRole).toString(),
            u"tcp://10.0.0.7:9100 · Product label · ana@bench-2"_s);

        QSignalSpy filter(&model, &PrintHistoryModel::filterChanged);
        model.setSearch(u"product 700001"_s); // every word, any case, in any column
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(PrintHistoryModel::PrinterRole).toString(), u"tcp://10.0.0.7:9100"_s);
        model.setSearch(u"avery"_s);
        QCOMPARE(model.rowCount(), 2); // by the stock's name
        model.setSearch(u"nothing-like-this"_s);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 3);
        model.setSearch({});
        model.setActionFilter(int(PrintHistoryModel::Action::Void));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(PrintHistoryModel::ReasonRole).toString(), u"torn"_s);
        model.setActionFilter(-1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(filter.count(), 6);
        // New entries are filtered as they come.
        model.setActionFilter(int(PrintHistoryModel::Action::Reprint));
        model.setEntries({ entry(u"print"_s, 1), entry(u"reprint"_s, 1, u"lost"_s) });
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPrintHistoryModel)
#include "tst_printhistorymodel.moc"
