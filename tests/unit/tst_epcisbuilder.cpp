// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the station writes: documents of every event type built with Event/Document pass the station's
// validator and python3-jsonschema, carry the station's time and offset, and bad ones are refused with reasons.
#include "epcisdocument.h"
#include "eventhash.h"
#include "identifiers.h"
#include "testbase.h"
#include "timestamps.h"
#include "tst_epcispython.h"
#include "validator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::epcis;

namespace {

QString must(const Result<QString> &r)
{
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().message));
    return r.value();
}

const QDateTime kWhen(QDate(2024, 5, 1), QTime(10, 15, 30, 250), QTimeZone(2 * 3600));

QString item(const QString &serial)
{
    return must(serialisedItem(u"09506000134352"_s, serial));
}
QString lot(const QString &l)
{
    return must(lotClass(u"09506000134352"_s, l));
}
QString store()
{
    return must(location(u"9506000000015"_s));
}

} // namespace

class TestEpcisBuilder : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static Document oneOfEach()
    {
        Document doc;
        doc.creationDate(kWhen).declareNamespace(u"ex"_s, u"https://ns.example.com/epcis/"_s);
        // The inventory count: serialised items one by one, lots as counts, a weighed lot.
        doc.add(Event::cycleCount(must(location(u"9506000000015"_s, u"SHELF-3"_s)))
                    .at(kWhen)
                    .addEpc(item(u"S1"_s))
                    .addEpc(item(u"S2"_s))
                    .addQuantity(lot(u"LOT7"_s), 12)
                    .addQuantity(QuantityElement { must(productClass(u"09506000134369"_s)), 2.5, u"KGM"_s })
                    .disposition(Disposition::SellableAccessible));
        doc.add(Event::object(Action::Add)
                    .at(kWhen)
                    .addEpc(item(u"NEW1"_s))
                    .bizStep(BizStep::Commissioning)
                    .disposition(Disposition::Active)
                    .readPoint(store())
                    .ilmd(u"cbvmda:lotNumber"_s, u"LOT7"_s)
                    .ilmd(u"ex:line"_s, u"L2"_s)
                    .extension(u"ex:operator"_s, u"desk 3"_s));
        doc.add(Event::aggregation(Action::Add, must(logisticUnit(u"195060000000000012"_s)))
                    .at(kWhen)
                    .addChild(item(u"S1"_s))
                    .addChildQuantity(QuantityElement { lot(u"LOT7"_s), 4, {} })
                    .bizStep(BizStep::Packing)
                    .readPoint(store())
                    .addSource(SourceDestType::OwningParty, must(party(u"9506000123455"_s)))
                    .addDestination(SourceDestType::Location, must(location(u"9506000000039"_s))));
        doc.add(Event::transaction(Action::Add, u"urn:epcglobal:cbv:bt:9506000000015:PO-17"_s, BizTransactionType::Po)
                    .at(kWhen)
                    .addEpc(item(u"S2"_s))
                    .addQuantity(lot(u"LOT7"_s), 3)
                    .bizStep(BizStep::Shipping)
                    .disposition(Disposition::InTransit)
                    .bizLocation(store()));
        doc.add(Event::transformation(u"urn:uuid:7d9f2b0e-91a3-4f6c-8e2d-5b1a0c3e4f77"_s)
                    .at(kWhen)
                    .addInput(item(u"IN1"_s))
                    .addInputQuantity(QuantityElement { lot(u"RAW"_s), 1.25, u"KGM"_s })
                    .addOutput(must(serialisedItem(u"09506000134376"_s, u"OUT1"_s)))
                    .addOutputQuantity(QuantityElement { must(lotClass(u"09506000134376"_s, u"MIX1"_s)), 6, {} })
                    .bizStep(BizStep::Commissioning)
                    .persistentDisposition({ Disposition::CompletenessVerified })
                    .ilmd(u"ex:recipe"_s, u"R-12"_s));
        doc.add(Event::association(Action::Add, store())
                    .at(kWhen)
                    .addChild(must(logisticUnit(u"095060000000000022"_s)))
                    .bizStep(BizStep::Installing));
        doc.add(Event::object(Action::Observe)
                    .at(kWhen)
                    .bizStep(BizStep::SensorReporting)
                    .readPoint(store())
                    .addSensorElement(
                        QJsonObject { { u"sensorMetadata"_s, QJsonObject { { u"time"_s, formatTimestamp(kWhen) } } },
                            { u"sensorReport"_s,
                                QJsonArray { QJsonObject { { u"type"_s, u"Temperature"_s }, { u"value"_s, 4.5 },
                                    { u"uom"_s, u"CEL"_s } } } } }));
        return doc;
    }

