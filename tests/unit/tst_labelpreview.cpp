// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelpartfixture.h"
#include "labelpreview.h"
#include "testbase.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using State = closient::models::LabelPreview::State;

class TestLabelPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void previewIsTheJobsPdfAndFollowsTheRequest()
    {
        test::LabelPartFixture f;
        QVERIFY(f.open());
        models::LabelPreview preview(f.context);
        preview.setDelay(0);
        QCOMPARE(preview.state(), State::Empty);
        preview.schedule(0, false);
        QCOMPARE(preview.state(), State::Empty);
        QVERIFY(preview.message().contains(u"No lots match"_s));

        preview.schedule(2, false);
        QTRY_COMPARE_WITH_TIMEOUT(preview.state(), State::Ready, 20000);
        QCOMPARE(preview.labels(), 2);
        QCOMPARE(preview.pages(), 1);
        QVERIFY(QFile::exists(preview.path()));
        QVERIFY(preview.pageSource(0).startsWith(u"image://labelpreview/0/"_s));
        QVERIFY(preview.showsPages());
        const QString first = preview.path();

        // A ticked item narrows the job (the hub's job() adds the ticks); the old file goes.
        const auto listed = test::await(labels::LabelRepository(&f.db).select(f.request.selection));
        f.ticked = { listed.value().front().id };
        preview.schedule(2, false);
        QTRY_COMPARE_WITH_TIMEOUT(preview.labels(), 1, 20000);
        QCOMPARE(preview.state(), State::Ready);
        QVERIFY(!QFile::exists(first));

        // A label that cannot be made is refused with the reason.
        f.request.symbol = labels::SymbolKind::UpcA;
        preview.schedule(1, false);
        QTRY_COMPARE_WITH_TIMEOUT(preview.state(), State::Failed, 20000);
        QVERIFY2(preview.message().contains(u"UPC-A"_s), qPrintable(preview.message()));

        // Symbol files are not sheets: nothing to preview, and why.
        f.request.exportType = u"qr_codes"_s;
        f.request.fileFormat = u"png"_s;
        preview.schedule(1, false);
        QCOMPARE(preview.state(), State::NotASheet);
        QVERIFY(preview.message().contains(u"PNG"_s));
        QVERIFY(!preview.showsPages());
    }
};

QTEST_MAIN(TestLabelPreview)
#include "tst_labelpreview.moc"
