// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportrules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::labels;

class TestExportRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pageRangesInThePersonsWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("shown");
        QTest::newRow("all") << QString() << 0 << 0 << QString();
        QTest::newRow("blank") << u"   "_s << 0 << 0 << QString();
        QTest::newRow("one") << u"2"_s << 2 << 2 << u"2"_s;
        QTest::newRow("range") << u"2-4"_s << 2 << 4 << u"2-4"_s;
        QTest::newRow("en dash, spaces") << u" 2 – 4 "_s << 2 << 4 << u"2-4"_s;
        QTest::newRow("to the end") << u"3-"_s << 3 << 0 << u"3-"_s;
        QTest::newRow("from the first") << u"-2"_s << 0 << 2 << u"1-2"_s;
    }

    void pageRangesInThePersonsWords()
    {
        QFETCH(QString, text);
        const auto r = parsePageRange(text);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QTEST(r.value().from, "from");
        QTEST(r.value().to, "to");
        QTEST(pageRangeText(r.value()), "shown");
    }

    void rangesThatCannotBeAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("words") << u"two"_s << u"write a page"_s;
        QTest::newRow("list") << u"1,3"_s << u"write a page"_s;
        QTest::newRow("zero") << u"0"_s << u"count from 1"_s;
        QTest::newRow("backwards") << u"4-2"_s << u"before the first"_s;
        QTest::newRow("huge") << u"99999999999"_s << u"count from 1"_s;
    }

    void rangesThatCannotBeAreRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, why);
        const auto r = parsePageRange(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"invalid"_s);
        QVERIFY2(r.error().message.contains(why), qPrintable(r.error().message));
    }

    void typesDecideFormatsAndSymbols()
    {
        QCOMPARE(exportTypeNames().first(), u"sheet_pdf"_s);
        QCOMPARE(formatsForExportType(u"sheet_pdf"_s), QStringList { u"pdf"_s });
        QCOMPARE(formatsForExportType(u"qr_codes"_s), (QStringList { u"svg"_s, u"png"_s }));
        QCOMPARE(formatsForExportType(u"barcodes_1d"_s), (QStringList { u"svg"_s, u"eps"_s }));
        QCOMPARE(formatsForExportType(u"codes_combined"_s), (QStringList { u"svg"_s, u"png"_s, u"eps"_s }));
        QCOMPARE(symbolsForExportType(u"qr_codes"_s).first(), SymbolKind::DigitalLinkQr);
        QCOMPARE(symbolsForExportType(u"datamatrix"_s), QList<SymbolKind> { SymbolKind::Gs1DataMatrix });
        for (const auto &type : exportTypeNames()) {
            for (const auto &format : formatsForExportType(type))
                QVERIFY(checkExportCoherence(type, format).ok());
        }
        const auto wrong = checkExportCoherence(u"sheet_pdf"_s, u"svg"_s);
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(u"must be pdf"_s));
        // Thermal labels: ZPL, or a PDF proof of the printer's dots; nothing else.
        QVERIFY(checkExportCoherence(u"thermal"_s, u"zpl"_s).ok());
        QVERIFY(checkExportCoherence(u"thermal"_s, u"pdf"_s).ok());
        QVERIFY(!checkExportCoherence(u"thermal"_s, u"svg"_s).ok());
        QVERIFY(!checkExportCoherence(u"sheet_pdf"_s, u"zpl"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestExportRules)
#include "tst_exportrules.moc"
