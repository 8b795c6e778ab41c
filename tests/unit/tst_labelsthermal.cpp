// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Labels screen's thermal printers (models/labelsthermal.h): kept in the settings, refused when a value does not
// fit, and printed on from the screen's hub: a fake network printer (TCP) takes the ZPL, each label is rebuilt from
// its ^GFA field and decoded, and the print history says what went where.
#include "fakeprinter.h"
#include "isolateddecoder.h"
#include "labelrepository.h"
#include "labelscontroller.h"
#include "labelsthermal.h"
#include "pdfpages.h"
#include "settings.h"
#include "stocklibrary.h"
#include "storetestutil.h"
#include "zplreader.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace closient;
using models::LabelPreview;
using models::ThermalPrinter;
using Severity = models::StatusMessage::Severity;

namespace {

/// The screen's hub on a store of its own with serials S1..S3 of 04006381333931, its settings read.
struct Hub
{
    QTemporaryDir dir;
    store::Database db;
    store::Settings settings { &db };
    std::unique_ptr<models::LabelsController> labels;

    bool open()
    {
        if (!test::await(db.open(dir.filePath(u"labels.sqlite"_s))).ok())
            return false;
        labels::ItemInput serial;
        serial.gtin = u"04006381333931"_s;
        if (!test::await(labels::LabelRepository(&db).addSerialRange(serial, u"S"_s, 1, 3, 1)).ok())
            return false;
        // The products cache, as sync fills it: the layouts print the product's name.
        const bool product = test::await(db.run([](QSqlDatabase &sql) {
            QSqlQuery q(sql);
            q.prepare(u"INSERT INTO products (gtin, product_name, brand, fetched) VALUES (?, ?, ?, ?)"_s);
            for (const auto &v :
                { u"04006381333931"_s, u"Frozen garden peas 1 kg"_s, u"Acme Foods"_s, u"2026-11-30T10:00:00Z"_s })
                q.addBindValue(v);
            return q.exec();
        }));
        if (!product)
            return false;
        reopen();
        return true;
    }
    /// A new hub on the same store and settings, as when the station starts again.
    void reopen()
    {
        labels = std::make_unique<models::LabelsController>(&db, &settings);
        (void)test::settle(settings.load()); // the hub starts from Settings::loaded
    }
};

ThermalPrinter zebra(quint16 port)
{
    ThermalPrinter p;
    p.name = u"Zebra bench"_s;
    p.target = u"tcp://127.0.0.1:%1"_s.arg(port);
    p.dpi = 203;
    p.darkness = 20;
    p.speed = 5;
    p.media = u"gap"_s;
    return p;
}

/// The GS1 element strings read from each label of @p zpl, one list a label.
QList<QStringList> decodeLabels(const QByteArray &zpl, const QString &folder, QString *error)
{
    QList<QStringList> out;
    const auto printed = test::readZpl(zpl, error);
    scanning::IsolatedDecoder decoder;
    for (size_t i = 0; i < printed.size(); ++i) {
        const QString path = u"%1/label-%2.png"_s.arg(folder).arg(i);
        if (!printed[i].image.save(path)) {
            *error = u"cannot write "_s + path;
            return {};
        }
        QStringList texts;
        for (const auto &r : decoder.decodeFile(path, scanning::Strategy::Still).results)
            texts << r.text;
        out << texts;
    }
    return out;
}

bool carriesSerial(const QStringList &texts, const QString &serial)
{
    return std::any_of(texts.begin(), texts.end(), [&](const QString &t) { return t.endsWith(u"21"_s + serial); });
}

} // namespace

