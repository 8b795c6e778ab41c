// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The review's filters, search and sorts against a real store; marks, GTIN corrections and proposal decisions.
#include "reviewrepository.h"

#include "captureservice.h"
#include "outbox.h"
#include "reviewseed.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

Q_DECLARE_METATYPE(closient::store::ReviewFilter)

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::store;
using closient::test::await;

class TestReviewRepository : public QObject
{
    Q_OBJECT
private:
    static constexpr int kCaptures = 2000;
    static constexpr int kSessions = 20;
    static constexpr int kProducts = 40;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    std::vector<ReviewRow> all(ReviewFilter f)
    {
        std::vector<ReviewRow> out;
        for (int offset = 0;; offset += 300) { // several pages: the pages join up with nothing lost or repeated
            auto r = await(ReviewRepository(m_db.get()).page(f, offset, 300));
            if (!r.ok()) {
                qWarning() << r.error().message;
                return {};
            }
            out.insert(out.end(), r->begin(), r->end());
            if (r->size() < 300)
                break;
        }
        return out;
    }

    int count(const ReviewFilter &f)
    {
        auto r = await(ReviewRepository(m_db.get()).count(f));
        return r.ok() ? r.value() : -1;
    }

    void exec(const QString &sql)
    {
        QVERIFY(await(m_db->run([sql](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(sql);
        })));
    }

    QVariant scalar(const QString &sql)
    {
        return await(m_db->run([sql](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(sql) && q.next() ? q.value(0) : QVariant();
        }));
    }

    // How many captures' sort keys differ from what their rows show (or have no keys at all); 0 when in step, -1
    // when there are no sort keys to compare.
    int staleSortKeys()
    {
        const auto stale = scalar(u"SELECT count(*) FROM captures c JOIN sessions s ON s.id = c.session_id "
                                  u"LEFT JOIN capture_reviews r ON r.capture_id = c.id "
                                  u"LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) "
                                  u"LEFT JOIN capture_sort_keys k ON k.capture_id = c.id WHERE k.capture_id IS NULL "
                                  u"OR k.session_name IS NOT coalesce(json_extract(s.metadata, '$.name'), s.created) "
                                  u"OR k.gtin IS NOT coalesce(r.gtin, c.gtin) "
                                  u"OR k.product_name IS NOT coalesce(nullif(c.product_name, ''), p.product_name, '') "
                                  u"OR k.review IS NOT coalesce(r.state, 'UNREVIEWED') "
                                  u"OR k.photos IS NOT (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)"_s);
        return stale.isValid() ? stale.toInt() : -1;
    }

    QString firstId(ReviewColumn column, bool descending)
    {
        ReviewFilter f;
        f.sortColumn = column;
        f.descending = descending;
        auto r = await(ReviewRepository(m_db.get()).page(f, 0, 1));
        return r.ok() && !r->empty() ? r->front().id : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<Database>();
        QVERIFY(await(m_db->open(m_dir.filePath(u"review.sqlite"_s))).ok());
        bench::ReviewSeed seed;
        seed.captures = kCaptures;
        seed.sessions = kSessions;
        seed.products = kProducts;
        auto r = await(m_db->run([seed](QSqlDatabase &db) { return bench::seedReviewStore(db, seed); }));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
    }

    void everyCaptureNewestFirst()
    {
        const auto rows = all({});
        QCOMPARE(int(rows.size()), kCaptures);
        QCOMPARE(count({}), kCaptures);
        QCOMPARE(rows.front().id, u"bench-capture-001999"_s);
        QCOMPARE(rows.back().id, u"bench-capture-000000"_s);
        QSet<QString> ids;
        for (const auto &r : rows)
            ids.insert(r.id);
        QCOMPARE(int(ids.size()), kCaptures);
        QCOMPARE(rows.front().sessionName, u"Dock 5 round 19"_s);
    }