private Q_SLOTS:
    void eachEventTypeIsValid()
    {
        const auto doc = oneOfEach();
        const auto built = doc.build();
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().message));
        const auto events = built.value().value(u"epcisBody").toObject().value(u"eventList").toArray();
        QStringList types;
        for (const auto &e : events)
            types << e.toObject().value(u"type").toString();
        QCOMPARE(types,
            QStringList({ u"ObjectEvent"_s, u"ObjectEvent"_s, u"AggregationEvent"_s, u"TransactionEvent"_s,
                u"TransformationEvent"_s, u"AssociationEvent"_s, u"ObjectEvent"_s }));
        QCOMPARE(built.value().value(u"schemaVersion").toString(), u"2.0"_s);
        QCOMPARE(built.value().value(u"creationDate").toString(), u"2024-05-01T10:15:30.250+02:00"_s);
        QCOMPARE(built.value().value(u"@context").toArray(),
            QJsonArray({ u"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"_s,
                QJsonObject { { u"ex"_s, u"https://ns.example.com/epcis/"_s } } }));

        // The second opinion, on the document as a file and on each event alone in a document.
        QStringList files;
        const auto write = [&](const QString &name, const QJsonObject &o) {
            QFile f(m_dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(o).toJson());
            files << QFileInfo(f).absoluteFilePath();
        };
        write(u"all.jsonld"_s, built.value());
        for (qsizetype i = 0; i < events.size(); ++i) {
            auto single = built.value();
            single.insert(u"epcisBody"_s, QJsonObject { { u"eventList"_s, QJsonArray { events.at(i) } } });
            write(u"event%1.jsonld"_s.arg(i), single);
        }
        QString why;
        const auto verdicts = test::jsonschemaVerdicts(files, &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        for (const auto &f : files)
            QVERIFY2(verdicts.value(f) == u"ok", qPrintable(f + u": "_s + verdicts.value(f)));
    }

    void countEventShape()
    {
        const auto e
            = Event::cycleCount(store()).at(kWhen).addEpc(item(u"S1"_s)).addQuantity(lot(u"LOT7"_s), 5).toJson();
        QCOMPARE(e.value(u"type").toString(), u"ObjectEvent"_s);
        QCOMPARE(e.value(u"action").toString(), u"OBSERVE"_s);
        QCOMPARE(e.value(u"bizStep").toString(), u"cycle_counting"_s);
        QCOMPARE(e.value(u"eventTime").toString(), u"2024-05-01T10:15:30.250+02:00"_s);
        QCOMPARE(e.value(u"eventTimeZoneOffset").toString(), u"+02:00"_s);
        QCOMPARE(e.value(u"readPoint").toObject().value(u"id").toString(), u"https://id.gs1.org/414/9506000000015"_s);
        QCOMPARE(e.value(u"bizLocation"), e.value(u"readPoint"));
        QCOMPARE(e.value(u"epcList").toArray(), QJsonArray { u"https://id.gs1.org/01/09506000134352/21/S1"_s });
        const QJsonObject counted { { u"epcClass"_s, u"https://id.gs1.org/01/09506000134352/10/LOT7"_s },
            { u"quantity"_s, 5 } };
        QCOMPARE(e.value(u"quantityList").toArray(), QJsonArray { counted });
    }

    // The event time is the station's clock with its offset, whatever the zone.
    void stationTime()
    {
        const auto kathmandu = QDateTime(QDate(2024, 7, 1), QTime(6, 30), QTimeZone("Asia/Kathmandu"));
        auto e = Event::object(Action::Observe).at(kathmandu).toJson();
        QCOMPARE(e.value(u"eventTime").toString(), u"2024-07-01T06:30:00.000+05:45"_s);
        QCOMPARE(e.value(u"eventTimeZoneOffset").toString(), u"+05:45"_s);
        e = Event::object(Action::Observe)
                .at(QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), QTimeZone(-(3 * 3600 + 1800))))
                .toJson();
        QCOMPARE(e.value(u"eventTime").toString(), u"2024-01-02T03:04:05.000-03:30"_s);
        QCOMPARE(e.value(u"eventTimeZoneOffset").toString(), u"-03:30"_s);
        QCOMPARE(Event::object(Action::Observe)
                     .at(QDateTime(QDate(2024, 1, 2), QTime(3, 4), QTimeZone::utc()))
                     .toJson()
                     .value(u"eventTimeZoneOffset")
                     .toString(),
            u"+00:00"_s);

        // Made without at(): now, with the local offset of now.
        const auto before = QDateTime::currentDateTime();
        const auto now = Event::object(Action::Observe).toJson();
        const auto t = parseTimestamp(now.value(u"eventTime").toString());
        QVERIFY(t.ok());
        QVERIFY(t.value().utc >= before.toUTC().addMSecs(-1));
        QCOMPARE(now.value(u"eventTimeZoneOffset").toString(), formatOffset(t.value().offsetSeconds));
        QCOMPARE(t.value().offsetSeconds, before.offsetFromUtc());
    }

    // build() refuses with every reason, one per line, each with its JSON path (events in order, the fields of an
    // event by name).
    void refusesWithEveryReason()
    {
        Document doc;
        doc.add(Event::object(Action::Observe)
                    .at(kWhen)
                    .addEpc(u"https://id.gs1.org/01/09506000134353/21/S1"_s)
                    .addQuantity(QuantityElement { lot(u"LOT7"_s), std::nullopt, u"KGM"_s })
                    .ilmd(u"cbvmda:lotNumber"_s, u"LOT7"_s)
                    .extension(u"ex:shelf"_s, u"3"_s));
        doc.add(Event::transformation().at(kWhen));
        const auto r = doc.build();
        QVERIFY(!r.ok());
        const auto lines = r.error().message.split(u'\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0],
            u"$.epcisBody.eventList[0].epcList[0]: \"https://id.gs1.org/01/09506000134353/21/S1\" is not a valid GS1 "
            "Digital Link URI: AI (01) GTIN, position 14: the check digit is 3 but should be 2"_s);
        QCOMPARE(lines[1],
            u"$.epcisBody.eventList[0].ilmd: instance/lot master data (ilmd) is only allowed when objects come into "
            "being, with action ADD; this event's action is OBSERVE"_s);
        QCOMPARE(lines[2],
            u"$.epcisBody.eventList[0].quantityList[0].uom: a unit of measure needs a quantity: \"quantity\" is missing"_s);
        QCOMPARE(lines[3],
            u"$.epcisBody.eventList[0]['ex:shelf']: the namespace prefix \"ex\" is not declared in @context"_s);
        QCOMPARE(lines[4],
            u"$.epcisBody.eventList[1]: a TransformationEvent needs inputs (inputEPCList or inputQuantityList) and "
            "outputs (outputEPCList or outputQuantityList), or a transformationID with at least one of them"_s);
        QVERIFY(!doc.eventHashIds().ok()); // the undeclared prefix: no namespace to hash it with
    }

    // Lists take what each event type has: the wrong list for the type is refused by name.
    void listsBelongToTheirTypes()
    {
        Document doc;
        doc.add(Event::aggregation(Action::Add, must(logisticUnit(u"195060000000000012"_s)))
                    .at(kWhen)
                    .addChild(item(u"S1"_s))
                    .addEpc(item(u"S2"_s)));
        const auto r = doc.build();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, u"$.epcisBody.eventList[0].epcList: an AggregationEvent has no epcList"_s);
    }

    void hashIdsInOrder()
    {
        const auto doc = oneOfEach();
        const auto hashes = doc.eventHashIds();
        QVERIFY(hashes.ok());
        QCOMPARE(hashes.value().size(), 7);
        QCOMPARE(QSet<QString>(hashes.value().begin(), hashes.value().end()).size(), 7);
        for (const auto &h : hashes.value())
            QVERIFY(h.startsWith(u"ni:///sha-256;"_s) && h.endsWith(u"?ver=CBV2.0"_s) && h.size() == 14 + 64 + 11);
        // The same count made twice at the same time is the same event: the server keeps one.
        const auto twice = [&] {
            Document d;
            d.add(Event::cycleCount(store()).at(kWhen).addEpc(item(u"S1"_s)));
            return d.eventHashIds().value();
        };
        QCOMPARE(twice(), twice());
    }
};

QTEST_GUILESS_MAIN(TestEpcisBuilder)
#include "tst_epcisbuilder.moc"
