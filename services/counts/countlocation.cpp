// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countlocation.h"

#include "gtin.h"
#include "identifiers.h"

using namespace Qt::StringLiterals;

namespace closient::counts {

Result<CountLocation> parseLocation(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error { u"invalid"_s, u"Give the location as a GLN (13 digits), optionally with .EXTENSION."_s };
    const qsizetype dot = t.indexOf(u'.');
    CountLocation loc;
    loc.gln = dot < 0 ? t : t.left(dot);
    loc.extension = dot < 0 ? QString() : t.mid(dot + 1);
    const bool digits = !loc.gln.isEmpty()
        && std::all_of(loc.gln.cbegin(), loc.gln.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits || loc.gln.size() != 13)
        return Error { u"invalid"_s,
            u"\"%1\" is not a GLN: a GLN has 13 digits (this has %2 characters)."_s.arg(loc.gln.left(40))
                .arg(loc.gln.size()) };
    const QString expected = gs1::withCheckDigit(QStringView(loc.gln).left(12));
    if (expected != loc.gln)
        return Error { u"invalid"_s,
            u"The GLN %1 has a wrong check digit: it should end in %2."_s.arg(loc.gln, expected.right(1)) };
    if (dot >= 0 && loc.extension.isEmpty())
        return Error { u"invalid"_s, u"The location extension after \".\" is empty."_s };
    if (loc.extension.size() > 20)
        return Error { u"invalid"_s, u"A location extension holds at most 20 characters."_s };
    if (auto uri = epcis::location(loc.gln, loc.extension); !uri.ok())
        return Error { u"invalid"_s, uri.error().message };
    return loc;
}

} // namespace closient::counts
