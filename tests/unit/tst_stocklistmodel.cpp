// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The stock picker's list: every stock the station knows by its display name (never its id), narrowed as people
// type and by brand, under QAbstractItemModelTester.
#include "stocklistmodel.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::models;

namespace {
const QString kGlabels = u"/usr/share/libglabels-3.0/templates"_s;
}

class TestStockListModel : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const labels::StockLibrary> m_library;

    static QString nameAt(const StockListModel &m, int row)
    {
        return m.data(m.index(row), StockListModel::DisplayNameRole).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo::exists(kGlabels + u"/avery-us-templates.xml"_s), "glabels-data is not installed");
        auto sources = labels::StockLibrary::defaultSources();
        sources.glabelsDir = kGlabels;
        sources.glabelsUserDir.clear();
        m_library = std::make_shared<const labels::StockLibrary>(labels::StockLibrary::load(sources));
    }

    void listsEveryStockByName()
    {
        StockListModel m(m_library);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m.count(), int(m_library->stocks().size()));
        QVERIFY(m.count() > 1700);
        QCOMPARE(m.total(), m.count());
        for (int row = 0; row < m.count(); ++row) {
            const QString id = m.data(m.index(row), StockListModel::StockIdRole).toString();
            const QString name = nameAt(m, row);
            QVERIFY2(!name.isEmpty(), qPrintable(id));
            QVERIFY2(!name.contains(id), qPrintable(name)); // people never see the internal id
        }
        const QStringList brands = m.brands();
        QVERIFY(brands.contains(u"Avery"_s));
        QVERIFY(brands.contains(u"Herma"_s));
        QCOMPARE(brands.size(), QSet<QString>(brands.begin(), brands.end()).size());
    }

    void searchesAsPeopleType()
    {
        StockListModel m(m_library);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&m, &StockListModel::countChanged);
        m.setSearch(u"5160"_s);
        QVERIFY(counted.count() >= 1);
        QVERIFY(m.count() >= 1);
        QCOMPARE(nameAt(m, 0), u"Avery 5160 — Address labels, 1 × 2⅝ in, 30 per sheet"_s); // the exact part first
        QCOMPARE(m.data(m.index(0), StockListModel::SizeRole).toString(), u"1 × 2⅝ in"_s);
        QCOMPARE(m.data(m.index(0), StockListModel::CountRole).toString(), u"30 per sheet"_s);
        QCOMPARE(m.data(m.index(0), StockListModel::ShapeRole).toInt(), int(StockListModel::Shape::Rectangle));
        const QString id = m.data(m.index(0), StockListModel::StockIdRole).toString();
        QCOMPARE(m.indexOf(id), 0);
        QCOMPARE(m.displayName(id), nameAt(m, 0));

        m.setSearch(u"avery round"_s);
        QVERIFY(m.count() > 0);
        for (int row = 0; row < m.count(); ++row)
            QVERIFY2(nameAt(m, row).startsWith(u"Avery"_s), qPrintable(nameAt(m, row)));

        m.setSearch(u"no such stock anywhere"_s);
        QCOMPARE(m.count(), 0);
        QCOMPARE(m.indexOf(id), -1);
        m.setSearch({});
        QCOMPARE(m.count(), m.total());
    }

    void filtersByBrand()
    {
        StockListModel m(m_library);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setBrand(u"Herma"_s);
        QVERIFY(m.count() > 10);
        for (int row = 0; row < m.count(); ++row)
            QCOMPARE(m.data(m.index(row), StockListModel::BrandRole).toString(), u"Herma"_s);
        m.setSearch(u"5160"_s); // an Avery part: not Herma's
        QCOMPARE(m.count(), 0);
        m.setBrand({});
        QVERIFY(m.count() >= 1);
        // Round and oval labels say what they are.
        m.setSearch(u"round"_s);
        bool round = false;
        for (int row = 0; row < m.count(); ++row)
            round |= m.data(m.index(row), StockListModel::ShapeRole).toInt() == int(StockListModel::Shape::Round);
        QVERIFY(round);
    }
};

QTEST_GUILESS_MAIN(TestStockListModel)
#include "tst_stocklistmodel.moc"
