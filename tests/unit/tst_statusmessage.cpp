// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusmessage.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using closient::models::StatusMessage;
using Severity = StatusMessage::Severity;

class TestStatusMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsClearsAndCountsTheRest()
    {
        StatusMessage m;
        QSignalSpy changed(&m, &StatusMessage::changed);
        QVERIFY(!m.visible());
        m.error(u"Nothing was printed"_s, { u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s });
        QVERIFY(m.visible());
        QCOMPARE(m.severity(), Severity::Error);
        QCOMPARE(m.details().size(), StatusMessage::kMaxDetails + 1);
        QCOMPARE(m.details().last(), u"… and 2 more"_s);
        m.error(u"Nothing was printed"_s, { u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s });
        QCOMPARE(changed.count(), 1); // the same again changes nothing
        m.clear();
        QVERIFY(!m.visible());
        QCOMPARE(m.severity(), Severity::None);
        m.good({});
        QCOMPARE(m.severity(), Severity::None); // an empty text is no message
        QCOMPARE(changed.count(), 2);
    }

    void anErrorSaysWhatFailedAndWhetherTryingAgainHelps()
    {
        StatusMessage m;
        m.report(u"The list could not be read"_s, closient::Error { u"disk_full"_s, u"The disk is full."_s, true });
        QCOMPARE(m.text(), u"The list could not be read: The disk is full."_s);
        QCOMPARE(m.severity(), Severity::Warning);
        m.report({}, closient::Error { u"invalid"_s, u"No such lot."_s, false });
        QCOMPARE(m.text(), u"No such lot."_s);
        QCOMPARE(m.severity(), Severity::Error);
    }
};

QTEST_GUILESS_MAIN(TestStatusMessage)
#include "tst_statusmessage.moc"
