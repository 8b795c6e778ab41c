// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The printing part of the Labels screen (models/labelprinting.h); printing on a real CUPS queue is in
// tests/integration/tst_labelprinting.cpp.
#include "labelitemmodel.h"
#include "labelpartfixture.h"
#include "labelprinting.h"
#include "testbase.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using Severity = closient::models::StatusMessage::Severity;

class TestLabelPrintingPart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void calibrationIsBoundedSavedPerPrinterAndMovesTheSheet()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelItemModel items;
        models::LabelPrinting printing(f.context, &items);
        QSignalSpy moved(&printing, &models::LabelPrinting::calibrationChanged);
        QCOMPARE(models::LabelPrinting::calibrationLimit(), labels::kCalibrationLimitMm);
        printing.setPrinter(u"Desk"_s);
        printing.setOffsetX(25); // past the limit: held at it
        QCOMPARE(printing.offsetX(), labels::kCalibrationLimitMm);
        printing.setOffsetY(-1.5);
        QCOMPARE(f.request.calibration, QPointF(labels::kCalibrationLimitMm, -1.5));
        QCOMPARE(moved.count(), 2);
        QTRY_COMPARE(test::await(labels::LabelRepository(&f.db).calibration(u"Desk"_s)).value(),
            QPointF(labels::kCalibrationLimitMm, -1.5));
        // Another printer has its own offsets (none); coming back reads Desk's again.
        printing.setPrinter(u"Shelf"_s);
        QVERIFY(test::await(labels::LabelRepository(&f.db).setCalibration(u"Shelf"_s, { 2, 3 })).ok());
        printing.setPrinter(u"Desk"_s);
        QTRY_COMPARE(f.request.calibration, QPointF(labels::kCalibrationLimitMm, -1.5));
        QCOMPARE(f.status.severity(), Severity::None);
    }

    void pagesAreReadInWordsAndRefusalsSaid()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelItemModel items;
        models::LabelPrinting printing(f.context, &items);
        QVERIFY(printing.setPages(u" 2 – 4 "_s));
        QCOMPARE(printing.pages(), u"2-4"_s);
        QVERIFY(!printing.setPages(u"two"_s));
        QCOMPARE(f.status.severity(), Severity::Warning);
        QVERIFY(f.status.text().contains(u"“two”"_s));
        QCOMPARE(printing.pages(), u"2-4"_s); // the last good range stays
        QVERIFY(printing.setPages({}));
        QCOMPARE(printing.pages(), QString());
    }

    void jobsRefuseWhatCannotBeDoneAndSayWhatWasDone()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelItemModel items;
        items.setItems(test::await(labels::LabelRepository(&f.db).select(f.request.selection)).value());
        models::LabelPrinting printing(f.context, &items);
        printing.print();
        QCOMPARE(f.status.severity(), Severity::Error); // no printer
        QVERIFY(f.status.text().contains(u"no printer"_s));
        printing.reprint({}, {});
        QCOMPARE(f.status.severity(), Severity::Warning); // no reason
        printing.reprint(items.find(items.index(0).data(models::LabelItemModel::ItemIdRole).toString())->id, u"lost"_s);
        QVERIFY2(f.status.text().contains(u"never printed"_s), qPrintable(f.status.text()));

        // An export runs the whole job, read back first, and says so.
        const QString out = f.dir.filePath(u"lots.pdf"_s);
        printing.exportTo(QUrl::fromLocalFile(out));
        QVERIFY(printing.jobRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!printing.jobRunning(), 60000);
        QCOMPARE(f.status.severity(), Severity::Good);
        QVERIFY2(f.status.text().contains(u"all 2 read back"_s), qPrintable(f.status.text()));
        QVERIFY(QFile::exists(out));
        QCOMPARE(printing.suggestedExportFile().fileName().right(4), u".pdf"_s);

        // A job that cannot write its file says why; the file is not made.
        printing.exportTo(QUrl::fromLocalFile(f.dir.filePath(u"no/such/folder/x.pdf"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(!printing.jobRunning(), 30000);
        QCOMPARE(f.status.severity(), Severity::Error);
        QVERIFY(f.status.text().startsWith(u"Nothing was saved"_s));
    }

    void voidingASerialIsLoggedAndSaid()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        f.request.selection.scope = u"serials"_s;
        models::LabelItemModel items;
        items.setItems(test::await(labels::LabelRepository(&f.db).select(f.request.selection)).value());
        models::LabelPrinting printing(f.context, &items);
        QSignalSpy logged(&f.db, &store::Database::printLogChanged);
        const QString id = items.index(0).data(models::LabelItemModel::ItemIdRole).toString();
        printing.voidSerial(id, {});
        QCOMPARE(f.status.severity(), Severity::Warning); // a void needs a reason
        printing.voidSerial(id, u"torn"_s);
        QTRY_COMPARE(f.status.severity(), Severity::Good);
        QVERIFY(f.status.text().contains(u"is void"_s));
        QTRY_COMPARE(logged.count(), 1); // the write announces itself
        printing.voidSerial(id, u"torn"_s); // once
        QTRY_COMPARE(f.status.severity(), Severity::Error);
    }
};

QTEST_MAIN(TestLabelPrintingPart)
#include "tst_labelprintingpart.moc"
