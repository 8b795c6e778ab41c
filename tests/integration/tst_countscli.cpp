// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// closient-station counts ... through the real binary: a count started with expected quantities, codes read from
// stdin exactly as scanners send them (AIM identifiers, GS, Digital Links, "12x" prefixes), repeats and
// refusals answered one JSON line per code, undo, the variance as text, JSON, CSV and PDF (read back with Poppler),
// finish, and the EPCIS document exported, valid for the station and for python3-jsonschema.
#include "clirunner.h"
#include "tst_epcispython.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>

using namespace Qt::StringLiterals;
using namespace closient;

class TestCountsCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    test::CliResult cli(QStringList args, const QByteArray &input = {})
    {
        args.prepend(m_db);
        args.prepend(u"--db"_s);
        return test::runCli(args, input);
    }

    QString start(const QStringList &extra = {})
    {
        const auto r = cli(QStringList { u"counts"_s, u"start"_s, u"--location"_s, u"9521234000006.A1"_s } + extra);
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QString::fromUtf8(r.out).trimmed();
    }

private Q_SLOTS:
    void init() { m_db = m_dir.filePath(u"s%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))); }

    void helpNamesEveryCommand()
    {
        const auto r = test::runCli({ u"--help"_s });
        for (const auto c :
            { "counts start", "counts add", "counts variance", "counts finish", "counts export", "counts list" })
            QVERIFY2(r.out.contains(c), c);
        const auto h = test::runCli({ u"counts"_s, u"add"_s, u"--help"_s });
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("12x"));
    }

    void aWrongLocationIsRefusedWithTheReason()
    {
        const auto r = cli({ u"counts"_s, u"start"_s, u"--location"_s, u"9521234000007"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("check digit"), r.err.constData());
        const auto bad = cli({ u"counts"_s, u"start"_s, u"--location"_s, u"9521234000006"_s, u"--expected"_s,
            test::dataFile(u"counts/expected-bad.csv"_s) });
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("row 3") && bad.err.contains("row 6"), bad.err.constData());
        QCOMPARE(cli({ u"counts"_s, u"list"_s }).out, QByteArray()); // nothing started
    }

    void aCountFromStartToExport()
    {
        const QString id
            = start({ u"--name"_s, u"Aisle 4"_s, u"--expected"_s, test::dataFile(u"counts/expected.csv"_s) });
        QVERIFY(!id.isEmpty());
        const QByteArray codes = "12x\n"
                                 "]C1010950600013435210L1\x1d"
                                 "17270101\n"
                                 "(01)09506000134352(10)L1\n"
                                 "https://id.gs1.org/01/09506000134352/21/S1\n"
                                 "]d2010950600013435221S1\n"
                                 "(01)09506000134353\n"
                                 "3x\n"
                                 "9506000134376\r\n"
                                 "\n"
                                 "(01)09506000134352(21)S2\n";
        const auto add = cli({ u"counts"_s, u"add"_s, u"--count"_s, id, u"-"_s }, codes);
        QCOMPARE(add.exitCode, 1); // one code was refused
        const auto lines = add.jsonLines();
        QCOMPARE(lines.size(), 7); // one per code; the prefixes and the empty line answer nothing
        QCOMPARE(lines.at(0).value(u"outcome"_s).toString(), u"counted"_s);
        QCOMPARE(lines.at(0).value(u"quantity"_s).toDouble(), 12.0);
        QCOMPARE(lines.at(1).value(u"tally"_s).toDouble(), 13.0);
        QCOMPARE(lines.at(2).value(u"serial"_s).toString(), u"S1"_s);
        QCOMPARE(lines.at(3).value(u"outcome"_s).toString(), u"repeated"_s);
        QCOMPARE(lines.at(4).value(u"outcome"_s).toString(), u"refused"_s);
        QVERIFY(lines.at(4).value(u"reason"_s).toString().contains(u"check digit"_s));
        QCOMPARE(lines.at(5).value(u"quantity"_s).toDouble(), 3.0);
        QCOMPARE(lines.at(6).value(u"quantity"_s).toDouble(), 1.0); // the prefix applies to the next code only
        const auto undo = cli({ u"counts"_s, u"undo"_s, u"--count"_s, id });
        QCOMPARE(undo.exitCode, 0);
        QCOMPARE(undo.jsonLines().value(0).value(u"serial"_s).toString(), u"S2"_s);

        const auto csv = cli({ u"counts"_s, u"variance"_s, u"--count"_s, id, u"--csv"_s });
        QCOMPARE(csv.exitCode, 0);
        QVERIFY2(csv.out.contains("09506000134352,L1,10,13,3,over\r\n"), csv.out.constData());
        QVERIFY2(csv.out.contains("09506000134376,,5,3,-2,short\r\n"), csv.out.constData());
        QVERIFY2(csv.out.contains("09506000134352,,,1,1,unexpected\r\n"), csv.out.constData());
        QVERIFY2(csv.out.contains("04006381333931,B7,2,0,-2,missing\r\n"), csv.out.constData());
        const auto json = cli({ u"counts"_s, u"variance"_s, u"--count"_s, id, u"--json"_s });
        QCOMPARE(json.jsonLines().value(0).value(u"summary"_s).toObject().value(u"missing"_s).toInt(), 1);

        const QString pdf = m_dir.filePath(u"variance.pdf"_s);
        const auto written = cli({ u"counts"_s, u"variance"_s, u"--count"_s, id, u"--pdf"_s, pdf });
        QVERIFY2(written.exitCode == 0, written.err.constData());
        auto doc = Poppler::Document::load(pdf);
        QVERIFY(doc);
        QVERIFY(doc->numPages() >= 1);
        const QString text = doc->page(0)->text(QRectF());
        for (const auto s : { u"Inventory count variance", u"9521234000006.A1", u"Aisle 4", u"04006381333931",
                 u"missing", u"unexpected", u"-2" })
            QVERIFY2(text.contains(QString::fromUtf16(s)), qPrintable(text));

        const auto finish = cli({ u"counts"_s, u"finish"_s, u"--count"_s, id });
        QVERIFY2(finish.exitCode == 0, finish.err.constData());
        const auto hashes = finish.jsonLines().value(0).value(u"event_hashes"_s).toArray();
        QCOMPARE(hashes.size(), 2);
        const auto again = cli({ u"counts"_s, u"add"_s, u"--count"_s, id, u"-"_s }, "09506000134352\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("finished"));

        const QString out = m_dir.filePath(u"count.jsonld"_s);
        const auto exported = cli({ u"counts"_s, u"export"_s, u"--count"_s, id, u"--out"_s, out });
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const auto valid = test::runCli({ u"epcis"_s, u"validate"_s, out });
        QVERIFY2(valid.exitCode == 0, valid.out.constData());
        const auto hashed = test::runCli({ u"epcis"_s, u"hash"_s, out });
        QCOMPARE(QString::fromUtf8(hashed.out).split(u'\n', Qt::SkipEmptyParts),
            QStringList({ hashes.at(0).toString(), hashes.at(1).toString() }));
        QString why;
        const auto verdicts = test::jsonschemaVerdicts({ out }, &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        QCOMPARE(verdicts.value(QFileInfo(out).absoluteFilePath()), u"ok"_s);

        // Never over the store, never over another database.
        const auto overStore = cli({ u"counts"_s, u"export"_s, u"--count"_s, id, u"--out"_s, m_db });
        QCOMPARE(overStore.exitCode, 1);
        const auto list = cli({ u"counts"_s, u"list"_s });
        QCOMPARE(list.jsonLines().value(0).value(u"status"_s).toString(), u"finished"_s);
    }

    void blindCountsHideTheVarianceUntilFinished()
    {
        const QString id = start({ u"--blind"_s, u"--expected"_s, test::dataFile(u"counts/expected.csv"_s) });
        QCOMPARE(cli({ u"counts"_s, u"add"_s, u"--count"_s, id, u"-"_s }, "9506000134376\n").exitCode, 0);
        const auto hidden = cli({ u"counts"_s, u"variance"_s, u"--count"_s, id });
        QCOMPARE(hidden.exitCode, 1);
        QVERIFY(hidden.err.contains("blind"));
        QCOMPARE(cli({ u"counts"_s, u"finish"_s, u"--count"_s, id }).exitCode, 0);
        QCOMPARE(cli({ u"counts"_s, u"variance"_s, u"--count"_s, id }).exitCode, 0);
    }

    void namedPlaces()
    {
        QCOMPARE(cli({ u"counts"_s, u"place"_s, u"--name"_s, u"Back store"_s, u"--location"_s, u"9521234000006.B2"_s })
                     .exitCode,
            0);
        const auto r = cli({ u"counts"_s, u"start"_s, u"--location"_s, u"Back store"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.jsonLines().value(0).value(u"location"_s).toString(), u"9521234000006.B2"_s);
        QCOMPARE(r.jsonLines().value(0).value(u"location_name"_s).toString(), u"Back store"_s);
    }
};

QTEST_GUILESS_MAIN(TestCountsCli)
#include "tst_countscli.moc"
