// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The review table over 10,000 captures: pages on demand, under QAbstractItemModelTester.
#include "reviewmodel.h"

#include "reviewseed.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::models;
using closient::test::await;

class TestReviewModel : public QObject
{
    Q_OBJECT
private:
    static constexpr int kCaptures = 10000;
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;

    // Sets @p f and waits for its first page; the rows the model held when that page was shown, before the tester
    // (which fetches more whenever it may, as a view scrolled to the end does) asked for more.
    static int waitFirstRows(ReviewModel &model, const store::ReviewFilter &f)
    {
        int rowsShown = -1;
        auto c = QObject::connect(&model, &ReviewModel::firstRowsShown, &model, [&] { rowsShown = model.rowCount(); });
        model.setFilter(f);
        (void)QTest::qWaitFor([&] { return rowsShown >= 0; }, 10000);
        QObject::disconnect(c);
        return rowsShown;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<store::Database>();
        QVERIFY(await(m_db->open(m_dir.filePath(u"review.sqlite"_s))).ok());
        bench::ReviewSeed seed;
        seed.captures = kCaptures;
        seed.sessions = 50;
        auto r = await(m_db->run([seed](QSqlDatabase &db) { return bench::seedReviewStore(db, seed); }));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
    }

    void pagesOnDemandUnderTheTester()
    {
        ReviewModel model(m_db.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(waitFirstRows(model, {}), ReviewModel::kPageSize); // one page, not the table
        QVERIFY(QTest::qWaitFor([&] { return model.total() == kCaptures; }, 10000));
        QCOMPARE(model.columnCount(), store::kReviewColumnCount);
        QCOMPARE(model.data(model.index(0, 0), ReviewModel::IdRole).toString(), u"bench-capture-009999"_s);
        QCOMPARE(model.headerData(3, Qt::Horizontal, Qt::DisplayRole).toString(), u"Code"_s);
        // Scroll to the end the way a view does: fetchMore whenever it may (the tester does too).
        while (model.rowCount() < kCaptures) {
            const int before = model.rowCount();
            QVERIFY(model.canFetchMore({}) || model.loading());
            model.fetchMore({});
            QVERIFY(QTest::qWaitFor([&] { return model.rowCount() > before; }, 10000));
            QCOMPARE(model.rowCount() % ReviewModel::kPageSize, 0); // a page at a time
        }
        QVERIFY(QTest::qWaitFor([&] { return !model.loading(); }, 10000));
        QCOMPARE(model.rowCount(), kCaptures);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.data(model.index(kCaptures - 1, 0), ReviewModel::IdRole).toString(), u"bench-capture-000000"_s);
        QSet<QString> ids;
        for (int i = 0; i < model.rowCount(); ++i)
            ids.insert(model.idAt(i));
        QCOMPARE(int(ids.size()), kCaptures);

        // Every role of every column answers for a row.
        const auto names = model.roleNames();
        for (auto it = names.begin(); it != names.end(); ++it)
            QVERIFY2(model.data(model.index(20, 0), it.key()).isValid(), it.value().constData());
        QCOMPARE(model.data(model.index(0, 1), Qt::DisplayRole).toString(), u"Dock 0 round 49"_s);

        // A new filter replaces the rows with its first page.
        store::ReviewFilter flagged;
        flagged.review = store::ReviewState::Flagged;
        QCOMPARE(waitFirstRows(model, flagged), ReviewModel::kPageSize);
        QVERIFY(QTest::qWaitFor([&] { return model.total() == 323; }, 10000)); // i % 31 == 0 below 10,000
        for (int i = 0; i < model.rowCount(); ++i)
            QCOMPARE(model.data(model.index(i, 0), ReviewModel::MarkRole).value<ReviewModel::Mark>(),
                ReviewModel::Mark::Flagged);
    }

    void headerClickAsksForTheSort()
    {
        ReviewModel model(m_db.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy asked(&model, &ReviewModel::sortRequested);
        model.sort(6, Qt::AscendingOrder);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toInt(), 6);
        QCOMPARE(asked.at(0).at(1).toBool(), false);
        store::ReviewFilter byLot;
        byLot.sortColumn = store::ReviewColumn::Lot;
        byLot.descending = false;
        QVERIFY(waitFirstRows(model, byLot) > 0);
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(model.data(model.index(i - 1, 0), ReviewModel::LotRole).toString()
                <= model.data(model.index(i, 0), ReviewModel::LotRole).toString());
    }

    void anOlderAnswerNeverReplacesANewerFilter()
    {
        ReviewModel model(m_db.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        store::ReviewFilter a;
        a.sessionId = u"bench-session-0001"_s;
        store::ReviewFilter b;
        b.sessionId = u"bench-session-0002"_s;
        model.setFilter(a);
        QCOMPARE(waitFirstRows(model, b), 200); // asked at once, before a's answer was in
        QVERIFY(QTest::qWaitFor([&] { return !model.loading(); }, 10000));
        QCOMPARE(model.total(), 200);
        QCOMPARE(model.rowCount(), 200);
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(model.idAt(i).mid(14).toInt() / 200 == 2);
    }

    void selectionAndRefreshKeepEachOther()
    {
        ReviewModel model(m_db.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitFirstRows(model, {}) > 0);
        model.selectRange(5, 2);
        model.setSelected(10, true);
        QCOMPARE(model.selectedCount(), 5);
        QCOMPARE(model.selectedIds(),
            QStringList({ model.idAt(2), model.idAt(3), model.idAt(4), model.idAt(5), model.idAt(10) }));
        QVERIFY(model.data(model.index(3, 0), ReviewModel::SelectedRole).toBool());
        auto marked = await(
            store::ReviewRepository(m_db.get()).mark(model.selectedIds(), store::ReviewState::Reviewed, {}, u"ann"_s));
        QVERIFY(marked.ok());
        QSignalSpy shown(&model, &ReviewModel::firstRowsShown);
        model.refresh();
        QVERIFY(shown.wait(10000));
        QCOMPARE(model.selectedCount(), 5);
        QCOMPARE(model.data(model.index(10, 0), ReviewModel::MarkRole).value<ReviewModel::Mark>(),
            ReviewModel::Mark::Reviewed);
        model.clearSelection();
        QCOMPARE(model.selectedCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReviewModel)
#include "tst_reviewmodel.moc"
