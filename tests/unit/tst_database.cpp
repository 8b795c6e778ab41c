// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "migrations.h"
#include "outbox.h"
#include "productrepository.h"
#include "sessionrepository.h"
#include "sqlhelpers.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

#include <set>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::store;
using closient::test::await;

class TestDatabase : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static StoreError openError(const QString &file)
    {
        Database db;
        auto r = await(db.open(file));
        return r.ok() ? StoreError {} : r.error();
    }

private Q_SLOTS:
    void freshDatabase()
    {
        const auto file = path(u"fresh.sqlite"_s);
        {
            Database db;
            auto r = await(db.open(file));
            QVERIFY2(r.ok(), qPrintable(r.error().message));
            const auto pragmas = await(db.run([](QSqlDatabase &c) {
                QStringList out;
                for (const auto p : { u"journal_mode", u"synchronous", u"foreign_keys" }) {
                    QSqlQuery q(c);
                    q.exec(u"PRAGMA "_s + QString::fromUtf16(p));
                    q.next();
                    out << q.value(0).toString();
                }
                return out;
            }));
            // WAL with synchronous=FULL (2): every commit is on disk before it returns.
            QCOMPARE(pragmas, QStringList({ u"wal"_s, u"2"_s, u"1"_s }));
        }
        test::RawDb raw(file);
        QCOMPARE(raw.scalar(u"SELECT version FROM schema_version"_s).toInt(), latestSchemaVersion());
        QCOMPARE(raw.scalar(u"PRAGMA application_id"_s).toInt(), 0x434C5354);
        const auto schema = raw.schema().join(u'\n');
        for (const auto table : { u"sessions", u"captures", u"photos", u"products", u"lots", u"serials", u"label_jobs",
                 u"print_log", u"count_sessions", u"count_lines", u"epcis_events", u"outbox", u"settings",
                 u"capture_reviews", u"capture_gtin_corrections", u"captures_search" })
            QVERIFY2(
                schema.contains(u"table "_s + QString::fromUtf16(table) + u' '), qPrintable(QString::fromUtf16(table)));
    }

    void everyEarlierVersionMigratesToTheFreshSchema()
    {
        const auto fresh = path(u"reference.sqlite"_s);
        QVERIFY(await(Database().open(fresh)).ok());
        QStringList freshSchema;
        {
            test::RawDb raw(fresh, u"ref"_s);
            freshSchema = raw.schema();
        }
        QDirIterator it(test::dataFile(u"store"_s), { u"closient-v*.sqlite"_s });
        int fixtures = 0;
        while (it.hasNext()) {
            const auto fixture = it.next();
            ++fixtures;
            const auto copy = path(QFileInfo(fixture).fileName());
            QFile::remove(copy);
            QVERIFY(QFile::copy(fixture, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            int sessionsBefore = 0, capturesBefore = 0;
            {
                test::RawDb raw(copy, u"before"_s);
                sessionsBefore = raw.scalar(u"SELECT count(*) FROM sessions"_s).toInt();
                capturesBefore = raw.scalar(u"SELECT count(*) FROM captures"_s).toInt();
            }
            QVERIFY2(sessionsBefore > 0 && capturesBefore > 0, "fixtures hold data");
            {
                Database db;
                auto r = await(db.open(copy));
                QVERIFY2(r.ok(), qPrintable(r.error().message));
            }
            test::RawDb raw(copy, u"after"_s);
            QCOMPARE(raw.schema(), freshSchema);
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM sessions"_s).toInt(), sessionsBefore);
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM captures"_s).toInt(), capturesBefore);
            QCOMPARE(raw.scalar(u"PRAGMA foreign_key_check"_s), QVariant());
        }
        QVERIFY2(fixtures >= 1, "tests/data/store holds a database of every released schema version");
    }

    void countRowsOfAnEarlierStoreAreCarriedOver()
    {
        // Version 4 had count tables no program wrote; the fixture holds rows anyway, and version 6 keeps them.
        const auto copy = path(u"counts-v4.sqlite"_s);
        QFile::remove(copy);
        QVERIFY(QFile::copy(test::dataFile(u"store/closient-v4.sqlite"_s), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        {
            Database db;
            auto r = await(db.open(copy));
            QVERIFY2(r.ok(), qPrintable(r.error().message));
        }
        test::RawDb raw(copy, u"counts"_s);
        QCOMPARE(
            raw.scalar(u"SELECT location_name FROM count_sessions WHERE id = 'c-old-1'"_s).toString(), u"Back store"_s);
        QCOMPARE(raw.scalar(u"SELECT count(*) FROM count_lines WHERE count_session_id = 'c-old-1'"_s).toInt(), 2);
        QCOMPARE(raw.scalar(u"SELECT group_concat(seq || ':' || id || ':' || status, ',') FROM "
                            "(SELECT * FROM count_lines ORDER BY seq)"_s)
                     .toString(),
            u"1:l1:COUNTED,2:l2:COUNTED"_s);
        QCOMPARE(raw.scalar(u"SELECT quantity FROM count_expected WHERE count_session_id = 'c-old-1' AND lot = 'L1'"_s)
                     .toDouble(),
            5.0);
    }

    void migratedCapturesAreSearchableAndStayIndexed()
    {
        // Every capture stored before the review schema is in the full-text index after the upgrade, and the
        // triggers keep the index in step with later changes to the capture and to the products cache.
        QDirIterator it(test::dataFile(u"store"_s), { u"closient-v*.sqlite"_s });
        int fixtures = 0;
        while (it.hasNext()) {
            const auto fixture = it.next();
            ++fixtures;
            const auto copy = path(u"search-"_s + QFileInfo(fixture).fileName());
            QFile::remove(copy);
            QVERIFY(QFile::copy(fixture, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            QString code;
            int captures = 0;
            {
                test::RawDb raw(copy, u"before"_s);
                captures = raw.scalar(u"SELECT count(*) FROM captures"_s).toInt();
                code = raw.scalar(u"SELECT raw_value FROM captures ORDER BY created LIMIT 1"_s).toString();
            }
            QVERIFY(!code.isEmpty());
            QVERIFY(await(Database().open(copy)).ok());
            test::RawDb raw(copy, u"after"_s);
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM captures_search"_s).toInt(), captures);
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM capture_search_keys"_s).toInt(), captures);
            const auto quoted = u"\"%1\""_s.arg(code.replace(u'"', u"\"\""_s));
            QSqlQuery q(raw.db());
            QVERIFY(q.prepare(u"SELECT count(*) FROM captures_search WHERE captures_search MATCH ?"_s));
            q.addBindValue(u"code : "_s + quoted);
            QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            QVERIFY(q.value(0).toInt() >= 1);

            QVERIFY(raw.exec(u"UPDATE captures SET lot = 'ZZLOT77' WHERE rowid = (SELECT min(rowid) FROM captures)"_s));
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM captures_search WHERE captures_search MATCH 'lot : ZZLOT77'"_s)
                         .toInt(),
                1);
            QVERIFY(raw.exec(u"UPDATE captures SET gtin = '09506000134352', product_name = NULL "
                             u"WHERE rowid = (SELECT min(rowid) FROM captures)"_s));
            QVERIFY(raw.exec(u"INSERT INTO products (gtin, product_name, fetched) VALUES "
                             u"('09506000134352', 'Blue Widget', '2026-11-30T10:00:00.000Z')"_s));
            const int unnamed = raw.scalar(u"SELECT count(*) FROM captures WHERE gtin = '09506000134352' "
                                           u"AND coalesce(product_name, '') = ''"_s)
                                    .toInt();
            QVERIFY(unnamed >= 1);
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM captures_search WHERE captures_search MATCH "
                                u"'product_name : widget'"_s)
                         .toInt(),
                unnamed);
        }
        QVERIFY(fixtures >= 1);
    }

    void migratedCapturesHaveTheirSortKeys()
    {
        // Every capture stored before the sort keys has them after the upgrade, equal to what the review table
        // shows: the session's name, the GTIN in force, the product name, the review state and the photo count.
        QDirIterator it(test::dataFile(u"store"_s), { u"closient-v*.sqlite"_s });
        int fixtures = 0;
        while (it.hasNext()) {
            const auto fixture = it.next();
            ++fixtures;
            const auto copy = path(u"sortkeys-"_s + QFileInfo(fixture).fileName());
            QFile::remove(copy);
            QVERIFY(QFile::copy(fixture, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            QVERIFY(await(Database().open(copy)).ok());
            test::RawDb raw(copy, u"after"_s);
            const int captures = raw.scalar(u"SELECT count(*) FROM captures"_s).toInt();
            QVERIFY(captures > 0);
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM capture_sort_keys"_s).toInt(), captures);
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM captures c JOIN sessions s ON s.id = c.session_id "
                                u"LEFT JOIN capture_reviews r ON r.capture_id = c.id "
                                u"LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) "
                                u"JOIN capture_sort_keys k ON k.capture_id = c.id "
                                u"WHERE k.session_name = coalesce(json_extract(s.metadata, '$.name'), s.created) "
                                u"AND k.gtin = coalesce(r.gtin, c.gtin) "
                                u"AND k.product_name = coalesce(nullif(c.product_name, ''), p.product_name, '') "
                                u"AND k.review = coalesce(r.state, 'UNREVIEWED') "
                                u"AND k.photos = (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)"_s)
                         .toInt(),
                captures);
            if (QFileInfo(fixture).fileName() == u"closient-v7.sqlite") {
                // A store with reviews: a flagged capture whose GTIN was corrected, named from the corrected GTIN.
                QCOMPARE(raw.scalar(u"SELECT group_concat(capture_id || ':' || session_name || ':' || gtin || ':' || "
                                    u"product_name || ':' || review || ':' || photos, ' | ') FROM "
                                    u"(SELECT * FROM capture_sort_keys ORDER BY seq)"_s)
                             .toString(),
                    u"v7-capture-1:Cold room:09506000134383:Blue Widget:REVIEWED:0 | "
                    u"v7-capture-2:Cold room:09506000134383:Cordial as printed:UNREVIEWED:0 | "
                    u"v7-capture-3:2026-10-02T08:00:00.000Z:09506000134390:Oat Drink:FLAGGED:0 | "
                    u"v7-capture-4:2026-10-02T08:00:00.000Z:::UNREVIEWED:2"_s);
            }
        }
        QVERIFY(fixtures >= 5);
    }

    void cachedProductsOfAnEarlierStoreAreClosients()
    {
        // Every product cached before local edits came from Closient: after the upgrade its values are kept as
        // Closient's too, none is marked as edited, and an edit then a clear brings the cached values back.
        const auto fixture = test::dataFile(u"store/closient-v8.sqlite"_s);
        const auto copy = path(u"products-v8.sqlite"_s);
        QFile::remove(copy);
        QVERIFY(QFile::copy(fixture, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QString before;
        const auto rows = u"SELECT group_concat(gtin || ':' || product_name || ':' || brand || ':' || description, "
                          u"' | ') FROM (SELECT * FROM products ORDER BY gtin)"_s;
        {
            test::RawDb raw(copy, u"before"_s);
            QCOMPARE(raw.scalar(u"SELECT version FROM schema_version"_s).toInt(), 8);
            before = raw.scalar(rows).toString();
        }
        QCOMPARE(before,
            u"09506000134383:Blue Widget:Acme: | 09506000134390:Oat Drink:Fjord: | "
            u"09506000134406:Sparkling Water 330 ml:Fjord:Carbonated spring water"_s);
        {
            Database db;
            QVERIFY(await(db.open(copy)).ok());
            ProductRepository products(&db);
            const auto edit = ProductRepository::checkEdit(u"9506000134406"_s, u"Fjord Sparkling"_s);
            QVERIFY(edit.ok());
            QVERIFY(await(products.setLocal(edit.value())).ok());
            QCOMPARE(await(db.run([](QSqlDatabase &c) {
                QSqlQuery q(c);
                q.exec(u"SELECT product_name FROM capture_sort_keys WHERE capture_id = 'v7-capture-1'"_s);
                return q.next() ? q.value(0).toString() : QString();
            })),
                u"Blue Widget"_s);
            QVERIFY(await(products.clearLocal(u"09506000134406"_s)).ok());
        }
        test::RawDb raw(copy, u"after"_s);
        QCOMPARE(raw.scalar(rows).toString(), before);
        QCOMPARE(raw.scalar(u"SELECT count(*) FROM products WHERE server_name IS product_name AND server_brand IS "
                            u"brand AND server_description IS description AND edited IS NULL"_s)
                     .toInt(),
            3);
    }

    void refusesAFileThatIsNotADatabase()
    {
        const auto file = path(u"notes.sqlite"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("shopping list: milk, eggs\n");
        f.close();
        const auto before = test::fileHash(file);
        const auto e = openError(file);
        QCOMPARE(e.code, u"not_a_database"_s);
        QVERIFY(e.message.contains(u"left untouched"_s));
        QCOMPARE(test::fileHash(file), before);
    }

    void refusesACorruptDatabase()
    {
        const auto file = path(u"corrupt.sqlite"_s);
        {
            Database db;
            QVERIFY(await(db.open(file)).ok());
            SessionRepository sessions(&db);
            for (int i = 0; i < 200; ++i)
                QVERIFY(await(sessions.create(u"barcode_scan"_s, { { u"note"_s, QString(400, u'x') } })).ok());
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 16 * 4096);
        f.seek(5 * 4096 + 100); // inside a table page: garbage where rows were
        f.write(QByteArray(3000, '\xA5'));
        f.seek(2 * 4096);
        f.write(QByteArray(64, '\x7F'));
        f.close();
        const auto before = test::fileHash(file);
        const auto e = openError(file);
        QCOMPARE(e.code, u"corrupt"_s);
        QCOMPARE(test::fileHash(file), before);
    }

    void refusesAnotherProgramsDatabase()
    {
        const auto file = path(u"other.sqlite"_s);
        {
            test::RawDb raw(file, u"other"_s);
            QVERIFY(raw.exec(u"CREATE TABLE recipes (name TEXT)"_s));
            QVERIFY(raw.exec(u"INSERT INTO recipes VALUES ('soup')"_s));
        }
        const auto before = test::fileHash(file);
        QCOMPARE(openError(file).code, u"foreign_database"_s);
        QCOMPARE(test::fileHash(file), before);
    }

    void refusesANewerSchema()
    {
        const auto file = path(u"newer.sqlite"_s);
        QVERIFY(await(Database().open(file)).ok());
        {
            test::RawDb raw(file, u"bump"_s);
            QVERIFY(raw.exec(u"UPDATE schema_version SET version = 999"_s));
        }
        const auto e = openError(file);
        QCOMPARE(e.code, u"newer_schema"_s);
        QVERIFY(e.message.contains(u"999"_s));
    }

    void secondInstanceIsRefused()
    {
        const auto file = path(u"exclusive.sqlite"_s);
        auto first = std::make_unique<Database>();
        QVERIFY(await(first->open(file, Database::Access::Exclusive)).ok());
        Database second;
        auto r = await(second.open(file, Database::Access::Exclusive));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"in_use"_s);
        first.reset();
        Database third;
        QVERIFY(await(third.open(file, Database::Access::Exclusive)).ok());
    }

    void queuedOutboxRowsBecomeDomainOperations()
    {
        // A version 2 store queued HTTP requests (method, path, a "{session}" placeholder in the body); after the
        // upgrade every row is an operation on an entity with a domain payload, in the same order, with the same
        // idempotency key and state, and a capture names its session by its local id.
        const auto copy = path(u"outbox-v2.sqlite"_s);
        QVERIFY(QFile::copy(test::dataFile(u"store/closient-v2.sqlite"_s), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList keysBefore;
        int doneBefore = 0;
        {
            test::RawDb raw(copy, u"v2"_s);
            QCOMPARE(raw.scalar(u"SELECT version FROM schema_version"_s).toInt(), 2);
            QSqlQuery q(raw.db());
            QVERIFY(q.exec(u"SELECT idempotency_key FROM outbox ORDER BY seq"_s));
            while (q.next())
                keysBefore << q.value(0).toString();
            doneBefore = raw.scalar(u"SELECT count(*) FROM outbox WHERE state = 'done'"_s).toInt();
        }
        QVERIFY(keysBefore.size() >= 8);
        QCOMPARE(doneBefore, 1);
        Database db;
        QVERIFY(await(db.open(copy)).ok());
        const auto pending = await(OutboxRepository(&db).pending());
        QCOMPARE(int(pending.size()), keysBefore.size() - 1); // the row already sent stays done
        QHash<QString, QString> sessionOfCapture;
        {
            test::RawDb raw(copy, u"v3"_s);
            QSqlQuery q(raw.db());
            QVERIFY(q.exec(u"SELECT id, session_id FROM captures"_s));
            while (q.next())
                sessionOfCapture.insert(q.value(0).toString(), q.value(1).toString());
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM outbox WHERE state = 'done'"_s).toInt(), 1);
        }
        std::set<OutboxOp> ops;
        qint64 lastSeq = 0;
        for (const auto &e : pending) {
            QVERIFY(e.seq > lastSeq);
            lastSeq = e.seq;
            QCOMPARE(e.idempotencyKey, keysBefore.at(int(e.seq) - 1));
            ops.insert(e.op);
            QVERIFY(!e.payload.contains(u"session_short_id"_s));
            if (e.entity == OutboxEntity::Capture && e.op == OutboxOp::Create) {
                QVERIFY(sessionOfCapture.contains(e.entityId));
                QCOMPARE(e.payload.value(u"session_id"_s).toString(), sessionOfCapture.value(e.entityId));
                QVERIFY(!e.payload.value(u"raw_value"_s).toString().isEmpty());
            }
        }
        QVERIFY(
            ops == (std::set<OutboxOp> { OutboxOp::Create, OutboxOp::End, OutboxOp::UpdateMetadata, OutboxOp::Void }));
        // New rows continue the sequence.
        const auto session = await(SessionRepository(&db).create(u"barcode_scan"_s, {}));
        QVERIFY(session.ok());
        const auto after = await(OutboxRepository(&db).pending());
        QVERIFY(after.back().seq > lastSeq);
    }

    void readOnlyAccessToNoStoreMakesNone()
    {
        // A typo in --db with a read-only command: said, and no empty store is left behind to look like one.
        const QString file = path(u"typo/nothing-here.sqlite"_s);
        Database db;
        const auto r = await(db.open(file, Database::Access::ReadOnly));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"not_found"_s);
        QVERIFY2(r.error().message.contains(file), qPrintable(r.error().message));
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(!QFileInfo::exists(QFileInfo(file).absolutePath()));
    }

    void anUpgradeKeepsTheStoreAsItWas()
    {
        const auto copy = path(u"kept-v3.sqlite"_s);
        QVERIFY(QFile::copy(test::dataFile(u"store/closient-v3.sqlite"_s), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const auto before = test::fileHash(copy);
        {
            Database db;
            QVERIFY(await(db.open(copy)).ok());
        }
        const QString backup = copy + u".schema-3.bak"_s;
        QVERIFY2(QFileInfo::exists(backup), "the store as it was is kept beside it");
        QCOMPARE(QFileInfo(backup).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        {
            test::RawDb raw(backup, u"backup"_s);
            QCOMPARE(raw.scalar(u"SELECT version FROM schema_version"_s).toInt(), 3);
            test::RawDb upgraded(copy, u"upgraded"_s);
            QCOMPARE(
                raw.scalar(u"SELECT count(*) FROM captures"_s), upgraded.scalar(u"SELECT count(*) FROM captures"_s));
            QCOMPARE(upgraded.scalar(u"SELECT version FROM schema_version"_s).toInt(), latestSchemaVersion());
        }
        QVERIFY(test::fileHash(copy) != before);
        // Opening again changes nothing more and makes no second copy.
        const auto backupHash = test::fileHash(backup);
        {
            Database db;
            QVERIFY(await(db.open(copy)).ok());
        }
        QCOMPARE(test::fileHash(backup), backupHash);
    }

    void readOnlyAccessNeverWrites()
    {
        // An older store is upgraded once (the only write), then read; writes through read-only access are refused.
        const auto fixture = test::dataFile(u"store/closient-v1.sqlite"_s);
        const auto copy = path(u"readonly-v1.sqlite"_s);
        QVERIFY(QFile::copy(fixture, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        Database db;
        auto r = await(db.open(copy, Database::Access::ReadOnly));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QVERIFY(db.isReadOnly());
        const auto sessions = await(SessionRepository(&db).list());
        QVERIFY(!sessions.empty());
        const auto before = test::fileHash(copy);
        const auto write = await(SessionRepository(&db).create(u"barcode_scan"_s, {}));
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code, u"read_only"_s);
        QCOMPARE(await(SessionRepository(&db).list()).size(), sessions.size());
        QCOMPARE(test::fileHash(copy), before);
    }

    void newStoreAndItsFoldersAreTheUsersOnly()
    {
        const auto mode = [](const QString &p) {
            struct stat st
            {
            };
            return ::stat(QFile::encodeName(p).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
        };
        for (const auto access : { Database::Access::Shared, Database::Access::Exclusive }) {
            const QString top = path(access == Database::Access::Shared ? u"private-a"_s : u"private-b"_s);
            const QString file = top + u"/deeper/store.sqlite"_s;
            Database db;
            auto r = await(db.open(file, access));
            QVERIFY2(r.ok(), qPrintable(r.error().message));
            QVERIFY(await(SessionRepository(&db).create(u"barcode_scan"_s, {})).ok());
            QCOMPARE(mode(top), 0700);
            QCOMPARE(mode(top + u"/deeper"_s), 0700);
            QCOMPARE(mode(file), 0600);
            QCOMPARE(mode(file + u"-wal"_s), 0600); // the open store's log and index too
            QCOMPARE(mode(file + u"-shm"_s), 0600);
            QCOMPARE(QDir(top + u"/deeper"_s).entryList(QDir::Files | QDir::Hidden).filter(u".new"_s), QStringList());
        }
    }

    void commitsByAnotherProgramAreAnnouncedOwnAreNot()
    {
        const QString file = path(u"watched.sqlite"_s);
        Database window;
        QVERIFY(await(window.open(file, Database::Access::Exclusive)).ok());
        QSignalSpy elsewhere(&window, &Database::changedElsewhere);
        window.watchOtherWriters(50);
        // The window's own writes are not news.
        QVERIFY(await(SessionRepository(&window).create(u"barcode_scan"_s, {})).ok());
        QTest::qWait(300);
        QCOMPARE(elsewhere.count(), 0);
        // Another program's commit is (the command line opens the store shared).
        {
            Database commandLine;
            QVERIFY(await(commandLine.open(file, Database::Access::Shared)).ok());
            QVERIFY(await(SessionRepository(&commandLine).create(u"barcode_scan"_s, {})).ok());
        }
        QTRY_VERIFY_WITH_TIMEOUT(elsewhere.count() >= 1, 5000);
        const int seen = elsewhere.count();
        QTest::qWait(300);
        QCOMPARE(elsewhere.count(), seen); // once per change, not on every look
    }

    void reusedStatementsGiveTheSameAnswersAndCommit()
    {
        Database db;
        QVERIFY(await(db.open(path(u"reused.sqlite"_s))).ok());
        const bool good = await(db.run([](QSqlDatabase &c) {
            bool ok = false;
            (void)exec(c, u"CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)"_s, {}, &ok);
            if (!ok)
                return false;
            Transaction tx(c);
            const ReusedStatements reused(c);
            const QString insert = u"INSERT INTO t (k, v) VALUES (?, ?)"_s;
            const QString select = u"SELECT v FROM t WHERE k = ?"_s;
            for (int i = 1; i <= 200; ++i) {
                (void)exec(c, insert, { i, u"v%1"_s.arg(i) }, &ok);
                if (!ok)
                    return false;
                // Read back through the one prepared SELECT, left unfinished as a loop leaves it.
                auto q = exec(c, select, { i });
                if (!q.next() || q.value(0).toString() != u"v%1"_s.arg(i))
                    return false;
            }
            // Prepared once: the scope hands out the same statement each time; another connection gets none.
            QSqlQuery *first = ReusedStatements::prepared(c, select);
            if (!first || ReusedStatements::prepared(c, select) != first)
                return false;
            QSqlDatabase other = QSqlDatabase::cloneDatabase(c, u"reused-other"_s);
            const bool otherReused = ReusedStatements::prepared(other, select) != nullptr;
            other = QSqlDatabase();
            QSqlDatabase::removeDatabase(u"reused-other"_s);
            if (otherReused)
                return false;
            // A row that is not there, and a failed statement that is reported as before.
            if (exec(c, select, { 999 }).next())
                return false;
            (void)exec(c, insert, { 1, u"again"_s }, &ok);
            if (ok)
                return false;
            {
                // A nested scope on the same connection; the outer one is used again after it.
                const ReusedStatements inner(c);
                auto q = exec(c, select, { 7 });
                if (!q.next() || q.value(0).toString() != u"v7"_s)
                    return false;
            }
            auto q = exec(c, select, { 8 });
            if (!q.next() || q.value(0).toString() != u"v8"_s)
                return false;
            // The transaction commits with the reused statements still prepared.
            return tx.commit();
        }));
        QVERIFY(good);
        const int rows = await(db.run([](QSqlDatabase &c) {
            auto q = exec(c, u"SELECT count(*) FROM t"_s);
            return q.next() ? q.value(0).toInt() : -1;
        }));
        QCOMPARE(rows, 200);
    }

    void workQueuedAfterShutdownIsCancelledNotHung()
    {
        QFuture<int> pending;
        {
            Database db;
            QVERIFY(await(db.open(path(u"shutdown.sqlite"_s))).ok());
            pending = db.run([](QSqlDatabase &) {
                QThread::msleep(50);
                return 1;
            });
        }
        pending.waitForFinished();
        QVERIFY(pending.isFinished());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
