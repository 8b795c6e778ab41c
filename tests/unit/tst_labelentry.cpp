// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelentry.h"
#include "labelpartfixture.h"
#include "testbase.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;

class TestLabelEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entriesAreCheckedAndAnnounceThemselves()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelEntry entry(f.context);
        QSignalSpy finished(&entry, &models::LabelEntry::finished);
        QSignalSpy stored(&f.db, &store::Database::labelItemsChanged);

        entry.addLot({ { u"gtin"_s, u"09506000134352"_s }, { u"lot"_s, u"L9"_s }, { u"expiry"_s, u"31.12.2027"_s } });
        QCOMPARE(finished.count(), 1); // refused before anything is sent to the store
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(finished.at(0).at(1).toString().contains(u"not a date"_s));

        entry.addLot({ { u"gtin"_s, u"09506000134353"_s }, { u"lot"_s, u"L9"_s } });
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(0).toBool(), false);
        QVERIFY(finished.at(1).at(1).toString().contains(u"check digit"_s));

        entry.addLot({ { u"gtin"_s, u"09506000134352"_s }, { u"lot"_s, u"L9"_s }, { u"expiry"_s, u"271231"_s } });
        QTRY_COMPARE(finished.count(), 3);
        QVERIFY2(finished.at(2).at(0).toBool(), qPrintable(finished.at(2).at(1).toString()));
        QCOMPARE(finished.at(2).at(1).toString(), u"Lot L9 of 09506000134352 added"_s);

        entry.addSerials({ { u"gtin"_s, u"04006381333931"_s }, { u"prefix"_s, u"N"_s }, { u"first"_s, 10 },
            { u"count"_s, 5 }, { u"width"_s, 3 } });
        QTRY_COMPARE(finished.count(), 4);
        QCOMPARE(finished.at(3).at(1).toString(), u"5 serials added"_s);
        QTRY_COMPARE(stored.count(), 2); // the list follows the store without being asked
    }

    void aCsvImportIsAllOrNothingAndNamesTheRows()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelEntry entry(f.context);
        QSignalSpy finished(&entry, &models::LabelEntry::finished);
        const QString bad = f.dir.filePath(u"bad.csv"_s);
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("gtin,lot,expiry\n09506000134352,C1,2027-01-31\n09506000134353,C2,\n");
        file.close();
        entry.importCsv(QUrl::fromLocalFile(bad));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const auto rows = finished.at(0).at(2).toStringList();
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.first().contains(u"row 3"_s));
        entry.importCsv(QUrl::fromLocalFile(f.dir.filePath(u"missing.csv"_s)));
        QCOMPARE(finished.count(), 2);
        QVERIFY(finished.at(1).at(1).toString().contains(u"could not be read"_s));
    }
};

QTEST_GUILESS_MAIN(TestLabelEntry)
#include "tst_labelentry.moc"
