// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// CSV as RFC 4180 writes it: quotes, doubled quotes, CRLF and LF, line breaks inside quotes, a byte order mark, the
// delimiter said rather than guessed, and every malformed row refused by its number.
#include "csvreader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::labels;

class TestCsvReader : public QObject
{
    Q_OBJECT

    static QList<QStringList> rows(const CsvTable &t)
    {
        QList<QStringList> out { t.header };
        for (const auto &r : t.rows)
            out << r.fields;
        return out;
    }

private Q_SLOTS:
    void readsRfc4180()
    {
        const auto t = CsvReader::read("gtin,serial,lot\r\n"
                                       "09506000134352,\"A,1\",\"say \"\"hi\"\"\"\r\n"
                                       "09506000134352,\"two\r\nlines\",\r\n"
                                       "09506000134352,;\t,\"\"\r\n");
        QVERIFY2(t.ok(), qPrintable(t.error().message));
        QCOMPARE(rows(t.value()),
            (QList<QStringList> { { u"gtin"_s, u"serial"_s, u"lot"_s },
                { u"09506000134352"_s, u"A,1"_s, u"say \"hi\""_s },
                { u"09506000134352"_s, u"two\r\nlines"_s, QString() }, { u"09506000134352"_s, u";\t"_s, QString() } }));
        // Quoted line breaks move the lines, not the rows: each row says both.
        QCOMPARE(t.value().rows[1].row, 3);
        QCOMPARE(t.value().rows[1].line, 3);
        QCOMPARE(t.value().rows[2].row, 4);
        QCOMPARE(t.value().rows[2].line, 5);
        QCOMPARE(t.value().rows[2].where(), u"row 4 (line 5)"_s);
    }

    void lineEndsByteOrderMarkAndBlankEnd()
    {
        // LF alone, a UTF-8 byte order mark, no line break after the last row, or blank lines at the end.
        for (const QByteArray &data :
            { QByteArray("\xEF\xBB\xBFgtin,lot\n1,L\xC3\xA9"), QByteArray("gtin,lot\r\n1,L\xC3\xA9\r\n\r\n\n") }) {
            const auto t = CsvReader::read(data);
            QVERIFY2(t.ok(), qPrintable(t.error().message));
            QCOMPARE(t.value().header, (QStringList { u"gtin"_s, u"lot"_s }));
            QCOMPARE(int(t.value().rows.size()), 1);
            QCOMPARE(t.value().rows[0].fields, (QStringList { u"1"_s, u"Lé"_s }));
        }
    }

    void otherDelimitersAreSaid()
    {
        auto t = CsvReader::read("gtin;lot\n1;\"a;b\"\n", u';');
        QVERIFY(t.ok());
        QCOMPARE(t.value().rows[0].fields, (QStringList { u"1"_s, u"a;b"_s }));
        t = CsvReader::read("gtin\tlot\n1\ta,b\n", u'\t');
        QVERIFY(t.ok());
        QCOMPARE(t.value().rows[0].fields, (QStringList { u"1"_s, u"a,b"_s }));
        // With the default comma, a semicolon or a tab is data: the row is one field short and says so.
        t = CsvReader::read("gtin,serial,lot\n09506000134352,AB;12,LOT9\n1;2;3\n");
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message.startsWith(u"row 3 has 1 field, the header has 3"_s), qPrintable(t.error().message));
        QVERIFY(!t.error().message.contains(u"row 2"_s));
        QCOMPARE(CsvReader::delimiterFromName(u"tab"_s).value(), QChar(u'\t'));
        QCOMPARE(CsvReader::delimiterFromName(u";"_s).value(), QChar(u';'));
        QVERIFY(!CsvReader::delimiterFromName(u"\""_s).ok());
        QVERIFY(!CsvReader::delimiterFromName(u";;"_s).ok());
    }

    void wrongFieldCountsAreAllNamed()
    {
        const auto t = CsvReader::read("a,b,c\n1,2,3\n1,2,3,4\n1,2,3\n1,2\n\n1,2,3\n");
        QVERIFY(!t.ok());
        const QStringList problems = t.error().message.split(u'\n');
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems[0].startsWith(u"row 3 has 4 fields, the header has 3"_s));
        QVERIFY(problems[1].startsWith(u"row 5 has 2 fields"_s));
        QVERIFY(problems[2].startsWith(u"row 6 has 1 field"_s)); // a blank line inside the data is a row
    }

    void malformedQuotesAreRefused()
    {
        const struct
        {
            const char *data;
            const char *says;
        } cases[] = {
            { "a,b\n1,x\"y\n", "row 2: field 2 has a quote but does not start with one" },
            { "a,b\n1,\"x\"y\n", "row 2: field 2 has text after its closing quote" },
            { "a,b\n1,2\n\"open,3\n4,5\n", "row 3: the quote opened on line 3 is never closed" },
            { "a,b\n1,2\r3,4\n", "row 2: a carriage return without a line feed" },
        };
        for (const auto &c : cases) {
            const auto t = CsvReader::read(c.data);
            QVERIFY2(!t.ok(), c.data);
            QVERIFY2(t.error().message.startsWith(QString::fromLatin1(c.says)), qPrintable(t.error().message));
        }
        QVERIFY(CsvReader::read("a\n\xFF\xFE\n").error().message.contains(u"UTF-8"_s));
        QVERIFY(CsvReader::read("").error().message.contains(u"empty"_s));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
