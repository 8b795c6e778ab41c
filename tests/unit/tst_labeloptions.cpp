// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labeloptions.h"
#include "labelpartfixture.h"
#include "testbase.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;

class TestLabelOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void choicesFollowTheExportRules()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelOptions options(f.context);
        QSignalSpy edited(&options, &models::LabelOptions::edited);
        QCOMPARE(options.exportTypes().size(), 6);
        QCOMPARE(options.exportTypes().first().toMap().value(u"value"_s).toString(), u"sheet_pdf"_s);
        QCOMPARE(options.exportTypes().last().toMap().value(u"value"_s).toString(), u"thermal"_s);
        QCOMPARE(options.exportTypes().last().toMap().value(u"text"_s).toString(), u"Thermal printer (ZPL)"_s);
        QCOMPARE(options.gs1Tables().size(), 3);
        QVERIFY(options.isSheet());
        QCOMPARE(options.symbol(), u"gs1_datamatrix"_s);

        options.setExportType(u"qr_codes"_s);
        QCOMPARE(f.request.exportType, u"qr_codes"_s);
        QCOMPARE(options.formats(), (QStringList { u"svg"_s, u"png"_s }));
        QVERIFY(options.formats().contains(f.request.fileFormat)); // moved to a format the type can make
        QCOMPARE(options.symbol(), u"digital_link_qr"_s);
        QVERIFY(!options.isSheet());
        QCOMPARE(options.fileExtension(), u"zip"_s);
        options.setSymbol(u"gs1_128"_s); // not a QR: refused
        QCOMPARE(options.symbol(), u"digital_link_qr"_s);
        options.setExportType(u"labels"_s); // not a type
        QCOMPARE(options.exportType(), u"qr_codes"_s);
        options.setExportType(u"thermal"_s); // ZPL, written for a thermal printer
        QVERIFY(options.isThermal());
        QCOMPARE(options.formats(), QStringList { u"zpl"_s });
        QCOMPARE(f.request.fileFormat, u"zpl"_s);
        QCOMPARE(options.fileExtension(), u"zpl"_s);
        options.setExportType(u"sheet_pdf"_s);
        QCOMPARE(f.request.fileFormat, u"pdf"_s);

        options.setGs1Table(u"healthcare"_s);
        QCOMPARE(options.gs1Table(), u"healthcare"_s);
        options.setGs1Table(u"tiny"_s);
        QCOMPARE(options.gs1Table(), u"healthcare"_s);
        options.setCopiesPerItem(5000);
        QCOMPARE(f.request.copiesPerItem, 1000);
        QCOMPARE(edited.count(), 5); // three types, a table, the copies; refusals are no edits
    }

    void theStartStaysOnTheStockAndFollowsItsLastPrint()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        QVERIFY(f.settings.set(labels::nextStartKey(u"avery_5160"_s), 12).ok());
        models::LabelOptions options(f.context);
        options.setTemplateName(u"63up_1in_letter"_s);
        options.setStartPosition(500);
        QCOMPARE(options.startPosition(), 63); // the labels a sheet has
        options.setTemplateName(u"avery_5160"_s); // 30 a sheet; the last print on it ended before label 12
        QCOMPARE(options.startPosition(), 12);
        const auto sheet = options.sheet();
        QCOMPARE(sheet.value(u"perPage"_s).toInt(), 30);
        QCOMPARE(sheet.value(u"cells"_s).toList().size(), 30);
        options.setTemplateName(u"no such stock"_s);
        QCOMPARE(options.templateName(), u"avery_5160"_s);
    }

    void stocksAreOfferedByTheirNamesNeverByIds()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelOptions options(f.context);
        const QVariantList templates = options.templates();
        QVERIFY(templates.size() >= 3);
        static const QRegularExpression bareId(u"^[A-Za-z0-9_.-]+$"_s);
        for (const auto &t : templates) {
            const QVariantMap m = t.toMap();
            const QString text = m.value(u"text"_s).toString();
            QVERIFY2(!text.isEmpty() && text != m.value(u"name"_s).toString() && !bareId.match(text).hasMatch(),
                qPrintable(m.value(u"name"_s).toString() + u" shows as "_s + text));
        }
        // The built-in 63-up sheet, which used to show as 63up_1in_letter.
        const auto found = std::find_if(templates.begin(), templates.end(),
            [](const QVariant &t) { return t.toMap().value(u"name"_s) == u"63up_1in_letter"_s; });
        QVERIFY(found != templates.end());
        QVERIFY2(found->toMap().value(u"text"_s).toString().contains(u"63 per sheet"_s),
            qPrintable(found->toMap().value(u"text"_s).toString()));
        for (const auto &s : options.searchStocks(u"Avery"_s)) {
            const QString text = s.toMap().value(u"text"_s).toString();
            QVERIFY2(!bareId.match(text).hasMatch(), qPrintable(text));
        }
    }

    void theStartPolicyDecidesWhereAPrintStarts()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        QVERIFY(f.settings.set(labels::nextStartKey(u"avery_5160"_s), 12).ok());
        models::LabelOptions options(f.context);
        options.setTemplateName(u"avery_5160"_s);
        QCOMPARE(options.startPosition(), 12); // after the labels the last print used
        QSignalSpy edited(&options, &models::LabelOptions::edited);
        options.setStartPolicy(u"first"_s);
        QCOMPARE(options.startPosition(), 1); // every print on a fresh sheet
        options.setStartPolicy(u"sometimes"_s); // not a policy
        QCOMPARE(options.startPolicy(), u"first"_s);
        options.setStartPolicy(u"continue"_s);
        QCOMPARE(options.startPosition(), 12);
        QVERIFY(edited.count() >= 2);
    }

    void restoreTakesTheLastChoicesWithoutCountingThemAsEdits()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        QVERIFY(f.settings.set(u"labels.exportType"_s, u"barcodes_1d"_s).ok());
        QVERIFY(f.settings.set(u"labels.fileFormat"_s, u"eps"_s).ok());
        QVERIFY(f.settings.set(u"labels.symbol"_s, u"itf14"_s).ok());
        QVERIFY(f.settings.set(u"labels.gs1Table"_s, u"logistics"_s).ok());
        models::LabelOptions options(f.context);
        QSignalSpy edited(&options, &models::LabelOptions::edited);
        options.restore();
        QCOMPARE(options.exportType(), u"barcodes_1d"_s);
        QCOMPARE(options.fileFormat(), u"eps"_s);
        QCOMPARE(options.symbol(), u"itf14"_s);
        QCOMPARE(options.gs1Table(), u"logistics"_s);
        QCOMPARE(edited.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLabelOptions)
#include "tst_labeloptions.moc"