    void filters_data()
    {
        QTest::addColumn<ReviewFilter>("filter");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("check");
        const auto f = [](auto set) {
            ReviewFilter filter;
            set(filter);
            return filter;
        };
        // The seed makes these numbers: capture i of 2000 is in session i / 100, type kTypes[i % 5], status
        // kStatuses[i % 5], GTIN i % 40, a photo when i % 20 == 0, a parse error when i % 7 == 3, reviewed when
        // i % 11 == 0 and not i % 31 == 0, flagged when i % 31 == 0, one every 30 s from 1 Sep 2026 08:00 UTC.
        QTest::newRow("session") << f([](ReviewFilter &x) { x.sessionId = u"bench-session-0003"_s; }) << 100
                                 << u"session"_s;
        QTest::newRow("type") << f([](ReviewFilter &x) { x.captureType = u"MANUAL"_s; }) << 400 << u"type"_s;
        QTest::newRow("status") << f([](ReviewFilter &x) { x.serverStatus = u"COMPLETED"_s; }) << 800 << u"status"_s;
        QTest::newRow("gtin") << f([](ReviewFilter &x) { x.gtin = bench::seedGtin(7); }) << 50 << u"gtin"_s;
        QTest::newRow("brand") << f([](ReviewFilter &x) { x.brand = u"brand 7"_s; }) << 100 << u"brand"_s;
        QTest::newRow("photo") << f([](ReviewFilter &x) { x.hasPhoto = true; }) << 100 << u"photo"_s;
        QTest::newRow("no photo") << f([](ReviewFilter &x) { x.hasPhoto = false; }) << 1900 << u"nophoto"_s;
        QTest::newRow("parse errors") << f([](ReviewFilter &x) { x.hasParseErrors = true; }) << 286 << u"errors"_s;
        QTest::newRow("flagged") << f([](ReviewFilter &x) { x.review = ReviewState::Flagged; }) << 65 << u"flagged"_s;
        QTest::newRow("reviewed") << f([](ReviewFilter &x) { x.review = ReviewState::Reviewed; }) << 176
                                  << u"reviewed"_s;
        QTest::newRow("unreviewed") << f([](ReviewFilter &x) { x.review = ReviewState::Unreviewed; }) << 1759
                                    << u"unreviewed"_s;
        QTest::newRow("date range") << f([](ReviewFilter &x) {
            x.from = QDateTime(QDate(2026, 9, 1), QTime(9, 0), Qt::UTC);
            x.to = QDateTime(QDate(2026, 9, 1), QTime(10, 0), Qt::UTC);
        }) << 120 << u"range"_s;
        QTest::newRow("combined") << f([](ReviewFilter &x) {
            x.sessionId = u"bench-session-0000"_s;
            x.hasPhoto = true;
            x.captureType = u"BARCODE"_s;
        }) << 5 << u"combined"_s;
    }

