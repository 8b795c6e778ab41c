// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Labels screen's hub (models/labelscontroller.h): the choices of one run are kept in the settings when they
// change and are there again at the next start; one that no longer exists falls back to the default, unsaid.
#include "labelrepository.h"
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

    void theHistoryIsSearchedByEveryLabelPrinted()
    {
        start();
        // Five serials printed on the thermal printer with a layout, then two of them again with a reason.
        labels::LabelRepository repo(m_db.get());
        labels::ItemInput input;
        input.gtin = u"04006381333931"_s;
        QVERIFY(test::await(repo.addSerialRange(input, u"HX"_s, 1, 5, 3)).ok());
        labels::Selection all;
        all.scope = u"serials"_s;
        all.search = u"HX"_s;
        const auto items = test::await(repo.select(all)).value();
        QCOMPARE(items.size(), size_t(5));
        labels::PrintLogEntry entry;
        entry.printer = u"Zebra bench (tcp://10.0.0.7:9100)"_s;
        entry.templateName = u"avery_5160"_s;
        entry.layoutName = u"Product label"_s;
        QVERIFY(test::await(repo.logPrint(u"print"_s, items, entry, true)).ok());
        entry.printer = u"Office laser"_s;
        entry.layoutName.clear();
        entry.templateName = u"63up_1in_letter"_s;
        entry.reason = u"Smudged"_s;
        QVERIFY(test::await(repo.logPrint(u"reprint"_s, { items[3], items[4] }, entry, true)).ok());
        auto *history = m_labels->history();
        QTRY_COMPARE(history->totalCount(), 2);

        const auto shown = [&](const QString &search) {
            history->setSearch(search);
            QStringList printers;
            for (int i = 0; i < history->rowCount(); ++i)
                printers << history->index(i).data(models::PrintHistoryModel::PrinterRole).toString();
            return printers.join(u" | "_s);
        };
        // A serial that is not the first of its entry: the store is asked which entries printed it.
        QTRY_COMPARE(shown(u"hx003"_s), u"Zebra bench (tcp://10.0.0.7:9100)"_s);
        QTRY_COMPARE(shown(u"HX005"_s), u"Office laser | Zebra bench (tcp://10.0.0.7:9100)"_s);
        QTRY_COMPARE(shown(u"HX005 smudged"_s), u"Office laser"_s); // every word, in the labels or the texts
        QTRY_COMPARE(shown(u"zebra"_s), u"Zebra bench (tcp://10.0.0.7:9100)"_s); // printer
        QTRY_COMPARE(shown(u"product label"_s), u"Zebra bench (tcp://10.0.0.7:9100)"_s); // layout
        QTRY_COMPARE(shown(u"Avery 5160"_s), u"Zebra bench (tcp://10.0.0.7:9100)"_s); // stock, by its name
        QTRY_COMPARE(shown(u"smudged"_s), u"Office laser"_s); // reason
        QTRY_COMPARE(shown(u"HX999"_s), QString());
        history->setSearch({});
        history->setActionFilter(int(models::PrintHistoryModel::Action::Reprint));
        QCOMPARE(history->rowCount(), 1);
        QCOMPARE(history->index(0).data(models::PrintHistoryModel::ReasonRole).toString(), u"Smudged"_s);
        QVERIFY(history->index(0).data(models::PrintHistoryModel::StockRole).toString().contains(u"63 per sheet"_s));
        history->setActionFilter(-1);
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
