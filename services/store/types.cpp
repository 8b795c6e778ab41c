// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {
QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}
QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
} // namespace

const QStringList &captureModes()
{
    static const QStringList modes { u"barcode_scan"_s, u"product_photography"_s, u"both"_s };
    return modes;
}

const QStringList &captureTypes()
{
    static const QStringList types { u"BARCODE"_s, u"IMAGE"_s, u"MANUAL"_s };
    return types;
}

QJsonObject Session::toJson() const
{
    return {
        { u"id"_s, id },
        { u"server_id"_s, text(serverId) },
        { u"status"_s, status },
        { u"capture_mode"_s, captureMode },
        { u"metadata"_s, metadata },
        { u"created"_s, time(created) },
        { u"modified"_s, time(modified) },
        { u"last_activity"_s, time(lastActivity) },
        { u"ended"_s, time(ended) },
        { u"capture_count"_s, captureCount },
        { u"photo_count"_s, photoCount },
        { u"rejected_count"_s, rejectedCount },
    };
}

QJsonObject Capture::toJson() const
{
    return {
        { u"id"_s, id },
        { u"server_id"_s, text(serverId) },
        { u"session_id"_s, sessionId },
        { u"capture_type"_s, captureType },
        { u"raw_value"_s, rawValue },
        { u"symbology_id"_s, text(symbologyId) },
        { u"format"_s, text(format) },
        { u"source"_s, text(source) },
        { u"gtin"_s, gtin },
        { u"lot"_s, text(lot) },
        { u"serial"_s, text(serial) },
        { u"expiry"_s, text(expiry) },
        { u"status"_s, status },
        { u"error_message"_s, errorMessage },
        { u"metadata"_s, metadata },
        { u"created"_s, time(created) },
    };
}

} // namespace closient::store
