// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gtin.h"

#include "linters.h"

using namespace Qt::StringLiterals;

namespace closient::gs1 {

GtinCheck checkGtin(QStringView digits)
{
    GtinCheck r;
    const auto n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!digits[i].isDigit() || digits[i].unicode() > '9') {
            r.error = u"'%1' at position %2 is not a digit"_s.arg(digits[i]).arg(i + 1);
            r.errorPosition = int(i + 1);
            r.code = u"charset"_s;
            return r;
        }
    }
    if (n != 8 && n != 12 && n != 13 && n != 14) {
        r.error = u"a GTIN has 8, 12, 13 or 14 digits, not %1"_s.arg(n);
        r.code = u"length"_s;
        return r;
    }
    const int expected = gs1CheckDigit(digits.left(n - 1));
    if (expected != digits.back().digitValue()) {
        r.error = u"the check digit is %1 but should be %2"_s.arg(digits.back()).arg(expected);
        r.errorPosition = int(n);
        r.code = u"check_digit"_s;
        return r;
    }
    r.gtin14 = QString(14 - n, u'0') + digits.toString();
    if (r.gtin14.left(13) == QString(13, u'0')) {
        r.error = u"a GTIN cannot be all zeros"_s;
        r.code = u"invalid_value"_s;
        r.gtin14.clear();
    }
    return r;
}

QString expandUpcE(QStringView upce)
{
    if (upce.size() != 8 || (upce[0] != u'0' && upce[0] != u'1'))
        return {};
    const auto d = upce.mid(1, 6).toString();
    const QChar ns = upce[0];
    const QChar check = upce[7];
    QString body;
    switch (d[5].digitValue()) {
    case 0:
    case 1:
    case 2:
        body = d.left(2) + d[5] + u"0000"_s + d.mid(2, 3);
        break;
    case 3:
        body = d.left(3) + u"00000"_s + d.mid(3, 2);
        break;
    case 4:
        body = d.left(4) + u"00000"_s + d[4];
        break;
    default:
        body = d.left(5) + u"0000"_s + d[5];
        break;
    }
    return QString(ns) + body + check;
}

QString withCheckDigit(QStringView digits)
{
    return digits.toString() + QString::number(gs1CheckDigit(digits));
}

} // namespace closient::gs1
