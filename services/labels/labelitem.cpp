// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelitem.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace closient::labels {

QString LabelItem::hri() const
{
    // Fixed-length AIs first and variable-length ones last, so the element string needs no separator but one.
    QString s = u"(01)"_s + gtin;
    if (productionDate.isValid())
        s += u"(11)"_s + productionDate.toString(u"yyMMdd"_s);
    if (expiry.isValid())
        s += u"(17)"_s + expiry.toString(u"yyMMdd"_s);
    if (!lot.isEmpty())
        s += u"(10)"_s + lot;
    if (!serial.isEmpty())
        s += u"(21)"_s + serial;
    return s;
}

QString LabelItem::fileStem() const
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]"_s);
    QString s = gtin;
    if (!lot.isEmpty())
        s += u'_' + QString(lot).replace(unsafe, u"-"_s);
    if (!serial.isEmpty())
        s += u'_' + QString(serial).replace(unsafe, u"-"_s);
    return s;
}

} // namespace closient::labels
