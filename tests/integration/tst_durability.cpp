// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// An acknowledged capture survives kill -9 of the program that wrote it.
#include "clirunner.h"
#include "database.h"
#include "storetestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Qt::StringLiterals;
using namespace closient;

class TestDurability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void programsCreatingOneNewStoreAtOnceAllSucceed()
    {
        // Several programs meet a store that does not exist yet: each must end up using the one store, and any
        // failure must say why.
        QTemporaryDir dir;
        for (int trial = 0; trial < 20; ++trial) {
            const QString db = dir.filePath(u"t%1/new.sqlite"_s.arg(trial));
            const QList<QStringList> commands { { u"sessions"_s, u"create"_s }, { u"sessions"_s, u"create"_s },
                { u"sessions"_s, u"list"_s } };
            std::vector<std::unique_ptr<QProcess>> programs;
            for (const auto &args : commands) {
                programs.push_back(std::make_unique<QProcess>());
                programs.back()->start(test::stationBinary(), QStringList { u"--db"_s, db } + args);
            }
            for (std::size_t i = 0; i < programs.size(); ++i) {
                auto &p = *programs[i];
                QVERIFY(p.waitForFinished(60000));
                const QByteArray err = p.readAllStandardError();
                // A read-only command never makes a store: when it comes first it says there is none yet.
                if (commands[int(i)].last() == u"list"_s && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 3
                    && err.contains("There is no store at"))
                    continue;
                QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                    qPrintable(u"trial %1, %2: exit %3, \"%4\""_s.arg(trial)
                                   .arg(commands[int(i)].join(u' '))
                                   .arg(p.exitCode())
                                   .arg(QString::fromLocal8Bit(err))));
                QVERIFY2(err.trimmed().isEmpty(), err.constData());
            }
            test::RawDb raw(db, u"trial%1"_s.arg(trial));
            QCOMPARE(raw.scalar(u"SELECT count(*) FROM sessions"_s).toInt(), 2);
            QCOMPARE(raw.scalar(u"PRAGMA quick_check"_s).toString(), u"ok"_s);
            const auto leftovers = QDir(QFileInfo(db).absolutePath())
                                       .entryList(QDir::Files | QDir::Hidden)
                                       .filter(QRegularExpression(u"\\.new$"_s));
            QCOMPARE(leftovers, QStringList());
        }
    }

    void killedWriterLosesNoAcknowledgedCapture_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 25;
        QTest::newRow("mid-stream") << 300 + int(QRandomGenerator::global()->bounded(200));
        QTest::newRow("late") << 900;
    }

    void killedWriterLosesNoAcknowledgedCapture()
    {
        QFETCH(int, killAfter);
        QTemporaryDir dir;
        const QString db = dir.filePath(u"durable.sqlite"_s);
        const auto created = test::runCli({ u"--db"_s, db, u"sessions"_s, u"create"_s });
        QCOMPARE(created.exitCode, 0);
        const QString session = created.jsonLines().value(0).value(u"id"_s).toString();
        QVERIFY(!session.isEmpty());

        QProcess writer;
        writer.start(test::stationBinary(),
            { u"--db"_s, db, u"capture"_s, u"--session"_s, session, u"--type"_s, u"BARCODE"_s, u"-"_s });
        QVERIFY(writer.waitForStarted());
        QByteArray codes;
        for (int i = 0; i < 5000; ++i)
            codes += "(01)09506000134352(21)S" + QByteArray::number(i).rightJustified(6, '0') + '\n';
        writer.write(codes); // the writer reads them one by one, acknowledging each after its commit

        QSet<QString> acknowledged;
        QByteArray pendingOut;
        const auto collect = [&] {
            pendingOut += writer.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pendingOut.indexOf('\n')) >= 0) {
                const auto line = pendingOut.left(nl);
                pendingOut.remove(0, nl + 1);
                const auto o = QJsonDocument::fromJson(line).object();
                QVERIFY2(o.value(u"captured"_s).toBool(), line.constData());
                acknowledged.insert(o.value(u"capture"_s).toObject().value(u"id"_s).toString());
            }
        };
        QElapsedTimer timer;
        timer.start();
        while (acknowledged.size() < killAfter && timer.elapsed() < 60000) {
            writer.waitForReadyRead(1000);
            collect();
        }
        QVERIFY2(acknowledged.size() >= killAfter, "the writer acknowledges captures");
        ::kill(pid_t(writer.processId()), SIGKILL); // no chance to flush or close anything
        writer.waitForFinished();
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        collect(); // acknowledgements already in the pipe count too

        // Reopen as the application would: the file must be healthy and hold every acknowledged capture.
        store::Database database;
        const auto opened = test::await(database.open(db));
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        const auto stored = test::await(database.run([](QSqlDatabase &c) {
            QSet<QString> ids;
            QSqlQuery q(c);
            q.exec(u"SELECT id FROM captures"_s);
            while (q.next())
                ids.insert(q.value(0).toString());
            return ids;
        }));
        const auto missing = acknowledged - stored;
        QVERIFY2(missing.isEmpty(), qPrintable(u"%1 acknowledged captures lost"_s.arg(missing.size())));
        QVERIFY(stored.size() >= acknowledged.size());
        qInfo() << "killed after" << acknowledged.size() << "acknowledgements;" << stored.size() << "captures stored";
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
