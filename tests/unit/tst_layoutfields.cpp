// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fields in layout text: the standard fields, CSV columns, dates with formats and locales, missing values (a line
// whose fields are all empty goes), unknown names, escapes and the template errors a designer is told about.
#include "layoutfields.h"
#include "testbase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::labels;

class TestLayoutFields : public QObject
{
    Q_OBJECT

    static LabelData data()
    {
        LabelData d;
        d.productName = u"Frozen peas 1 kg"_s;
        d.brand = u"Acme Foods"_s;
        d.gtin = u"09506000134352"_s;
        d.lot = u"LOT-9"_s;
        d.serial = u"100042"_s;
        d.expiry = QDate(2026, 12, 31);
        d.productionDate = QDate(2026, 1, 5);
        d.count = 3;
        d.total = 10;
        d.columns = { { u"Price"_s, u"3.49"_s }, { u" Best before "_s, u"end of 2026"_s } };
        return d;
    }

    static FieldTemplate::Bound bind(const QString &text, const LabelData &d = data(), const QLocale &l = QLocale::c())
    {
        auto t = FieldTemplate::parse(text);
        if (!t.ok())
            qFatal("%s", qPrintable(t.error().message));
        return t.value().bind(d, l);
    }

private Q_SLOTS:
    void standardFieldsAndColumns()
    {
        QCOMPARE(bind(u"{product_name} by {brand}"_s).text, u"Frozen peas 1 kg by Acme Foods"_s);
        QCOMPARE(bind(u"(01){gtin}(10){lot}(21){serial}"_s).text, u"(01)09506000134352(10)LOT-9(21)100042"_s);
        QCOMPARE(bind(u"Carton {count} of {total}"_s).text, u"Carton 3 of 10"_s);
        // Any CSV column, whatever its case and surrounding spaces.
        QCOMPARE(bind(u"€ {price} · {best before}"_s).text, u"€ 3.49 · end of 2026"_s);
        // A standard name matches whatever its case.
        QCOMPARE(bind(u"{LOT}"_s).text, u"LOT-9"_s);
        // A standard field the item leaves empty comes from a CSV column of that name.
        LabelData d = data();
        d.productName.clear();
        d.columns.insert(u"product_name"_s, u"Peas from the CSV"_s);
        QCOMPARE(bind(u"{product_name}"_s, d).text, u"Peas from the CSV"_s);
        QCOMPARE(bind(u"Free text, no fields"_s).text, u"Free text, no fields"_s);
        QCOMPARE(bind(u"{{literal}} {lot}"_s).text, u"{literal} LOT-9"_s);
    }

    void datesWithFormats()
    {
        QCOMPARE(bind(u"EXP {expiry:%d %b %Y}"_s).text, u"EXP 31 Dec 2026"_s);
        QCOMPARE(bind(u"{expiry}"_s).text, u"2026-12-31"_s); // no format: ISO 8601
        QCOMPARE(bind(u"{expiry:%y%m%d}"_s).text, u"261231"_s); // the GS1 form, for symbols
        QCOMPARE(bind(u"{production_date:%e %B %Y, %A}"_s).text, u"5 January 2026, Monday"_s);
        QCOMPARE(bind(u"{production_date:day %j of %Y, %a %d/%m/%y, 100%%}"_s).text,
            u"day 005 of 2026, Mon 05/01/26, 100%"_s);
        // Month and day names in the label's language.
        const QLocale de(QLocale::German, QLocale::Germany);
        QCOMPARE(bind(u"{expiry:%d %B %Y}"_s, data(), de).text, u"31 %1 2026"_s.arg(de.monthName(12)));
        QVERIFY(de.monthName(12) != QLocale::c().monthName(12));
        QCOMPARE(formatDate(QDate(2026, 2, 3), u"%d.%m.%Y"_s), u"03.02.2026"_s);
    }

    void missingValuesLeaveNoStrayWords()
    {
        LabelData d = data();
        d.lot.clear();
        d.expiry = {};
        // A line whose only field has no value goes with its words; the other lines stay.
        auto b = bind(u"LOT {lot}\nEXP {expiry:%d %b %Y}\nSN {serial}"_s, d);
        QCOMPARE(b.text, u"SN 100042"_s);
        QCOMPARE(b.missing, QStringList({ u"lot"_s, u"expiry"_s }));
        QVERIFY(b.unknown.isEmpty());
        // A line with one value among its fields stays, the empty one blank.
        b = bind(u"LOT {lot} / SN {serial}"_s, d);
        QCOMPARE(b.text, u"LOT  / SN 100042"_s);
        // Lines without fields always stay.
        b = bind(u"Keep frozen\nLOT {lot}"_s, d);
        QCOMPARE(b.text, u"Keep frozen"_s);
        // Nothing at all: empty text.
        b = bind(u"{lot}"_s, d);
        QVERIFY(b.text.isEmpty());
        QCOMPARE(b.missing, QStringList { u"lot"_s });
        // An unknown count or total is missing, never "0".
        d.count = 0;
        QVERIFY(bind(u"{count}"_s, d).text.isEmpty());
    }

    void unknownNamesAreReported()
    {
        const auto b = bind(u"{lott} {price} {Colour}"_s);
        QCOMPARE(b.unknown, QStringList({ u"lott"_s, u"Colour"_s }));
        QCOMPARE(b.text, u" 3.49 "_s);
        auto t = FieldTemplate::parse(u"{product_name} {lot} {lot} {Price}"_s);
        QVERIFY(t.ok());
        QCOMPARE(t.value().fields(), QStringList({ u"product_name"_s, u"lot"_s, u"Price"_s }));
    }

    void templateErrorsSayWhat()
    {
        const auto error = [](const QString &text) {
            auto t = FieldTemplate::parse(text);
            return t.ok() ? QString() : t.error().message;
        };
        QVERIFY(error(u"LOT {lot"_s).contains(u"not closed"_s));
        QVERIFY(error(u"LOT lot}"_s).contains(u"'}}'"_s));
        QVERIFY(error(u"{}"_s).contains(u"needs a name"_s));
        QVERIFY(error(u"{ : %d}"_s).contains(u"needs a name"_s));
        QVERIFY(error(u"{lot:%d}"_s).contains(u"only the dates"_s));
        QVERIFY(error(u"{expiry:%Q}"_s).contains(u"%Q"_s));
        QVERIFY(error(u"{expiry:%}"_s).contains(u"not a date conversion"_s));
        QVERIFY(error(u"{a{b}}"_s).contains(u"not closed"_s));
        QVERIFY(error(u"{lot}\n{serial}"_s).isEmpty());
    }

    void fromAnItem()
    {
        LabelItem item;
        item.kind = LabelItem::Kind::Serial;
        item.gtin = u"09506000134352"_s;
        item.serial = u"7"_s;
        item.lot = u"A1"_s;
        item.expiry = QDate(2027, 6, 30);
        const auto d = LabelData::fromItem(item, u"Peas"_s, u"Acme"_s, 2, 5);
        QCOMPARE(bind(u"{product_name}|{brand}|{gtin}|{lot}|{serial}|{expiry:%y%m%d}|{count}/{total}"_s, d).text,
            u"Peas|Acme|09506000134352|A1|7|270630|2/5"_s);
    }
};

QTEST_GUILESS_MAIN(TestLayoutFields)
#include "tst_layoutfields.moc"
