// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// EPCIS identifiers: what the station writes, EPC URNs of every GS1 scheme as canonical Digital Links (check
// digits worked out by hand), Digital Links reduced to the CBV 2.0 hash form, and the CBV vocabularies.
#include "cbv.h"
#include "gs1parser.h"
#include "identifiers.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::epcis;

class TestEpcisIdentifiers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stationIdentifiers()
    {
        QCOMPARE(serialisedItem(u"09506000134352"_s, u"S1"_s).value(), u"https://id.gs1.org/01/09506000134352/21/S1"_s);
        QCOMPARE(
            serialisedItem(u"9506000134352"_s, u"A/B"_s).value(), u"https://id.gs1.org/01/09506000134352/21/A%2FB"_s);
        QCOMPARE(productClass(u"09506000134352"_s).value(), u"https://id.gs1.org/01/09506000134352"_s);
        QCOMPARE(lotClass(u"09506000134352"_s, u"LOT 7"_s).ok(), false); // a space is not a GS1 character
        QCOMPARE(lotClass(u"09506000134352"_s, u"LOT7"_s).value(), u"https://id.gs1.org/01/09506000134352/10/LOT7"_s);
        QCOMPARE(logisticUnit(u"195060000000000012"_s).value(), u"https://id.gs1.org/00/195060000000000012"_s);
        QCOMPARE(location(u"9506000000015"_s).value(), u"https://id.gs1.org/414/9506000000015"_s);
        QCOMPARE(location(u"9506000000015"_s, u"0"_s).value(), u"https://id.gs1.org/414/9506000000015"_s);
        QCOMPARE(
            location(u"9506000000015"_s, u"SHELF-3"_s).value(), u"https://id.gs1.org/414/9506000000015/254/SHELF-3"_s);
        QCOMPARE(party(u"9506000123455"_s).value(), u"https://id.gs1.org/417/9506000123455"_s);
    }

    void refusesBadKeys()
    {
        const auto gtin = serialisedItem(u"09506000134353"_s, u"S1"_s);
        QVERIFY(!gtin.ok());
        QVERIFY2(gtin.error().message.contains(u"check digit"_s), qPrintable(gtin.error().message));
        QVERIFY(!serialisedItem(u"0950600013435"_s, u"S1"_s).ok()); // 13 digits, wrong check digit
        QVERIFY(!serialisedItem(u"09506000134352"_s, QString()).ok());
        QVERIFY(!location(u"9506000000016"_s).ok());
        QVERIFY(!logisticUnit(u"195060000000000013"_s).ok());
        QVERIFY(!party(u"950600012345"_s).ok());
    }

    void fromScans()
    {
        const auto item = objectFromScan(gs1::parse(u"(01)09506000134352(21)S1"_s));
        QCOMPARE(item.value().uri, u"https://id.gs1.org/01/09506000134352/21/S1"_s);
        QCOMPARE(item.value().level, IdentifierLevel::Instance);
        const auto lot = objectFromScan(gs1::parse(u"(01)09506000134352(17)261231(10)LOT7"_s));
        QCOMPARE(lot.value().uri, u"https://id.gs1.org/01/09506000134352/10/LOT7"_s);
        QCOMPARE(lot.value().level, IdentifierLevel::Class);
        const auto product = objectFromScan(gs1::parse(u"9506000134352"_s));
        QCOMPARE(product.value().uri, u"https://id.gs1.org/01/09506000134352"_s);
        QCOMPARE(product.value().level, IdentifierLevel::Class);
        const auto pallet = objectFromScan(gs1::parse(u"(00)195060000000000012"_s));
        QCOMPARE(pallet.value().uri, u"https://id.gs1.org/00/195060000000000012"_s);
        QVERIFY(!objectFromScan(gs1::parse(u"(414)9506000000015"_s)).ok());
        QVERIFY(!objectFromScan(gs1::parse(u"hello"_s)).ok());
        QVERIFY(!objectFromScan(gs1::parse(u"(01)09506000134353"_s)).ok());
    }

    void epcUrnsAsDigitalLinks_data()
    {
        QTest::addColumn<QString>("urn");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("instance");
        const auto dl = [](const char *p) { return u"https://id.gs1.org"_s + QString::fromLatin1(p); };
        // Check digits: 0950600013435|2, 1950600000000000|2 (SSCC), 950600000001|5, 9506000000000000|1|9 (GSRN),
        // 950600000000000|1|5 (GSIN), 950600012345|5.
        QTest::newRow("sgtin") << u"urn:epc:id:sgtin:9506000.013435.S1"_s << dl("/01/09506000134352/21/S1") << u"01"_s
                               << true;
        QTest::newRow("sgtin escaped") << u"urn:epc:id:sgtin:9506000.013435.A%2FB%25"_s
                                       << dl("/01/09506000134352/21/A%2FB%25") << u"01"_s << true;
        QTest::newRow("sscc") << u"urn:epc:id:sscc:9506000.1000000001"_s << dl("/00/195060000000000012") << u"00"_s
                              << true;
        QTest::newRow("sgln") << u"urn:epc:id:sgln:9506000.00001.0"_s << dl("/414/9506000000015") << u"414"_s << true;
        QTest::newRow("sgln extension") << u"urn:epc:id:sgln:9506000.00001.7"_s << dl("/414/9506000000015/254/7")
                                        << u"414"_s << true;
        QTest::newRow("sgln 12-digit prefix")
            << u"urn:epc:id:sgln:950600000001..0"_s << dl("/414/9506000000015") << u"414"_s << true;
        QTest::newRow("grai") << u"urn:epc:id:grai:9506000.00001.X7"_s << dl("/8003/09506000000015X7") << u"8003"_s
                              << true;
        QTest::newRow("giai") << u"urn:epc:id:giai:9506000.TRUCK-1"_s << dl("/8004/9506000TRUCK-1") << u"8004"_s
                              << true;
        QTest::newRow("gsrn") << u"urn:epc:id:gsrn:9506000.0000000001"_s << dl("/8018/950600000000000019") << u"8018"_s
                              << true;
        QTest::newRow("gsrnp") << u"urn:epc:id:gsrnp:9506000.0000000001"_s << dl("/8017/950600000000000019")
                               << u"8017"_s << true;
        QTest::newRow("gdti") << u"urn:epc:id:gdti:9506000.00001.D9"_s << dl("/253/9506000000015D9") << u"253"_s
                              << true;
        QTest::newRow("sgcn") << u"urn:epc:id:sgcn:9506000.00001.123"_s << dl("/255/9506000000015123") << u"255"_s
                              << true;
        QTest::newRow("cpi") << u"urn:epc:id:cpi:9506000.5PQ7%2FZ43.12345"_s << dl("/8010/95060005PQ7%2FZ43/8011/12345")
                             << u"8010"_s << true;
        QTest::newRow("ginc") << u"urn:epc:id:ginc:9506000.SHIP1"_s << dl("/401/9506000SHIP1") << u"401"_s << true;
        QTest::newRow("gsin") << u"urn:epc:id:gsin:9506000.000000001"_s << dl("/402/95060000000000015") << u"402"_s
                              << true;
        QTest::newRow("itip") << u"urn:epc:id:itip:9506000.013435.01.02.S1"_s << dl("/8006/095060001343520102/21/S1")
                              << u"8006"_s << true;
        QTest::newRow("upui") << u"urn:epc:id:upui:9506000.013435.TPX1"_s << dl("/01/09506000134352/235/TPX1")
                              << u"01"_s << true;
        QTest::newRow("pgln") << u"urn:epc:id:pgln:9506000.12345"_s << dl("/417/9506000123455") << u"417"_s << true;
        QTest::newRow("lgtin") << u"urn:epc:class:lgtin:9506000.013435.LOT7"_s << dl("/01/09506000134352/10/LOT7")
                               << u"01"_s << false;
        QTest::newRow("sgtin pattern") << u"urn:epc:idpat:sgtin:9506000.013435.*"_s << dl("/01/09506000134352")
                                       << u"01"_s << false;
        QTest::newRow("wider pattern") << u"urn:epc:idpat:sgtin:9506000.*.*"_s << u"urn:epc:idpat:sgtin:9506000.*.*"_s
                                       << QString() << false;
        QTest::newRow("adi, no GS1 key") << u"urn:epc:id:adi:2S.123.ABC"_s << u"urn:epc:id:adi:2S.123.ABC"_s
                                         << QString() << true;
    }

    void epcUrnsAsDigitalLinks()
    {
        QFETCH(QString, urn);
        QFETCH(QString, canonical);
        QFETCH(QString, key);
        QFETCH(bool, instance);
        const auto info = readIdentifier(urn);
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().message));
        QVERIFY(info.value().gs1);
        QCOMPARE(info.value().canonical, canonical);
        QCOMPARE(info.value().primaryKey, key);
        QCOMPARE(info.value().level == IdentifierLevel::Instance, instance);
        QCOMPARE(hashFormOfIdentifier(urn), canonical);
        // And the canonical Digital Link reads back as the same key at the same level.
        if (!key.isEmpty()) {
            const auto back = readIdentifier(canonical);
            QCOMPARE(back.value().canonical, canonical);
            QCOMPARE(back.value().level == IdentifierLevel::Instance, instance);
        }
    }

    void malformedUrns_data()
    {
        QTest::addColumn<QString>("urn");
        QTest::addColumn<QString>("why");
        QTest::newRow("scheme") << u"urn:epc:id:sgtn:9506000.013435.S1"_s << u"not an EPC scheme"_s;
        QTest::newRow("parts") << u"urn:epc:id:sgtin:9506000.013435"_s << u"3 parts"_s;
        QTest::newRow("prefix") << u"urn:epc:id:sgtin:95060.0134350.S1"_s << u"6 to 12 digits"_s;
        QTest::newRow("length") << u"urn:epc:id:sscc:9506000.100000001"_s << u"17 digits, not 16"_s;
        QTest::newRow("letters") << u"urn:epc:id:sgln:9506000.0000A.0"_s << u"must be digits"_s;
        QTest::newRow("escape") << u"urn:epc:id:sgtin:9506000.013435.A%2"_s << u"bad %-escape"_s;
        QTest::newRow("serial charset") << u"urn:epc:id:sgtin:9506000.013435.A%20B"_s << u"AI (21)"_s;
        QTest::newRow("class scheme") << u"urn:epc:class:sgtin:9506000.013435.L1"_s << u"lgtin is"_s;
        QTest::newRow("no scheme") << u"urn:epc:id:"_s << u"scheme"_s;
    }

    void malformedUrns()
    {
        QFETCH(QString, urn);
        QFETCH(QString, why);
        const auto info = readIdentifier(urn);
        QVERIFY(!info.ok());
        QVERIFY2(info.error().message.contains(why), qPrintable(info.error().message));
        QCOMPARE(hashFormOfIdentifier(urn), urn); // the hash keeps what it cannot read as it is
    }

    // CBV 2.0 hash form of Digital Links: id.gs1.org, no query, only the finest key.
    void digitalLinksConstrained_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("custom domain and stem") << u"https://shop.example.com/p/01/09506000134352/21/S1"_s
                                                << u"https://id.gs1.org/01/09506000134352/21/S1"_s;
        QTest::newRow("query") << u"https://id.gs1.org/01/09506000134352/10/L1?17=261231&linkType=gs1:pip"_s
                               << u"https://id.gs1.org/01/09506000134352/10/L1"_s;
        QTest::newRow("lot and serial") << u"https://id.gs1.org/01/09506000134352/10/L1/21/S1"_s
                                        << u"https://id.gs1.org/01/09506000134352/21/S1"_s;
        QTest::newRow("variant") << u"https://id.gs1.org/01/09506000134352/22/V1/10/L1"_s
                                 << u"https://id.gs1.org/01/09506000134352/10/L1"_s;
        QTest::newRow("http") << u"http://id.gs1.org/414/9506000000015/254/7"_s
                              << u"https://id.gs1.org/414/9506000000015/254/7"_s;
        QTest::newRow("encoding") << u"https://id.gs1.org/01/09506000134352/21/A%2fb"_s
                                  << u"https://id.gs1.org/01/09506000134352/21/A%2Fb"_s;
        QTest::newRow("not a Digital Link")
            << u"https://example.com/orders/123"_s << u"https://example.com/orders/123"_s;
    }

    void digitalLinksConstrained()
    {
        QFETCH(QString, uri);
        QFETCH(QString, canonical);
        QCOMPARE(hashFormOfIdentifier(uri), canonical);
    }

    // The station refuses a 13-digit GTIN in a Digital Link; the hash still reaches the canonical form.
    void shortGtinInDigitalLink()
    {
        const auto uri = u"https://id.gs1.org/01/9506000134352/21/S1"_s;
        QVERIFY(!readIdentifier(uri).ok());
        QCOMPARE(hashFormOfIdentifier(uri), u"https://id.gs1.org/01/09506000134352/21/S1"_s);
    }

    void vocabularies()
    {
        QCOMPARE(toString(BizStep::CycleCounting), u"cycle_counting"_s);
        QCOMPARE(toString(BizStep::Sampling), u"sampling"_s);
        QCOMPARE(toString(Disposition::Unavailable), u"unavailable"_s);
        QCOMPARE(toString(BizTransactionType::Upevt), u"upevt"_s);
        QCOMPARE(toString(SourceDestType::PossessingParty), u"possessing_party"_s);
        QCOMPARE(toString(ErrorReason::IncorrectData), u"incorrect_data"_s);
        QCOMPARE(toString(EventType::Transformation), u"TransformationEvent"_s);
        QCOMPARE(toString(Action::Observe), u"OBSERVE"_s);
        QCOMPARE(vocabulary(Vocabulary::BizStep).values.size(), 41);
        QCOMPARE(vocabulary(Vocabulary::Disposition).values.size(), 33);
        QCOMPARE(vocabulary(Vocabulary::MeasurementType).values.size(), 72);
        QVERIFY(bizStepFromString(u"receiving") == BizStep::Receiving);
        QVERIFY(bizStepFromString(u"https://ref.gs1.org/cbv/BizStep-receiving") == BizStep::Receiving);
        QVERIFY(bizStepFromString(u"urn:epcglobal:cbv:bizstep:receiving") == BizStep::Receiving);
        QVERIFY(!bizStepFromString(u"Receiving"));
        QVERIFY(dispositionFromString(u"urn:epcglobal:cbv:disp:in_transit") == Disposition::InTransit);
        QVERIFY(actionFromString(u"DELETE") == Action::Delete);
        QVERIFY(!actionFromString(u"delete"));
        QVERIFY(eventTypeFromString(u"AssociationEvent") == EventType::Association);
        QCOMPARE(cbvUrnToWebUri(u"urn:epcglobal:cbv:btt:po"), u"https://ref.gs1.org/cbv/BTT-po"_s);
        QCOMPARE(cbvUrnToWebUri(u"urn:epcglobal:cbv:sdt:owning_party"), u"https://ref.gs1.org/cbv/SDT-owning_party"_s);
        QCOMPARE(cbvUrnToWebUri(u"urn:epcglobal:cbv:er:did_not_occur"), u"https://ref.gs1.org/cbv/ER-did_not_occur"_s);
        QCOMPARE(cbvUrnToWebUri(u"urn:epcglobal:cbv:bt:9506000000015:PO-1"), QString());
    }
};

QTEST_GUILESS_MAIN(TestEpcisIdentifiers)
#include "tst_epcisidentifiers.moc"
