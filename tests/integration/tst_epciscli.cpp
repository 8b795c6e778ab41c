// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// closient-station epcis hash / validate through the real binary: hash IDs one per line in document order,
// every reason with its JSON path, exit codes as documented.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QString epcisData(const QString &relative)
{
    return test::dataFile(u"epcis/"_s + relative);
}

QStringList lines(const QByteArray &out)
{
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestEpcisCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void helpListsTheCommands()
    {
        const auto r = test::runCli({ u"--help"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("epcis validate"));
        QVERIFY(r.out.contains("epcis hash"));
        const auto v = test::runCli({ u"epcis"_s, u"validate"_s, u"--help"_s });
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("Usage: closient-station epcis validate FILE"));
    }

    void hashPrintsOneLinePerEventInOrder_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto &f : QDir(epcisData(u"hash"_s)).entryList({ u"*.jsonld"_s }, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(f)) << QFileInfo(f).completeBaseName();
    }

    void hashPrintsOneLinePerEventInOrder()
    {
        QFETCH(QString, name);
        const auto r = test::runCli({ u"epcis"_s, u"hash"_s, epcisData(u"hash/"_s + name + u".jsonld"_s) });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.out, readFile(epcisData(u"hash/"_s + name + u".hashes"_s)));
    }

    void hashReadsStandardInput()
    {
        const auto doc = readFile(epcisData(u"hash/10-document-order.jsonld"_s));
        const auto r = test::runCli({ u"epcis"_s, u"hash"_s, u"-"_s }, doc);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, readFile(epcisData(u"hash/10-document-order.hashes"_s)));
    }

    // What cannot be hashed prints no hash at all: a script never pairs a hash with the wrong event.
    void hashRefusesWhatItCannotRead()
    {
        auto doc = readFile(epcisData(u"hash/10-document-order.jsonld"_s));
        doc.replace("\"2025-01-01T00:00:00.000Z\"", "\"New Year\"");
        const QString file = m_dir.filePath(u"bad-time.jsonld"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(doc);
        f.close();
        const auto r = test::runCli({ u"epcis"_s, u"hash"_s, file });
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.contains("closient-station: $.epcisBody.eventList[2].eventTime: \"New Year\" is not a date and "
                                "time with a UTC offset"),
            r.err.constData());

        const auto notJson = test::runCli({ u"epcis"_s, u"hash"_s, epcisData(u"invalid/not-json.jsonld"_s) });
        QCOMPARE(notJson.exitCode, 1);
        QVERIFY2(
            notJson.err.contains("$: is not JSON: unterminated object at line 5, column 4"), notJson.err.constData());
        const auto missing = test::runCli({ u"epcis"_s, u"hash"_s, m_dir.filePath(u"nowhere.jsonld"_s) });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("nowhere.jsonld"));
        QCOMPARE(test::runCli({ u"epcis"_s, u"hash"_s }).exitCode, 2);
        QCOMPARE(test::runCli({ u"epcis"_s, u"hash"_s, u"a"_s, u"b"_s }).exitCode, 2);
        QCOMPARE(test::runCli({ u"epcis"_s, u"hash"_s, u"--frobnicate"_s, u"a"_s }).exitCode, 2);
    }

    void validateAcceptsValidDocuments()
    {
        for (const auto &f : QDir(epcisData(u"hash"_s)).entryList({ u"*.jsonld"_s }, QDir::Files)) {
            const auto r = test::runCli({ u"epcis"_s, u"validate"_s, epcisData(u"hash/"_s + f) });
            QVERIFY2(r.exitCode == 0, qPrintable(f + u": "_s + QString::fromUtf8(r.out)));
            QCOMPARE(r.out, QByteArray());
        }
    }

    // Every reason on its own line, "JSON path: reason"; the count on stderr; exit code 1.
    void validatePrintsEveryReason_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto &f : QDir(epcisData(u"invalid"_s)).entryList({ u"*.jsonld"_s }, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(f)) << QFileInfo(f).completeBaseName();
    }

    void validatePrintsEveryReason()
    {
        QFETCH(QString, name);
        auto expected = lines(readFile(epcisData(u"invalid/"_s + name + u".expected"_s)));
        expected.removeFirst(); // what python3-jsonschema says
        const auto r = test::runCli({ u"epcis"_s, u"validate"_s, epcisData(u"invalid/"_s + name + u".jsonld"_s) });
        QCOMPARE(r.exitCode, 1);
        const auto out = lines(r.out);
        QCOMPARE(out.size(), expected.size());
        for (qsizetype i = 0; i < out.size(); ++i) {
            const bool found = std::any_of(out.begin(), out.end(), [&](const QString &l) {
                return l.section(u": "_s, 0, 0) == expected[i].section(u": "_s, 0, 0)
                    && l.section(u": "_s, 1).contains(expected[i].section(u": "_s, 1));
            });
            QVERIFY2(found, qPrintable(expected[i]));
        }
        QVERIFY(r.err.contains(out.size() == 1
                ? "not a valid EPCIS 2.0 document: 1 reason\n"
                : "not a valid EPCIS 2.0 document: " + QByteArray::number(out.size()) + " reasons\n"));
    }
};

QTEST_GUILESS_MAIN(TestEpcisCli)
#include "tst_epciscli.moc"
