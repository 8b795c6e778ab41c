// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "confirmationpolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::scanning;
using D = ConfirmationPolicy::Decision;

class TestConfirmationPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linearCodesNeedTwoReads()
    {
        ConfirmationPolicy p;
        QCOMPARE(p.observe(u"EAN-13:4006381333931"_s, true, false, 0), D::Pending);
        QCOMPARE(p.observe(u"EAN-13:4006381333931"_s, true, false, 33), D::Capture);
        // a misread seen once never becomes a capture
        QCOMPARE(p.observe(u"EAN-13:4006381333932"_s, true, false, 66), D::Pending);
        QCOMPARE(p.observe(u"EAN-13:4006381333932"_s, true, false, 5000), D::Pending); // too far apart
    }

    void matrixCodesAndScannersAreImmediate()
    {
        ConfirmationPolicy p;
        QCOMPARE(p.observe(u"QRCode:x"_s, false, false, 0), D::Capture);
        QCOMPARE(p.observe(u"Code128:y"_s, true, true, 0), D::Capture); // a hand scanner's trigger
    }

    void aCodeInViewIsCapturedOnce()
    {
        ConfirmationPolicy p;
        const auto k = u"QRCode:x"_s;
        QCOMPARE(p.observe(k, false, false, 0), D::Capture);
        p.captured(k, 10);
        for (qint64 t = 33; t < 30000; t += 33) // held in front of the camera for half a minute
            QCOMPARE(p.observe(k, false, false, t), D::Quiet);
    }

    void duplicatesWithinTheWindowAreReportedOnce()
    {
        ConfirmationPolicy p({ 2, 1500, 10000, 1000 });
        const auto k = u"QRCode:x"_s;
        QCOMPARE(p.observe(k, false, false, 0), D::Capture);
        p.captured(k, 0);
        // taken away and shown again 3 s later
        QCOMPARE(p.observe(k, false, false, 3000), D::Duplicate);
        QCOMPARE(p.observe(k, false, false, 3033), D::Quiet);
        // shown again after the window: a new capture
        QCOMPARE(p.observe(k, false, false, 12000), D::Capture);
    }

    void scannerTriggerRepeatsAreDuplicates()
    {
        ConfirmationPolicy p;
        const auto k = u"EAN-13:4006381333931"_s;
        QCOMPARE(p.observe(k, true, true, 0), D::Capture);
        p.captured(k, 0);
        QCOMPARE(p.observe(k, true, true, 500), D::Duplicate); // trigger pulled twice on the same item
        QCOMPARE(p.observe(k, true, true, 11000), D::Capture);
    }

    void settingsApply()
    {
        ConfirmationPolicy p({ 3, 1500, 0, 1000 });
        const auto k = u"ITF:15012345678907"_s;
        QCOMPARE(p.observe(k, true, false, 0), D::Pending);
        QCOMPARE(p.observe(k, true, false, 30), D::Pending);
        QCOMPARE(p.observe(k, true, false, 60), D::Capture);
        p.captured(k, 60);
        QCOMPARE(p.observe(k, true, false, 5000), D::Pending); // window 0: no duplicate notices...
        QCOMPARE(p.observe(k, true, false, 5030), D::Pending);
        QCOMPARE(p.observe(k, true, false, 5060), D::Capture); // ...it is simply captured again
    }
};

QTEST_GUILESS_MAIN(TestConfirmationPolicy)
#include "tst_confirmationpolicy.moc"
