// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance cases written from the standards themselves, each row naming the rule it checks:
//  - GS1 General Specifications (GenSpecs) section 3 (AI definitions) and 5.1 (symbology identifiers),
//  - the GS1 Barcode Syntax Dictionary (resources/gs1) and the meaning of its linters,
//  - "North American Coupon Application Guideline Using GS1 DataBar Expanded Symbols" (JICC, R2.0) for AI (8110),
//    and the AI (8112) coupon data specification for the positive offer file coupon,
//  - "GS1 Digital Link: URI Syntax" 1.4 (its ABNF and rules) with RFC 3986 for the generic URI parts.
// Every value here was made for this file (check digits computed), except the two coupon examples that the
// coupon guideline itself prints.
#include "aidictionary.h"
#include "gs1parser.h"
#include "testbase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::gs1;

namespace {

const QString G = u"09506000134352"_s; // GTIN-14
const QString S = u"106141411234567897"_s; // SSCC
const QString GLN = u"9506000134376"_s;
const QString GLN2 = u"9501101530003"_s;
const QString DL = u"https://id.gs1.org"_s;

// The coupon data of AI (8110) up to the optional fields: GCP VLI 1 + 7-digit GCP, offer code, save value
// VLI 3 + "250", primary purchase requirement VLI 1 + "1", requirement code 0, family code 120.
const QString COUPON = u"1"_s + u"0614141"_s + u"654321"_s + u"3250"_s + u"11"_s + u"0"_s + u"120"_s;

QString codes(const ParseResult &r)
{
    QStringList out;
    for (const auto &e : r.errors)
        out << e.code + u'(' + e.ai + u")@"_s + QString::number(e.position) + u": "_s + e.message;
    return out.join(u" | "_s);
}

} // namespace

class TestGs1Conformance : public QObject
{
    Q_OBJECT

    static void addColumns()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("accept");
        QTest::addColumn<QString>("code"); // the expected error code when refused, empty for "any"
        QTest::addColumn<QString>("ai"); // the AI the error must name, empty for "any"
    }
    static void ok(const char *name, const QString &input)
    {
        QTest::newRow(name) << input << true << QString() << QString();
    }
    static void bad(const char *name, const QString &input, const QString &code = {}, const QString &ai = {})
    {
        QTest::newRow(name) << input << false << code << ai;
    }
    static void check()
    {
        QFETCH(QString, input);
        QFETCH(bool, accept);
        QFETCH(QString, code);
        QFETCH(QString, ai);
        const auto r = parse(input);
        if (accept) {
            QVERIFY2(r.isValid(), qPrintable(codes(r)));
            QVERIFY2(r.isGs1(), qPrintable(kindName(r.kind)));
            return;
        }
        QVERIFY2(!r.isValid(), qPrintable(u"accepted: "_s + input));
        for (const auto &e : r.errors)
            QVERIFY2(!e.message.isEmpty(), qPrintable(e.code));
        if (!code.isEmpty() || !ai.isEmpty()) {
            const bool found = std::any_of(r.errors.begin(), r.errors.end(),
                [&](const Issue &i) { return (code.isEmpty() || i.code == code) && (ai.isEmpty() || i.ai == ai); });
            QVERIFY2(found, qPrintable(u"expected %1(%2), got %3"_s.arg(code, ai, codes(r))));
        }
    }

