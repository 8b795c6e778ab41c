// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Labels screen's hub (models/labelscontroller.h): the choices of one run are kept in the settings when they
// change and are there again at the next start; one that no longer exists falls back to the default, unsaid.
#include "labelscontroller.h"
#include "settings.h"
#include "storetestutil.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace closient;
using Severity = models::StatusMessage::Severity;

class TestLabelsController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::Settings> m_settings;
    std::unique_ptr<models::LabelsController> m_labels;

    /// The station starting (again) on the same store: new settings, a new hub, the settings read.
    void start()
    {
        m_labels.reset();
        m_settings.reset();
        m_settings = std::make_unique<store::Settings>(m_db.get());
        m_labels = std::make_unique<models::LabelsController>(m_db.get(), m_settings.get());
        QVERIFY(test::settle(m_settings->load()).ok());
    }

    /// Writes what is waiting and stops, as the station does when it closes.
    void stop()
    {
        QVERIFY(test::settle(m_settings->flush()).ok());
        m_labels.reset();
        m_settings.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = std::make_unique<store::Database>();
        QVERIFY(test::await(m_db->open(m_dir.filePath(u"labels.sqlite"_s))).ok());
    }

    void cleanupTestCase()
    {
        m_labels.reset();
        m_settings.reset();
        m_db.reset();
    }

    void choicesComeBackAtTheNextStart()
    {
        start();
        auto *options = m_labels->options();
        QCOMPARE(options->layoutName(), QString());
        QCOMPARE(options->startPolicy(), u"continue"_s);
        options->setLayoutName(u"Shelf label"_s); // brings its stock, Avery L7160
        QCOMPARE(options->stock(), u"avery_l7160"_s);
        options->setStartPolicy(u"first"_s);
        models::ThermalPrinter zebra;
        zebra.name = u"Zebra bench"_s;
        zebra.target = u"tcp://10.0.0.7:9100"_s;
        QVERIFY(m_labels->thermal()->save(zebra).ok());
        zebra.name = u"Zebra shelf"_s;
        zebra.target = u"cups:ZebraShelf"_s;
        QVERIFY(m_labels->thermal()->save(zebra).ok());
        m_labels->thermal()->setPrinter(u"zebra-shelf"_s);
        stop();

        start();
        options = m_labels->options();
        QCOMPARE(options->layoutName(), u"Shelf label"_s);
        QCOMPARE(options->stock(), u"avery_l7160"_s);
        QCOMPARE(options->startPolicy(), u"first"_s);
        QCOMPARE(m_labels->thermal()->printer(), u"zebra-shelf"_s);

        // A stock chosen apart from the layout, and thermal labels as the output.
        options->setLayoutName({});
        options->setStock(u"avery_5160"_s);
        options->setExportType(u"thermal"_s);
        options->setStartPolicy(u"continue"_s);
        stop();

        start();
        options = m_labels->options();
        QCOMPARE(options->exportType(), u"thermal"_s);
        QCOMPARE(options->fileFormat(), u"zpl"_s);
        QCOMPARE(options->layoutName(), QString());
        QCOMPARE(options->stock(), u"avery_5160"_s);
        QCOMPARE(options->startPolicy(), u"continue"_s);
        QCOMPARE(m_labels->status()->severity(), Severity::None);
        stop();
    }

    void whatIsGoneFallsBackQuietly()
    {
        start();
        // Left by an earlier run: a layout since deleted, a stock no longer installed, a printer since removed.
        QVERIFY(m_settings->set(u"labels.layout"_s, u"Deleted layout"_s).ok());
        QVERIFY(m_settings->set(u"labels.stock"_s, u"no_such_stock_any_more"_s).ok());
        QVERIFY(m_settings->set(u"labels.thermal_printer"_s, u"gone-printer"_s).ok());
        QVERIFY(m_settings->set(u"labels.exportType"_s, u"sheet_pdf"_s).ok());
        stop();

        start();
        auto *options = m_labels->options();
        QCOMPARE(options->layoutName(), QString()); // the symbol-only labels
        QCOMPARE(options->stock(), QString()); // the sheet template
        QVERIFY(!options->sheet().isEmpty());
        QCOMPARE(m_labels->thermal()->printer(), u"zebra-bench"_s); // the first one known
        QCOMPARE(m_labels->status()->severity(), Severity::None); // nothing to say about it
        QCOMPARE(m_labels->status()->text(), QString());
        stop();
    }
};

QTEST_MAIN(TestLabelsController)
#include "tst_labelscontroller.moc"
