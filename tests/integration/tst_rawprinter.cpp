// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ZPL through a CUPS raw queue: a CUPS server of the test's own, a queue whose device is a fake network printer, and
// the job arriving there byte for byte (no filter touched it), its labels decoding to their data. An unknown queue is
// refused with CUPS's reason.
#include "database.h"
#include "fakeprinter.h"
#include "isolateddecoder.h"
#include "labeljob.h"
#include "labelreadback.h"
#include "labelrepository.h"
#include "layoutlibrary.h"
#include "layoutrenderer.h"
#include "privatecups.h"
#include "rawprinter.h"
#include "testbase.h"
#include "zpl.h"
#include "zplreader.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace closient::labels;
using namespace closient::printing;

class TestRawPrinter : public QObject
{
    Q_OBJECT

    std::unique_ptr<closient::test::PrivateCups> m_cups;
    closient::test::FakeNetworkPrinter m_printer;
    QString m_skip;

private Q_SLOTS:
    void initTestCase()
    {
        if (!closient::test::PrivateCups::available()) {
            m_skip = u"CUPS is not installed (scripts/test.sh installs it)"_s;
            return;
        }
        m_cups = std::make_unique<closient::test::PrivateCups>();
        const QString started = m_cups->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString added = m_cups->addRawQueue(u"ZebraTest"_s, u"socket://127.0.0.1:%1"_s.arg(m_printer.port()));
        QVERIFY2(added.isEmpty(), qPrintable(added));
    }

    void cleanupTestCase()
    {
        if (m_cups)
            m_cups->waitUntilIdle(30000);
        m_cups.reset();
    }

    void zplReachesThePrinterUnfiltered()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const auto lib = LayoutLibrary::load({ u":/labels/layouts"_s });
        const LayoutRenderer renderer(lib.find(u"Product label"_s)->layout);
        LabelData d;
        d.productName = u"Frozen garden peas, 1 kg"_s;
        d.gtin = u"09506000134352"_s;
        d.lot = u"LOT-9"_s;
        d.serial = u"5551"_s;
        d.expiry = QDate(2026, 12, 31);
        ZplSettings settings;
        settings.dpi = 300;
        LayoutRenderResult result;
        const auto zpl = zplForLabel(renderer, d, settings, &result);
        QVERIFY2(zpl.ok(), qPrintable(zpl.error().message));

        QSignalSpy received(&m_printer, &closient::test::FakeNetworkPrinter::jobReceived);
        const auto target = RawPrinterTarget::parse(u"ZebraTest"_s);
        QVERIFY(target.ok());
        const auto job = sendRaw(target.value(), zpl.value(), u"Product label, 1 label"_s);
        QVERIFY2(job.ok(), qPrintable(job.error().message));
        QVERIFY2(job.value().startsWith(u"ZebraTest-"_s), qPrintable(job.value()));
        // CUPS hands the job to the queue's device (here the fake printer) on its own time.
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 60000);
        QCOMPARE(m_printer.jobs().last(), zpl.value());

        QString error;
        const auto labels = closient::test::readZpl(m_printer.jobs().last(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(labels.size(), size_t(1));
        closient::scanning::IsolatedDecoder decoder;
        const QStringList failures = closient::test::readBackSymbols(decoder, labels[0].image, 300, result.symbols);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
    }

    /// A thermal job through the CUPS raw queue: the labels reach the printer unchanged, and the job is recorded
    /// once CUPS says it printed.
    void aThermalJobIsFollowedToTheEnd()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        QTemporaryDir dir;
        closient::store::Database db;
        QVERIFY(db.open(dir.filePath(u"thermal.sqlite"_s)).result().ok());
        QVERIFY(db.run([](QSqlDatabase &s) {
                      return QSqlQuery(s).exec(u"INSERT INTO products (gtin, product_name, brand, fetched) VALUES "
                                               u"('09506000134352', 'Frozen garden peas', 'Acme', '2026-11-30')"_s);
                  }).result());
        ItemInput base;
        base.gtin = u"09506000134352"_s;
        base.lot = u"T1"_s;
        QCOMPARE(LabelRepository(&db).addSerialRange(base, u"ZQ"_s, 1, 2, 1).result().value(), 2);
        ExportRequest q;
        q.exportType = u"thermal"_s;
        q.fileFormat = u"zpl"_s;
        q.selection.scope = u"serials"_s;
        q.selection.search = u"ZQ"_s;
        q.layoutName = u"Product label"_s;
        q.zpl.dpi = 203;
        q.print.printer = u"cups:ZebraTest"_s;
        const int before = int(m_printer.jobs().size());
        auto running = QtConcurrent::run([&db, q] { return LabelJob(&db, q).run(); });
        QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 120000);
        const auto r = running.result();
        QVERIFY2(r.status == JobStatus::Completed, qPrintable(r.error));
        QCOMPARE(r.printState, u"completed"_s);
        QVERIFY2(r.cupsJob.startsWith(u"ZebraTest-"_s), qPrintable(r.cupsJob));
        QVERIFY(r.warning.isEmpty());
        QCOMPARE(int(m_printer.jobs().size()), before + 1);
        QString error;
        QCOMPARE(closient::test::readZpl(m_printer.jobs().last(), &error).size(), size_t(2));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto log = LabelRepository(&db).printLog(1).result().value();
        QCOMPARE(log.front().printer, u"cups:ZebraTest"_s);
        QCOMPARE(log.front().items, 2);
    }

    void anUnknownQueueIsRefused()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        const auto job = sendRawToQueue(u"NoSuchQueue"_s, "^XA^XZ", u"test"_s);
        QVERIFY(!job.ok());
        QCOMPARE(job.error().code, u"refused"_s);
        QVERIFY2(job.error().message.contains(u"NoSuchQueue"_s), qPrintable(job.error().message));
        QVERIFY(!sendRawToQueue(u"bad name"_s, "x", {}).ok());
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestRawPrinter t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_rawprinter.moc"
