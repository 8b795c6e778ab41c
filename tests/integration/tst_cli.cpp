// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The headless closient-station as scripts use it: JSON out, clear errors, exit codes, the store left alone.
#include "clirunner.h"
#include "database.h"
#include "storetestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace closient;

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void helpListsSubcommands()
    {
        const auto r = test::runCli({ u"--help"_s });
        QCOMPARE(r.exitCode, 0);
        for (const auto cmd : { "gs1 parse", "sessions create", "sessions list", "capture" })
            QVERIFY2(r.out.contains(cmd), cmd);
        QCOMPARE(test::runCli({ u"frobnicate"_s }).exitCode, 2);
    }

    void gs1ParseHumanAndJson()
    {
        const auto human = test::runCli({ u"gs1"_s, u"parse"_s, u"(01)09506000134352(17)201225(10)ABC123"_s });
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains("Valid:          yes"));
        QVERIFY(human.out.contains("https://id.gs1.org/01/09506000134352/10/ABC123?17=201225"));
        const auto bad = test::runCli({ u"gs1"_s, u"parse"_s, u"--json"_s, u"]C10109506000134353"_s });
        QCOMPARE(bad.exitCode, 1);
        const auto o = bad.jsonLines().value(0);
        QCOMPARE(o.value(u"symbology_id"_s).toString(), u"]C1"_s);
        QCOMPARE(o.value(u"errors"_s).toArray().at(0).toObject().value(u"position"_s).toInt(), 14);
    }

    void gs1ParseBatchReadsJsonStrings()
    {
        const QByteArray input = "\"]d2\\u001d0109506000134352\\u001d10ABC\"\n"
                                 "\"https://example.com/x/01/09506000134352/21/S%2F1\"\n"
                                 "\n"
                                 "42\n"
                                 "\"(10)LOT\"\n";
        const auto r = test::runCli({ u"gs1"_s, u"parse"_s, u"--batch"_s }, input);
        QCOMPARE(r.exitCode, 1); // some lines are invalid
        const auto lines = r.jsonLines();
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0].value(u"lot"_s).toString(), u"ABC"_s);
        QCOMPARE(lines[0].value(u"valid"_s).toBool(), true);
        QCOMPARE(lines[1].value(u"serial"_s).toString(), u"S/1"_s);
        QCOMPARE(lines[2].value(u"errors"_s).toArray().at(0).toObject().value(u"code"_s).toString(), u"bad_line"_s);
        QCOMPARE(lines[3].value(u"errors"_s).toArray().at(0).toObject().value(u"code"_s).toString(),
            u"missing_required_ai"_s);
    }

    void sessionsAndCapturesSurviveRestarts()
    {
        const QString db = m_dir.filePath(u"cli.sqlite"_s);
        const auto created = test::runCli(
            { u"--db"_s, db, u"sessions"_s, u"create"_s, u"--mode"_s, u"both"_s, u"--meta"_s, u"dock=3"_s });
        QCOMPARE(created.exitCode, 0);
        const auto id = created.jsonLines().value(0).value(u"id"_s).toString();
        const auto captured = test::runCli(
            { u"--db"_s, db, u"capture"_s, u"--session"_s, id, u"4006381333931"_s, u"(01)09506000134353"_s });
        QCOMPARE(captured.exitCode, 1); // the second code is refused
        QCOMPARE(captured.jsonLines().size(), 2);
        QVERIFY(captured.jsonLines()[1].value(u"reason"_s).toString().contains(u"check digit"_s));
        const auto shown = test::runCli({ u"--db"_s, db, u"sessions"_s, u"show"_s, id });
        const auto s = shown.jsonLines().value(0);
        QCOMPARE(s.value(u"capture_count"_s).toInt(), 1);
        QCOMPARE(s.value(u"rejected_count"_s).toInt(), 1);
        QCOMPARE(s.value(u"metadata"_s).toObject().value(u"dock"_s).toString(), u"3"_s);
        QCOMPARE(s.value(u"captures"_s).toArray().at(0).toObject().value(u"gtin"_s).toString(), u"04006381333931"_s);
        const auto badMode = test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s, u"--mode"_s, u"video"_s });
        QCOMPARE(badMode.exitCode, 2); // a wrong option value is wrong usage
        QVERIFY(badMode.err.contains("--mode takes barcode_scan, product_photography, both"));
        QCOMPARE(test::runCli({ u"--db"_s, db, u"sessions"_s, u"end"_s, id }).exitCode, 0);
        const auto late = test::runCli({ u"--db"_s, db, u"capture"_s, u"--session"_s, id, u"96385074"_s });
        QCOMPARE(late.exitCode, 1);
        QCOMPARE(late.jsonLines().value(0).value(u"reason_code"_s).toString(), u"session_closed"_s);
    }

    void capturesAreVoidedAndCorrected()
    {
        const QString db = m_dir.filePath(u"void.sqlite"_s);
        const auto session = test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s }).jsonLines().value(0);
        const QString id = session.value(u"id"_s).toString();
        const auto captured
            = test::runCli({ u"--db"_s, db, u"capture"_s, u"--session"_s, id, u"4006381333931"_s, u"96385074"_s });
        QCOMPARE(captured.exitCode, 0);
        const QString typed = captured.jsonLines().value(0).value(u"capture"_s).toObject().value(u"id"_s).toString();
        const QString wrong = captured.jsonLines().value(1).value(u"capture"_s).toObject().value(u"id"_s).toString();

        const auto edited = test::runCli(
            { u"--db"_s, db, u"capture"_s, u"edit"_s, u"--capture"_s, typed, u"(01)09506000134352(10)L7"_s });
        QVERIFY2(edited.exitCode == 0, edited.err.constData());
        QCOMPARE(edited.jsonLines().value(0).value(u"lot"_s).toString(), u"L7"_s);
        QCOMPARE(edited.jsonLines().value(0).value(u"original_raw_value"_s).toString(), u"4006381333931"_s);
        const auto badEdit
            = test::runCli({ u"--db"_s, db, u"capture"_s, u"edit"_s, u"--capture"_s, typed, u"(01)09506000134353"_s });
        QCOMPARE(badEdit.exitCode, 1);
        QVERIFY2(badEdit.err.contains("check digit"), badEdit.err.constData());

        const auto noReason
            = test::runCli({ u"--db"_s, db, u"capture"_s, u"void"_s, u"--capture"_s, wrong, u"--reason"_s, u""_s });
        QCOMPARE(noReason.exitCode, 1);
        QVERIFY2(noReason.err.contains("Say why"), noReason.err.constData());
        const auto voided = test::runCli({ u"--db"_s, db, u"capture"_s, u"void"_s, u"--capture"_s, wrong, u"--reason"_s,
            u"Scanned by mistake"_s, u"--user"_s, u"ana"_s });
        QVERIFY2(voided.exitCode == 0, voided.err.constData());
        QCOMPARE(voided.jsonLines().value(0).value(u"voided"_s).toBool(), true);
        QCOMPARE(voided.jsonLines().value(0).value(u"voided_by"_s).toString(), u"ana"_s);
        const auto twice = test::runCli(
            { u"--db"_s, db, u"capture"_s, u"void"_s, u"--capture"_s, wrong, u"--reason"_s, u"Duplicate"_s });
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains("already voided"), twice.err.constData());

        const auto summary = test::runCli({ u"--db"_s, db, u"sessions"_s, u"summary"_s, id });
        QCOMPARE(summary.exitCode, 0);
        const auto s = summary.jsonLines().value(0);
        QCOMPARE(s.value(u"captures"_s).toInt(), 1);
        QCOMPARE(s.value(u"voided"_s).toInt(), 1);
        QCOMPARE(s.value(u"edited"_s).toInt(), 1);
        QCOMPARE(s.value(u"distinct_gtins"_s).toInt(), 1);
        const auto shown = test::runCli({ u"--db"_s, db, u"sessions"_s, u"show"_s, id }).jsonLines().value(0);
        QCOMPARE(shown.value(u"capture_count"_s).toInt(), 1);
        QCOMPARE(shown.value(u"voided_count"_s).toInt(), 1);
        QCOMPARE(shown.value(u"captures"_s).toArray().size(), 2); // the voided one is still there, marked
    }

    void settingsAreCheckedByKeyAndType()
    {
        const QString db = m_dir.filePath(u"settings.sqlite"_s);
        const auto text = test::runCli({ u"--db"_s, db, u"settings"_s, u"session_ttl_minutes"_s, u"abc"_s });
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.err.contains("whole number"), text.err.constData());
        const auto negative = test::runCli({ u"--db"_s, db, u"settings"_s, u"session_ttl_minutes"_s, u"-5"_s });
        QCOMPARE(negative.exitCode, 1);
        QVERIFY2(negative.err.contains("0 to 10080"), negative.err.constData());
        const auto unknown = test::runCli({ u"--db"_s, db, u"settings"_s, u"set"_s, u"ttl"_s, u"5"_s });
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("no setting"), unknown.err.constData());
        // Nothing of that was stored: the TTL is still the default, not "never expire".
        const auto get = test::runCli({ u"--db"_s, db, u"settings"_s, u"get"_s, u"session_ttl_minutes"_s });
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(get.jsonLines().value(0).value(u"session_ttl_minutes"_s).toInt(), 720);
        const auto set = test::runCli({ u"--db"_s, db, u"settings"_s, u"set"_s, u"session_ttl_minutes"_s, u"30"_s });
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.jsonLines().value(0).value(u"session_ttl_minutes"_s), QJsonValue(30));
        const auto keys = test::runCli({ u"settings"_s, u"keys"_s });
        QCOMPARE(keys.exitCode, 0);
        const auto specs = keys.jsonLines();
        const auto ttl = std::find_if(specs.begin(), specs.end(),
            [](const QJsonObject &o) { return o.value(u"key"_s).toString() == u"session_ttl_minutes"; });
        QVERIFY(ttl != specs.end());
        QCOMPARE(ttl->value(u"type"_s).toString(), u"integer"_s);
        QCOMPARE(ttl->value(u"maximum"_s).toInt(), 10080);
        QCOMPARE(ttl->value(u"default"_s).toInt(), 720);
    }

    void refusesFilesItMustNotTouch()
    {
        const QString text = m_dir.filePath(u"letter.txt"_s);
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Dear customer, ...\n");
        f.close();
        const auto before = test::fileHash(text);
        const auto r = test::runCli({ u"--db"_s, text, u"sessions"_s, u"list"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("not a Closient Station database"), r.err.constData());
        QCOMPARE(test::fileHash(text), before);
    }

    void readOnlyDatabaseIsReportedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"ro.sqlite"_s);
        const auto created = test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s, u"--meta"_s, u"dock=7"_s });
        QCOMPARE(created.exitCode, 0);
        const QString id = created.jsonLines().value(0).value(u"id"_s).toString();
        QFile::remove(db + u"-wal"_s);
        QFile::remove(db + u"-shm"_s);
        QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        QFile::setPermissions(dir.path(),
            QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                | QFile::ExeOther);
        const auto before = test::fileHash(db);
        // Permissions do not bind root, so as root run the program as an ordinary user.
        QStringList asUser;
        if (::geteuid() == 0)
            asUser = { u"setpriv"_s, u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s };
        const auto r = test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s }, {}, asUser);
        // Reading needs no write access: the commands that only look work on a read-only store.
        const auto list = test::runCli({ u"--db"_s, db, u"sessions"_s, u"list"_s }, {}, asUser);
        const auto show = test::runCli({ u"--db"_s, db, u"sessions"_s, u"show"_s, id }, {}, asUser);
        const auto settings = test::runCli({ u"--db"_s, db, u"settings"_s }, {}, asUser);
        const auto outbox = test::runCli({ u"--db"_s, db, u"outbox"_s, u"list"_s }, {}, asUser);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("read-only"), r.err.constData());
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(list.jsonLines().value(0).value(u"id"_s).toString(), id);
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QCOMPARE(show.jsonLines().value(0).value(u"metadata"_s).toObject().value(u"dock"_s).toString(), u"7"_s);
        QVERIFY2(settings.exitCode == 0, settings.err.constData());
        QCOMPARE(settings.jsonLines().value(0).value(u"session_ttl_minutes"_s).toInt(), 720);
        QVERIFY2(outbox.exitCode == 0, outbox.err.constData());
        QCOMPARE(outbox.jsonLines().size(), 1);
        QCOMPARE(test::fileHash(db), before);
        QVERIFY(!QFile::exists(db + u"-wal"_s));
    }

    void readingCommandsWorkBesideAWriter()
    {
        const QString db = m_dir.filePath(u"busy.sqlite"_s);
        const auto created = test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s });
        QCOMPARE(created.exitCode, 0);
        const QString id = created.jsonLines().value(0).value(u"id"_s).toString();
        // The window holds its exclusive lock file and another program is in the middle of a write.
        store::Database window;
        QVERIFY(test::await(window.open(db, store::Database::Access::Exclusive)).ok());
        test::RawDb writer(db, u"writer"_s);
        QVERIFY(writer.exec(u"BEGIN IMMEDIATE"_s));
        QVERIFY(writer.exec(u"INSERT INTO settings (key, value) VALUES ('sound_muted', 'true')"_s));
        const auto list = test::runCli({ u"--db"_s, db, u"sessions"_s, u"list"_s });
        const auto show = test::runCli({ u"--db"_s, db, u"sessions"_s, u"show"_s, id });
        const auto settings = test::runCli({ u"--db"_s, db, u"settings"_s });
        QVERIFY(writer.exec(u"ROLLBACK"_s));
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(list.jsonLines().value(0).value(u"id"_s).toString(), id);
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QVERIFY2(settings.exitCode == 0, settings.err.constData());
        QCOMPARE(settings.jsonLines().value(0).value(u"sound_muted"_s).toBool(), false); // not committed
        // Headless writers share the store with the window too (the lock file only keeps out a second window).
        QCOMPARE(test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s }).exitCode, 0);
    }

    void gs1ParseBatchRefusesLinesThatAreNotOneJsonString()
    {
        // Each line is exactly one JSON string (whitespace around it is fine); every other line gets its own
        // bad_line error, in order, and is never read as something else.
        const QByteArray input = "\"a\" \"b\"\n"
                                 "\"a\"junk\n"
                                 "[\"a\"]\n"
                                 "42\n"
                                 "\"a\",\"b\"\n"
                                 "\"x\"],[\"y\"\n"
                                 "\"a\", 1\n"
                                 "null\n"
                                 "\"unclosed\n"
                                 "'single'\n"
                                 "\"bad \\q escape\"\n"
                                 "\"\xff\xfe\"\n"
                                 " \t \"(01)09506000134352\" \t\r\n"
                                 "\"ends with a quote \\\"\" \"\n";
        const auto r = test::runCli({ u"gs1"_s, u"parse"_s, u"--batch"_s }, input);
        QCOMPARE(r.exitCode, 1);
        const auto lines = r.jsonLines();
        QCOMPARE(lines.size(), 14);
        for (int i = 0; i < 14; ++i) {
            if (i == 12)
                continue;
            const auto err = lines[i].value(u"errors"_s).toArray().at(0).toObject();
            QVERIFY2(err.value(u"code"_s).toString() == u"bad_line"_s, qPrintable(QString::number(i)));
            QVERIFY(!err.value(u"message"_s).toString().isEmpty());
            QCOMPARE(lines[i].value(u"valid"_s).toBool(), false);
        }
        for (int i = 0; i < 12; ++i)
            QCOMPARE(lines[i].value(u"line"_s).toInt(), i + 1); // the error says which line
        QVERIFY(lines[0]
                    .value(u"errors"_s)
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(u"message"_s)
                    .toString()
                    .contains(u"more than one"_s));
        QCOMPARE(lines[12].value(u"valid"_s).toBool(), true);
        QCOMPARE(lines[12].value(u"gtin14"_s).toString(), u"09506000134352"_s);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
