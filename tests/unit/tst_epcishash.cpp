// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The CBV 2.0 event hash ID against pre-hash strings derived by hand (tests/data/epcis/hash/README.md).
#include "epcisdocument.h"
#include "eventhash.h"
#include "identifiers.h"
#include "testbase.h"
#include "timestamps.h"
#include "validator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

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

QJsonObject readDocument(const QString &path)
{
    const auto doc = parseJsonObject(readFile(path));
    if (!doc.ok())
        qFatal("%s %s", qPrintable(path), qPrintable(doc.error().message));
    return doc.value();
}

QString hashDir()
{
    return test::dataFile(u"epcis/hash"_s);
}

QJsonObject firstEvent(const QJsonObject &doc)
{
    return doc.value(u"epcisBody").toObject().value(u"eventList").toArray().at(0).toObject();
}

QJsonObject withFirstEvent(QJsonObject doc, const QJsonObject &event)
{
    auto body = doc.value(u"epcisBody").toObject();
    auto list = body.value(u"eventList").toArray();
    list.replace(0, event);
    body.insert(u"eventList"_s, list);
    doc.insert(u"epcisBody"_s, body);
    return doc;
}

QString onlyHash(const QJsonObject &doc)
{
    const auto h = documentEventHashes(doc);
    if (!h.ok())
        qFatal("%s", qPrintable(h.error().message));
    return h.value().value(0);
}

} // namespace

