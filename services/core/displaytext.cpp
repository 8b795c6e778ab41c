// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

using namespace Qt::StringLiterals;

namespace closient {

QString visibleText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case 0x04:
            out += u"<EOT>"_s; // ISO/IEC 15434 end of transmission
            break;
        case 0x1D:
            out += u"<GS>"_s; // FNC1 as a separator between GS1 element strings
            break;
        case 0x1E:
            out += u"<RS>"_s; // ISO/IEC 15434 record separator
            break;
        default:
            // C0, DEL and C1 controls (C1 includes the 8-bit CSI that terminals obey), and the Unicode
            // bidirectional overrides that reorder what a person sees.
            if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
                out += u"<0x"_s + QString::number(u, 16).toUpper().rightJustified(u < 0x100 ? 2 : 4, u'0') + u'>';
            else
                out += c;
        }
    }
    return out;
}

} // namespace closient
