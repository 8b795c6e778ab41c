// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The labels command line as a person or a script uses it: stocks and layouts listed, exports with a layout,
// thermal ZPL to a file and to a fake network printer (decoded back), help for the group, and usage errors
// (exit 2) that change nothing.
#include "clirunner.h"
#include "fakeprinter.h"
#include "isolateddecoder.h"
#include "zplreader.h"

#include <QGuiApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using closient::test::runCli;

class TestLabelCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    QStringList withDb(const QStringList &args) const { return QStringList { u"--db"_s, m_db } + args; }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(u"cli.sqlite"_s);
        const auto added = runCli(withDb({ u"labels"_s, u"add"_s, u"--gtin"_s, u"09506000134352"_s, u"--lot"_s, u"L7"_s,
            u"--expiry"_s, u"2027-01-31"_s, u"--first"_s, u"1"_s, u"--count"_s, u"3"_s, u"--prefix"_s, u"C"_s }));
        QVERIFY2(added.exitCode == 0, added.err.constData());
        // The products cache, as sync fills it: the layouts print the product's name.
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"products"_s);
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO products (gtin, product_name, brand, fetched) VALUES ('09506000134352', "
                           u"'Frozen garden peas 1 kg', 'Acme Foods', '2026-11-30T10:00:00Z')"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"products"_s);
    }

    void theGroupListsItsSubcommands()
    {
        const auto help = runCli({ u"labels"_s, u"--help"_s });
        QCOMPARE(help.exitCode, 0);
        for (const char *name : { "labels stocks", "labels layouts", "labels export", "labels log", "labels void" })
            QVERIFY2(help.out.contains(name), help.out.constData());
        const auto bare = runCli({ u"labels"_s });
        QCOMPARE(bare.exitCode, 2);
        QVERIFY(bare.err.contains("labels export"));
        QVERIFY(!runCli({ u"nosuchgroup"_s, u"--help"_s }).err.isEmpty());
    }

    void stocksAreListedAndSearched()
    {
        const auto all = runCli({ u"labels"_s, u"stocks"_s, u"--json"_s });
        QCOMPARE(all.exitCode, 0);
        const auto lines = all.jsonLines();
        QVERIFY2(lines.size() > 10, all.err.constData());
        const auto found = runCli({ u"labels"_s, u"stocks"_s, u"--search"_s, u"5160"_s, u"--json"_s });
        QCOMPARE(found.exitCode, 0);
        const auto first = found.jsonLines().value(0);
        QCOMPARE(first.value(u"brand"_s).toString(), u"Avery"_s);
        QCOMPARE(first.value(u"part"_s).toString(), u"5160"_s);
        QCOMPARE(first.value(u"labels_per_sheet"_s).toInt(), 30);
        QCOMPARE(first.value(u"size"_s).toString(), u"1 × 2⅝ in"_s);
        QVERIFY(!first.value(u"description"_s).toString().isEmpty());
        const auto table = runCli({ u"labels"_s, u"stocks"_s, u"--search"_s, u"Avery 5160"_s });
        QVERIFY2(table.out.startsWith("Avery 5160"), table.out.constData());
        QCOMPARE(runCli({ u"labels"_s, u"stocks"_s, u"--search"_s, u"zzznothing"_s }).exitCode, 1);
    }

    void layoutsAreListed()
    {
        const auto r = runCli({ u"labels"_s, u"layouts"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 0);
        QStringList names;
        for (const auto &l : r.jsonLines())
            names << l.value(u"name"_s).toString();
        QVERIFY2(names.contains(u"Product label"_s) && names.contains(u"Shelf label"_s), r.out.constData());
        QVERIFY(runCli({ u"labels"_s, u"layouts"_s }).out.contains("Product label"));
    }

    void exportWithALayout()
    {
        const QString out = m_dir.filePath(u"product.pdf"_s);
        const auto r = runCli(withDb({ u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--layout"_s,
            u"Shelf label"_s, u"--stock"_s, u"Avery L7160"_s, u"--out"_s, out }));
        // The shelf label's EAN-13 carries the GTIN alone; every label is read back.
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto line = r.jsonLines().value(0);
        QCOMPARE(line.value(u"verified"_s).toInt(), 3);
        QCOMPARE(line.value(u"layout"_s).toString(), u"Shelf label"_s);
        QVERIFY(line.value(u"stock"_s).toString().startsWith(u"Avery L7160"_s));
        QVERIFY(QFile::exists(out));
    }

    void thermalZplToAFile()
    {
        const QString out = m_dir.filePath(u"labels.zpl"_s);
        const auto r = runCli(withDb({ u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--type"_s, u"thermal"_s,
            u"--format"_s, u"zpl"_s, u"--layout"_s, u"Product label"_s, u"--dpi"_s, u"203"_s, u"--darkness"_s, u"25"_s,
            u"--media"_s, u"gap"_s, u"--out"_s, out }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray zpl = f.readAll();
        QString error;
        const auto labels = closient::test::readZpl(zpl, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(labels.size(), size_t(3));
        QCOMPARE(zpl.count("^XA"), 3);
        QCOMPARE(labels[0].darkness, 25);
        QCOMPARE(labels[0].media, u"Y"_s);
        closient::scanning::IsolatedDecoder decoder;
        const QImage gray = labels[2].image.convertToFormat(QImage::Format_Grayscale8);
        const auto outcome = decoder.decodeGray(gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()),
            closient::scanning::Strategy::Still, 0, 20000);
        QCOMPARE(int(outcome.results.size()), 1);
        QVERIFY2(outcome.results.front().text.endsWith(u"21C3"_s), qPrintable(outcome.results.front().text));
    }

    void thermalToANetworkPrinter()
    {
        closient::test::FakeNetworkPrinter printer;
        const QStringList args = withDb({ u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--type"_s,
            u"thermal"_s, u"--layout"_s, u"Product label"_s, u"--dpi"_s, u"300"_s, u"--print-to"_s,
            u"tcp://127.0.0.1:%1"_s.arg(printer.port()) });
        auto running = QtConcurrent::run([args] { return runCli(args); });
        QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 120000);
        const auto r = running.result();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(printer.jobs().size(), 1);
        QString error;
        QCOMPARE(closient::test::readZpl(printer.jobs().first(), &error).size(), size_t(3));
        // Again: the serials were printed, so it is a reprint and needs a reason (exit 1, nothing sent).
        auto again = QtConcurrent::run([args] { return runCli(args); });
        QTRY_VERIFY_WITH_TIMEOUT(again.isFinished(), 120000);
        QCOMPARE(again.result().exitCode, 1);
        QVERIFY(again.result().err.contains("--reprint-reason"));
        QCOMPARE(printer.jobs().size(), 1);
        const auto log = runCli(withDb({ u"labels"_s, u"log"_s, u"--limit"_s, u"1"_s })).jsonLines().value(0);
        QCOMPARE(log.value(u"printer"_s).toString(), u"tcp://127.0.0.1:%1"_s.arg(printer.port()));
        QCOMPARE(log.value(u"items"_s).toInt(), 3);
    }

    void usageErrorsExitTwoAndChangeNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("said");
        const QStringList exportArgs { u"labels"_s, u"export"_s, u"--out"_s, u"/tmp/never-written.pdf"_s };
        QTest::newRow("scope") << exportArgs + QStringList { u"--scope"_s, u"boxes"_s } << u"scope"_s;
        QTest::newRow("type") << exportArgs + QStringList { u"--type"_s, u"poster"_s } << u"export_type"_s;
        QTest::newRow("gtin") << exportArgs + QStringList { u"--scope"_s, u"serials"_s, u"--gtin"_s, u"123"_s }
                              << u"123"_s;
        QTest::newRow("pages without print")
            << exportArgs + QStringList { u"--scope"_s, u"serials"_s, u"--pages"_s, u"2"_s } << u"--pages"_s;
        QTest::newRow("reason without print")
            << exportArgs + QStringList { u"--scope"_s, u"serials"_s, u"--reprint-reason"_s, u"x"_s }
            << u"--reprint-reason"_s;
        QTest::newRow("dpi on a sheet") << exportArgs + QStringList { u"--scope"_s, u"serials"_s, u"--dpi"_s, u"300"_s }
                                        << u"--dpi"_s;
        QTest::newRow("thermal dpi") << QStringList { u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--type"_s,
            u"thermal"_s, u"--layout"_s, u"Product label"_s, u"--dpi"_s, u"250"_s, u"--out"_s, u"/tmp/never.zpl"_s }
                                     << u"--dpi"_s;
        QTest::newRow("thermal without a target") << QStringList { u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s,
            u"--type"_s, u"thermal"_s, u"--dpi"_s, u"203"_s }
                                                  << u"--print-to"_s;
        QTest::newRow("map without a file")
            << exportArgs + QStringList { u"--scope"_s, u"serials"_s, u"--map"_s, u"Charge=lot"_s } << u"--map"_s;
        QTest::newRow("zpl on a sheet") << exportArgs
                + QStringList { u"--scope"_s, u"serials"_s, u"--format"_s, u"zpl"_s }
                                        << u"thermal"_s;
    }

    void usageErrorsExitTwoAndChangeNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, said);
        const auto r = runCli(withDb(args));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(said.toUtf8()), r.err.constData());
        QVERIFY(!QFile::exists(u"/tmp/never-written.pdf"_s));
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestLabelCli t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_labelcli.moc"
