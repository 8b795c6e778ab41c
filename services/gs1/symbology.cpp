// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "symbology.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace closient::gs1 {

namespace {
struct Symbology
{
    const char16_t *name;
    bool elementString;
};

const QHash<QString, Symbology> &table()
{
    // ISO/IEC 15424 identifiers of the symbologies a retail and logistics workstation meets.
    static const QHash<QString, Symbology> t = {
        { u"]A0"_s, { u"Code 39", false } },
        { u"]C0"_s, { u"Code 128", false } },
        { u"]C1"_s, { u"GS1-128", true } },
        { u"]C2"_s, { u"Code 128 (AIM)", false } },
        { u"]E0"_s, { u"EAN-13 / UPC-A / UPC-E", false } },
        { u"]E1"_s, { u"EAN two-digit add-on", false } },
        { u"]E2"_s, { u"EAN five-digit add-on", false } },
        { u"]E3"_s, { u"EAN/UPC with add-on", false } },
        { u"]E4"_s, { u"EAN-8", false } },
        { u"]e0"_s, { u"GS1 DataBar", true } },
        { u"]e1"_s, { u"GS1 Composite", true } },
        { u"]e2"_s, { u"GS1 Composite", true } },
        { u"]d0"_s, { u"Data Matrix (ECC 000-140)", false } },
        { u"]d1"_s, { u"Data Matrix", false } },
        { u"]d2"_s, { u"GS1 DataMatrix", true } },
        { u"]d3"_s, { u"Data Matrix (AIM)", false } },
        { u"]Q0"_s, { u"QR Code Model 1", false } },
        { u"]Q1"_s, { u"QR Code", false } },
        { u"]Q2"_s, { u"QR Code (ECI)", false } },
        { u"]Q3"_s, { u"GS1 QR Code", true } },
        { u"]Q4"_s, { u"GS1 QR Code (ECI)", true } },
        { u"]Q5"_s, { u"QR Code (AIM)", false } },
        { u"]I0"_s, { u"ITF", false } },
        { u"]I1"_s, { u"ITF (check digit verified)", false } },
        { u"]F0"_s, { u"Codabar", false } },
        { u"]G0"_s, { u"Code 93", false } },
        { u"]L0"_s, { u"PDF417", false } },
        { u"]L2"_s, { u"PDF417 (ECI)", false } },
        { u"]z0"_s, { u"Aztec", false } },
        { u"]J0"_s, { u"DotCode", false } },
        { u"]J1"_s, { u"GS1 DotCode", true } },
    };
    return t;
}
} // namespace

QString symbologyName(QStringView id)
{
    if (const auto it = table().constFind(id.toString()); it != table().cend())
        return QString::fromUtf16(it->name);
    // A modifier we have no row for (ZXing reports ]d7 for some rectangular Data Matrix): name the family.
    static const QHash<QString, QString> families = {
        { u"]A"_s, u"Code 39"_s },
        { u"]C"_s, u"Code 128"_s },
        { u"]E"_s, u"EAN/UPC"_s },
        { u"]e"_s, u"GS1 DataBar"_s },
        { u"]d"_s, u"Data Matrix"_s },
        { u"]Q"_s, u"QR Code"_s },
        { u"]I"_s, u"ITF"_s },
        { u"]L"_s, u"PDF417"_s },
        { u"]z"_s, u"Aztec"_s },
    };
    return id.size() == 3 ? families.value(id.first(2).toString()) : QString();
}

bool carriesElementString(QStringView id)
{
    const auto it = table().constFind(id.toString());
    return it != table().cend() && it->elementString;
}

int symbologyIdLength(QStringView data)
{
    if (data.size() >= 3 && data[0] == u']' && data[1].isLetter() && data[1].unicode() < 128
        && data[2].isLetterOrNumber() && data[2].unicode() < 128)
        return 3;
    return 0;
}

} // namespace closient::gs1