class TestLabelsThermal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void badValuesAreRefusedAndNothingIsKept()
    {
        Hub h;
        QVERIFY(h.open());
        auto &thermal = *h.labels->thermal();
        const auto refused = [&](ThermalPrinter p, const QString &says) {
            const auto r = thermal.save(p);
            if (r.ok())
                return u"kept"_s;
            return r.error().message.contains(says) ? QString() : r.error().message;
        };
        ThermalPrinter p = zebra(9100);
        p.target = u"http://zebra:9100"_s;
        QCOMPARE(refused(p, u"Address: \"http://zebra:9100\" is not a printer address"_s), QString());
        p.target = u"tcp://zebra:99999"_s;
        QCOMPARE(refused(p, u"Address: \"tcp://zebra:99999\" is not a printer address"_s), QString());
        p.target = u"Zebra Desk"_s;
        QCOMPARE(refused(p, u"Address: \"Zebra Desk\" is neither a printer queue's name nor an address"_s), QString());
        p = zebra(9100);
        p.dpi = 250;
        QCOMPARE(refused(p, u"resolution (dpi) must be one of: 203, 300, 600, not “250”"_s), QString());
        p = zebra(9100);
        p.darkness = 31;
        QCOMPARE(refused(p, u"darkness must be a whole number from 0 to 30, not “31”"_s), QString());
        p = zebra(9100);
        p.speed = 0;
        QCOMPARE(refused(p, u"speed (inches a second) must be a whole number from 1 to 14"_s), QString());
        p = zebra(9100);
        p.media = u"roll"_s;
        QCOMPARE(refused(p, u"media"_s), QString());
        p = zebra(9100);
        p.name = u"  "_s;
        QCOMPARE(refused(p, u"name"_s), QString());
        p.name = QString(61, u'Z');
        QCOMPARE(refused(p, u"name must be at most 60 characters, not blank"_s), QString());
        QVERIFY(thermal.list().empty());
        QCOMPARE(h.settings.text(u"labels.thermal_printers"_s), QString());
        QCOMPARE(h.settings.text(u"labels.thermal_name.zebra-bench"_s), QString()); // nothing was even set

        // The dialog's way says the same, and a good save clears it.
        QVERIFY(!thermal.savePrinter({ { u"name"_s, u"Zebra"_s }, { u"target"_s, u"tcp://zebra"_s }, { u"dpi"_s, 203 },
            { u"darkness"_s, 40 }, { u"speed"_s, 4 }, { u"media"_s, u"gap"_s } }));
        QVERIFY2(thermal.error().contains(u"darkness"_s), qPrintable(thermal.error()));
        QVERIFY(thermal.savePrinter(zebra(9100).toMap()));
        QCOMPARE(thermal.error(), QString());

        // The settings' table refuses the same values, whoever sets them.
        for (const auto &[key, value] : std::initializer_list<std::pair<QString, QVariant>> {
                 { u"labels.thermal_target.zebra"_s, u"ftp://zebra"_s },
                 { u"labels.thermal_target.zebra"_s, u"Zebra Desk"_s }, { u"labels.thermal_dpi.zebra"_s, u"250"_s },
                 { u"labels.thermal_darkness.zebra"_s, 31 }, { u"labels.thermal_speed.zebra"_s, 15 },
                 { u"labels.thermal_speed.zebra"_s, 0 }, { u"labels.thermal_media.zebra"_s, u"roll"_s } }) {
            const auto r = h.settings.set(key, value);
            QVERIFY2(!r.ok(), qPrintable(key + u" = "_s + value.toString()));
            QVERIFY(r.error().message.contains(key));
        }
    }

    void printersAreKeptEditedRemovedAndReadBack()
    {
        Hub h;
        QVERIFY(h.open());
        auto *thermal = h.labels->thermal();
        QSignalSpy listed(thermal, &models::LabelsThermal::printersChanged);
        const auto first = thermal->save(zebra(9100));
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first.value(), u"zebra-bench"_s);
        ThermalPrinter second = zebra(9101);
        second.target = u"ZebraDesk"_s; // a bare CUPS queue's name is kept as such
        second.dpi = 300;
        second.media = u"black_mark"_s;
        QCOMPARE(thermal->save(second).value(), u"zebra-bench-2"_s); // the same name: an id of its own
        QCOMPARE(thermal->list().size(), size_t(2));
        QCOMPARE(thermal->list()[1].target, u"cups:ZebraDesk"_s);
        QCOMPARE(thermal->list()[0].target, u"tcp://127.0.0.1:9100"_s);
        QCOMPARE(thermal->printer(), u"zebra-bench"_s); // the first one added is chosen
        QCOMPARE(listed.count(), 2);

        // Edited: the same id, new values.
        ThermalPrinter edited = thermal->list()[1];
        edited.name = u"Zebra desk"_s;
        edited.darkness = 28;
        QCOMPARE(thermal->save(edited).value(), u"zebra-bench-2"_s);
        QCOMPARE(thermal->list().size(), size_t(2));
        thermal->setPrinter(u"zebra-bench-2"_s);
        QVERIFY(thermal->summary().startsWith(u"Zebra desk · cups:ZebraDesk · 300 dpi"_s));

        // What a job gets from it; drawn by a layout, which must be chosen first.
        labels::ExportRequest q;
        const auto noLayout = thermal->applyTo(q, true);
        QVERIFY(!noLayout.ok());
        QVERIFY(noLayout.error().message.contains(u"layout"_s));
        q.layoutName = u"Shipping label 4×6"_s;
        QVERIFY(thermal->applyTo(q, true).ok());
        QCOMPARE(q.exportType, u"thermal"_s);
        QCOMPARE(q.fileFormat, u"zpl"_s);
        QCOMPARE(q.zpl.dpi, 300);
        QCOMPARE(q.zpl.darkness, 28);
        QCOMPARE(q.zpl.media, labels::ZplMedia::BlackMark);
        QCOMPARE(q.print.printer, u"cups:ZebraDesk"_s);
        QCOMPARE(q.print.printerName, u"Zebra desk"_s);

        // Kept in the settings: a new hub on the same store sees them, and the choice.
        QVERIFY(test::settle(h.settings.flush()).ok());
        h.reopen();
        thermal = h.labels->thermal();
        QTRY_COMPARE(thermal->list().size(), size_t(2));
        QCOMPARE(thermal->printer(), u"zebra-bench-2"_s);
        QCOMPARE(thermal->list()[1].name, u"Zebra desk"_s);
        QCOMPARE(thermal->list()[1].darkness, 28);
        QCOMPARE(thermal->list()[1].dpi, 300);

        // Removed: the choice moves to the one left; removing it again is refused.
        QVERIFY(thermal->remove(u"zebra-bench-2"_s).ok());
        QCOMPARE(thermal->printer(), u"zebra-bench"_s);
        QVERIFY(!thermal->remove(u"zebra-bench-2"_s).ok());
        QVERIFY(test::settle(h.settings.flush()).ok());
        h.reopen();
        QTRY_COMPARE(h.labels->thermal()->list().size(), size_t(1));
        QVERIFY(h.labels->thermal()->remove(u"zebra-bench"_s).ok());
        labels::ExportRequest none;
        none.layoutName = u"Shipping label 4×6"_s;
        const auto noPrinter = h.labels->thermal()->applyTo(none, true);
        QVERIFY(!noPrinter.ok()); // no printer: said, not guessed
        QVERIFY(noPrinter.error().message.contains(u"no thermal printer"_s));
    }

    void theScreenPrintsOnTheNetworkPrinterAndKeepsTheRules()
    {
        test::FakeNetworkPrinter printer;
        QVERIFY(printer.port() > 0);
        Hub h;
        QVERIFY(h.open());
        auto &labels = *h.labels;
        QVERIFY(labels.thermal()->save(zebra(printer.port())).ok());
        labels.selection()->setScope(u"serials"_s);
        labels.options()->setExportType(u"thermal"_s);
        QVERIFY(labels.options()->isThermal());
        QCOMPARE(labels.options()->formats(), QStringList { u"zpl"_s });
        labels.options()->setLayoutName(u"Product label"_s);
        QTRY_COMPARE(labels.selection()->items()->count(), 3);

        // The confirmation says what will be printed, where and how.
        QSignalSpy confirm(labels.printing(), &models::LabelPrinting::confirmationNeeded);
        labels.printing()->confirmPrint();
        QTRY_COMPARE(confirm.count(), 1);
        const QVariantMap summary = confirm.first().first().toMap();
        QCOMPARE(summary.value(u"labels"_s).toInt(), 3);
        QCOMPARE(summary.value(u"newSerials"_s).toInt(), 3);
        QCOMPARE(summary.value(u"reprintedSerials"_s).toInt(), 0);
        QCOMPARE(summary.value(u"printer"_s).toString(), u"Zebra bench (tcp://127.0.0.1:%1)"_s.arg(printer.port()));
        QCOMPARE(summary.value(u"resolution"_s).toString(), u"203 dpi"_s);
        QCOMPARE(summary.value(u"layout"_s).toString(), u"Product label"_s);
        QVERIFY(summary.value(u"thermal"_s).toBool());
        const QString stock = labels::StockLibrary::instance()->find(u"avery_5160"_s)->displayName();
        QCOMPARE(summary.value(u"stock"_s).toString(), stock);

        // Printed: one job of three labels, each read back as its own serial.
        labels.printing()->print();
        QVERIFY(labels.printing()->jobRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!labels.printing()->jobRunning(), 120000);
        QVERIFY2(labels.status()->severity() == Severity::Good, qPrintable(labels.status()->text()));
        QTRY_COMPARE(printer.jobs().size(), 1);
        QString error;
        const auto printed = test::readZpl(printer.jobs().first(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(printed.size(), size_t(3));
        for (const auto &label : printed) {
            QCOMPARE(label.darkness, 20);
            QCOMPARE(label.speed, 5);
            QCOMPARE(label.media, u"Y"_s); // gap
        }
        const auto read = decodeLabels(printer.jobs().first(), h.dir.path(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(read.size(), 3);
        for (const auto *serial : { "S1", "S2", "S3" }) {
            QVERIFY2(std::any_of(read.begin(), read.end(),
                         [&](const QStringList &t) { return carriesSerial(t, QString::fromLatin1(serial)); }),
                serial);
        }

        // The history: the printer by its name, the stock and the layout.
        auto *history = labels.history();
        QTRY_COMPARE(history->rowCount(), 1);
        const auto row = history->index(0);
        QCOMPARE(row.data(models::PrintHistoryModel::PrinterRole).toString(),
            u"Zebra bench (tcp://127.0.0.1:%1)"_s.arg(printer.port()));
        QCOMPARE(row.data(models::PrintHistoryModel::LayoutRole).toString(), u"Product label"_s);
        QCOMPARE(row.data(models::PrintHistoryModel::StockRole).toString(), stock);
        QCOMPARE(row.data(models::PrintHistoryModel::ItemsRole).toInt(), 3);
        QVERIFY(row.data(models::PrintHistoryModel::DetailsRole).toString().contains(u"Zebra bench"_s));

        // Printing them again needs a reason: refused without one, nothing sent.
        QSignalSpy reasonNeeded(labels.printing(), &models::LabelPrinting::reprintReasonNeeded);
        labels.printing()->print();
        QTRY_VERIFY_WITH_TIMEOUT(!labels.printing()->jobRunning(), 120000);
        QCOMPARE(reasonNeeded.count(), 1);
        QVERIFY(reasonNeeded.first().first().toString().contains(u"S1"_s));
        QCOMPARE(printer.jobs().size(), 1);
        labels.printing()->print(u"Damaged"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!labels.printing()->jobRunning(), 120000);
        QVERIFY2(labels.status()->severity() == Severity::Good, qPrintable(labels.status()->text()));
        QTRY_COMPARE(printer.jobs().size(), 2);
        QTRY_COMPARE(history->rowCount(), 2);
        QCOMPARE(
            history->index(0).data(models::PrintHistoryModel::ActionRole).value<models::PrintHistoryModel::Action>(),
            models::PrintHistoryModel::Action::Reprint);
        QCOMPARE(history->index(0).data(models::PrintHistoryModel::ReasonRole).toString(), u"Damaged"_s);

        // A void serial is never printed again: it leaves the list, and the next print leaves it out.
        const QString s3 = [&] {
            for (int i = 0; i < labels.selection()->items()->count(); ++i) {
                const auto id
                    = labels.selection()->items()->index(i).data(models::LabelItemModel::ItemIdRole).toString();
                if (labels.selection()->items()->find(id)->serial == u"S3")
                    return id;
            }
            return QString();
        }();
        QVERIFY(!s3.isEmpty());
        labels.printing()->voidSerial(s3, u"Lost"_s);
        QTRY_COMPARE(labels.selection()->items()->count(), 2);
        labels.printing()->print(u"Misprinted"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!labels.printing()->jobRunning(), 120000);
        QTRY_COMPARE(printer.jobs().size(), 3);
        const auto again = decodeLabels(printer.jobs().last(), h.dir.path(), &error);
        QCOMPARE(again.size(), 2);
        QVERIFY(
            std::none_of(again.begin(), again.end(), [](const QStringList &t) { return carriesSerial(t, u"S3"_s); }));

        // One label printed again from the list: on the thermal printer, as a reprint with its reason.
        const QString s1 = labels.selection()->items()->index(0).data(models::LabelItemModel::ItemIdRole).toString();
        labels.printing()->reprint(s1, u"Torn"_s);
        QVERIFY(labels.printing()->jobRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!labels.printing()->jobRunning(), 120000);
        QVERIFY2(labels.status()->severity() == Severity::Good, qPrintable(labels.status()->text()));
        QTRY_COMPARE(printer.jobs().size(), 4);
        QCOMPARE(test::readZpl(printer.jobs().last(), &error).size(), size_t(1));
        QTRY_COMPARE(history->index(0).data(models::PrintHistoryModel::ReasonRole).toString(), u"Torn"_s);
        QCOMPARE(history->index(0).data(models::PrintHistoryModel::ItemsRole).toInt(), 1);
        QVERIFY(history->index(0).data(models::PrintHistoryModel::PrinterRole).toString().startsWith(u"Zebra bench"_s));
    }

    void zplIsExportedToAFileForTheChosenPrinter()
    {
        Hub h;
        QVERIFY(h.open());
        auto &labels = *h.labels;
        labels.selection()->setScope(u"serials"_s);
        labels.options()->setExportType(u"thermal"_s);
        labels.options()->setLayoutName(u"Product label"_s);
        QTRY_COMPARE(labels.selection()->items()->count(), 3);
        const QString out = h.dir.filePath(u"labels.zpl"_s);
        labels.printing()->exportTo(QUrl::fromLocalFile(out)); // no thermal printer yet: said, nothing written
        QCOMPARE(labels.status()->severity(), Severity::Error);
        QVERIFY(labels.status()->text().contains(u"thermal printer"_s));
        QVERIFY(!labels.printing()->jobRunning());

        ThermalPrinter p = zebra(9100);
        p.dpi = 300;
        QVERIFY(labels.thermal()->save(p).ok());
        QVERIFY(labels.printing()->suggestedExportFile().toLocalFile().endsWith(u".zpl"_s));
        labels.printing()->exportTo(QUrl::fromLocalFile(out));
        QTRY_VERIFY_WITH_TIMEOUT(!labels.printing()->jobRunning(), 120000);
        QVERIFY2(labels.status()->severity() == Severity::Good, qPrintable(labels.status()->text()));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto printed = test::readZpl(file.readAll(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(printed.size(), size_t(3));
        // Avery 5160 labels are 2⅝ in wide: 787 or 788 dots at 300 dpi (525 at 203).
        QVERIFY2(std::abs(printed.front().printWidth - 787.5) < 1.5,
            qPrintable(QString::number(printed.front().printWidth)));
    }

    void thePreviewShowsEachLabelAsThePrintersDots()
    {
        Hub h;
        QVERIFY(h.open());
        auto &labels = *h.labels;
        labels.preview()->setDelay(0);
        labels.selection()->setScope(u"serials"_s);
        labels.options()->setExportType(u"thermal"_s);
        QTRY_COMPARE(labels.selection()->items()->count(), 3);
        // Without a layout there is nothing to draw: said so.
        QTRY_COMPARE(labels.preview()->state(), LabelPreview::State::NotASheet);
        QVERIFY(labels.preview()->message().contains(u"layout"_s));
        ThermalPrinter p = zebra(9100);
        p.dpi = 203;
        QVERIFY(labels.thermal()->save(p).ok());
        labels.options()->setLayoutName(u"Product label"_s);
        QTRY_VERIFY_WITH_TIMEOUT(labels.preview()->state() == LabelPreview::State::Ready
                || labels.preview()->state() == LabelPreview::State::Failed,
            60000);
        QVERIFY2(labels.preview()->state() == LabelPreview::State::Ready, qPrintable(labels.preview()->message()));
        // One page a label, of the label's shape (Avery 5160: 2⅝ × 1 in), no sheet positions.
        QCOMPARE(labels.preview()->pages(), 3);
        QVERIFY(labels.preview()->labelPages());
        QVERIFY2(std::abs(labels.preview()->pageAspect() - 1.0 / 2.625) < 0.01,
            qPrintable(QString::number(labels.preview()->pageAspect())));
        // The page is the 1-bit picture the printer would get: its serial reads back from it.
        printing::PdfPages pages;
        const auto image = pages.render(labels.preview()->path(), 1, 1600);
        QVERIFY(image.ok());
        const QString png = h.dir.filePath(u"proof.png"_s);
        QVERIFY(image.value().save(png));
        QStringList read;
        for (const auto &r : scanning::IsolatedDecoder().decodeFile(png, scanning::Strategy::Still).results)
            read << r.text;
        QVERIFY2(read.size() == 1 && read.first().contains(u"21S"_s), qPrintable(read.join(u' ')));
        // Nothing was sent or recorded by looking.
        QCOMPARE(labels.printing()->jobRunning(), false);
    }
};

QTEST_MAIN(TestLabelsThermal)
#include "tst_labelsthermal.moc"
