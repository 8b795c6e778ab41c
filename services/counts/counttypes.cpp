// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "counttypes.h"

#include "identifiers.h"
#include "timestamps.h"

using namespace Qt::StringLiterals;

namespace closient::counts {

QString CountLocation::text() const
{
    return extension.isEmpty() ? gln : gln + u'.' + extension;
}

QString CountLocation::uri() const
{
    const auto r = epcis::location(gln, extension);
    return r.ok() ? r.value() : QString();
}

QJsonObject Count::toJson() const
{
    QJsonObject o { { u"id"_s, id }, { u"location"_s, location.text() }, { u"location_uri"_s, location.uri() },
        { u"description"_s, description }, { u"status"_s, isOpen() ? u"open"_s : u"finished"_s }, { u"blind"_s, blind },
        { u"started"_s, epcis::formatTimestamp(started) }, { u"has_expected"_s, hasExpected },
        { u"counted"_s, counted }, { u"lines"_s, lineCount } };
    if (!location.name.isEmpty())
        o.insert(u"location_name"_s, location.name);
    if (finished.isValid())
        o.insert(u"finished"_s, epcis::formatTimestamp(finished));
    return o;
}

QString lineStatusName(CountLine::Status status)
{
    switch (status) {
    case CountLine::Status::Counted:
        return u"counted"_s;
    case CountLine::Status::Repeated:
        return u"repeated"_s;
    case CountLine::Status::Undone:
        return u"undone"_s;
    }
    return {};
}

QJsonObject CountLine::toJson() const
{
    QJsonObject o { { u"seq"_s, seq }, { u"gtin"_s, gtin }, { u"quantity"_s, quantity },
        { u"status"_s, lineStatusName(status) } };
    if (!lot.isEmpty())
        o.insert(u"lot"_s, lot);
    if (!expiry.isEmpty())
        o.insert(u"expiry"_s, expiry);
    if (!serial.isEmpty())
        o.insert(u"serial"_s, serial);
    return o;
}

} // namespace closient::counts