    void filters()
    {
        QFETCH(ReviewFilter, filter);
        QFETCH(int, expected);
        QFETCH(QString, check);
        const auto rows = all(filter);
        QCOMPARE(int(rows.size()), expected);
        QCOMPARE(count(filter), expected);
        for (const auto &r : rows) {
            const int i = r.id.mid(14).toInt();
            bool ok = true;
            if (check == u"session")
                ok = r.sessionId == filter.sessionId && i / 100 == 3;
            else if (check == u"type")
                ok = r.captureType == u"MANUAL" && i % 5 == 3;
            else if (check == u"status")
                ok = r.status == u"COMPLETED";
            else if (check == u"gtin")
                ok = r.gtin == bench::seedGtin(7);
            else if (check == u"brand")
                ok = r.brand == u"Brand 7";
            else if (check == u"photo")
                ok = r.photos == 1 && !r.firstPhoto.isEmpty();
            else if (check == u"nophoto")
                ok = r.photos == 0;
            else if (check == u"errors")
                ok = r.parseErrors == QStringList { u"The GTIN's check digit is wrong: it should be 3."_s };
            else if (check == u"flagged")
                ok = r.review == ReviewState::Flagged && r.note == u"Label smudged";
            else if (check == u"reviewed")
                ok = r.review == ReviewState::Reviewed && r.reviewedBy == u"bench";
            else if (check == u"unreviewed")
                ok = r.review == ReviewState::Unreviewed;
            else if (check == u"range")
                ok = r.created >= filter.from && r.created < filter.to;
            else if (check == u"combined")
                ok = i / 100 == 0 && i % 20 == 0 && r.captureType == u"BARCODE";
            QVERIFY2(ok, qPrintable(r.id));
        }
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        QTest::newRow("serial") << u"S1234"_s << 1;
        QTest::newRow("serial prefix") << u"s123"_s << 11; // S123 and S1230 ... S1239
        QTest::newRow("lot") << u"L996"_s << 2; // i % 997 == 996: 996 and 1993
        // Products 0, 3, ..., 39 of 40 are oat drinks: 14 x 50 captures, less those of products 6, 21 and 36 that
        // carry a name of their own from the server (i % 5 == 1): 700 - 150.
        QTest::newRow("product name from the cache") << u"oat drink"_s << 550;
        QTest::newRow("product name of the capture") << u"server name 16"_s << 40; // i % 50 == 16
        QTest::newRow("code") << u"(01)095060000001"_s << 500; // GTINs 10..19 of the cache, a prefix of the code
        QTest::newRow("two words") << u"L5 S100"_s << 1; // lots L5*, serials S100, S1000..S1009: capture 1002
        // S1, S10..S19, S100..S199, S1000..S1999: more than kBroadSearch, so the captures are walked in order.
        QTest::newRow("broad search") << u"S1"_s << 1111;
        QTest::newRow("FTS syntax is only text") << u"\"NEAR( OR *"_s << 0;
        QTest::newRow("no words") << u"  -- "_s << kCaptures;
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        ReviewFilter f;
        f.search = text;
        QCOMPARE(count(f), expected);
        const auto rows = all(f);
        QCOMPARE(int(rows.size()), expected);
        for (std::size_t i = 1; i < rows.size(); ++i) // newest first, whichever way the matches were read
            QVERIFY(rows[i - 1].created >= rows[i].created);
    }

    void everyColumnSorts()
    {
        for (int c = 0; c < kReviewColumnCount; ++c) {
            for (const bool descending : { false, true }) {
                ReviewFilter f;
                f.sortColumn = ReviewColumn(c);
                f.descending = descending;
                f.sessionId = u"bench-session-0002"_s;
                const auto rows = all(f);
                QCOMPARE(int(rows.size()), 100);
                const auto key = [&](const ReviewRow &r) -> QString {
                    switch (ReviewColumn(c)) {
                    case ReviewColumn::Time:
                        return r.created.toString(Qt::ISODateWithMs);
                    case ReviewColumn::Session:
                        return r.sessionName.toLower();
                    case ReviewColumn::Type:
                        return r.captureType;
                    case ReviewColumn::Code:
                        return r.code;
                    case ReviewColumn::Gtin:
                        return r.gtin;
                    case ReviewColumn::Product:
                        return r.productName.toLower();
                    case ReviewColumn::Lot:
                        return r.lot;
                    case ReviewColumn::Expiry:
                        return r.expiry;
                    case ReviewColumn::Serial:
                        return r.serial;
                    case ReviewColumn::Status:
                        return r.status;
                    case ReviewColumn::Review:
                        return reviewStateName(r.review);
                    case ReviewColumn::Photos:
                        return QString::number(r.photos);
                    }
                    return {};
                };
                for (std::size_t i = 1; i < rows.size(); ++i) {
                    const auto a = key(rows[i - 1]), b = key(rows[i]);
                    QVERIFY2(descending ? a >= b : a <= b, qPrintable(u"column %1: %2 then %3"_s.arg(c).arg(a, b)));
                }
            }
        }
    }

