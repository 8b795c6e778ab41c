// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The command line's options as a person mistypes them: help anywhere, numbers that are not numbers, codes with
// control characters. Each answer is clear, and nothing is stored or shown raw.
#include "clirunner.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;

class TestCliOptions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // Every subcommand --help lists, as its words.
    static QList<QStringList> subcommands()
    {
        const auto r = test::runCli({ u"--help"_s });
        QList<QStringList> out;
        bool listing = false;
        for (const auto &line : QString::fromUtf8(r.out).split(u'\n')) {
            if (line.startsWith(u"Subcommands:"_s)) {
                listing = true;
                continue;
            }
            if (listing && line.trimmed().isEmpty())
                break;
            if (listing) {
                // "  sessions show          one session with its captures": the name is up to two spaces.
                const QString name = line.trimmed().section(u"  "_s, 0, 0);
                out << name.split(u' ');
            }
        }
        return out;
    }

private Q_SLOTS:
    void helpWorksAfterEverySubcommandAndTouchesNothing_data()
    {
        QTest::addColumn<QStringList>("command");
        const auto all = subcommands();
        QVERIFY(all.size() >= 20);
        for (const auto &c : all)
            QTest::newRow(qPrintable(c.join(u' '))) << c;
    }

    void helpWorksAfterEverySubcommandAndTouchesNothing()
    {
        QFETCH(QStringList, command);
        const QString db = m_dir.filePath(u"never-made.sqlite"_s);
        // Right after the command, and after an argument too ("sessions show ID -h").
        const QList<QStringList> asked { { u"--help"_s }, { u"SOMETHING"_s, u"-h"_s } };
        for (const auto &help : asked) {
            {
                const auto r = test::runCli(QStringList { u"--db"_s, db } + command + help);
                QCOMPARE(r.exitCode, 0);
                QVERIFY2(r.out.startsWith("Usage: closient-station " + command.join(u' ').toUtf8()), r.out.constData());
                // Qt's own remark about a missing runtime folder (a root shell) is the machine's, not an error.
                const QString err = QString::fromUtf8(r.err).remove(
                    QRegularExpression(u"QStandardPaths: XDG_RUNTIME_DIR[^\n]*\n?"_s));
                QVERIFY2(err.isEmpty(), qPrintable(err));
            }
        }
        QVERIFY2(!QFile::exists(db), "help never opens or makes a store");
    }

    void sessionsShowHelpIsNotASessionId()
    {
        const auto r
            = test::runCli({ u"--db"_s, m_dir.filePath(u"s.sqlite"_s), u"sessions"_s, u"show"_s, u"--help"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("SESSION_ID"));
        QVERIFY(!r.err.contains("no session"));
    }

    void numbersThatAreNotNumbersAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("option");
        const QStringList add { u"labels"_s, u"add"_s, u"--gtin"_s, u"09506000134352"_s, u"--lot"_s, u"L1"_s };
        QTest::newRow("count text") << add + QStringList { u"--count"_s, u"ten"_s } << u"--count"_s;
        QTest::newRow("count trailing") << add + QStringList { u"--count"_s, u"10x"_s } << u"--count"_s;
        QTest::newRow("count zero") << add + QStringList { u"--count"_s, u"0"_s } << u"--count"_s;
        QTest::newRow("first fraction") << add + QStringList { u"--count"_s, u"3"_s, u"--first"_s, u"1.5"_s }
                                        << u"--first"_s;
        QTest::newRow("width empty") << add + QStringList { u"--count"_s, u"3"_s, u"--width"_s, u""_s } << u"--width"_s;
        const QStringList exportArgs { u"labels"_s, u"export"_s, u"--scope"_s, u"serials"_s, u"--type"_s,
            u"sheet_pdf"_s, u"--format"_s, u"pdf"_s, u"--out"_s, u"/tmp/never.pdf"_s };
        QTest::newRow("start text") << exportArgs + QStringList { u"--start"_s, u"3x"_s } << u"--start"_s;
        QTest::newRow("copies text") << exportArgs + QStringList { u"--copies-per-item"_s, u"two"_s }
                                     << u"--copies-per-item"_s;
        QTest::newRow("offset comma") << exportArgs + QStringList { u"--offset-x"_s, u"1,5"_s } << u"--offset-x"_s;
        QTest::newRow("offset range") << exportArgs + QStringList { u"--offset-y"_s, u"35"_s } << u"--offset-y"_s;
        QTest::newRow("log limit") << QStringList { u"labels"_s, u"log"_s, u"--limit"_s, u"-1"_s } << u"--limit"_s;
        QTest::newRow("bench count") << QStringList { u"bench"_s, u"labels"_s, u"--count"_s, u"lots"_s }
                                     << u"--count"_s;
        QTest::newRow("bench size") << QStringList { u"bench"_s, u"live"_s, u"dir"_s, u"--size"_s, u"12xab"_s }
                                    << u"--size"_s;
        QTest::newRow("bench workers") << QStringList { u"bench"_s, u"decode"_s, u"dir"_s, u"--workers"_s, u"-"_s }
                                       << u"--workers"_s;
    }

    void numbersThatAreNotNumbersAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, option);
        const QString db = m_dir.filePath(u"numbers.sqlite"_s);
        const auto r = test::runCli(QStringList { u"--db"_s, db } + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(option.toUtf8()), r.err.constData());
        const auto list = test::runCli({ u"--db"_s, db, u"labels"_s, u"list"_s, u"--scope"_s, u"serials"_s });
        QVERIFY2(list.out.trimmed().isEmpty(), "nothing was added with a made-up number");
    }

    void wrongOptionsAreUsageErrorsThatChangeNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("said");
        QTest::newRow("unknown global option")
            << QStringList { u"--bogus-flag"_s, u"sessions"_s, u"list"_s } << u"unknown option --bogus-flag"_s;
        QTest::newRow("unknown option alone") << QStringList { u"--bogus-flag"_s } << u"unknown option"_s;
        QTest::newRow("db without a path") << QStringList { u"sessions"_s, u"list"_s, u"--db"_s } << u"--db needs"_s;
        QTest::newRow("db empty") << QStringList { u"--db="_s, u"sessions"_s, u"list"_s } << u"--db needs"_s;
        QTest::newRow("status") << QStringList { u"sessions"_s, u"list"_s, u"--status"_s, u"FOO"_s } << u"--status"_s;
        QTest::newRow("mode") << QStringList { u"sessions"_s, u"create"_s, u"--mode"_s, u"bogus"_s } << u"--mode"_s;
        QTest::newRow("capture type") << QStringList { u"capture"_s, u"--session"_s, u"X"_s, u"--type"_s, u"FOO"_s,
            u"123"_s } << u"--type"_s;
        QTest::newRow("meta without pairs") << QStringList { u"sessions"_s, u"meta"_s, u"SOME_ID"_s } << u"--clear"_s;
    }

    void wrongOptionsAreUsageErrorsThatChangeNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, said);
        const QString db = m_dir.filePath(u"usage.sqlite"_s);
        QFile::remove(db);
        const auto r = test::runCli(
            args.contains(u"--db"_s) || args.contains(u"--db="_s) ? args : QStringList { u"--db"_s, db } + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(said.toUtf8()), r.err.constData());
        QVERIFY2(!QFile::exists(db), "a wrong option never opens or makes a store");
    }

    void settingsKeyShowsOneValueAndBlankLinesAreNoCodes()
    {
        const QString db = m_dir.filePath(u"one.sqlite"_s);
        const auto created = test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s });
        QCOMPARE(created.exitCode, 0);
        const auto one = test::runCli({ u"--db"_s, db, u"settings"_s, u"session_ttl_minutes"_s });
        QCOMPARE(one.exitCode, 0);
        QVERIFY2(one.jsonLines().first().contains(u"session_ttl_minutes"_s), one.out.constData());
        const QString id = created.jsonLines().first().value(u"id"_s).toString();
        const auto piped
            = test::runCli({ u"--db"_s, db, u"capture"_s, u"--session"_s, id, u"-"_s }, "09506000134352\n   \n\n");
        QCOMPARE(piped.exitCode, 0);
        QCOMPARE(piped.jsonLines().size(), 1);
    }

    void aMetadataKeyGivenTwiceIsRefused()
    {
        const QString db = m_dir.filePath(u"twice.sqlite"_s);
        const auto r = test::runCli(
            { u"--db"_s, db, u"sessions"_s, u"create"_s, u"--meta"_s, u"dock=3"_s, u"--meta"_s, u"dock=4"_s });
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("given twice"), r.err.constData());
        const auto list = test::runCli({ u"--db"_s, db, u"sessions"_s, u"list"_s });
        QVERIFY2(list.out.trimmed().isEmpty(), "no session was made with one of the two values");
    }

    void metadataIsClearedOnlyWhenAsked()
    {
        const QString db = m_dir.filePath(u"meta.sqlite"_s);
        const auto created = test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s, u"--meta"_s, u"name=Dock"_s });
        QCOMPARE(created.exitCode, 0);
        const QString id = created.jsonLines().first().value(u"id"_s).toString();
        QCOMPARE(test::runCli({ u"--db"_s, db, u"sessions"_s, u"meta"_s, id }).exitCode, 2);
        auto shown = test::runCli({ u"--db"_s, db, u"sessions"_s, u"show"_s, id });
        QCOMPARE(shown.jsonLines().first().value(u"metadata"_s).toObject().value(u"name"_s).toString(), u"Dock"_s);
        QCOMPARE(test::runCli({ u"--db"_s, db, u"sessions"_s, u"meta"_s, id, u"--clear"_s }).exitCode, 0);
        shown = test::runCli({ u"--db"_s, db, u"sessions"_s, u"show"_s, id });
        QVERIFY(shown.jsonLines().first().value(u"metadata"_s).toObject().isEmpty());
    }

    void theWindowWithoutADisplaySaysWhatToDo()
    {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"QT_QPA_PLATFORM"_s);
        p.setProcessEnvironment(env);
        p.start(test::stationBinary(), { u"--db"_s, m_dir.filePath(u"window.sqlite"_s) });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit); // not an abort
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("no display"));
    }

    void unknownOptionsAreUsageErrorsNotData()
    {
        // Every subcommand reads its options with the shared parser: a misspelt option is named as one, never
        // read as a file to decode or as data to parse.
        const auto decode = test::runCli({ u"decode"_s, u"--jsn"_s, u"x.png"_s });
        QCOMPARE(decode.exitCode, 2);
        QVERIFY2(decode.err.contains("jsn"), decode.err.constData());
        const auto strategy = test::runCli({ u"decode"_s, u"x.png"_s, u"--strategy"_s });
        QCOMPARE(strategy.exitCode, 2);
        QVERIFY2(strategy.err.contains("strategy"), strategy.err.constData());
        const auto parse = test::runCli({ u"gs1"_s, u"parse"_s, u"--jsom"_s, u"09506000134352"_s });
        QCOMPARE(parse.exitCode, 2);
        QVERIFY2(parse.err.contains("jsom"), parse.err.constData());
        // Data that starts with a dash follows "--".
        const auto dashed = test::runCli({ u"gs1"_s, u"parse"_s, u"--json"_s, u"--"_s, u"-12"_s });
        QVERIFY2(dashed.exitCode != 2, dashed.err.constData()); // read as data, not as an option
        QCOMPARE(dashed.jsonLines().first().value(u"input"_s).toString(), u"-12"_s);
    }

    void controlCharactersNeverReachTheTerminalRaw()
    {
        // An ANSI escape, a bell, DEL, the 8-bit CSI (U+009B) and a bidi override, as a code might carry them.
        const QString code = u"AB\x1b[2J\x07\x7f"_s + QChar(0x9B) + u"31m"_s + QChar(0x202E) + u"CD"_s;
        const auto human = test::runCli({ u"gs1"_s, u"parse"_s, code });
        const auto json = test::runCli({ u"gs1"_s, u"parse"_s, u"--json"_s, code });
        QCOMPARE(test::runCli({ u"--db"_s, m_dir.filePath(u"c.sqlite"_s), u"sessions"_s, u"create"_s }).exitCode, 0);
        const auto refused = test::runCli({ u"--db"_s, m_dir.filePath(u"c.sqlite"_s), u"sessions"_s, u"show"_s, code });
        for (const QByteArray &out : { human.out, human.err, json.out, json.err, refused.out, refused.err }) {
            for (const char raw : { '\x1b', '\x07', '\x7f' })
                QVERIFY2(!out.contains(raw), out.constData());
            QVERIFY2(!out.contains("\xc2\x9b"), out.constData());
            QVERIFY2(!out.contains("\xe2\x80\xae"), out.constData());
        }
        QVERIFY2(human.out.contains("AB<0x1B>[2J<0x07><0x7F><0x9B>31m<0x202E>CD"), human.out.constData());
        QVERIFY2(refused.err.contains("<0x1B>"), refused.err.constData());
        // JSON keeps the exact characters, escaped: a program reading it gets the code back unchanged.
        const auto parsed = json.jsonLines();
        QCOMPARE(parsed.size(), 1);
        QCOMPARE(parsed.first().value(u"input"_s).toString(), code);
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
