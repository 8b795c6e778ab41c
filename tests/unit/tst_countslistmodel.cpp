// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countslistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using closient::models::CountsListModel;

class TestCountsListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rolesAndResets()
    {
        CountsListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        counts::Count open;
        open.id = u"a"_s;
        open.location = { u"9521234000006"_s, u"A1"_s, u"Back store"_s };
        open.description = u"Aisle 4"_s;
        open.started = QDateTime(QDate(2026, 11, 30), QTime(9, 5));
        open.counted = 12;
        counts::Count done = open;
        done.id = u"b"_s;
        done.status = counts::Count::Status::Finished;
        done.finished = QDateTime(QDate(2026, 11, 30), QTime(10, 0));
        std::vector<counts::Count> all { open, done };
        for (int i = 0; i < 500; ++i) {
            auto c = open;
            c.id = QString::number(i);
            all.push_back(c);
        }
        model.setCounts(all);
        QCOMPARE(model.rowCount(), 502);
        const auto first = model.index(0);
        QCOMPARE(first.data(CountsListModel::CountIdRole).toString(), u"a"_s);
        QCOMPARE(first.data(CountsListModel::LocationRole).toString(), u"9521234000006.A1"_s);
        QCOMPARE(first.data(CountsListModel::LocationNameRole).toString(), u"Back store"_s);
        QCOMPARE(first.data(CountsListModel::OpenRole).toBool(), true);
        QCOMPARE(first.data(CountsListModel::StartedRole).toString(), u"2026-11-30 09:05"_s);
        QCOMPARE(first.data(CountsListModel::FinishedRole).toString(), QString());
        QCOMPARE(first.data(CountsListModel::CountedRole).toDouble(), 12.0);
        QCOMPARE(model.index(1).data(CountsListModel::OpenRole).toBool(), false);
        QCOMPARE(model.index(1).data(CountsListModel::FinishedRole).toString(), u"2026-11-30 10:00"_s);
        QVERIFY(model.roleNames().values().contains("countId"));
        model.setCounts({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCountsListModel)
#include "tst_countslistmodel.moc"