class TestEpcisHash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handDerivedPreHashes_data()
    {
        QTest::addColumn<QString>("name");
        const auto files = QDir(hashDir()).entryList({ u"*.jsonld"_s }, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 10);
        for (const auto &f : files)
            QTest::newRow(qPrintable(f)) << QFileInfo(f).completeBaseName();
    }

    // Every event's pre-hash string equals the one derived by hand, and its hash ID the sha256sum of it.
    void handDerivedPreHashes()
    {
        QFETCH(QString, name);
        const auto doc = readDocument(hashDir() + u'/' + name + u".jsonld"_s);
        const auto expectedPre
            = QString::fromUtf8(readFile(hashDir() + u'/' + name + u".prehash"_s)).split(u'\n', Qt::SkipEmptyParts);
        const auto expectedHashes
            = QString::fromUtf8(readFile(hashDir() + u'/' + name + u".hashes"_s)).split(u'\n', Qt::SkipEmptyParts);
        const auto events = documentEvents(doc);
        QVERIFY(events.ok());
        QCOMPARE(qsizetype(events.value().size()), expectedPre.size());
        for (size_t i = 0; i < events.value().size(); ++i) {
            const auto &de = events.value()[i];
            const auto pre = preHashString(de.event, de.namespaces);
            QVERIFY2(pre.ok(), qPrintable(pre.ok() ? QString() : pre.error().message));
            QCOMPARE(pre.value(), expectedPre.at(qsizetype(i)));
        }
        const auto hashes = documentEventHashes(doc);
        QVERIFY(hashes.ok());
        QCOMPARE(hashes.value(), expectedHashes);
    }

    // The same event as EPC URNs and as Digital Links on other domains, keys in another order, times in another
    // offset, CBV values as Web URIs: one hash.
    void urnAndDigitalLinkAreTheSameEvent()
    {
        const auto urn = onlyHash(readDocument(hashDir() + u"/01-object-urn.jsonld"_s));
        const auto dl = onlyHash(readDocument(hashDir() + u"/02-object-digital-link.jsonld"_s));
        QCOMPARE(urn, dl);
        const auto three = documentEventHashes(readDocument(hashDir() + u"/10-document-order.jsonld"_s));
        QVERIFY(three.ok());
        QCOMPARE(three.value().at(0), three.value().at(2));
        QVERIFY(three.value().at(0) != three.value().at(1));
    }

    // eventID, recordTime, errorDeclaration and certificationInfo are not part of the pre-hash string.
    void leavesOutWhatIsNotTheEvent()
    {
        const auto doc = readDocument(hashDir() + u"/01-object-urn.jsonld"_s);
        const auto before = onlyHash(doc);
        auto e = firstEvent(doc);
        e.insert(u"eventID"_s, u"urn:uuid:11111111-2222-4333-8444-555555555555"_s);
        e.insert(u"recordTime"_s, u"2030-01-01T00:00:00Z"_s);
        e.insert(u"certificationInfo"_s, u"https://example.com/certificates/7"_s);
        e.insert(u"errorDeclaration"_s,
            QJsonObject { { u"declarationTime"_s, u"2024-05-02T00:00:00Z"_s }, { u"reason"_s, u"incorrect_data"_s } });
        QCOMPARE(onlyHash(withFirstEvent(doc, e)), before);
    }

    // Any change of what happened changes the hash: a value, an added field, a removed one, another EPC.
    void everyChangeChangesTheHash()
    {
        const auto doc = readDocument(hashDir() + u"/01-object-urn.jsonld"_s);
        const auto base = onlyHash(doc);
        const auto changed = [&](const std::function<void(QJsonObject &)> &edit) {
            auto e = firstEvent(doc);
            edit(e);
            return onlyHash(withFirstEvent(doc, e));
        };
        QVERIFY(changed([](QJsonObject &e) { e.insert(u"action"_s, u"ADD"_s); }) != base);
        QVERIFY(changed([](QJsonObject &e) { e.insert(u"eventTime"_s, u"2024-05-01T10:15:30.001+02:00"_s); }) != base);
        QVERIFY(changed([](QJsonObject &e) { e.insert(u"eventTimeZoneOffset"_s, u"+03:00"_s); }) != base);
        QVERIFY(changed([](QJsonObject &e) { e.remove(u"disposition"_s); }) != base);
        QVERIFY(changed([](QJsonObject &e) { e.insert(u"disposition"_s, u"sellable_not_accessible"_s); }) != base);
        QVERIFY(changed([](QJsonObject &e) {
            auto l = e.value(u"epcList").toArray();
            l.removeLast();
            e.insert(u"epcList"_s, l);
        }) != base);
        // The order of a list is not part of the event.
        QCOMPARE(changed([](QJsonObject &e) {
            auto l = e.value(u"epcList").toArray();
            l.prepend(l.takeAt(2));
            e.insert(u"epcList"_s, l);
        }),
            base);
    }

    void timestampsToUtcMilliseconds_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("hashForm");
        QTest::newRow("no fraction") << u"2024-05-01T10:15:30+02:00"_s << u"2024-05-01T08:15:30.000Z"_s;
        QTest::newRow("one digit") << u"2024-05-01T10:15:30.5Z"_s << u"2024-05-01T10:15:30.500Z"_s;
        QTest::newRow("negative offset, next day")
            << u"2024-12-31T23:00:00.250-05:00"_s << u"2025-01-01T04:00:00.250Z"_s;
        QTest::newRow("4th digit 4 truncates") << u"2023-01-18T11:04:03.1414Z"_s << u"2023-01-18T11:04:03.141Z"_s;
        QTest::newRow("4th digit 5 rounds up") << u"2023-01-18T11:04:03.1415Z"_s << u"2023-01-18T11:04:03.142Z"_s;
        QTest::newRow("rounding carries") << u"2024-02-28T23:59:59.99999+00:00"_s << u"2024-02-29T00:00:00.000Z"_s;
        QTest::newRow("lower case t and z") << u"2024-05-01t08:15:30z"_s << u"2024-05-01T08:15:30.000Z"_s;
        QTest::newRow("quarter-hour offset") << u"2024-07-01T06:30:00+05:45"_s << u"2024-07-01T00:45:00.000Z"_s;
    }

    void timestampsToUtcMilliseconds()
    {
        QFETCH(QString, written);
        QFETCH(QString, hashForm);
        const auto t = parseTimestamp(written);
        QVERIFY2(t.ok(), qPrintable(written));
        QCOMPARE(hashFormOfTimestamp(t.value()), hashForm);
    }

    void refusesWhatItCannotHash()
    {
        for (const auto &bad : { u"2024-05-01T10:15:30"_s, u"2024-02-30T00:00:00Z"_s, u"2024-05-01 10:15:30Z"_s,
                 u"2024-05-01T24:00:00Z"_s })
            QVERIFY2(!parseTimestamp(bad).ok(), qPrintable(bad));
        auto doc = readDocument(hashDir() + u"/09-extensions.jsonld"_s);
        auto e = firstEvent(doc);
        e.insert(u"other:field"_s, 1);
        e.insert(u"eventTime"_s, u"yesterday"_s);
        const auto h = documentEventHashes(withFirstEvent(doc, e));
        QVERIFY(!h.ok());
        QVERIFY2(h.error().message.contains(u"$.epcisBody.eventList[0].eventTime: \"yesterday\" is not a date"_s),
            qPrintable(h.error().message));
        QVERIFY2(h.error().message.contains(
                     u"$.epcisBody.eventList[0]['other:field']: the namespace prefix of \"other:field\" is not "
                     "declared in @context"_s),
            qPrintable(h.error().message));
    }

    // What the station writes for an inventory count hashes as derived by hand (second event of
    // 10-document-order).
    void builderCountHashesAsDerived()
    {
        const auto location = epcis::location(u"9506000000015"_s);
        QVERIFY(location.ok());
        const auto item = serialisedItem(u"09506000134352"_s, u"S2"_s);
        const auto lot = lotClass(u"9506000134352"_s, u"LOT7"_s); // GTIN-13, padded
        QVERIFY(item.ok() && lot.ok());
        Document doc;
        doc.add(Event::cycleCount(location.value())
                    .at(QDateTime(QDate(2025, 1, 1), QTime(1, 0), QTimeZone(3600)))
                    .addEpc(item.value())
                    .addQuantity(lot.value(), 5));
        const auto hashes = doc.eventHashIds();
        QVERIFY2(hashes.ok(), qPrintable(hashes.ok() ? QString() : hashes.error().message));
        const auto expected
            = QString::fromUtf8(readFile(hashDir() + u"/10-document-order.hashes"_s)).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(hashes.value(), QStringList { expected.at(1) });
    }

    void hashIdForm()
    {
        // sha256 of the empty string, as RFC 6920 names it.
        QCOMPARE(hashIdOfPreHash(QString()),
            u"ni:///sha-256;e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855?ver=CBV2.0"_s);
    }
};

QTEST_GUILESS_MAIN(TestEpcisHash)
#include "tst_epcishash.moc"