    void marksInBulkAndFlagsNeedANote()
    {
        ReviewRepository repo(m_db.get());
        const QStringList ids { u"bench-capture-000001"_s, u"bench-capture-000002"_s };
        auto flagged = await(repo.mark(ids, ReviewState::Flagged, u"  "_s, u"ann"_s));
        QVERIFY(!flagged.ok());
        QCOMPARE(flagged.error().code, u"invalid"_s);
        auto unknown = await(repo.mark(ids + QStringList { u"nope"_s }, ReviewState::Reviewed, {}, u"ann"_s));
        QCOMPARE(unknown.error().code, u"not_found"_s);
        ReviewFilter f;
        f.sessionId = u"bench-session-0000"_s;
        f.review = ReviewState::Reviewed;
        const int before = count(f);
        QCOMPARE(before, 9); // i % 11 == 0 below 100 (ten) less 0, which is flagged (i % 31 == 0) too
        auto marked = await(repo.mark(ids, ReviewState::Reviewed, {}, u"ann"_s));
        QVERIFY(marked.ok());
        QCOMPARE(marked.value(), 2);
        QCOMPARE(count(f), before + 2); // nothing of the refused attempt was kept
        auto flag = await(repo.mark({ ids.first() }, ReviewState::Flagged, u"Lot unreadable"_s, u"bob"_s));
        QVERIFY(flag.ok());
        const auto d = await(repo.detail(ids.first()));
        QVERIFY(d.ok());
        QCOMPARE(d->row.review, ReviewState::Flagged);
        QCOMPARE(d->row.note, u"Lot unreadable"_s);
        QCOMPARE(d->row.reviewedBy, u"bob"_s);
        QVERIFY(d->row.reviewed.isValid());
    }

