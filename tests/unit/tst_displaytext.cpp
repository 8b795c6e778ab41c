// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

#include <QTest>

using namespace Qt::StringLiterals;

/** Codes are shown with every character visible and nothing a terminal would obey. */
class TestDisplayText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void separatorsAreMarks()
    {
        QCOMPARE(closient::visibleText(u"]d2010950600013435210AB\x1d"
                                       u"2112"_s),
            u"]d201095060001343521"
            u"0AB<GS>2112"_s);
        QCOMPARE(closient::visibleText(u"[)>\x1e"
                                       u"06\x1d"
                                       u"1PABC\x1e\x04"_s),
            u"[)><RS>06<GS>1PABC<RS><EOT>"_s);
    }

    void terminalControlsAreEscaped()
    {
        // An ANSI escape that would clear the screen, a bell, DEL, the 8-bit CSI and a bidi override.
        QCOMPARE(closient::visibleText(u"A\x1b[2JB\x07\x7f"_s), u"A<0x1B>[2JB<0x07><0x7F>"_s);
        QCOMPARE(closient::visibleText(QString(QChar(0x9B)) + u"31m"_s), u"<0x9B>31m"_s);
        QCOMPARE(closient::visibleText(u"AB"_s + QChar(0x202E) + u"CD"_s), u"AB<0x202E>CD"_s);
    }

    void printableTextIsUnchanged()
    {
        const QString text = u"(01)09506000134352(10)ÄÖ-ü 123 ~!"_s;
        QCOMPARE(closient::visibleText(text), text);
        QCOMPARE(closient::visibleText({}), QString());
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
