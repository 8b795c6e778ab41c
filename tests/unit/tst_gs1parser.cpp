// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aidictionary.h"
#include "gs1parser.h"
#include "gtin.h"
#include "linters.h"
#include "testbase.h"
#include "validation.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::gs1;

namespace {
const QString GS = QString(QChar(0x1D));

bool hasError(const ParseResult &r, const QString &code, const QString &ai = {})
{
    return std::any_of(r.errors.begin(), r.errors.end(),
        [&](const Issue &i) { return i.code == code && (ai.isEmpty() || i.ai == ai); });
}

QString codes(const ParseResult &r)
{
    QStringList out;
    for (const auto &e : r.errors)
        out << e.code + u'(' + e.ai + u')';
    return out.join(u' ');
}
} // namespace

class TestGs1Parser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storedParseReadsBackAsParsed()
    {
        // The store keeps every capture's parse (toJson); lists read it back instead of parsing again.
        for (const auto &input : { u"(01)09506000134352(17)271130(10)L42(21)SN1"_s,
                 u"https://id.gs1.org/01/09506000134352/10/L2?3103=000500&linkType=gs1:pip"_s, u"]E09506000134352"_s,
                 u"(01)09506000134353"_s, u"INTERNAL-SKU-77"_s, QString() }) {
            const auto parsed = closient::gs1::parse(input, closient::gs1::ParseOptions::scanning());
            const auto back = closient::gs1::ParseResult::fromJson(parsed.toJson());
            QCOMPARE(back.toJson(), parsed.toJson());
            QCOMPARE(back.hri(), parsed.hri());
            QCOMPARE(back.digitalLink(), parsed.digitalLink());
            QCOMPARE(back.expiry(), parsed.expiry());
            QCOMPARE(back.isValid(), parsed.isValid());
        }
    }

    void dictionaryKnowsEveryAi()
    {
        const auto &d = AiDictionary::instance();
        QCOMPARE(d.release(), u"2026-01-27"_s);
        QVERIFY2(d.size() > 500, qPrintable(QString::number(d.size())));
        for (const auto ai : { u"00", u"01", u"10", u"17", u"21", u"235", u"3103", u"3929", u"414", u"4330", u"7240",
                 u"8006", u"8013", u"8200", u"91", u"99" })
            QVERIFY2(d.find(ai), qPrintable(QString::fromUtf16(ai)));
        QVERIFY(!d.find(u"23"));
        const auto *gtin = d.find(u"01");
        QCOMPARE(gtin->title, u"GTIN"_s);
        QVERIFY(gtin->predefinedLength);
        QVERIFY(gtin->dlPrimaryKey);
        QCOMPARE(gtin->dlQualifierSequences.size(), size_t(2));
        QCOMPARE(gtin->dlQualifierSequences[0], QStringList({ u"22"_s, u"10"_s, u"21"_s }));
        const auto *lot = d.find(u"10");
        QVERIFY(!lot->predefinedLength);
        QCOMPARE(lot->maxLength(), 20);
        QVERIFY(lot->dlDataAttribute);
        QCOMPARE(d.find(u"3103")->title, u"NET WEIGHT (kg)"_s);
        QVERIFY(AiDictionary::matchesPattern(u"3103", u"310n"));
        QVERIFY(!AiDictionary::matchesPattern(u"3113", u"310n"));
    }

    void checkDigits()
    {
        QCOMPARE(gs1CheckDigit(u"0950600013435"), 2);
        QCOMPARE(gs1CheckDigit(u"10614141234567890"), 8);
        QCOMPARE(gs1CheckPair(u"1987654Ad4X4bL5ttr2310c"), u"2K"_s);
        QCOMPARE(expandUpcE(u"01234565"), u"012345000065"_s);
        QCOMPARE(expandUpcE(u"04252614"), u"042100005264"_s);
        QVERIFY(checkGtin(u"96385074").ok());
        QCOMPARE(checkGtin(u"96385074").gtin14, u"00000096385074"_s);
        QCOMPARE(checkGtin(u"4006381333932").code, u"check_digit"_s);
        QCOMPARE(checkGtin(u"00000000000000").code, u"invalid_value"_s);
    }

    void bracketedHri()
    {
        const auto r = parse(u"(01)09506000134352(17)201225(10)ABC123");
        QVERIFY2(r.isValid(), qPrintable(codes(r)));
        QCOMPARE(r.kind, DataKind::ElementString);
        QCOMPARE(r.gtin14, u"09506000134352"_s);
        QCOMPARE(r.lot(), u"ABC123"_s);
        QCOMPARE(r.expiry(), QDate(2020, 12, 25));
        QCOMPARE(r.hri(), u"(01)09506000134352(17)201225(10)ABC123"_s);
        QCOMPARE(r.elementString(), u"010950600013435217201225"_s + u"10ABC123"_s);
        QCOMPARE(r.digitalLink(), u"https://id.gs1.org/01/09506000134352/10/ABC123?17=201225"_s);
        QCOMPARE(r.elements[1].title, u"USE BY or EXPIRY"_s);
        // zint-style square brackets and brackets inside a CSET 82 value
        const auto z = parse(u"[01]09506000134352[10]A(B)C");
        QVERIFY2(z.isValid(), qPrintable(codes(z)));
        QCOMPARE(z.lot(), u"A(B)C"_s);
    }

    void rawScannerData_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("symbology");
        QTest::addColumn<QString>("hri");
        QTest::newRow("GS1 DataMatrix, GS after variable AI") << u"]d20109506000134352"_s + u"10ABC123"_s + GS
                + u"17201225"_s << u"]d2"_s << u"(01)09506000134352(10)ABC123(17)201225"_s;
        QTest::newRow("GS1-128 SSCC") << u"]C100106141412345678908"_s << u"]C1"_s << u"(00)106141412345678908"_s;
        QTest::newRow("GS1-128 weight") << u"]C10195012345678903"_s + u"3103000123"_s << u"]C1"_s
                                        << u"(01)95012345678903(3103)000123"_s;
        QTest::newRow("DataBar") << u"]e00100614141999996"_s << u"]e0"_s << u"(01)00614141999996"_s;
        QTest::newRow("GS1 QR, leading FNC1 as GS")
            << u"]Q3"_s + GS + u"0109506000134352"_s + u"21XYZ"_s << u"]Q3"_s << u"(01)09506000134352(21)XYZ"_s;
        QTest::newRow("no symbology id, GS separators")
            << u"0109506000134352"_s + u"10L1"_s + GS + u"21S1"_s << QString() << u"(01)09506000134352(10)L1(21)S1"_s;
        QTest::newRow("EAN-13") << u"]E04006381333931"_s << u"]E0"_s << u"(01)04006381333931"_s;
        QTest::newRow("UPC-A as 13 digits") << u"]E00036000291452"_s << u"]E0"_s << u"(01)00036000291452"_s;
        QTest::newRow("EAN-8") << u"]E496385074"_s << u"]E4"_s << u"(01)00000096385074"_s;
        QTest::newRow("ITF-14") << u"]I115012345678907"_s << u"]I1"_s << u"(01)15012345678907"_s;
        QTest::newRow("wedge terminator") << u"4006381333931\r\n"_s << QString() << u"(01)04006381333931"_s;
    }

    void rawScannerData()
    {
        QFETCH(QString, raw);
        QFETCH(QString, symbology);
        QFETCH(QString, hri);
        const auto r = parse(raw);
        QVERIFY2(r.isValid(), qPrintable(codes(r)));
        QCOMPARE(r.symbologyId, symbology);
        QCOMPARE(r.hri(), hri);
    }

    void eanAddOn()
    {
        const auto r = parse(u"]E3978073520044951299"_s);
        QVERIFY(r.isValid());
        QCOMPARE(r.gtin14, u"09780735200449"_s);
        QCOMPARE(r.addOn, u"51299"_s);
    }

    void plainGtins_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("gtin14");
        QTest::newRow("GTIN-8") << u"96385074"_s << u"00000096385074"_s;
        QTest::newRow("GTIN-12") << u"036000291452"_s << u"00036000291452"_s;
        QTest::newRow("GTIN-13") << u"4006381333931"_s << u"04006381333931"_s;
        QTest::newRow("GTIN-14") << u"09506000134352"_s << u"09506000134352"_s;
    }

    void plainGtins()
    {
        QFETCH(QString, input);
        QFETCH(QString, gtin14);
        const auto r = parse(input);
        QCOMPARE(r.kind, DataKind::Gtin);
        QVERIFY(r.isValid());
        QCOMPARE(r.gtin14, gtin14);
        QCOMPARE(r.digitalLink(), u"https://id.gs1.org/01/"_s + gtin14);
    }

    void digitalLink()
    {
        const auto r = parse(u"https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ789?17=201225"_s);
        QVERIFY2(r.isValid(), qPrintable(codes(r)));
        QCOMPARE(r.kind, DataKind::DigitalLink);
        QCOMPARE(r.gtin14, u"09506000134352"_s);
        QCOMPARE(r.serial(), u"XYZ789"_s);
        QCOMPARE(r.expiry(), QDate(2020, 12, 25));
        QCOMPARE(r.hri(), u"(01)09506000134352(10)ABC123(21)XYZ789(17)201225"_s);

        // any domain and path stem, percent-encoding, non-AI parameters
        const auto o
            = parse(u"https://brand.example.com/products/item/01/04006381333931/10/AB%2FC%21?linkType=gs1:pip"_s);
        QCOMPARE(o.kind, DataKind::DigitalLink);
        QVERIFY2(o.isValid(), qPrintable(codes(o)));
        QCOMPARE(o.gtin14, u"04006381333931"_s);
        QCOMPARE(o.lot(), u"AB/C!"_s);
        QVERIFY(hasError(parse(u"https://x.example/01/04006381333931/10/AB%20C"_s), u"charset"_s, u"10"_s));
        QCOMPARE(o.otherParameters, QStringList { u"linkType=gs1:pip"_s });
        QCOMPARE(o.digitalLink(u"https://d.example"), u"https://d.example/01/04006381333931/10/AB%2FC%21"_s);

        // a URL that is not a Digital Link is plain text
        QCOMPARE(parse(u"https://www.example.com/about"_s).kind, DataKind::Text);
    }

    // Conveniences for what readers send, off by default (strict) and on for the station's own scan path.
    void readerConveniences()
    {
        const auto scanning = ParseOptions::scanning();
        QVERIFY(!ParseOptions().zeroSuppressedGtinInDigitalLink && !ParseOptions().shortEanUpc);

        // A 13-digit GTIN in a Digital Link path (Digital Link 1.0 and 1.1 allowed it; codes in the field have it).
        const QString shortGtin = u"https://brand.example.com/01/4006381333931/10/L1"_s;
        const auto strict = parse(shortGtin);
        QVERIFY(hasError(strict, u"length"_s, u"01"_s));
        QVERIFY2(strict.errors.front().message.contains(u"14 digits"_s), qPrintable(strict.errors.front().message));
        const auto lenient = parse(shortGtin, scanning);
        QVERIFY2(lenient.isValid(), qPrintable(codes(lenient)));
        QCOMPARE(lenient.gtin14, u"04006381333931"_s);
        QCOMPARE(lenient.lot(), u"L1"_s);
        QVERIFY(!lenient.warnings.isEmpty());
        QCOMPARE(lenient.digitalLink(), u"https://id.gs1.org/01/04006381333931/10/L1"_s);
        QVERIFY(parse(u"https://id.gs1.org/01/96385074"_s, scanning).isValid());
        QVERIFY(hasError(parse(u"https://id.gs1.org/01/4006381333932"_s, scanning), u"check_digit"_s, u"01"_s));

        // UPC-A in 12 digits and UPC-E in 8 after ]E0, as ZXing-cpp and many hand scanners send them.
        struct Case
        {
            const char16_t *raw;
            const char16_t *gtin;
            const char16_t *addOn;
        };
        for (const auto &c :
            { Case { u"]E0036000291452", u"00036000291452", u"" }, Case { u"]E001234565", u"00012345000065", u"" },
                Case { u"]E303600029145212", u"00036000291452", u"12" },
                Case { u"]E30123456512345", u"00012345000065", u"12345" } }) {
            const auto raw = QString::fromUtf16(c.raw);
            QVERIFY2(!parse(raw).isValid(), qPrintable(raw));
            const auto r = parse(raw, scanning);
            QVERIFY2(r.isValid(), qPrintable(raw + u": "_s + codes(r)));
            QCOMPARE(r.gtin14, QString::fromUtf16(c.gtin));
            QCOMPARE(r.addOn, QString::fromUtf16(c.addOn));
        }
        QVERIFY(hasError(parse(u"]E023456781"_s, scanning), u"invalid_value"_s, u"01"_s)); // UPC-E starts with 0 or 1
        QVERIFY(hasError(parse(u"]E01234567"_s, scanning), u"length"_s, u"01"_s));
        // ITF of another length than 14 after ]I1 is plain ITF data to a lenient reader, an error otherwise.
        QCOMPARE(parse(u"]I1123456"_s, scanning).kind, DataKind::Text);
        QVERIFY(hasError(parse(u"]I1123456"_s), u"length"_s, u"01"_s));
        // Digits from a symbology that carries no GTIN are text.
        const auto code39 = parse(u"]A04006381333931"_s);
        QCOMPARE(code39.kind, DataKind::Text);
        QVERIFY(!code39.warnings.isEmpty());
    }

    void tooLongIsRefusedFirst()
    {
        const QString big = u"(01)09506000134352(10)"_s + QString(kMaxDataLength, u'A');
        const auto r = parse(big);
        QCOMPARE(r.errors.size(), size_t(1));
        QCOMPARE(r.errors[0].code, u"too_long"_s);
        QVERIFY(r.errors[0].message.contains(QString::number(big.size())));
        QVERIFY(r.input.size() < 100);
        QVERIFY(!parse(QString(kMaxDataLength, u'A')).errors.size()); // at the limit it is read (as text)
    }

    void digitalLinkQualifierOrder()
    {
        const auto r = parse(u"https://id.gs1.org/01/09506000134352/21/XYZ/10/ABC"_s);
        QVERIFY(hasError(r, u"dl_order"_s));
        QVERIFY(r.errors.front().message.contains(u"22, 10, 21"_s));
        QVERIFY(parse(u"https://id.gs1.org/01/09506000134352/22/V1/10/L/21/S"_s).isValid());
        QVERIFY(hasError(parse(u"https://id.gs1.org/01/09506000134352/235/T/10/L"_s), u"dl_order"_s));
        QVERIFY(hasError(parse(u"https://id.gs1.org/01/09506000134352?21=S"_s), u"dl_syntax"_s, u"21"_s));
        QVERIFY(hasError(parse(u"https://id.gs1.org/01/09506000134352/10"_s), u"dl_syntax"_s));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("ai");
        QTest::addColumn<int>("position");
        QTest::newRow("GTIN check digit") << u"(01)09506000134353"_s << u"check_digit"_s << u"01"_s << 14;
        QTest::newRow("raw check digit") << u"]d20109506000134353"_s << u"check_digit"_s << u"01"_s << 14;
        QTest::newRow("short GTIN") << u"(01)0950600013435(10)A"_s << u"length"_s << u"01"_s << 0;
        QTest::newRow("lot too long") << u"(01)09506000134352(10)123456789012345678901"_s << u"length"_s << u"10"_s
                                      << 21;
        QTest::newRow("space in lot") << u"(01)09506000134352(10)AB CD"_s << u"charset"_s << u"10"_s << 3;
        QTest::newRow("month 13") << u"(01)09506000134352(17)201325"_s << u"invalid_date"_s << u"17"_s << 3;
        QTest::newRow("31 April") << u"(01)09506000134352(17)200431"_s << u"invalid_date"_s << u"17"_s << 5;
        QTest::newRow("lot without GTIN") << u"(10)ABC123"_s << u"missing_required_ai"_s << u"10"_s << 0;
        QTest::newRow("serial without GTIN") << u"]C121XYZ"_s << u"missing_required_ai"_s << u"21"_s << 0;
        QTest::newRow("GTIN and CONTENT")
            << u"(01)09506000134352(02)09506000134352(37)5"_s << u"exclusive_ais"_s << u"01"_s << 0;
        QTest::newRow("two net weights") << u"(01)09506000134352(3103)000123(3102)001230"_s << u"exclusive_ais"_s
                                         << u"3103"_s << 0;
        QTest::newRow("unknown AI bracketed") << u"(01)09506000134352(23)X"_s << u"unknown_ai"_s << u"23"_s << 0;
        QTest::newRow("unknown AI raw") << u"]C10109506000134352"_s + u"2345"_s << u"unknown_ai"_s << u"23"_s << 0;
        QTest::newRow("bad country") << u"(01)09506000134352(422)999"_s << u"invalid_value"_s << u"422"_s << 1;
        QTest::newRow("GMN check pair") << u"(8013)1987654Ad4X4bL5ttr2310cXK"_s << u"check_digit"_s << u"8013"_s << 24;
        QTest::newRow("SSCC check digit") << u"(00)106141412345678909"_s << u"check_digit"_s << u"00"_s << 18;
        QTest::newRow("empty value") << u"]C10109506000134352"_s + u"10"_s << u"length"_s << u"10"_s << 0;
        QTest::newRow("plain GTIN check digit") << u"4006381333932"_s << u"check_digit"_s << u"01"_s << 13;
        QTest::newRow("EAN letters") << u"]E0400638133393X"_s << u"charset"_s << u"01"_s << 0;
        QTest::newRow("duplicate lot") << u"(01)09506000134352(10)A(10)B"_s << u"duplicate_ai"_s << u"10"_s << 0;
    }

    void errors()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        QFETCH(QString, ai);
        QFETCH(int, position);
        const auto r = parse(input);
        QVERIFY(!r.isValid());
        QVERIFY2(hasError(r, code, ai), qPrintable(codes(r)));
        const auto it = std::find_if(r.errors.begin(), r.errors.end(), [&](const Issue &i) { return i.code == code; });
        QCOMPARE(it->position, position);
        QVERIFY(!it->message.isEmpty());
        QVERIFY2(it->message.contains(ai) || it->message.contains(u"GTIN"_s), qPrintable(it->message));
    }

    void errorOffsetsPointIntoTheInput()
    {
        const QString input = u"]d20109506000134353"_s;
        const auto r = parse(input);
        QCOMPARE(r.errors.size(), size_t(1));
        QCOMPARE(r.errors[0].offset, int(input.size() - 1));
        QCOMPARE(input.at(r.errors[0].offset), u'3');
        QVERIFY2(r.errors[0].message.contains(u"should be 2"_s), qPrintable(r.errors[0].message));
    }

    void gs1Dates()
    {
        const QDate today(2026, 11, 22);
        QCOMPARE(gs1Date(u"201225", today), QDate(2020, 12, 25));
        QCOMPARE(gs1Date(u"760101", today), QDate(2076, 1, 1)); // 50 years ahead
        QCOMPARE(gs1Date(u"770101", today), QDate(1977, 1, 1)); // 51 years ahead is the past century
        QCOMPARE(gs1Date(u"240200", today), QDate(2024, 2, 29)); // day 00 = end of the month
        QVERIFY(!gs1Date(u"241301", today).isValid());
    }

    void textAndEmpty()
    {
        const auto t = parse(u"Hello world"_s);
        QCOMPARE(t.kind, DataKind::Text);
        QVERIFY(t.isValid());
        QVERIFY(!t.isGs1());
        const auto n = parse(u"12345678901"_s);
        QCOMPARE(n.kind, DataKind::Text);
        QCOMPARE(n.warnings.size(), 1);
        const auto e = parse(u"   "_s);
        QCOMPARE(e.kind, DataKind::Empty);
        QVERIFY(hasError(e, u"empty"_s));
        QCOMPARE(parse(u"]C0ABC"_s).kind, DataKind::Text);
    }

    void fromElementsBuildsAndChecks()
    {
        const auto r = fromElements({ { u"01"_s, {}, u"09506000134352"_s }, { u"17"_s, {}, u"271231"_s },
            { u"10"_s, {}, u"L 1"_s }, { u"21"_s, {}, u"S1"_s } });
        QVERIFY(hasError(r, u"charset"_s, u"10"_s));
        const auto ok = fromElements(
            { { u"01"_s, {}, u"09506000134352"_s }, { u"10"_s, {}, u"L1"_s }, { u"21"_s, {}, u"S1"_s } });
        QVERIFY(ok.isValid());
        QCOMPARE(ok.elementString(), u"0109506000134352"_s + u"10L1"_s + GS + u"21S1"_s);
        QCOMPARE(ok.digitalLink(u"https://r.example.com/"), u"https://r.example.com/01/09506000134352/10/L1/21/S1"_s);
    }

    void malformedPercentEscapeIsRefused()
    {
        // RFC 3986 2.1: "%" is followed by two hexadecimal digits. "%5 " is no escape; it used to decode to 'p'.
        const QString input = u"https://id.gs1.org/01/09506000134352/10/AB%5 C"_s;
        const auto r = parse(input);
        QVERIFY(!r.isValid());
        QCOMPARE(r.lot(), QString());
        QCOMPARE(r.errors.size(), size_t(1));
        const auto &e = r.errors.front();
        QCOMPARE(e.code, u"dl_encoding"_s);
        QCOMPARE(e.ai, u"10"_s);
        QCOMPARE(e.position, 3); // the '%' is the third character of the value as written
        QCOMPARE(e.offset, int(input.indexOf(u'%')));
        QVERIFY2(
            e.message.contains(u"(10)"_s) && e.message.contains(u"two hexadecimal digits"_s), qPrintable(e.message));
        for (const auto bad : { u"AB%G1", u"AB%", u"AB%4", u"AB%+5", u"AB%-1", u"AB% 5" }) {
            const auto b = parse(u"https://id.gs1.org/01/09506000134352/10/"_s + QString::fromUtf16(bad));
            QVERIFY2(!b.isValid() && b.errors.front().code == u"dl_encoding"_s && b.errors.front().position == 3,
                qPrintable(QString::fromUtf16(bad)));
        }
    }

    // Runs of brackets and other pathological shapes: the work is linear in the input. The parser refuses
    // anything longer than a symbol can hold first; the parsing steps themselves are also checked on far longer
    // input. The time bound is generous: it only catches a quadratic blow-up (such input used to take 35 s).
    void pathologicalInputIsLinear_data()
    {
        QTest::addColumn<QString>("input");
        const int n = 800 * 1024;
        const QString head = u"(01)09506000134352(10)"_s;
        QTest::newRow("run of '(' after a value") << head + QString(n, u'(');
        QTest::newRow("run of '('") << QString(n, u'(');
        QTest::newRow("run of '['") << u"[01]09506000134352[10]"_s + QString(n, u'[');
        QTest::newRow("'(' and a digit") << head + u"(1"_s.repeated(n / 2);
        QTest::newRow("unclosed AIs") << head + u"(10"_s.repeated(n / 3);
        QTest::newRow("closed short AIs") << head + u"(1)"_s.repeated(n / 3);
        QTest::newRow("many AIs") << u"(01)09506000134352"_s + u"(91)A"_s.repeated(n / 5);
        QTest::newRow("element string, many AIs")
            << u"]d20109506000134352"_s + (u"91A"_s + QChar(0x1D)).repeated(n / 4);
        QTest::newRow("GS run") << u"]d2"_s + QString(n, QChar(0x1D));
        QTest::newRow("Digital Link, many segments")
            << u"https://a.example/01/09506000134352"_s + u"/10/A"_s.repeated(n / 5);
        QTest::newRow("Digital Link, many slashes") << u"https://a.example/01/09506000134352"_s + QString(n, u'/');
        QTest::newRow("Digital Link, many parameters") << u"https://a.example/01/09506000134352?"_s + QString(n, u'&');
        QTest::newRow("Digital Link, many attributes")
            << u"https://a.example/01/09506000134352?"_s + u"91=A&"_s.repeated(n / 5);
        QTest::newRow("Digital Link, many qualifiers and attributes") << u"https://a.example/01/09506000134352"_s
                + u"/10/A"_s.repeated(n / 10) + u"?"_s + u"91=A&"_s.repeated(n / 10);
        QTest::newRow("Digital Link, run of '%'") << u"https://a.example/01/09506000134352/10/"_s + QString(n, u'%');
    }

    void pathologicalInputIsLinear()
    {
        QFETCH(QString, input);
        QElapsedTimer t;
        t.start();
        const auto r = parse(input);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!r.isValid());
        QVERIFY(!r.errors.empty());

        // The steps below the length limit, on the whole input.
        t.restart();
        ParseResult steps;
        if (input.startsWith(u"https"))
            detail::parseDigitalLink(input, 0, steps);
        else if (input.startsWith(u"]d2"))
            detail::parseElementString(QStringView(input).mid(3), 3, steps);
        else
            detail::parseBracketed(input, 0, steps);
        detail::validateAssociations(steps.elements, steps.errors, steps.warnings);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    }

    void jsonShape()
    {
        const auto o = parse(u"(01)09506000134353(10)ABC"_s).toJson();
        QCOMPARE(o.value(u"kind"_s).toString(), u"element_string"_s);
        QCOMPARE(o.value(u"valid"_s).toBool(), false);
        const auto err = o.value(u"errors"_s).toArray().at(0).toObject();
        QCOMPARE(err.value(u"ai"_s).toString(), u"01"_s);
        QCOMPARE(err.value(u"position"_s).toInt(), 14);
        QCOMPARE(err.value(u"code"_s).toString(), u"check_digit"_s);
        QCOMPARE(o.value(u"ais"_s).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestGs1Parser)
#include "tst_gs1parser.moc"