    void gtinCorrectionKeepsTheOriginal()
    {
        ReviewRepository repo(m_db.get());
        const QString id = u"bench-capture-000009"_s; // GTIN 9
        auto bad = await(repo.correctGtin(id, u"09506000000016"_s, u"ann"_s));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(u"check digit"_s), qPrintable(bad.error().message));
        const QString target = bench::seedGtin(12);
        QVERIFY(await(repo.correctGtin(id, target, u"ann"_s)).ok());
        const QString later = bench::seedGtin(13);
        QVERIFY(await(repo.correctGtin(id, later, u"bob"_s)).ok());
        const auto d = await(repo.detail(id));
        QVERIFY(d.ok());
        QCOMPARE(d->row.gtin, later);
        QCOMPARE(d->row.capturedGtin, bench::seedGtin(9));
        QCOMPARE(int(d->corrections.size()), 2);
        QCOMPARE(d->corrections[0].previousGtin, bench::seedGtin(9));
        QCOMPARE(d->corrections[1].previousGtin, target);
        QCOMPARE(d->product.value(u"gtin"_s).toString(), later);
        ReviewFilter byNew;
        byNew.gtin = later;
        const auto rows = all(byNew);
        QVERIFY(std::any_of(rows.begin(), rows.end(), [&](const ReviewRow &r) { return r.id == id; }));
        ReviewFilter byOld;
        byOld.gtin = bench::seedGtin(9);
        const auto old = all(byOld);
        QVERIFY(std::none_of(old.begin(), old.end(), [&](const ReviewRow &r) { return r.id == id; }));
        QCOMPARE(int(old.size()), 49);
    }

    void newCapturesAreSearchable()
    {
        // A capture written the usual way is found at once: the triggers index it in the same transaction.
        auto session = await(SessionRepository(m_db.get()).create(u"barcode_scan"_s, {}));
        QVERIFY(session.ok());
        CaptureRequest req;
        req.sessionId = session->id;
        req.rawValue = u"(01)09506000134352(10)QUOKKA7"_s;
        req.captureType = u"MANUAL"_s;
        QVERIFY(await(CaptureService(m_db.get()).submit(req)).captured);
        ReviewFilter f;
        f.search = u"quokka"_s;
        QCOMPARE(count(f), 1);
    }

    void proposalDecisionsReachTheOutbox()
    {
        exec(u"INSERT INTO capture_proposals (id, capture_id, field_name, current_value, proposed_value, confidence, "
             u"reasoning, source, created, received) VALUES "
             u"('srv-p1', 'bench-capture-000004', 'product_name', 'Widget', 'Blue Widget', '0.92', 'Label text', "
             u"'vision', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:01.000Z'), "
             u"('srv-p2', 'bench-capture-000004', 'brand', '', 'Acme', '0.40', 'Guess', 'catalogue', "
             u"'2026-11-01T10:00:02.000Z', '2026-11-01T10:00:03.000Z')"_s);
        ReviewRepository repo(m_db.get());
        auto early = await(repo.apply(u"bench-capture-000004"_s));
        QVERIFY(!early.ok()); // nothing accepted yet
        QVERIFY(await(repo.decide(u"srv-p1"_s, true, u"ann"_s)).ok());
        QVERIFY(await(repo.decide(u"srv-p2"_s, false, u"ann"_s)).ok());
        QCOMPARE(await(repo.decide(u"srv-missing"_s, true, u"ann"_s)).error().code, u"not_found"_s);
        auto applied = await(repo.apply(u"bench-capture-000004"_s));
        QVERIFY2(applied.ok(), qPrintable(applied.error().message));
        QCOMPARE(applied.value(), 1);
        QVERIFY(!await(repo.decide(u"srv-p1"_s, false, u"ann"_s)).ok()); // applied: final

        const auto d = await(repo.detail(u"bench-capture-000004"_s));
        QCOMPARE(int(d->proposals.size()), 2);
        QCOMPARE(d->proposals[0].status, u"ACCEPTED"_s);
        QVERIFY(d->proposals[0].applied.isValid());
        QCOMPARE(d->proposals[1].status, u"REJECTED"_s);
        QCOMPARE(d->proposals[1].decidedBy, u"ann"_s);

        std::vector<OutboxEntry> mine;
        for (auto &e : await(OutboxRepository(m_db.get()).pending())) {
            if (e.entity == OutboxEntity::Proposal || e.op == OutboxOp::Apply)
                mine.push_back(e);
        }
        QCOMPARE(int(mine.size()), 3);
        QCOMPARE(mine[0].entityId, u"srv-p1"_s);
        QCOMPARE(mine[0].op, OutboxOp::Decide);
        QCOMPARE(mine[0].payload.value(u"status"_s).toString(), u"ACCEPTED"_s);
        QCOMPARE(mine[1].entityId, u"srv-p2"_s);
        QCOMPARE(mine[1].payload.value(u"status"_s).toString(), u"REJECTED"_s);
        QCOMPARE(mine[2].entity, OutboxEntity::Capture);
        QCOMPARE(mine[2].entityId, u"bench-capture-000004"_s);
        QCOMPARE(mine[2].op, OutboxOp::Apply);
    }

    void everySortWalksAnIndex()
    {
        // The first page of any sort, over every capture, reads an index in order and stops at the page's end:
        // SQLite never has to gather and sort every capture first (which is what makes a sort slow at scale).
        for (int c = 0; c < kReviewColumnCount; ++c) {
            for (const bool descending : { false, true }) {
                ReviewFilter f;
                f.sortColumn = ReviewColumn(c);
                f.descending = descending;
                const auto page = reviewPageQuery(f, 0, 200);
                const auto plan = await(m_db->run([page](QSqlDatabase &db) {
                    QSqlQuery q(db);
                    QStringList steps;
                    if (!q.prepare(u"EXPLAIN QUERY PLAN "_s + page.sql))
                        return QStringList { q.lastError().text() };
                    for (const auto &v : page.values)
                        q.addBindValue(v);
                    if (!q.exec())
                        return QStringList { q.lastError().text() };
                    while (q.next())
                        steps << q.value(3).toString();
                    return steps;
                }));
                const auto text = plan.join(u" | "_s);
                QVERIFY2(text.contains(u"INDEX"_s), qPrintable(u"column %1: %2"_s.arg(c).arg(text)));
                QVERIFY2(!text.contains(u"TEMP B-TREE"_s), qPrintable(u"column %1: %2"_s.arg(c).arg(text)));
            }
        }
    }

    void sortKeysFollowChanges()
    {
        // The keys the slow columns sort by are kept beside the captures; every change to what the table shows
        // changes them in the same transaction: a correction, a review mark, a product name arriving, a session
        // renamed, a photo added.
        QCOMPARE(staleSortKeys(), 0);
        ReviewRepository repo(m_db.get());

        const QString corrected = u"bench-capture-000100"_s;
        QVERIFY(await(repo.correctGtin(corrected, u"00000000000017"_s, u"ann"_s)).ok());
        QCOMPARE(firstId(ReviewColumn::Gtin, false), corrected);
        QCOMPARE(staleSortKeys(), 0);

        // The only flagged capture sorts first in ascending review order (FLAGGED < REVIEWED < UNREVIEWED) ...
        exec(u"DELETE FROM capture_reviews WHERE state = 'FLAGGED'"_s);
        QVERIFY(firstId(ReviewColumn::Review, false) != u"bench-capture-000101"_s);
        QVERIFY(await(repo.mark({ u"bench-capture-000101"_s }, ReviewState::Flagged, u"Torn label"_s, u"ann"_s)).ok());
        QCOMPARE(firstId(ReviewColumn::Review, false), u"bench-capture-000101"_s);
        // ... and no longer once it is set back to unreviewed.
        QVERIFY(await(repo.mark({ u"bench-capture-000101"_s }, ReviewState::Unreviewed, {}, u"ann"_s)).ok());
        QVERIFY(firstId(ReviewColumn::Review, false) != u"bench-capture-000101"_s);
        QCOMPARE(staleSortKeys(), 0);

        // A capture of a GTIN the products cache does not know yet has no name, then the name arrives.
        auto session = await(SessionRepository(m_db.get()).create(u"barcode_scan"_s, {}));
        QVERIFY(session.ok());
        CaptureRequest req;
        req.sessionId = session->id;
        req.rawValue = u"(01)09506000134376(10)NAMELESS"_s;
        req.captureType = u"MANUAL"_s;
        const auto submitted = await(CaptureService(m_db.get()).submit(req));
        QVERIFY(submitted.captured);
        ReviewFilter bySearch;
        bySearch.search = u"nameless"_s;
        const auto mine = all(bySearch);
        QCOMPARE(int(mine.size()), 1);
        const QString nameless = mine.front().id;
        QVERIFY(mine.front().productName.isEmpty());
        QVERIFY(firstId(ReviewColumn::Product, true) != nameless);
        exec(u"INSERT INTO products (gtin, product_name, brand, fetched) VALUES "
             u"('09506000134376', 'zzz Last Word Cordial', 'Acme', '2026-11-30T10:00:00.000Z')"_s);
        QCOMPARE(firstId(ReviewColumn::Product, true), nameless);
        QCOMPARE(staleSortKeys(), 0);

        // A session renamed moves all of its captures.
        QVERIFY(await(SessionRepository(m_db.get())
                          .updateMetadata(u"bench-session-0003"_s, QJsonObject { { u"name"_s, u"0 Aisle first"_s } }))
                    .ok());
        ReviewFilter bySession;
        bySession.sortColumn = ReviewColumn::Session;
        bySession.descending = false;
        auto first = await(repo.page(bySession, 0, 100));
        QVERIFY(first.ok());
        QCOMPARE(int(first->size()), 100);
        for (const auto &r : *first)
            QCOMPARE(r.sessionName, u"0 Aisle first"_s);
        QCOMPARE(staleSortKeys(), 0);

        // A photo added to a capture with none.
        exec(u"DELETE FROM photos WHERE capture_id = 'bench-capture-000102'"_s);
        exec(u"INSERT INTO photos (id, session_id, capture_id, photo_type, file_path, created) "
             u"SELECT 'extra-' || n, session_id, id, 'front', '/tmp/p' || n || '.jpg', created FROM captures, "
             u"(SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) "
             u"WHERE id = 'bench-capture-000102'"_s);
        QCOMPARE(firstId(ReviewColumn::Photos, true), u"bench-capture-000102"_s);
        QCOMPARE(staleSortKeys(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReviewRepository)
#include "tst_reviewrepository.moc"
