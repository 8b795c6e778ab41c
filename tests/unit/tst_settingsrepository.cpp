// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "sessionrepository.h"
#include "settingsrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::store;
using closient::test::await;
namespace test = closient::test;

class TestSettingsRepository : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_file;
    int m_n = 0;

    StoreError refusal(const QString &key, const QVariant &value)
    {
        const auto r = await(SettingsRepository(m_db.get()).setValue(key, value));
        return r.ok() ? StoreError {} : r.error();
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>();
        m_file = m_dir.filePath(u"settings%1.sqlite"_s.arg(++m_n));
        QVERIFY(await(m_db->open(m_file)).ok());
    }
    void cleanup() { m_db.reset(); }

    void valuesOfTheWrongTypeOrRangeAreRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("reason"); // a part of the message
        QTest::newRow("ttl text") << u"session_ttl_minutes"_s << QVariant(u"abc"_s) << u"whole number"_s;
        QTest::newRow("ttl negative") << u"session_ttl_minutes"_s << QVariant(u"-5"_s) << u"0 to 10080"_s;
        QTest::newRow("ttl negative int") << u"session_ttl_minutes"_s << QVariant(-5) << u"0 to 10080"_s;
        QTest::newRow("ttl too long") << u"session_ttl_minutes"_s << QVariant(10081) << u"0 to 10080"_s;
        QTest::newRow("ttl fraction") << u"session_ttl_minutes"_s << QVariant(u"12.5"_s) << u"whole number"_s;
        QTest::newRow("reads zero") << u"confirm_linear_reads"_s << QVariant(0) << u"1 to 5"_s;
        QTest::newRow("window") << u"duplicate_window_seconds"_s << QVariant(u"10s"_s) << u"whole number"_s;
        QTest::newRow("muted") << u"sound_muted"_s << QVariant(u"maybe"_s) << u"true or false"_s;
        QTest::newRow("resolver") << u"resolver_domain"_s << QVariant(u"ftp://id.gs1.org"_s) << u"https://"_s;
        QTest::newRow("resolution") << u"camera_resolution"_s << QVariant(u"big"_s) << u"1280x720"_s;
        QTest::newRow("wedge") << u"wedge"_s << QVariant(u"{not json"_s) << u"JSON object"_s;
        QTest::newRow("wedge gap") << u"wedge"_s << QVariant(u"{\"maxKeyGapMs\": 1000}"_s)
                                   << u"maxKeyGapMs must be a whole number from 5 to 200"_s;
        QTest::newRow("wedge member") << u"wedge"_s << QVariant(u"{\"enabled\": true, \"speed\": 3}"_s)
                                      << u"no member \"speed\""_s;
        QTest::newRow("wedge flag") << u"wedge"_s << QVariant(u"{\"enabled\": \"yes\"}"_s)
                                    << u"enabled must be true or false"_s;
        QTest::newRow("serial parity") << u"serial"_s << QVariant(u"{\"parity\": 1}"_s)
                                       << u"parity must be one of 0, 2, 3, 4, 5"_s;
        QTest::newRow("serial port") << u"serial"_s << QVariant(u"{\"port\": 7}"_s) << u"port must be text"_s;
        QTest::newRow("scope") << u"labels.scope"_s << QVariant(u"products"_s) << u"lots, serials"_s;
        QTest::newRow("format") << u"labels.fileFormat"_s << QVariant(u"docx"_s) << u"pdf"_s;
        QTest::newRow("unknown") << u"session_ttl"_s << QVariant(5) << u"session_ttl_minutes"_s;
        QTest::newRow("next start zero") << u"labels.next_start.avery_5160"_s << QVariant(0) << u"1 to 1000"_s;
        QTest::newRow("next start text") << u"labels.next_start.avery_5160"_s << QVariant(u"x"_s) << u"whole number"_s;
        QTest::newRow("family name") << u"labels.next_start.a b"_s << QVariant(3) << u"labels.next_start.<name>"_s;
    }

    void valuesOfTheWrongTypeOrRangeAreRefusedWithTheReason()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QFETCH(QString, reason);
        SettingsRepository settings(m_db.get());
        const auto before = await(settings.value(key));
        const auto e = refusal(key, value);
        QCOMPARE(e.code, u"invalid"_s);
        QVERIFY2(e.message.contains(key), qPrintable(e.message));
        QVERIFY2(e.message.contains(reason), qPrintable(e.message));
        QCOMPARE(await(settings.value(key)), before); // nothing stored
        test::RawDb raw(m_file, u"check"_s);
        QCOMPARE(raw.scalar(u"SELECT count(*) FROM settings"_s).toInt(), 0);
    }

    void goodValuesAreStoredTypedAndNormalised()
    {
        SettingsRepository settings(m_db.get());
        QVERIFY(await(settings.setValue(u"session_ttl_minutes"_s, u" 30 "_s)).ok());
        QCOMPARE(await(settings.value(u"session_ttl_minutes"_s)), QVariant(30));
        QVERIFY(await(settings.setValue(u"session_ttl_minutes"_s, 0)).ok()); // 0 = never expire, on purpose
        QCOMPARE(await(settings.value(u"session_ttl_minutes"_s)), QVariant(0));
        QVERIFY(await(settings.setValue(u"sound_muted"_s, u"yes"_s)).ok());
        QCOMPARE(await(settings.value(u"sound_muted"_s)), QVariant(true));
        QVERIFY(await(settings.setValue(u"sound_muted"_s, false)).ok());
        QCOMPARE(await(settings.value(u"sound_muted"_s)), QVariant(false));
        QVERIFY(await(settings.setValue(u"camera_resolution"_s, u"1280x720"_s)).ok());
        QVERIFY(await(settings.setValue(u"camera_resolution"_s, u""_s)).ok()); // automatic
        QVERIFY(await(settings.setValue(u"wedge"_s, u"{\"enabled\":true}"_s)).ok());
        // Every member, as the Scan settings write them.
        QVERIFY(await(
            settings.setValue(u"wedge"_s,
                u"{\"enabled\":true,\"maxKeyGapMs\":30,\"quietMs\":120,\"minLength\":4,\"terminatorEnter\":true,"
                u"\"terminatorTab\":true,\"prefix\":\"\",\"suffix\":\"\",\"gsSubstitute\":\"\",\"f8IsGs\":false}"_s))
                    .ok());
        QVERIFY(
            await(settings.setValue(u"serial"_s,
                      u"{\"enabled\":false,\"port\":\"/dev/ttyACM0\",\"baudRate\":115200,\"dataBits\":8,\"parity\":0,"
                      u"\"stopBits\":1,\"flowControl\":0,\"terminator\":\"\\r\",\"prefix\":\"\",\"suffix\":\"\"}"_s))
                .ok());
        QVERIFY(await(settings.setValue(u"labels.printer"_s, u""_s)).ok());
        QVERIFY(await(settings.setValue(u"labels.exportType"_s, u"codes_combined"_s)).ok());
        // A family: one setting per sheet template.
        QVERIFY(await(settings.setValue(u"labels.next_start.avery_5160"_s, 12)).ok());
        QCOMPARE(await(settings.value(u"labels.next_start.avery_5160"_s)), QVariant(12));
        QCOMPARE(await(settings.value(u"labels.next_start.63up_1in_letter"_s)), QVariant(1)); // never printed
        const auto read = await(settings.all());
        QVERIFY(read.ok());
        const auto &all = read.value();
        QCOMPARE(all.value(u"labels.next_start.avery_5160"_s), QVariant(12));
        QVERIFY(!all.contains(u"labels.next_start."_s));
        QCOMPARE(all.value(u"sound_muted"_s), QVariant(false));
        QCOMPARE(all.value(u"confirm_linear_reads"_s), QVariant(2)); // defaults for keys never set
        QCOMPARE(all.value(u"labels.exportType"_s), QVariant(u"codes_combined"_s));
        test::RawDb raw(m_file, u"check"_s);
        QCOMPARE(raw.scalar(u"SELECT value FROM settings WHERE key = 'sound_muted'"_s).toString(), u"false"_s);
    }

    void aBadStoredValueIsReadAsTheDefaultAndSaysSo()
    {
        // Written by an older version, or by hand: "abc" used to read as 0, "never expire".
        {
            test::RawDb raw(m_file, u"hand"_s);
            QVERIFY(raw.exec(u"INSERT INTO settings (key, value) VALUES ('session_ttl_minutes', 'abc')"_s));
        }
        SettingsRepository settings(m_db.get());
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(u"session_ttl_minutes holds \"abc\".*using the default 720"_s));
        QCOMPARE(await(settings.value(u"session_ttl_minutes"_s)), QVariant(720));

        SessionRepository sessions(m_db.get());
        const auto idle = await(sessions.create(u"barcode_scan"_s, {})).value().id;
        await(m_db->run([idle](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE sessions SET last_activity = ? WHERE id = ?"_s);
            q.addBindValue(QDateTime::currentDateTimeUtc().addSecs(-13 * 3600).toString(Qt::ISODateWithMs));
            q.addBindValue(idle);
            return q.exec();
        }));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"session_ttl_minutes holds \"abc\""_s));
        QCOMPARE(await(sessions.expireIdle()), 1); // 13 hours idle is past the default 12
        QCOMPARE(await(sessions.get(idle)).value().status, u"EXPIRED"_s);
    }

    void everyKeyHasOneDescription()
    {
        QSet<QString> keys;
        for (const auto &spec : SettingsRepository::specs()) {
            QVERIFY2(!keys.contains(spec.key), qPrintable(spec.key));
            keys.insert(spec.key);
            QVERIFY2(!spec.description.isEmpty(), qPrintable(spec.key));
            // The default passes its own checks.
            QVERIFY2(
                spec.defaultValue.toString().isEmpty() || spec.validate(spec.defaultValue).ok(), qPrintable(spec.key));
        }
        for (const auto key : { u"session_ttl_minutes", u"duplicate_window_seconds", u"confirm_linear_reads",
                 u"sound_muted", u"camera_id", u"camera_resolution", u"wedge", u"serial", u"resolver_domain",
                 u"labels.scope", u"labels.exportType", u"labels.fileFormat", u"labels.symbol", u"labels.template",
                 u"labels.gs1Table", u"labels.printer" })
            QVERIFY2(keys.contains(QString::fromUtf16(key)), qPrintable(QString::fromUtf16(key)));
        const auto *ttl = SettingsRepository::spec(u"session_ttl_minutes"_s);
        QVERIFY(ttl);
        QCOMPARE(ttl->minimum, 0);
        QCOMPARE(ttl->maximum, 10080);
        QCOMPARE(ttl->defaultValue, QVariant(720));
        QCOMPARE(SettingsRepository::spec(u"nope"_s), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestSettingsRepository)
#include "tst_settingsrepository.moc"
