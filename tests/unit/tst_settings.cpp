// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The settings the screens use: answered from memory, changes checked at once, written together after a pause.
#include "database.h"
#include "settings.h"
#include "settingsrepository.h"
#include "storetestutil.h"
#include "testbase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::store;
using closient::test::await;
using closient::test::settle;

class TestSettings : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_file;
    int m_n = 0;

    QVariant stored(const QString &key) { return await(SettingsRepository(m_db.get()).value(key)); }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>();
        m_file = m_dir.filePath(u"settings%1.sqlite"_s.arg(++m_n));
        QVERIFY(await(m_db->open(m_file)).ok());
    }
    void cleanup() { m_db.reset(); }

    void defaultsComeFromTheOneTable()
    {
        Settings settings(m_db.get());
        QVERIFY(settle(settings.load()).ok());
        QVERIFY(settings.isLoaded());
        for (const auto &spec : SettingsRepository::specs()) {
            if (!spec.family)
                QCOMPARE(settings.value(spec.key), spec.defaultValue);
        }
        QCOMPARE(settings.integer(u"labels.next_start.63up_1in_letter"_s), 1); // a family member never set
        QCOMPARE(settings.integer(u"session_ttl_minutes"_s), 720);
    }

    void loadReadsWhatIsStored()
    {
        QVERIFY(await(SettingsRepository(m_db.get()).setValue(u"labels.scope"_s, u"serials"_s)).ok());
        QVERIFY(await(SettingsRepository(m_db.get()).setValue(u"labels.next_start.avery_5160"_s, 7)).ok());
        Settings settings(m_db.get());
        QCOMPARE(settings.text(u"labels.scope"_s), QString()); // the default (no choice made) until loaded
        QSignalSpy loaded(&settings, &Settings::loaded);
        QVERIFY(settle(settings.load()).ok());
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(settings.text(u"labels.scope"_s), u"serials"_s);
        QCOMPARE(settings.integer(u"labels.next_start.avery_5160"_s), 7);
    }

    void aBurstOfChangesIsOneTransactionAfterThePause()
    {
        Settings settings(m_db.get());
        QVERIFY(settle(settings.load()).ok());
        settings.setDelay(200);
        QSignalSpy writes(m_db.get(), &Database::settingsChanged);
        // What one letter in the Labels search box used to write: seven settings.
        QVERIFY(settings.set(u"labels.scope"_s, u"serials"_s).ok());
        QVERIFY(settings.set(u"labels.exportType"_s, u"qr_codes"_s).ok());
        QVERIFY(settings.set(u"labels.fileFormat"_s, u"svg"_s).ok());
        QVERIFY(settings.set(u"labels.symbol"_s, u"digital_link_qr"_s).ok());
        QVERIFY(settings.set(u"labels.template"_s, u"avery_5160"_s).ok());
        QVERIFY(settings.set(u"labels.gs1Table"_s, u"healthcare"_s).ok());
        QVERIFY(settings.set(u"labels.printer"_s, u"Zebra"_s).ok());
        QCOMPARE(settings.waitingCount(), 7);
        QCOMPARE(settings.text(u"labels.symbol"_s), u"digital_link_qr"_s); // answered at once, from memory
        QCOMPARE(stored(u"labels.scope"_s).toString(), QString()); // nothing written yet
        QTRY_COMPARE(settings.waitingCount(), 0);
        QTRY_COMPARE(writes.count(), 1); // one commit for all seven
        QCOMPARE(stored(u"labels.scope"_s).toString(), u"serials"_s);
        QCOMPARE(stored(u"labels.printer"_s).toString(), u"Zebra"_s);
        QCOMPARE(stored(u"labels.gs1Table"_s).toString(), u"healthcare"_s);
    }

    void anUnchangedValueWritesNothing()
    {
        Settings settings(m_db.get());
        QVERIFY(settle(settings.load()).ok());
        QSignalSpy changed(&settings, &Settings::changed);
        QVERIFY(settings.set(u"confirm_linear_reads"_s, 2).ok()); // the default already
        QVERIFY(settings.set(u"session_ttl_minutes"_s, u"720"_s).ok()); // the same number as text
        QCOMPARE(settings.waitingCount(), 0);
        QCOMPARE(changed.count(), 0);
        QSignalSpy writes(m_db.get(), &Database::settingsChanged);
        QVERIFY(settle(settings.flush()).ok());
        QCOMPARE(writes.count(), 0);
    }

    void aValueThatDoesNotFitIsRefusedAtOnce()
    {
        Settings settings(m_db.get());
        QVERIFY(settle(settings.load()).ok());
        const auto bad = settings.set(u"session_ttl_minutes"_s, u"abc"_s);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(u"whole number"_s), qPrintable(bad.error().message));
        QVERIFY(!settings.set(u"no.such.key"_s, 1).ok());
        QCOMPARE(settings.waitingCount(), 0);
        QCOMPARE(settings.integer(u"session_ttl_minutes"_s), 720);
    }

    void whatWaitsIsWrittenWhenTheObjectGoes()
    {
        {
            Settings settings(m_db.get());
            QVERIFY(settle(settings.load()).ok());
            settings.setDelay(60000);
            QVERIFY(settings.set(u"sound_muted"_s, true).ok());
        }
        QCOMPARE(stored(u"sound_muted"_s), QVariant(true));
    }

    void aFailedWriteIsReportedAndKept()
    {
        const QString file = m_file;
        m_db.reset();
        m_db = std::make_unique<Database>();
        QVERIFY(await(m_db->open(file, Database::Access::ReadOnly)).ok());
        Settings settings(m_db.get());
        QVERIFY(settle(settings.load()).ok());
        QSignalSpy failed(&settings, &Settings::saveFailed);
        QVERIFY(settings.set(u"labels.scope"_s, u"serials"_s).ok());
        const auto r = settle(settings.flush());
        QVERIFY(!r.ok());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(settings.waitingCount(), 1); // tried again with the next change
        QCOMPARE(settings.text(u"labels.scope"_s), u"serials"_s);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
