// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countsvariancemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using closient::models::CountsVarianceModel;

class TestCountsVarianceModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsKindsAndSummary()
    {
        CountsVarianceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &CountsVarianceModel::changed);
        std::vector<counts::TallyRow> tally { { u"09506000134352"_s, u"L1"_s, {}, 7, 0, {} },
            { u"09506000134376"_s, {}, {}, 5, 0, {} }, { u"09506000134352"_s, u"ZZ"_s, {}, 1, 0, {} } };
        std::vector<counts::ExpectedItem> expected { { u"09506000134352"_s, u"L1"_s, 10 },
            { u"09506000134376"_s, {}, 5 }, { u"04006381333931"_s, u"B7"_s, 2 } };
        model.setVariance(counts::computeVariance({}, tally, expected));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QHash<QString, int> kinds;
        for (int i = 0; i < model.rowCount(); ++i) {
            const auto idx = model.index(i);
            kinds.insert(idx.data(CountsVarianceModel::GtinRole).toString() + u'/'
                    + idx.data(CountsVarianceModel::LotRole).toString(),
                idx.data(CountsVarianceModel::KindRole).toInt());
        }
        QCOMPARE(kinds.value(u"09506000134352/L1"_s), int(CountsVarianceModel::Kind::Short));
        QCOMPARE(kinds.value(u"09506000134376/"_s), int(CountsVarianceModel::Kind::Match));
        QCOMPARE(kinds.value(u"09506000134352/ZZ"_s), int(CountsVarianceModel::Kind::Unexpected));
        QCOMPARE(kinds.value(u"04006381333931/B7"_s), int(CountsVarianceModel::Kind::Missing));
        const auto missing = model.index(0); // sorted by GTIN: 04006381333931 first
        QCOMPARE(missing.data(CountsVarianceModel::DifferenceRole).toDouble(), -2.0);
        QCOMPARE(missing.data(CountsVarianceModel::KindTextRole).toString(), u"Missing"_s);
        QCOMPARE(model.totalExpected(), 17.0);
        QCOMPARE(model.totalCounted(), 13.0);
        QVERIFY2(model.summary().contains(u"1 missing"_s), qPrintable(model.summary()));
        model.setVariance({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCountsVarianceModel)
#include "tst_countsvariancemodel.moc"
