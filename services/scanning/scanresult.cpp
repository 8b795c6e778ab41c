// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanresult.h"

#include "gs1parser.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace closient::scanning {

bool ScanResult::isLinear() const
{
    static const QStringList linear { u"EAN-13"_s, u"EAN-8"_s, u"UPC-A"_s, u"UPC-E"_s, u"Code128"_s, u"ITF"_s,
        u"DataBar"_s, u"DataBarExpanded"_s, u"Code39"_s, u"Code93"_s, u"Codabar"_s };
    return linear.contains(format);
}

QJsonObject ScanResult::toJson() const
{
    QJsonArray corners;
    for (const auto &p : quad)
        corners.append(QJsonArray { qRound(p.x() * 10) / 10.0, qRound(p.y() * 10) / 10.0 });
    const auto parsed = gs1::parse(symbologyId + text, gs1::ParseOptions::scanning());
    return {
        { u"format"_s, format },
        { u"text"_s, text },
        { u"symbology_id"_s, symbologyId },
        { u"gs1"_s, parsed.isGs1() ? QJsonValue(parsed.toJson()) : QJsonValue() },
        { u"quad"_s, corners },
    };
}

} // namespace closient::scanning