private Q_SLOTS:
    // AI (8110): the coupon linter "couponcode" of the Syntax Dictionary, fields as the coupon guideline
    // (JICC R2.0, section 5 "Data representation" and its field tables) defines them.
    void coupon8110_data()
    {
        addColumns();
        const auto c = [](const QString &v) { return u"(8110)"_s + v; };
        // The two data strings printed in the guideline's own examples.
        ok("guideline example 1", u"(8110)1061414165432132501101203140131"_s);
        ok("guideline example 2", u"(8110)106141411234562751106501013085093140131"_s);
        // Required fields only.
        ok("required fields", c(COUPON));
        ok("GCP VLI 0: six-digit GCP", c(u"0"_s + u"061414"_s + u"654321"_s + u"15"_s + u"11"_s + u"9"_s + u"000"_s));
        ok("GCP VLI 6: twelve-digit GCP",
            c(u"6"_s + u"061414100000"_s + u"654321"_s + u"15"_s + u"11"_s + u"4"_s + u"999"_s));
        ok("save value VLI 5", c(u"10614141654321"_s + u"512345"_s + u"11"_s + u"0"_s + u"120"_s));
        ok("purchase requirement VLI 5", c(u"106141416543213250"_s + u"599999"_s + u"3"_s + u"120"_s));
        // Optional field 1: additional purchase rules code 0-3, 2nd requirement, code, family, 2nd GCP (VLI 9 = none).
        ok("field 1 without 2nd GCP", c(COUPON + u"1"_s + u"0"_s + u"13"_s + u"0"_s + u"850"_s + u"9"_s));
        ok("field 1 with 6-digit 2nd GCP",
            c(COUPON + u"1"_s + u"3"_s + u"212"_s + u"1"_s + u"777"_s + u"0"_s + u"123456"_s));
        // Optional field 2: 3rd purchase requirement, code, family, 3rd GCP.
        ok("field 2", c(COUPON + u"2"_s + u"12"_s + u"4"_s + u"555"_s + u"9"_s));
        ok("field 2 with 3rd GCP", c(COUPON + u"2"_s + u"12"_s + u"9"_s + u"555"_s + u"1"_s + u"9506000"_s));
        // Optional fields 3 (expiry) and 4 (start): YYMMDD, start not after expiry.
        ok("field 3 expiry", c(COUPON + u"3261231"_s));
        ok("field 4 start", c(COUPON + u"4260101"_s));
        ok("fields 3 and 4, same day", c(COUPON + u"3260615"_s + u"4260615"_s));
        // Optional field 5: serial number VLI 0-9, length VLI + 6.
        ok("field 5 VLI 0", c(COUPON + u"5"_s + u"0"_s + u"123456"_s));
        ok("field 5 VLI 9", c(COUPON + u"5"_s + u"9"_s + u"123456789012345"_s));
        // Optional field 6: retailer GCP/GLN VLI 1-7, length VLI + 6.
        ok("field 6 GLN", c(COUPON + u"6"_s + u"7"_s + GLN2));
        ok("field 6 VLI 1", c(COUPON + u"6"_s + u"1"_s + u"9506000"_s));
        // Optional field 9: save value code (0, 1, 2, 5, 6), applies to item (0-2), store flag, don't multiply (0/1).
        ok("field 9", c(COUPON + u"9"_s + u"1"_s + u"0"_s + u"0"_s + u"1"_s));
        ok("field 9 code 6", c(COUPON + u"9"_s + u"6"_s + u"2"_s + u"9"_s + u"0"_s));
        ok("fields 1, 2, 3, 4, 5 and 9 in order",
            c(COUPON + u"101308509"_s + u"2124555"_s + u"9"_s + u"3261231"_s + u"4260101"_s + u"50123456"_s
                + u"91001"_s));
        ok("fields 6 and 9", c(COUPON + u"6"_s + u"1"_s + u"9506000"_s + u"91001"_s));

        bad("letter", c(u"A"_s + COUPON.mid(1)), {}, u"8110"_s);
        bad("empty after AI", u"]C18110"_s, {}, u"8110"_s);
        bad("GCP VLI 7", c(u"7"_s + COUPON.mid(1)), {}, u"8110"_s);
        bad("GCP truncated", c(u"1061414"_s), {}, u"8110"_s);
        bad("offer code truncated", c(u"10614141"_s + u"6543"_s), {}, u"8110"_s);
        bad("no save value VLI", c(u"10614141654321"_s), {}, u"8110"_s);
        bad("save value VLI 0", c(u"10614141654321"_s + u"0"_s + u"11"_s + u"0"_s + u"120"_s), {}, u"8110"_s);
        bad("save value VLI 6", c(u"10614141654321"_s + u"6123456"_s + u"11"_s + u"0"_s + u"120"_s), {}, u"8110"_s);
        bad("save value truncated", c(u"10614141654321"_s + u"4"_s + u"12"_s), {}, u"8110"_s);
        bad("requirement VLI 0", c(u"106141416543213250"_s + u"0"_s + u"0"_s + u"120"_s), {}, u"8110"_s);
        bad("requirement VLI 9", c(u"106141416543213250"_s + u"9"_s + u"123456789"_s + u"0"_s + u"120"_s), {},
            u"8110"_s);
        bad("requirement code 5", c(u"10614141654321325011"_s + u"5"_s + u"120"_s), {}, u"8110"_s);
        bad("requirement code 8", c(u"10614141654321325011"_s + u"8"_s + u"120"_s), {}, u"8110"_s);
        bad("no requirement code", c(u"10614141654321325011"_s), {}, u"8110"_s);
        bad("family code truncated", c(u"10614141654321325011"_s + u"0"_s + u"12"_s), {}, u"8110"_s);
        bad("field 1 rules code 4", c(COUPON + u"1"_s + u"4"_s + u"13"_s + u"0"_s + u"850"_s + u"9"_s), {}, u"8110"_s);
        bad("field 1 requirement VLI 0", c(COUPON + u"1"_s + u"0"_s + u"0"_s + u"0"_s + u"850"_s + u"9"_s), {},
            u"8110"_s);
        bad("field 1 requirement code 7", c(COUPON + u"1"_s + u"0"_s + u"13"_s + u"7"_s + u"850"_s + u"9"_s), {},
            u"8110"_s);
        bad("field 1 GCP VLI 7",
            c(COUPON + u"1"_s + u"0"_s + u"13"_s + u"0"_s + u"850"_s + u"7"_s + u"1234567890123"_s), {}, u"8110"_s);
        bad("field 1 GCP truncated", c(COUPON + u"1"_s + u"0"_s + u"13"_s + u"0"_s + u"850"_s + u"1"_s + u"950600"_s),
            {}, u"8110"_s);
        bad("field 1 no GCP VLI", c(COUPON + u"1"_s + u"0"_s + u"13"_s + u"0"_s + u"850"_s), {}, u"8110"_s);
        bad("field 2 no GCP VLI", c(COUPON + u"2"_s + u"12"_s + u"4"_s + u"555"_s), {}, u"8110"_s);
        bad("field 2 requirement code 6", c(COUPON + u"2"_s + u"12"_s + u"6"_s + u"555"_s + u"9"_s), {}, u"8110"_s);
        bad("field 3 month 13", c(COUPON + u"3261331"_s), {}, u"8110"_s);
        bad("field 3 day 00", c(COUPON + u"3261200"_s), {}, u"8110"_s);
        bad("field 3 truncated", c(COUPON + u"32612"_s), {}, u"8110"_s);
        bad("field 4 31 April", c(COUPON + u"4260431"_s), {}, u"8110"_s);
        bad("start after expiry", c(COUPON + u"3260101"_s + u"4261231"_s), {}, u"8110"_s);
        bad("field 5 truncated", c(COUPON + u"5"_s + u"3"_s + u"1234"_s), {}, u"8110"_s);
        bad("field 5 without VLI", c(COUPON + u"5"_s), {}, u"8110"_s);
        bad("field 6 VLI 0", c(COUPON + u"6"_s + u"0"_s + u"950600"_s), {}, u"8110"_s);
        bad("field 6 VLI 8", c(COUPON + u"6"_s + u"8"_s + u"95060001343760"_s), {}, u"8110"_s);
        bad("field 6 truncated", c(COUPON + u"6"_s + u"7"_s + u"950600013437"_s), {}, u"8110"_s);
        bad("field 9 save value code 3", c(COUPON + u"9"_s + u"3"_s + u"001"_s), {}, u"8110"_s);
        bad("field 9 save value code 4", c(COUPON + u"9"_s + u"4"_s + u"001"_s), {}, u"8110"_s);
        bad("field 9 applies to item 3", c(COUPON + u"9"_s + u"1"_s + u"3"_s + u"01"_s), {}, u"8110"_s);
        bad("field 9 don't multiply 2", c(COUPON + u"9"_s + u"1"_s + u"0"_s + u"0"_s + u"2"_s), {}, u"8110"_s);
        bad("field 9 truncated", c(COUPON + u"9"_s + u"10"_s), {}, u"8110"_s);
        bad("fields out of order", c(COUPON + u"3261231"_s + u"101308509"_s), {}, u"8110"_s);
        bad("field repeated", c(COUPON + u"3261231"_s + u"3261231"_s), {}, u"8110"_s);
        bad("no field 7", c(COUPON + u"7123"_s), {}, u"8110"_s);
        bad("no field 8", c(COUPON + u"8123"_s), {}, u"8110"_s);
        bad("data after field 9", c(COUPON + u"91001"_s + u"5"_s), {}, u"8110"_s);
    }
    void coupon8110() { check(); }

    void couponPosition()
    {
        // The requirement code is the 21st character of COUPON: the error says so.
        const auto r = parse(u"(8110)"_s + COUPON.left(20) + u"5"_s + COUPON.mid(21));
        QCOMPARE(r.errors.size(), size_t(1));
        QCOMPARE(r.errors[0].ai, u"8110"_s);
        QCOMPARE(r.errors[0].position, 21);
        QCOMPARE(r.errors[0].offset, 6 + 20);
        QVERIFY2(
            r.errors[0].message.contains(u"requirement code"_s, Qt::CaseInsensitive), qPrintable(r.errors[0].message));
    }

    // AI (8112): the linter "couponposoffer": format code 0/1, funder VLI 0-6 (ID of VLI + 6 digits), six-digit
    // offer code, serial number VLI 0-9 (VLI + 6 digits), nothing after it.
    void coupon8112_data()
    {
        addColumns();
        const auto c = [](const QString &v) { return u"(8112)"_s + v; };
        ok("format 0, shortest", c(u"0"_s + u"0"_s + u"950600"_s + u"000123"_s + u"0"_s + u"987654"_s));
        ok("format 1, longest", c(u"1"_s + u"6"_s + u"950110153000"_s + u"111111"_s + u"9"_s + u"123456789012345"_s));
        ok("middle lengths", c(u"0"_s + u"3"_s + u"950600013"_s + u"000001"_s + u"4"_s + u"1234567890"_s));
        bad("format 2", c(u"2"_s + u"0"_s + u"950600"_s + u"000123"_s + u"0"_s + u"987654"_s), {}, u"8112"_s);
        bad("format 9", c(u"9"_s + u"0"_s + u"950600"_s + u"000123"_s + u"0"_s + u"987654"_s), {}, u"8112"_s);
        bad("funder VLI 7", c(u"0"_s + u"7"_s + u"9506001234567"_s + u"000123"_s + u"0"_s + u"987654"_s), {},
            u"8112"_s);
        bad("funder truncated", c(u"0"_s + u"2"_s + u"9506001"_s), {}, u"8112"_s);
        bad("no funder VLI", c(u"0"_s), {}, u"8112"_s);
        bad("offer code truncated", c(u"0"_s + u"0"_s + u"950600"_s + u"0001"_s), {}, u"8112"_s);
        bad("no serial VLI", c(u"0"_s + u"0"_s + u"950600"_s + u"000123"_s), {}, u"8112"_s);
        bad("serial truncated", c(u"0"_s + u"0"_s + u"950600"_s + u"000123"_s + u"1"_s + u"987654"_s), {}, u"8112"_s);
        bad("data after serial", c(u"0"_s + u"0"_s + u"950600"_s + u"000123"_s + u"0"_s + u"9876543"_s), {}, u"8112"_s);
        bad("letter", c(u"0"_s + u"0"_s + u"950600"_s + u"000123"_s + u"0"_s + u"98765X"_s), {}, u"8112"_s);
    }
    void coupon8112() { check(); }

    // GS1 Digital Link URI syntax 1.4: what must be accepted.
    void digitalLinkAccepted_data()
    {
        addColumns();
        ok("canonical", DL + u"/01/"_s + G);
        ok("http, qualifiers in order", u"http://example.com/01/"_s + G + u"/22/V1/10/L1/21/S1"_s);
        ok("upper-case URI (QR alphanumeric mode)", u"HTTPS://EXAMPLE.COM/01/"_s + G + u"/10/ABC"_s);
        ok("upper-case http", u"HTTP://EXAMPLE.COM/01/"_s + G);
        ok("path stem", u"https://example.com/a/b/c/01/"_s + G);
        ok("stem with AI-like segments: the rightmost key counts", u"https://example.com/01/stem/01/"_s + G);
        ok("stem with a percent-encoding", u"https://example.com/caf%C3%A9/01/"_s + G);
        ok("only some qualifiers", DL + u"/01/"_s + G + u"/21/S1"_s);
        ok("the second qualifier sequence of (01)", DL + u"/01/"_s + G + u"/235/TPX1"_s);
        // RFC 3986 host: reg-name, IPv4address, IP-literal (IPv6 and IPvFuture), with a port.
        ok("port", u"https://example.com:8443/01/"_s + G);
        ok("empty port", u"https://example.com:/01/"_s + G);
        ok("absolute DNS name", u"https://example.com./01/"_s + G);
        ok("punycode", u"https://xn--bcher-kva.example/01/"_s + G);
        ok("IPv4", u"https://192.0.2.10/01/"_s + G);
        ok("IPv6", u"https://[2001:db8::7]/01/"_s + G);
        ok("IPv6 with port", u"https://[2001:db8:0:0:1:0:0:1]:8080/01/"_s + G);
        ok("IPv6 with embedded IPv4", u"https://[::ffff:192.0.2.128]/01/"_s + G);
        ok("IPvFuture", u"https://[v1.fe80::a+en1]/01/"_s + G);
        ok("reg-name with a sub-delim", u"https://shop!1.example/01/"_s + G);
        ok("reg-name percent-encoded", u"https://%65xample.com/01/"_s + G);
        // Percent-encoding (the ABNF's XCHAR: symbols of CSET 82 are written percent-encoded).
        ok("encoded slash", DL + u"/01/"_s + G + u"/10/AB%2FC"_s);
        ok("encoded symbols", DL + u"/01/"_s + G + u"/10/%21%22%25%26%27%28%29%2A%2B%2C"_s);
        ok("encoded symbols 2", DL + u"/01/"_s + G + u"/21/%3A%3B%3C%3D%3E%3F"_s);
        ok("lower-case hex digits", DL + u"/01/"_s + G + u"/10/AB%2fC"_s);
        ok("unreserved written raw", DL + u"/01/"_s + G + u"/10/A-B.C_D"_s);
        ok("encoded unreserved (equivalent, RFC 3986 2.3)", DL + u"/01/"_s + G + u"/10/A%2DB"_s);
        // Query: data attributes, '&' and ';' between them, other parameters, empty parameters, fragment.
        ok("data attributes", DL + u"/01/"_s + G + u"/10/L1?17=261231&3103=000500"_s);
        ok("';' between parameters", DL + u"/01/"_s + G + u"?17=261231;3103=000500"_s);
        ok("other parameters", DL + u"/01/"_s + G + u"?linkType=gs1:pip&17=261231"_s);
        ok("empty parameters", DL + u"/01/"_s + G + u"?&17=261231&&"_s);
        ok("fragment", DL + u"/01/"_s + G + u"?17=261231#top"_s);
        ok("query AI value encoded", DL + u"/01/"_s + G + u"?91=A%2BB"_s);
        // Every primary key of the dictionary with its qualifiers.
        ok("SSCC with data attributes", DL + u"/00/"_s + S + u"?02="_s + G + u"&37=10"_s);
        ok("GLN with extension", DL + u"/414/"_s + GLN + u"/254/EXT1"_s);
        ok("GLN with UIC+EXT", DL + u"/414/"_s + GLN + u"/7040/1ABC"_s);
        ok("party GLN with UIC+EXT", DL + u"/417/"_s + GLN2 + u"/7040/2XY_"_s);
        ok("pay-to with reference", DL + u"/415/"_s + GLN + u"/8020/REF1"_s);
        ok("ITIP", DL + u"/8006/"_s + G + u"0102/10/L1"_s);
        ok("GMN", DL + u"/8013/1987654Ad4X4bL5ttr2310c2K"_s);
        ok("CPID with serial", DL + u"/8010/95060001-A1/8011/123"_s);
        ok("GSRN provider with SRIN", DL + u"/8017/950123456789012341/8019/7"_s);
        ok("GSRN recipient", DL + u"/8018/950123456789012341"_s);
        ok("GDTI", DL + u"/253/"_s + GLN + u"DOC1"_s);
        ok("GCN", DL + u"/255/9521101123456123"_s);
        ok("GINC", DL + u"/401/9506000134ABC"_s);
        ok("GSIN", DL + u"/402/95060001345678907"_s);
        ok("GRAI", DL + u"/8003/0"_s + GLN + u"R1"_s);
        ok("GIAI with UIC+EXT", DL + u"/8004/95060001ASSET1/7040/1ABC"_s);
        ok("primary key of another type as data attribute", DL + u"/00/"_s + S + u"?01="_s + G);
    }
    void digitalLinkAccepted() { check(); }

    // GS1 Digital Link URI syntax 1.4: what must be refused.
    void digitalLinkRefused_data()
    {
        addColumns();
        // Percent-encoding: "%" HEXDIG HEXDIG (RFC 3986 2.1), nothing else.
        bad("'%' with one hex digit and a space", DL + u"/01/"_s + G + u"/10/AB%5 C"_s, u"dl_encoding"_s, u"10"_s);
        bad("'%' with non-hex", DL + u"/01/"_s + G + u"/10/AB%G1"_s, u"dl_encoding"_s, u"10"_s);
        bad("'%' at the end", DL + u"/01/"_s + G + u"/10/AB%"_s, u"dl_encoding"_s, u"10"_s);
        bad("'%' with one digit at the end", DL + u"/01/"_s + G + u"/10/AB%4"_s, u"dl_encoding"_s, u"10"_s);
        bad("'%+5'", DL + u"/01/"_s + G + u"/10/AB%+5"_s, u"dl_encoding"_s, u"10"_s);
        bad("'%-1'", DL + u"/01/"_s + G + u"/10/AB%-1"_s, u"dl_encoding"_s, u"10"_s);
        bad("'% 5'", DL + u"/01/"_s + G + u"/10/AB% 5"_s, u"dl_encoding"_s, u"10"_s);
        bad("broken encoding in the query", DL + u"/01/"_s + G + u"?91=A%zz"_s, u"dl_encoding"_s, u"91"_s);
        bad("broken encoding after the GTIN", DL + u"/01/"_s + G + u"%"_s, u"dl_encoding"_s, u"01"_s);
        // The ABNF's XCHAR: symbols that a URI reserves are written percent-encoded in AI values.
        bad("raw '!' in a path value", DL + u"/01/"_s + G + u"/10/A!B"_s, u"dl_encoding"_s, u"10"_s);
        bad("raw '(' in a path value", DL + u"/01/"_s + G + u"/10/A(B)"_s, u"dl_encoding"_s, u"10"_s);
        bad("raw apostrophe", DL + u"/01/"_s + G + u"/21/A'B"_s, u"dl_encoding"_s, u"21"_s);
        bad("raw ':' in a path value", DL + u"/01/"_s + G + u"/21/A:B"_s, u"dl_encoding"_s, u"21"_s);
        bad("raw '*'", DL + u"/01/"_s + G + u"/10/A*B"_s, u"dl_encoding"_s, u"10"_s);
        bad("raw ','", DL + u"/01/"_s + G + u"/10/A,B"_s, u"dl_encoding"_s, u"10"_s);
        bad("raw '=' in a query value", DL + u"/01/"_s + G + u"?91=A=B"_s, u"dl_encoding"_s, u"91"_s);
        bad("raw '+' in a query value", DL + u"/01/"_s + G + u"?91=A+B"_s, u"dl_encoding"_s, u"91"_s);
        bad("raw '&' in a path value", DL + u"/01/"_s + G + u"/10/A&B"_s, u"dl_encoding"_s, u"10"_s);
        bad("space in a path value", DL + u"/01/"_s + G + u"/10/A B"_s, u"dl_encoding"_s, u"10"_s);
        bad("quote in a path value", DL + u"/01/"_s + G + u"/10/A\"B"_s, u"dl_encoding"_s, u"10"_s);
        bad("non-ASCII in a path value", DL + u"/01/"_s + G + u"/10/A\u00e9"_s, u"dl_encoding"_s, u"10"_s);
        bad("encoded NUL", DL + u"/01/"_s + G + u"/10/A%00"_s, {}, u"10"_s);
        bad("encoded space", DL + u"/01/"_s + G + u"/10/A%20B"_s, u"charset"_s, u"10"_s);
        // The GTIN in a URI path has 14 digits (ABNF gtin-value = 14DIGIT).
        bad("GTIN-13 in the path", DL + u"/01/4006381333931"_s, u"length"_s, u"01"_s);
        bad("GTIN-12 in the path", DL + u"/01/036000291452"_s, u"length"_s, u"01"_s);
        bad("GTIN-8 in the path", DL + u"/01/96385074"_s, u"length"_s, u"01"_s);
        bad("GTIN-13 in the query", DL + u"/00/"_s + S + u"?01=4006381333931"_s, u"length"_s, u"01"_s);
        bad("GTIN check digit", DL + u"/01/09506000134353"_s, u"check_digit"_s, u"01"_s);
        // The path: the primary key, then only its qualifiers, in the dictionary's order, once each.
        bad("qualifiers out of order", DL + u"/01/"_s + G + u"/21/S1/10/L1"_s, u"dl_order"_s);
        bad("cpv after lot", DL + u"/01/"_s + G + u"/10/L1/22/V1"_s, u"dl_order"_s);
        bad("qualifier repeated", DL + u"/01/"_s + G + u"/10/L1/10/L2"_s, u"dl_order"_s);
        bad("qualifier sequences mixed", DL + u"/01/"_s + G + u"/10/L1/235/T1"_s, u"dl_order"_s);
        bad("not a qualifier of SSCC", DL + u"/00/"_s + S + u"/10/L1"_s, u"dl_order"_s);
        bad("a data attribute in the path", DL + u"/01/"_s + G + u"/17/261231"_s, u"dl_order"_s);
        // The rightmost key is the primary key; "/01/..." before it is then part of the stem.
        bad("a qualifier of GTIN after an SSCC", DL + u"/01/"_s + G + u"/00/"_s + S + u"/10/L1"_s, u"dl_order"_s);
        bad("a qualifier of another key", DL + u"/01/"_s + G + u"/254/EXT"_s, u"dl_order"_s);
        bad("extension without GLN", DL + u"/414/"_s + GLN + u"/8019/1"_s, u"dl_order"_s);
        bad("unknown AI after the key", DL + u"/01/"_s + G + u"/23/X"_s);
        bad("non-AI after the key", DL + u"/01/"_s + G + u"/about/us"_s);
        // Trailing slash and empty values.
        bad("trailing slash", DL + u"/01/"_s + G + u"/"_s, u"dl_syntax"_s);
        bad("trailing slash after a qualifier", DL + u"/01/"_s + G + u"/10/L1/"_s, u"dl_syntax"_s);
        bad("trailing slash before the query", DL + u"/01/"_s + G + u"/?17=261231"_s, u"dl_syntax"_s);
        bad("AI without value", DL + u"/01/"_s + G + u"/10"_s, u"dl_syntax"_s);
        bad("empty qualifier value", DL + u"/01/"_s + G + u"/10//21/S1"_s);
        bad("empty key value", DL + u"/01//10/L1"_s);
        // The query: each AI once, not repeating the path, only data attributes, qualifiers in the path.
        bad("AI repeated in the query", DL + u"/01/"_s + G + u"?17=261231&17=261231"_s, u"duplicate_ai"_s, u"17"_s);
        bad("AI repeated with another value", DL + u"/01/"_s + G + u"?17=261231&17=270101"_s, u"duplicate_ai"_s,
            u"17"_s);
        bad("query repeats a path AI", DL + u"/01/"_s + G + u"?01="_s + G, u"duplicate_ai"_s, u"01"_s);
        bad("query repeats a path qualifier", DL + u"/01/"_s + G + u"/10/L1?10=L1"_s, u"duplicate_ai"_s, u"10"_s);
        bad("unknown AI in the query", DL + u"/01/"_s + G + u"?89=X"_s, u"unknown_ai"_s);
        bad("not a data attribute", DL + u"/01/"_s + G + u"?21=S1"_s, u"dl_syntax"_s, u"21"_s);
        bad("a qualifier belongs in the path", DL + u"/01/"_s + G + u"?10=L1"_s, u"dl_syntax"_s, u"10"_s);
        bad("a qualifier belongs in the path before the serial", DL + u"/01/"_s + G + u"/21/S1?10=L1"_s, u"dl_syntax"_s,
            u"10"_s);
        bad("AI with an empty value", DL + u"/01/"_s + G + u"?17="_s, {}, u"17"_s);
        bad("AI without '='", DL + u"/01/"_s + G + u"?17"_s, {}, u"17"_s);
        bad("bad date in the query", DL + u"/01/"_s + G + u"?17=261331"_s, u"invalid_date"_s, u"17"_s);
        // RFC 3986 host, port and scheme.
        bad("no host", u"https:///01/"_s + G, u"dl_host"_s);
        bad("space in the host", u"https://exa mple.com/01/"_s + G, u"dl_host"_s);
        bad("'^' in the host", u"https://exa^mple.com/01/"_s + G, u"dl_host"_s);
        bad("broken encoding in the host", u"https://exa%zzmple.com/01/"_s + G, u"dl_host"_s);
        bad("user information", u"https://user@example.com/01/"_s + G, u"dl_host"_s);
        bad("IPv6 without ']'", u"https://[2001:db8::1/01/"_s + G, u"dl_host"_s);
        bad("IPv6 zone identifier", u"https://[fe80::1%25eth0]/01/"_s + G, u"dl_host"_s);
        bad("IPv6 group too long", u"https://[2001:db8::12345]/01/"_s + G, u"dl_host"_s);
        bad("IPv6 two '::'", u"https://[2001::db8::1]/01/"_s + G, u"dl_host"_s);
        bad("IPv6 too many groups", u"https://[1:2:3:4:5:6:7:8:9]/01/"_s + G, u"dl_host"_s);
        bad("IPv6 too few groups", u"https://[1:2:3:4:5:6:7]/01/"_s + G, u"dl_host"_s);
        bad("IPv6 bad embedded IPv4", u"https://[::ffff:192.0.2.256]/01/"_s + G, u"dl_host"_s);
        bad("bracket in a reg-name", u"https://exa[mple.com/01/"_s + G, u"dl_host"_s);
        bad("port with a letter", u"https://example.com:80a/01/"_s + G, u"dl_host"_s);
        bad("port out of range", u"https://example.com:70000/01/"_s + G, u"dl_host"_s);
        bad("mixed-case scheme", u"HtTpS://example.com/01/"_s + G, u"dl_syntax"_s);
        bad("space in the stem", u"https://example.com/a b/01/"_s + G, u"dl_syntax"_s);
        bad("broken encoding in the stem", u"https://example.com/a%2/01/"_s + G, u"dl_encoding"_s);
        bad("space in another parameter", DL + u"/01/"_s + G + u"?linkType=gs1 pip"_s, u"dl_encoding"_s);
        bad("space in the fragment", DL + u"/01/"_s + G + u"#a b"_s, u"dl_syntax"_s);
    }
    void digitalLinkRefused() { check(); }

    // Digital Link generation: one primary key (the first in the data), its qualifiers in the path in the
    // dictionary's order, data attributes in the query, each AI once.
    void digitalLinkGeneration()
    {
        const auto dl = [](std::vector<Element> els, QString *why = nullptr) {
            return buildDigitalLink(els, u"https://id.gs1.org", why);
        };
        QCOMPARE(dl({ { u"00"_s, {}, S }, { u"01"_s, {}, G } }), DL + u"/00/"_s + S + u"?01="_s + G);
        QCOMPARE(dl({ { u"01"_s, {}, G }, { u"00"_s, {}, S } }), DL + u"/01/"_s + G + u"?00="_s + S);
        QCOMPARE(dl({ { u"414"_s, {}, GLN }, { u"254"_s, {}, u"X1"_s } }), DL + u"/414/"_s + GLN + u"/254/X1"_s);
        // The qualifier sequence that takes the most qualifiers; a lot can ride in the query next to (235).
        QCOMPARE(dl({ { u"01"_s, {}, G }, { u"10"_s, {}, u"L1"_s }, { u"235"_s, {}, u"T1"_s } }),
            DL + u"/01/"_s + G + u"/235/T1?10=L1"_s);
        QCOMPARE(dl({ { u"01"_s, {}, G }, { u"21"_s, {}, u"S1"_s }, { u"22"_s, {}, u"V"_s }, { u"10"_s, {}, u"L"_s } }),
            DL + u"/01/"_s + G + u"/22/V/10/L/21/S1"_s);
        QString why;
        QVERIFY(dl({ { u"01"_s, {}, G }, { u"10"_s, {}, u"A"_s }, { u"10"_s, {}, u"B"_s } }, &why).isEmpty());
        QVERIFY2(why.contains(u"(10)"_s), qPrintable(why));
        why.clear();
        QVERIFY(dl({ { u"01"_s, {}, G }, { u"17"_s, {}, u"261231"_s }, { u"17"_s, {}, u"261231"_s } }, &why).isEmpty());
        QVERIFY2(why.contains(u"(17)"_s), qPrintable(why));
        QVERIFY(dl({ { u"01"_s, {}, G }, { u"01"_s, {}, G } }).isEmpty());
        // (22) is only a qualifier, and cannot share a path with (235): no Digital Link can carry both.
        why.clear();
        QVERIFY(dl({ { u"01"_s, {}, G }, { u"22"_s, {}, u"V"_s }, { u"235"_s, {}, u"T"_s } }, &why).isEmpty());
        QVERIFY(!why.isEmpty());
        QVERIFY(dl({ { u"10"_s, {}, u"L"_s } }, &why).isEmpty());
        QVERIFY2(why.contains(u"primary key"_s), qPrintable(why));
        // Percent-encoding of everything but the unreserved characters, upper-case hex digits.
        QCOMPARE(dl({ { u"01"_s, {}, G }, { u"10"_s, {}, u"A/B!C%"_s } }), DL + u"/01/"_s + G + u"/10/A%2FB%21C%25"_s);
        // The element string's order of the two keys decides, whatever the element string looks like.
        QCOMPARE(parse(u"(00)"_s + S + u"(01)"_s + G).digitalLink(), DL + u"/00/"_s + S + u"?01="_s + G);
    }

    // Scanner data with AIM symbology identifiers (GenSpecs 5.1.2, ISO/IEC 15424): EAN/UPC and ITF-14 carry
    // a fixed number of digits.
    void symbologyIdentifiers_data()
    {
        addColumns();
        ok("]E0 EAN-13", u"]E04006381333931"_s);
        ok("]E0 UPC-A as 13 digits", u"]E00036000291452"_s);
        ok("]E4 EAN-8", u"]E496385074"_s);
        ok("]E3 EAN-13 with two-digit add-on", u"]E3400638133393112"_s);
        ok("]E3 EAN-13 with five-digit add-on", u"]E3978073520044951299"_s);
        ok("]I1 ITF-14", u"]I115012345678907"_s);
        ok("]C1 GS1-128", u"]C10109506000134352"_s);
        bad("]E0 with 12 digits", u"]E0036000291452"_s, u"length"_s);
        bad("]E0 with 8 digits", u"]E001234565"_s, u"length"_s);
        bad("]E0 with 14 digits", u"]E009506000134352"_s, u"length"_s);
        bad("]E0 with 7 digits", u"]E01234567"_s, u"length"_s);
        bad("]E0 empty", u"]E0"_s);
        bad("]E4 with 13 digits", u"]E44006381333931"_s, u"length"_s);
        bad("]E4 with 7 digits", u"]E49638507"_s, u"length"_s);
        bad("]E4 with 12 digits", u"]E4036000291452"_s, u"length"_s);
        bad("]E3 with 14 digits", u"]E303600029145212"_s, u"length"_s);
        bad("]E3 with 13 digits", u"]E34006381333931"_s, u"length"_s);
        bad("]E3 with 16 digits", u"]E34006381333931123"_s, u"length"_s);
        bad("]I1 with 13 digits", u"]I11501234567890"_s, u"length"_s);
        bad("]I1 with 16 digits", u"]I11501234567890700"_s, u"length"_s);
        bad("]E0 check digit", u"]E04006381333932"_s, u"check_digit"_s);
        bad("]E0 letters", u"]E0400638133393X"_s, u"charset"_s);
    }
    void symbologyIdentifiers() { check(); }
};

QTEST_GUILESS_MAIN(TestGs1Conformance)
#include "tst_gs1conformance.moc"
