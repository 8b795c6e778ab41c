// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The station's EPCIS 2.0 validator against hand-made documents: the valid ones pass it and python3-jsonschema;
// each invalid one is refused with exactly the reasons its .expected file names (tests/data/epcis/invalid).
#include "testbase.h"
#include "tst_epcispython.h"
#include "validator.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::epcis;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QStringList documents(const QString &folder)
{
    QStringList out;
    const QDir dir(test::dataFile(u"epcis/"_s + folder));
    for (const auto &f : dir.entryList({ u"*.jsonld"_s }, QDir::Files, QDir::Name))
        out << dir.absoluteFilePath(f);
    return out;
}

} // namespace

class TestEpcisValidator : public QObject
{
    Q_OBJECT
private:
    QHash<QString, QString> m_python;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_python = test::jsonschemaVerdicts(documents(u"hash"_s) + documents(u"invalid"_s), &why);
        QVERIFY2(!m_python.isEmpty(), qPrintable(why));
    }

    // The evaluator knows every keyword GS1's schema uses: nothing of it goes unchecked.
    void schemaIsFullyEvaluated()
    {
        QCOMPARE(Validator::instance().schema().unsupportedKeywords(), QStringList());
        const auto bytes = readFile(test::epcisSchemaFile());
        QVERIFY(bytes.contains("\"$id\": \"https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json\""));
    }

    void handMadeDocumentsAreValid_data()
    {
        QTest::addColumn<QString>("file");
        for (const auto &f : documents(u"hash"_s))
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }

    void handMadeDocumentsAreValid()
    {
        QFETCH(QString, file);
        const auto issues = Validator::instance().validateJson(readFile(file));
        QVERIFY2(issues.empty(), qPrintable(issuesText(issues)));
        QCOMPARE(m_python.value(file), u"ok"_s);
    }

    void refusedWithTheirReasons_data()
    {
        QTest::addColumn<QString>("file");
        const auto files = documents(u"invalid"_s);
        QVERIFY(files.size() >= 25);
        for (const auto &f : files)
            QTest::newRow(qPrintable(QFileInfo(f).completeBaseName())) << f;
    }

    // Every reason the .expected file names is given, at its JSON path, and nothing else: one reason per
    // problem. Its first line says whether python3-jsonschema (draft-07, formats unchecked, as Debian runs it)
    // accepts the document: the ones it accepts break rules only the station's validator knows.
    void refusedWithTheirReasons()
    {
        QFETCH(QString, file);
        auto expected = QString::fromUtf8(readFile(file.chopped(7) + u".expected"_s)).split(u'\n', Qt::SkipEmptyParts);
        const auto python = expected.takeFirst().section(u": "_s, 1);
        const auto issues = Validator::instance().validateJson(readFile(file));
        for (const auto &line : expected) {
            const auto path = line.section(u": "_s, 0, 0);
            const auto reason = line.section(u": "_s, 1);
            const bool found = std::any_of(issues.begin(), issues.end(),
                [&](const ValidationIssue &i) { return i.path == path && i.message.contains(reason); });
            QVERIFY2(found, qPrintable(u"expected \"%1\", got:\n%2"_s.arg(line, issuesText(issues))));
        }
        QVERIFY2(issues.size() == size_t(expected.size()), qPrintable(issuesText(issues)));
        const auto verdict = m_python.value(file);
        const auto word = python == u"accepts" ? u"ok"_s : python == u"refuses" ? u"invalid"_s : python;
        QVERIFY2(verdict.startsWith(word), qPrintable(verdict));
    }

    // Reasons come in document order, events by number ([2] before [10]).
    void reasonsInDocumentOrder()
    {
        QByteArray doc
            = "{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],"
              "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2024-05-01T10:00:00Z\","
              "\"epcisBody\":{\"eventList\":[";
        for (int i = 0; i < 11; ++i) {
            doc += i ? "," : "";
            doc += "{\"type\":\"ObjectEvent\",\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventTimeZoneOffset\":\"+00:"
                   "00\","
                   "\"action\":\"OBSERVE\",\"epcList\":[\"https://id.gs1.org/01/0950600013435"
                + QByteArray::number(i % 10) + "/21/X\"]}";
        }
        doc += "]}}";
        const auto issues = Validator::instance().validateJson(doc);
        // GTINs 0950600013435n: only n = 2 has the right check digit.
        QStringList paths;
        for (const auto &i : issues)
            paths << i.path;
        QCOMPARE(paths,
            QStringList({ u"$.epcisBody.eventList[0].epcList[0]"_s, u"$.epcisBody.eventList[1].epcList[0]"_s,
                u"$.epcisBody.eventList[3].epcList[0]"_s, u"$.epcisBody.eventList[4].epcList[0]"_s,
                u"$.epcisBody.eventList[5].epcList[0]"_s, u"$.epcisBody.eventList[6].epcList[0]"_s,
                u"$.epcisBody.eventList[7].epcList[0]"_s, u"$.epcisBody.eventList[8].epcList[0]"_s,
                u"$.epcisBody.eventList[9].epcList[0]"_s, u"$.epcisBody.eventList[10].epcList[0]"_s }));
    }

    void byteOrderMarkIsNotJson()
    {
        const auto doc = readFile(test::dataFile(u"epcis/hash/01-object-urn.jsonld"_s));
        const auto issues = Validator::instance().validateJson("\xEF\xBB\xBF" + doc);
        QVERIFY2(issues.empty(), qPrintable(issuesText(issues)));
    }

    void notAnObject()
    {
        const auto issues = Validator::instance().validateJson("[1, 2]");
        QCOMPARE(issues.size(), size_t(1));
        QCOMPARE(issues.front().toString(), u"$: is not a JSON object (an EPCIS document is one)"_s);
    }
};

QTEST_GUILESS_MAIN(TestEpcisValidator)
#include "tst_epcisvalidator.moc"
