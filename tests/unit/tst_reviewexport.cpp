// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Exporting the review's view: what the table shows, in its order; never over a database.
#include "reviewexport.h"

#include "reviewmodel.h"
#include "reviewseed.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::models;
using closient::test::await;

class TestReviewExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;

    static QStringList lines(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        auto all = QString::fromUtf8(f.readAll()).split(u"\r\n"_s);
        if (!all.isEmpty() && all.last().isEmpty())
            all.removeLast();
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<store::Database>();
        QVERIFY(await(m_db->open(m_dir.filePath(u"review.sqlite"_s))).ok());
        bench::ReviewSeed seed;
        seed.captures = 1500;
        seed.sessions = 15;
        auto r = await(m_db->run([seed](QSqlDatabase &db) { return bench::seedReviewStore(db, seed); }));
        QVERIFY(r.ok());
    }

    void writesTheViewInItsOrder()
    {
        store::ReviewFilter f;
        f.captureType = u"BARCODE"_s; // 900 of 1,500: more than one chunk of the export
        f.sortColumn = store::ReviewColumn::Lot;
        f.descending = false;
        const QString out = m_dir.filePath(u"view.csv"_s);
        auto r = await(exportReviewCsv(m_db.get(), f, out));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r.value(), 900);
        const auto got = lines(out);
        QCOMPARE(got.size(), 901);
        QCOMPARE(got.first(), ReviewModel::titles().join(u','));
        // Row by row what the repository's pages hold, in their order, as the table's cells.
        auto rows = await(store::ReviewRepository(m_db.get()).page(f, 0, 2000));
        QVERIFY(rows.ok());
        QCOMPARE(int(rows->size()), 900);
        for (int i = 0; i < 900; ++i) {
            QStringList cells;
            for (int c = 0; c < store::kReviewColumnCount; ++c)
                cells << csvField(ReviewModel::cellText(rows.value()[std::size_t(i)], c));
            QCOMPARE(got.at(i + 1), cells.join(u','));
        }
        QVERIFY(got.at(1).contains(u",L0,"_s)); // sorted by lot, the smallest first
        QVERIFY(!QFileInfo::exists(out + u".tmp"_s));
    }

    void quotesWhatMustBeQuoted()
    {
        QCOMPARE(csvField(u"plain"_s), u"plain"_s);
        QCOMPARE(csvField(u"a,b"_s), u"\"a,b\""_s);
        QCOMPARE(csvField(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
        QCOMPARE(csvField(u"=HYPERLINK(1)"_s), u"'=HYPERLINK(1)"_s);
        QCOMPARE(csvField(u"two\nlines"_s), u"\"two\nlines\""_s);
    }

    void refusesADatabaseAndKeepsIt()
    {
        const QString store = m_db->path();
        const auto before = test::fileHash(store);
        auto r = await(exportReviewCsv(m_db.get(), {}, store));
        QVERIFY(!r.ok());
        QCOMPARE(test::fileHash(store), before);
        const QString other = m_dir.filePath(u"other.sqlite"_s);
        {
            store::Database db;
            QVERIFY(await(db.open(other)).ok());
        }
        const auto otherBefore = test::fileHash(other);
        auto refused = await(exportReviewCsv(m_db.get(), {}, other));
        QVERIFY(!refused.ok());
        QVERIFY2(
            refused.error().message.contains(u"database"_s, Qt::CaseInsensitive), qPrintable(refused.error().message));
        QCOMPARE(test::fileHash(other), otherBefore);
    }
};

QTEST_GUILESS_MAIN(TestReviewExport)
#include "tst_reviewexport.moc"
