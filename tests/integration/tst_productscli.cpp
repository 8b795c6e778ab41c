// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// closient-station products ... through the real binary: list, search, set, clear, the refusals, and the labels a
// layout prints with a product named at the station (the PDF's text read back with Poppler).
#include "clirunner.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>

using namespace Qt::StringLiterals;
using namespace closient;
using test::runCli;

namespace {
const QString kGtin = u"09506000134352"_s;
} // namespace

class TestProductsCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    test::CliResult cli(const QStringList &args) { return runCli(QStringList { u"--db"_s, m_db } + args); }

    // What sync stores when Closient names the product.
    bool closientNames(const QString &gtin, const QString &name, const QString &brand)
    {
        bool ok = false;
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"pull"_s);
            db.setDatabaseName(m_db);
            QSqlQuery q(db);
            ok = db.open()
                && q.exec(
                    u"INSERT INTO products (gtin, product_name, brand, fetched, server_name, server_brand, "
                    u"server_description) VALUES ('%1', '%2', '%3', '2026-11-30T10:00:00.000Z', '%2', '%3', '')"_s.arg(
                        gtin, name, brand));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"pull"_s);
        return ok;
    }

    QString exportedText(const QString &name)
    {
        const QString out = m_dir.filePath(name + u".pdf"_s);
        const auto r = cli({ u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--layout"_s, u"Product label"_s,
            u"--stock"_s, u"Avery 5160"_s, u"--out"_s, out });
        if (r.exitCode != 0) {
            qWarning() << r.err;
            return {};
        }
        auto doc = Poppler::Document::load(out);
        if (!doc || doc->numPages() < 1)
            return {};
        return doc->page(0)->text(QRectF());
    }

private Q_SLOTS:
    void init() { m_db = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))); }

    void helpNamesEveryCommand()
    {
        const auto r = runCli({ u"--help"_s });
        for (const char *c : { "products list", "products set", "products clear" })
            QVERIFY2(r.out.contains(c), c);
        const auto h = runCli({ u"products"_s, u"set"_s, u"--help"_s });
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("--name"));
    }

    void setListSearchAndClear()
    {
        auto set = cli({ u"products"_s, u"set"_s, u"4006381333931"_s, u"--name"_s, u"Pencil HB"_s, u"--brand"_s,
            u"Stabilo"_s, u"--json"_s });
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QCOMPARE(set.jsonLines().value(0).value(u"gtin"_s).toString(), u"04006381333931"_s);
        QCOMPARE(set.jsonLines().value(0).value(u"source"_s).toString(), u"edited"_s);
        QVERIFY(closientNames(kGtin, u"Sparkling Water"_s, u"Fjord"_s));

        const auto all = cli({ u"products"_s, u"list"_s, u"--json"_s });
        QCOMPARE(all.exitCode, 0);
        const auto lines = all.jsonLines();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value(u"product_name"_s).toString(), u"Pencil HB"_s); // by name
        QCOMPARE(lines[1].value(u"product_name"_s).toString(), u"Sparkling Water"_s);
        QCOMPARE(lines[1].value(u"source"_s).toString(), u"closient"_s);

        const auto found = cli({ u"products"_s, u"list"_s, u"--search"_s, u"fjo"_s });
        QCOMPARE(found.exitCode, 0);
        QVERIFY2(found.out.startsWith("09506000134352  Sparkling Water  Fjord  (Closient)"), found.out.constData());
        QVERIFY(!found.out.contains("Pencil"));

        // Edited: shown and listed as edited here; cleared: Closient's again.
        const auto edited = cli({ u"products"_s, u"set"_s, kGtin, u"--name"_s, u"House water"_s });
        QVERIFY2(edited.out.contains("House water  Fjord  (edited here)"), edited.out.constData());
        const auto cleared = cli({ u"products"_s, u"clear"_s, kGtin, u"--json"_s });
        QCOMPARE(cleared.exitCode, 0);
        QCOMPARE(cleared.jsonLines().value(0).value(u"product_name"_s).toString(), u"Sparkling Water"_s);
        QCOMPARE(cleared.jsonLines().value(0).value(u"source"_s).toString(), u"closient"_s);
        const auto forgotten = cli({ u"products"_s, u"clear"_s, u"4006381333931"_s, u"--json"_s });
        QCOMPARE(forgotten.jsonLines().value(0).value(u"forgotten"_s).toBool(), true);
        QCOMPARE(cli({ u"products"_s, u"list"_s, u"--json"_s }).jsonLines().size(), 1);
    }

    void badInputIsRefusedWithTheReason()
    {
        QCOMPARE(cli({ u"products"_s, u"set"_s, kGtin, u"--name"_s, u"Water"_s }).exitCode, 0);
        struct Case
        {
            QStringList args;
            int code;
            const char *words;
        };
        const QList<Case> cases {
            { { u"set"_s, u"09506000134353"_s, u"--name"_s, u"x"_s }, 2, "check digit" },
            { { u"set"_s, kGtin }, 2, "--name" },
            { { u"set"_s, u"--name"_s, u"x"_s }, 2, "GTIN" },
            { { u"set"_s, kGtin, u"--name"_s, u" "_s }, 2, "blank" },
            { { u"set"_s, kGtin, u"--name"_s, QString(201, u'n') }, 2, "at most 200" },
            { { u"clear"_s, u"4006381333931"_s }, 1, "knows no product" },
            { { u"clear"_s, u"12345"_s }, 2, "not a GTIN" },
            { { u"list"_s, u"extra"_s }, 2, "unexpected argument" },
        };
        for (const auto &c : cases) {
            const auto r = cli(QStringList { u"products"_s } + c.args);
            QVERIFY2(r.exitCode == c.code, qPrintable(c.args.join(u' ') + u": "_s + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.contains(c.words), r.err.constData());
        }
        const auto after = cli({ u"products"_s, u"list"_s, u"--json"_s }).jsonLines();
        QCOMPARE(after.size(), 1);
        QCOMPARE(after[0].value(u"product_name"_s).toString(), u"Water"_s);
    }

    void labelsPrintTheNameEditedHere()
    {
        const auto added = cli({ u"labels"_s, u"add"_s, u"--gtin"_s, kGtin, u"--lot"_s, u"L7"_s, u"--expiry"_s,
            u"2027-01-31"_s, u"--first"_s, u"1"_s, u"--count"_s, u"2"_s, u"--prefix"_s, u"P"_s });
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(closientNames(kGtin, u"Sparkling Water"_s, u"Fjord"_s));
        const auto server = exportedText(u"closient"_s);
        QVERIFY2(server.contains(u"Sparkling Water"_s), qPrintable(server));

        QCOMPARE(cli({ u"products"_s, u"set"_s, kGtin, u"--name"_s, u"Lemon Fizz"_s, u"--brand"_s, u"House brand"_s })
                     .exitCode,
            0);
        const auto local = exportedText(u"edited"_s);
        QVERIFY2(local.contains(u"Lemon Fizz"_s), qPrintable(local));
        QVERIFY2(!local.contains(u"Sparkling Water"_s), qPrintable(local));
    }
};

QTEST_GUILESS_MAIN(TestProductsCli)
#include "tst_productscli.moc"
