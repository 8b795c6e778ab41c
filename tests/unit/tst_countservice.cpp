// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countlocation.h"
#include "countservice.h"
#include "database.h"
#include "eventhash.h"
#include "expectedcsv.h"
#include "outbox.h"
#include "storetestutil.h"
#include "testbase.h"
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
using namespace closient::counts;
using closient::test::await;

namespace {
const QString kGln = u"9521234000006"_s;
const QString kGtinA = u"09506000134352"_s;
const QString kGtinB = u"09506000134376"_s;

QByteArray readFixture(const QString &name)
{
    QFile f(test::dataFile(u"counts/"_s + name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestCountService : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    QString m_path;
    int m_n = 0;

    CountService service() { return CountService(m_db.get()); }

    QString startCount(std::vector<ExpectedItem> expected = {}, bool blind = false, const QString &location = kGln)
    {
        NewCount nc;
        nc.location = parseLocation(location).value();
        nc.description = u"Aisle 4"_s;
        nc.expected = std::move(expected);
        nc.blind = blind;
        auto c = await(service().start(nc));
        return c.ok() ? c->id : QString();
    }

    CountOutcome add(const QString &id, const QString &raw, int quantity = 1)
    {
        return await(service().add(id, CountScan { raw, {}, quantity, u"test"_s }));
    }

    double tallyOf(const QString &id, const QString &gtin, const QString &lot)
    {
        double sum = 0;
        const auto rows = await(service().tally(id));
        for (const auto &row : rows.value())
            sum += row.gtin == gtin && row.lot == lot ? row.counted : 0;
        return sum;
    }

private Q_SLOTS:

    void init()
    {
        m_db = std::make_unique<store::Database>();
        m_path = m_dir.filePath(u"c%1.sqlite"_s.arg(++m_n));
        QVERIFY(await(m_db->open(m_path)).ok());
    }
    void cleanup() { m_db.reset(); }

    void locationsAreChecked()
    {
        auto loc = parseLocation(u" 9521234000006.A12 "_s);
        QVERIFY2(loc.ok(), qPrintable(loc.error().message));
        QCOMPARE(loc->gln, kGln);
        QCOMPARE(loc->extension, u"A12"_s);
        QCOMPARE(loc->uri(), u"https://id.gs1.org/414/9521234000006/254/A12"_s);
        auto wrong = parseLocation(u"9521234000007"_s);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().message.contains(u"check digit"_s), qPrintable(wrong.error().message));
        QVERIFY(wrong.error().message.contains(u"6"_s));
        QVERIFY(!parseLocation(u"95212340000"_s).ok());
        QVERIFY(!parseLocation(u"9521234000006."_s).ok());
        QVERIFY(!parseLocation(u"abc"_s).ok());
    }

    void namedPlacesStandForTheirLocation()
    {
        QVERIFY(await(service().savePlace({ kGln, u"B2"_s, u"Back store"_s })).ok());
        auto loc = await(service().resolveLocation(u"Back store"_s));
        QVERIFY2(loc.ok(), qPrintable(loc.error().message));
        QCOMPARE(loc->text(), u"9521234000006.B2"_s);
        QCOMPARE(loc->name, u"Back store"_s);
        QVERIFY(!await(service().resolveLocation(u"Nowhere"_s)).ok());
        QVERIFY(!await(service().savePlace({ u"9521234000007"_s, {}, u"Bad"_s })).ok());
    }

    void multiplierPrefixes()
    {
        QCOMPARE(parseMultiplier(u"12x"), std::optional<int>(12));
        QCOMPARE(parseMultiplier(u"3X"), std::optional<int>(3));
        QCOMPARE(parseMultiplier(u"4*"), std::optional<int>(4));
        QCOMPARE(parseMultiplier(u"0x"), std::nullopt);
        QCOMPARE(parseMultiplier(u"x"), std::nullopt);
        QCOMPARE(parseMultiplier(u"09506000134352"), std::nullopt);
        QCOMPARE(parseMultiplier(u"100000x"), std::nullopt);
    }

    void multipliersTallyPerGtinLotAndExpiry()
    {
        const auto id = startCount();
        QVERIFY(!id.isEmpty());
        auto out = add(id,
            u"]C1010950600013435210L1\x1d"
            u"17270101"_s,
            12);
        QVERIFY2(out.kind == CountOutcome::Kind::Counted, qPrintable(out.reason));
        QCOMPARE(out.line.quantity, 12.0);
        QCOMPARE(out.tally, 12.0);
        out = add(id, u"(01)09506000134352(10)L1(17)280101"_s);
        QCOMPARE(out.tally, 13.0);
        out = add(id, u"https://id.gs1.org/01/09506000134352/10/L2"_s, 2);
        QCOMPARE(out.line.lot, u"L2"_s);
        QCOMPARE(out.tally, 2.0);
        const auto tally = await(service().tally(id)).value();
        QCOMPARE(tally.size(), size_t(3)); // L1 has two expiries
        QCOMPARE(tallyOf(id, kGtinA, u"L1"_s), 13.0);
        QCOMPARE(await(service().count(id))->counted, 15.0);
    }

    void refusalsWriteNothingAndSayWhy()
    {
        const auto id = startCount();
        auto out = add(id, u"(01)09506000134353"_s);
        QCOMPARE(out.kind, CountOutcome::Kind::Refused);
        QCOMPARE(out.reasonCode, u"invalid"_s);
        QVERIFY(!out.reason.isEmpty());
        out = add(id, u"(00)095060001343567891"_s);
        QCOMPARE(out.kind, CountOutcome::Kind::Refused);
        out = add(id, u""_s);
        QCOMPARE(out.reasonCode, u"empty"_s);
        QCOMPARE(await(service().lines(id))->size(), size_t(0));
        out = add(u"no-such-count"_s, u"09506000134352"_s);
        QCOMPARE(out.reasonCode, u"not_found"_s);
    }

    void aSerialCountsOnceAndARepeatIsFlagged()
    {
        const auto id = startCount();
        auto out = add(id, u"(01)09506000134352(21)S1"_s);
        QCOMPARE(out.kind, CountOutcome::Kind::Counted);
        out = add(id, u"]d2010950600013435221S1"_s);
        QCOMPARE(out.kind, CountOutcome::Kind::Repeated);
        QVERIFY2(out.reason.contains(u"S1"_s), qPrintable(out.reason));
        QCOMPARE(out.tally, 1.0);
        out = add(id, u"(01)09506000134352(21)S2"_s, 5);
        QCOMPARE(out.kind, CountOutcome::Kind::Refused);
        QCOMPARE(out.reasonCode, u"serial_quantity"_s);
        QCOMPARE(tallyOf(id, kGtinA, {}), 1.0);
        const auto lines = await(service().lines(id)).value();
        QCOMPARE(lines.size(), size_t(2)); // the repeat is kept, not counted
        QCOMPARE(lines.at(1).status, CountLine::Status::Repeated);
        QCOMPARE(lines.at(1).quantity, 0.0);
    }

    void undoTakesBackTheLastCountedLine()
    {
        const auto id = startCount();
        QCOMPARE(add(id, u"09506000134352"_s, 3).kind, CountOutcome::Kind::Counted);
        QCOMPARE(add(id, u"(01)09506000134352(21)S9"_s).kind, CountOutcome::Kind::Counted);
        auto undone = await(service().undo(id));
        QVERIFY2(undone.ok(), qPrintable(undone.error().message));
        QCOMPARE(undone->serial, u"S9"_s);
        QCOMPARE(tallyOf(id, kGtinA, {}), 3.0);
        // An undone serial may be counted again.
        QCOMPARE(add(id, u"(01)09506000134352(21)S9"_s).kind, CountOutcome::Kind::Counted);
        QVERIFY(await(service().undo(id)).ok());
        QVERIFY(await(service().undo(id)).ok());
        QCOMPARE(tallyOf(id, kGtinA, {}), 0.0);
        auto none = await(service().undo(id));
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, u"nothing"_s);
        QCOMPARE(await(service().lines(id))->size(), size_t(3)); // nothing is deleted
    }

    void expectedCsvIsAllOrNothing()
    {
        auto good = readExpectedCsv(readFixture(u"expected.csv"_s));
        QVERIFY2(good.ok(), qPrintable(good.error().message));
        QCOMPARE(good->size(), size_t(3));
        QCOMPARE(good->at(1).gtin, kGtinB); // written with 14 digits
        QCOMPARE(good->at(1).lot, QString());
        auto bad = readExpectedCsv(readFixture(u"expected-bad.csv"_s));
        QVERIFY(!bad.ok());
        const QString m = bad.error().message;
        for (const auto row : { u"row 3", u"row 4", u"row 5", u"row 6" })
            QVERIFY2(m.contains(QString::fromUtf16(row) + u':'), qPrintable(m));
        QVERIFY2(!m.contains(u"row 2:"_s), qPrintable(m));
        QVERIFY(m.contains(u"twice"_s));
        QVERIFY(!readExpectedCsv("gtin,quantity\n09506000134352,1\n").ok());
        QVERIFY(!readExpectedCsv("gtin,expected\n").ok());
    }

    void blindModeHidesExpectedWhileCounting()
    {
        const auto id = startCount(readExpectedCsv(readFixture(u"expected.csv"_s)).value(), true);
        QCOMPARE(add(id, u"(01)09506000134352(10)L1"_s, 4).kind, CountOutcome::Kind::Counted);
        const auto tally = await(service().tally(id)).value();
        QCOMPARE(tally.size(), size_t(1));
        QVERIFY(!tally.front().expected.has_value());
        QCOMPARE(await(service().variance(id)).error().code, u"blind"_s);
        QCOMPARE(await(service().expected(id)).error().code, u"blind"_s);
        QVERIFY(await(service().setBlind(id, false)).ok());
        QCOMPARE(await(service().tally(id))->front().expected, std::optional<double>(10));
        QVERIFY(await(service().setBlind(id, true)).ok());
        QVERIFY(await(service().finish(id)).ok());
        QVERIFY(await(service().variance(id)).ok()); // finished: shown
    }

    void varianceAgainstExpectedCsv()
    {
        const auto id = startCount(readExpectedCsv(readFixture(u"expected.csv"_s)).value());
        QCOMPARE(add(id, u"(01)09506000134352(10)L1"_s, 7).kind, CountOutcome::Kind::Counted); // short by 3
        QCOMPARE(add(id, u"9506000134376"_s, 5).kind, CountOutcome::Kind::Counted); // match
        QCOMPARE(add(id, u"(01)09506000134352(10)ZZ"_s).kind, CountOutcome::Kind::Counted); // unexpected
        // 04006381333931 lot B7: missing
        const auto v = await(service().variance(id));
        QVERIFY2(v.ok(), qPrintable(v.error().message));
        QCOMPARE(v->rows.size(), size_t(4));
        QCOMPARE(v->rowsOf(VarianceRow::Kind::Short), 1);
        QCOMPARE(v->rowsOf(VarianceRow::Kind::Match), 1);
        QCOMPARE(v->rowsOf(VarianceRow::Kind::Unexpected), 1);
        QCOMPARE(v->rowsOf(VarianceRow::Kind::Missing), 1);
        QCOMPARE(v->totalExpected(), 17.0);
        QCOMPARE(v->totalCounted(), 13.0);
        const QString csv = QString::fromUtf8(v->toCsv());
        QVERIFY2(csv.startsWith(u"gtin,lot,expected,counted,difference,status\r\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"09506000134352,L1,10,7,-3,short\r\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"04006381333931,B7,2,0,-2,missing\r\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"09506000134352,ZZ,,1,1,unexpected\r\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"09506000134376,,5,5,0,match\r\n"_s), qPrintable(csv));
    }

    void restartMidCountLosesNothing()
    {
        const auto id = startCount();
        QCOMPARE(add(id, u"09506000134352"_s, 2).kind, CountOutcome::Kind::Counted);
        QCOMPARE(add(id, u"(01)09506000134352(21)S1"_s).kind, CountOutcome::Kind::Counted);
        m_db.reset(); // the window closes (or the machine stops) right after the answer
        m_db = std::make_unique<store::Database>();
        QVERIFY(await(m_db->open(m_path)).ok());
        auto c = await(service().count(id));
        QVERIFY(c.ok());
        QVERIFY(c->isOpen());
        QCOMPARE(c->counted, 3.0);
        QCOMPARE(add(id, u"(01)09506000134352(21)S1"_s).kind, CountOutcome::Kind::Repeated);
    }

    void finishLocksAndQueuesAValidEpcisDocument()
    {
        const auto id
            = startCount({ { kGtinB, {}, 5 }, { u"04006381333931"_s, u"B7"_s, 2 } }, false, u"9521234000006.A12"_s);
        QCOMPARE(add(id, u"(01)09506000134352(10)L1"_s, 12).kind, CountOutcome::Kind::Counted);
        QCOMPARE(add(id, u"(01)09506000134352(10)L1"_s).kind, CountOutcome::Kind::Counted);
        QCOMPARE(add(id, u"9506000134376"_s, 5).kind, CountOutcome::Kind::Counted);
        QCOMPARE(add(id, u"(01)09506000134352(21)S1"_s).kind, CountOutcome::Kind::Counted);
        QCOMPARE(add(id, u"(01)09506000134352(21)S2"_s).kind, CountOutcome::Kind::Counted);
        QCOMPARE(add(id, u"(01)09506000134352(21)S2"_s).kind, CountOutcome::Kind::Repeated);
        QCOMPARE(add(id, u"(01)09506000134352(21)S3"_s).kind, CountOutcome::Kind::Counted);
        QVERIFY(await(service().undo(id)).ok()); // S3 taken back

        const QDateTime at(QDate(2026, 11, 30), QTime(16, 5, 7, 250), QTimeZone(3600));
        auto finished = await(service().finish(id, at));
        QVERIFY2(finished.ok(), qPrintable(finished.error().message));
        QVERIFY(!finished->isOpen());
        QVERIFY(finished->finished.isValid());
        QCOMPARE(add(id, u"09506000134352"_s).reasonCode, u"finished"_s);
        QCOMPARE(await(service().undo(id)).error().code, u"finished"_s);
        QCOMPARE(await(service().finish(id)).error().code, u"finished"_s);

        const auto doc = await(service().document(id));
        QVERIFY(doc.ok());
        QVERIFY2(epcis::Validator::instance().validate(doc.value()).empty(),
            qPrintable(epcis::issuesText(epcis::Validator::instance().validate(doc.value()))));
        const auto events = doc->value(u"epcisBody"_s).toObject().value(u"eventList"_s).toArray();
        QCOMPARE(events.size(), 2);
        const auto qEvent = events.at(0).toObject();
        QCOMPARE(qEvent.value(u"type"_s).toString(), u"ObjectEvent"_s);
        QCOMPARE(qEvent.value(u"action"_s).toString(), u"OBSERVE"_s);
        QCOMPARE(qEvent.value(u"bizStep"_s).toString(), u"cycle_counting"_s);
        QCOMPARE(qEvent.value(u"eventTime"_s).toString(), u"2026-11-30T16:05:07.250+01:00"_s);
        QCOMPARE(qEvent.value(u"eventTimeZoneOffset"_s).toString(), u"+01:00"_s);
        const QString place = u"https://id.gs1.org/414/9521234000006/254/A12"_s;
        QCOMPARE(qEvent.value(u"readPoint"_s).toObject().value(u"id"_s).toString(), place);
        QCOMPARE(qEvent.value(u"bizLocation"_s).toObject().value(u"id"_s).toString(), place);
        QHash<QString, double> quantities;
        const auto quantityList = qEvent.value(u"quantityList"_s).toArray();
        for (const auto &q : quantityList)
            quantities.insert(
                q.toObject().value(u"epcClass"_s).toString(), q.toObject().value(u"quantity"_s).toDouble());
        QCOMPARE(quantities.value(u"https://id.gs1.org/01/09506000134352/10/L1"_s), 13.0);
        QCOMPARE(quantities.value(u"https://id.gs1.org/01/09506000134376"_s), 5.0);
        QVERIFY(quantities.contains(u"https://id.gs1.org/01/04006381333931/10/B7"_s)); // expected, none found
        QCOMPARE(quantities.value(u"https://id.gs1.org/01/04006381333931/10/B7"_s), 0.0);
        QCOMPARE(quantities.size(), 3);
        const auto sEvent = events.at(1).toObject();
        QCOMPARE(sEvent.value(u"epcList"_s).toArray(),
            QJsonArray(
                { u"https://id.gs1.org/01/09506000134352/21/S1"_s, u"https://id.gs1.org/01/09506000134352/21/S2"_s }));

        // Stored with its hashes and queued, one outbox row per event.
        const auto hashes = epcis::documentEventHashes(doc.value()).value();
        test::RawDb raw(m_path, u"check"_s);
        QCOMPARE(raw.scalar(u"SELECT count(*) FROM epcis_events WHERE count_session_id = '%1'"_s.arg(id)).toInt(), 2);
        for (const auto &h : hashes)
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM epcis_events WHERE event_hash = '%1'"_s.arg(h)).toInt(), 1);
        const auto pending = await(store::OutboxRepository(m_db.get()).pending());
        QCOMPARE(pending.size(), size_t(2));
        QStringList sentHashes;
        for (const auto &e : pending) {
            QCOMPARE(e.entity, store::OutboxEntity::EpcisEvent);
            QCOMPARE(e.op, store::OutboxOp::Create);
            const auto one = e.payload.value(u"document"_s).toObject();
            QVERIFY(epcis::Validator::instance().validate(one).empty());
            sentHashes << epcis::documentEventHashes(one).value();
        }
        QCOMPARE(sentHashes, hashes);

        // The second opinion: python3-jsonschema with GS1's schema.
        const QString file = m_dir.filePath(u"count.jsonld"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(doc.value()).toJson());
        f.close();
        QString why;
        const auto verdicts = test::jsonschemaVerdicts({ file }, &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        QCOMPARE(verdicts.value(QFileInfo(file).absoluteFilePath()), u"ok"_s);
    }

    void anEmptyCountCannotBeFinished()
    {
        const auto id = startCount();
        auto r = await(service().finish(id));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"empty"_s);
        QVERIFY(await(service().count(id))->isOpen());
    }

    void listShowsNewestFirst()
    {
        const auto a = startCount();
        QTest::qWait(5);
        const auto b = startCount();
        const auto all = await(service().list()).value();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all.front().id, b);
        QCOMPARE(all.front().description, u"Aisle 4"_s);
    }
};

QTEST_GUILESS_MAIN(TestCountService)
#include "tst_countservice.moc"
