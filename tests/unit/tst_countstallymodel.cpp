// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countstallymodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using closient::models::CountsTallyModel;

class TestCountsTallyModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expectedShowsOnlyWhenKnown()
    {
        CountsTallyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<counts::TallyRow> rows;
        rows.push_back({ u"09506000134352"_s, u"L1"_s, u"2027-01-01"_s, 13, 0, 10.0 });
        rows.push_back({ u"09506000134352"_s, {}, {}, 2, 2, std::nullopt }); // blind, or not expected
        for (int i = 0; i < 1000; ++i)
            rows.push_back({ u"04006381333931"_s, QString::number(i), {}, double(i), 0, std::nullopt });
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 1002);
        const auto a = model.index(0);
        QCOMPARE(a.data(CountsTallyModel::GtinRole).toString(), u"09506000134352"_s);
        QCOMPARE(a.data(CountsTallyModel::ExpiryRole).toString(), u"2027-01-01"_s);
        QCOMPARE(a.data(CountsTallyModel::CountedRole).toDouble(), 13.0);
        QCOMPARE(a.data(CountsTallyModel::HasExpectedRole).toBool(), true);
        QCOMPARE(a.data(CountsTallyModel::ExpectedRole).toDouble(), 10.0);
        const auto b = model.index(1);
        QCOMPARE(b.data(CountsTallyModel::HasExpectedRole).toBool(), false);
        QCOMPARE(b.data(CountsTallyModel::SerialsRole).toInt(), 2);
        model.setRows({ rows.front() });
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCountsTallyModel)
#include "tst_countstallymodel.moc"
