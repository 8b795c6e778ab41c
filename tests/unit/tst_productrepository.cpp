// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Products edited at the station against a real store: edit, clear, and what a pull from Closient does to them.
#include "productrepository.h"

#include "storetestutil.h"
#include "testbase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::store;
using closient::test::await;

namespace {
const QString kKnown = u"09506000134352"_s; // in Closient's catalogue
const QString kUnknown = u"04006381333931"_s; // not (EAN-13 4006381333931 padded)
} // namespace

class TestProductRepository : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_file = 0;

    // What a pull stores when Closient answers with this product.
    void pull(const QString &gtin, const QString &name, const QString &brand, const QString &description = {})
    {
        const QJsonObject p { { u"id"_s, u"srv-"_s + gtin }, { u"gtin"_s, gtin }, { u"product_name"_s, name },
            { u"brand"_s, brand }, { u"description"_s, description } };
        const auto r = await(m_db->run([gtin, p](QSqlDatabase &db) {
            return ProductRepository::storeFromClosient(
                db, gtin, p, QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact)));
        }));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
    }

    bool known(const QString &gtin)
    {
        return await(m_db->run([gtin](QSqlDatabase &db) { return ProductRepository::knownToClosient(db, gtin); }));
    }

    QVariant scalar(const QString &sql)
    {
        return await(m_db->run([sql](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(sql) && q.next() ? q.value(0) : QVariant();
        }));
    }

    Product set(const QString &gtin, const QString &name, std::optional<QString> brand = std::nullopt,
        std::optional<QString> description = std::nullopt)
    {
        const auto edit = ProductRepository::checkEdit(gtin, name, brand, description);
        if (!edit.ok()) {
            qWarning() << edit.error().message;
            return {};
        }
        const auto r = await(ProductRepository(m_db.get()).setLocal(edit.value()));
        if (!r.ok())
            qWarning() << r.error().message;
        return r.ok() ? r.value() : Product {};
    }

    Product shown(const QString &gtin)
    {
        const auto r = await(ProductRepository(m_db.get()).product(gtin));
        return r.ok() ? r.value() : Product {};
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>();
        QVERIFY(await(m_db->open(m_dir.filePath(u"products-%1.sqlite"_s.arg(++m_file)))).ok());
    }

    void cleanup() { m_db.reset(); }

    void editsAProductClosientNamed()
    {
        pull(kKnown, u"Sparkling Water"_s, u"Fjord"_s, u"330 ml can"_s);
        const auto edited = set(kKnown, u"  Fjord Sparkling 330 ml  "_s);
        QCOMPARE(edited.name, u"Fjord Sparkling 330 ml"_s); // trimmed
        QCOMPARE(edited.brand, u"Fjord"_s); // not given: the brand shown stays
        QCOMPARE(edited.description, u"330 ml can"_s);
        QVERIFY(edited.isEdited());
        QCOMPARE(edited.source(), u"edited"_s);
        QCOMPARE(edited.serverName, u"Sparkling Water"_s);

        const auto again = set(kKnown, u"Fjord Sparkling"_s, u"Fjord AS"_s, u""_s);
        QCOMPARE(again.brand, u"Fjord AS"_s);
        QCOMPARE(again.description, QString());
        QCOMPARE(shown(kKnown).name, u"Fjord Sparkling"_s);

        const auto cleared = await(ProductRepository(m_db.get()).clearLocal(kKnown));
        QVERIFY(cleared.ok());
        QCOMPARE(cleared->name, u"Sparkling Water"_s);
        QCOMPARE(cleared->brand, u"Fjord"_s);
        QCOMPARE(cleared->description, u"330 ml can"_s);
        QVERIFY(!cleared->isEdited());
        QCOMPARE(cleared->source(), u"closient"_s);
        // Nothing left to clear: said so, and nothing changes.
        const auto twice = await(ProductRepository(m_db.get()).clearLocal(kKnown));
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, u"not_found"_s);
        QCOMPARE(shown(kKnown).name, u"Sparkling Water"_s);
    }

    void addsAProductClosientDoesNotKnow()
    {
        QVERIFY(!known(kUnknown));
        const auto added = set(u"4006381333931"_s, u"Pencil HB"_s, u"Stabilo"_s);
        QCOMPARE(added.gtin, kUnknown); // the EAN-13 is kept as GTIN-14
        QCOMPARE(added.name, u"Pencil HB"_s);
        QVERIFY(!added.fromClosient);
        QVERIFY(!known(kUnknown)); // the next pull still asks Closient about it
        const auto listed = await(ProductRepository(m_db.get()).list(u"stab"_s));
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), size_t(1));
        QCOMPARE(listed->front().gtin, kUnknown);
        QCOMPARE(listed->front().toJson().value(u"source"_s).toString(), u"edited"_s);

        // Clearing an edit Closient has nothing behind forgets the product.
        const auto cleared = await(ProductRepository(m_db.get()).clearLocal(kUnknown));
        QVERIFY(cleared.ok());
        QVERIFY(cleared->name.isEmpty());
        QCOMPARE(scalar(u"SELECT count(*) FROM products"_s).toInt(), 0);
        QCOMPARE(await(ProductRepository(m_db.get()).product(kUnknown)).error().code, u"not_found"_s);
    }

    void aPullAfterAnEditKeepsTheEdit()
    {
        pull(kKnown, u"Sparkling Water"_s, u"Fjord"_s);
        set(kKnown, u"Our water"_s, u"House"_s, u"Shelf 4"_s);
        pull(kKnown, u"Sparkling Water 330 ml"_s, u"Fjord Group"_s, u"New text"_s);
        const auto p = shown(kKnown);
        QCOMPARE(p.name, u"Our water"_s);
        QCOMPARE(p.brand, u"House"_s);
        QCOMPARE(p.description, u"Shelf 4"_s);
        QVERIFY(p.isEdited());
        // What Closient said is kept, and shown once the edit is cleared.
        QCOMPARE(p.serverName, u"Sparkling Water 330 ml"_s);
        QCOMPARE(p.serverBrand, u"Fjord Group"_s);
        QVERIFY(await(ProductRepository(m_db.get()).clearLocal(kKnown)).ok());
        QCOMPARE(shown(kKnown).name, u"Sparkling Water 330 ml"_s);
        QCOMPARE(shown(kKnown).brand, u"Fjord Group"_s);
        QCOMPARE(shown(kKnown).description, u"New text"_s);
    }

    void aPullOfAProductOnlyEditedHereKeepsTheEdit()
    {
        set(kUnknown, u"Pencil HB"_s, u"Stabilo"_s);
        pull(kUnknown, u"Graphite pencil"_s, u"Stabilo Intl"_s);
        QVERIFY(known(kUnknown)); // not asked again
        QCOMPARE(shown(kUnknown).name, u"Pencil HB"_s);
        QVERIFY(await(ProductRepository(m_db.get()).clearLocal(kUnknown)).ok());
        QCOMPARE(shown(kUnknown).name, u"Graphite pencil"_s);
        QCOMPARE(shown(kUnknown).brand, u"Stabilo Intl"_s);
    }

    void aPullAfterAClearShowsClosients()
    {
        pull(kKnown, u"Sparkling Water"_s, u"Fjord"_s);
        set(kKnown, u"Our water"_s);
        QVERIFY(await(ProductRepository(m_db.get()).clearLocal(kKnown)).ok());
        pull(kKnown, u"Sparkling Water 500 ml"_s, u"Fjord"_s);
        QCOMPARE(shown(kKnown).name, u"Sparkling Water 500 ml"_s);
        QVERIFY(!shown(kKnown).isEdited());
    }

    void badEditsAreRefusedAndChangeNothing()
    {
        pull(kKnown, u"Sparkling Water"_s, u"Fjord"_s);
        struct Case
        {
            QString gtin, name, code, words;
        };
        const QList<Case> cases {
            { u"09506000134353"_s, u"Water"_s, u"invalid"_s, u"check digit"_s },
            { u"95060001343"_s, u"Water"_s, u"invalid"_s, u"is not a GTIN"_s },
            { u"9506000134A52"_s, u"Water"_s, u"invalid"_s, u"is not a GTIN"_s },
            { kKnown, u"   "_s, u"invalid"_s, u"blank"_s },
            { kKnown, QString(201, u'x'), u"invalid"_s, u"at most 200"_s },
            { kKnown, u"Two\nlines"_s, u"invalid"_s, u"control character"_s },
        };
        for (const auto &c : cases) {
            const auto r = ProductRepository::checkEdit(c.gtin, c.name);
            QVERIFY2(!r.ok(), qPrintable(c.gtin + u' ' + c.name));
            QCOMPARE(r.error().code, c.code);
            QVERIFY2(r.error().message.contains(c.words), qPrintable(r.error().message));
        }
        QVERIFY(ProductRepository::checkEdit(kKnown, QString(200, u'x')).ok());
        QVERIFY(ProductRepository::checkEdit(u"96385074"_s, u"Eight digits"_s).ok()); // EAN-8
        QCOMPARE(ProductRepository::checkEdit(u"614141000036"_s, u"UPC-A"_s)->gtin, u"00614141000036"_s);
        QVERIFY(!ProductRepository::checkEdit(kKnown, u"Water"_s, QString(201, u'b')).ok());
        QCOMPARE(shown(kKnown).name, u"Sparkling Water"_s);
        QVERIFY(!shown(kKnown).isEdited());
    }

    void theReviewShowsTheEditedName()
    {
        // The review's sort keys (and so its product column order) follow the name shown, edited or not.
        QVERIFY(await(m_db->run([](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(
                       u"INSERT INTO sessions (id, created, modified, last_activity) VALUES "
                       u"('s1', '2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z')"_s)
                && q.exec(
                    u"INSERT INTO captures (id, session_id, capture_type, raw_value, gtin, created) VALUES "
                    u"('c1', 's1', 'BARCODE', '0109506000134352', '09506000134352', '2026-11-30T10:00:01.000Z')"_s);
        })));
        pull(kKnown, u"Sparkling Water"_s, u"Fjord"_s);
        const auto key = u"SELECT product_name FROM capture_sort_keys WHERE capture_id = 'c1'"_s;
        QCOMPARE(scalar(key).toString(), u"Sparkling Water"_s);
        set(kKnown, u"Our water"_s);
        QCOMPARE(scalar(key).toString(), u"Our water"_s);
        QVERIFY(await(ProductRepository(m_db.get()).clearLocal(kKnown)).ok());
        QCOMPARE(scalar(key).toString(), u"Sparkling Water"_s);
    }
};

QTEST_GUILESS_MAIN(TestProductRepository)
#include "tst_productrepository.moc"
