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

const QStringList &captureVoidReasons()
{
    static const QStringList reasons { u"Scanned by mistake"_s, u"Wrong item"_s, u"Duplicate"_s, u"Damaged label"_s,
        u"Other"_s };
    return reasons;
}

Result<QString> normalizeVoidReason(const QString &reason)
{
    const QString other = captureVoidReasons().constLast();
    const QString text = reason.simplified();
    if (text.isEmpty())
        return StoreError { u"invalid"_s,
            u"Say why this capture is voided: %1 (with a few words)."_s.arg(captureVoidReasons().join(u", "_s)) };
    for (const auto &listed : captureVoidReasons()) {
        if (listed != other && text.compare(listed, Qt::CaseInsensitive) == 0)
            return listed;
    }
    QString words = text;
    if (words.startsWith(other, Qt::CaseInsensitive)) {
        words = words.mid(other.size());
        while (!words.isEmpty() && (words.front() == u':' || words.front() == u' ' || words.front() == u'-'))
            words.remove(0, 1);
    }
    if (words.isEmpty())
        return StoreError { u"invalid"_s, u"\"Other\" needs a few words saying why this capture is voided."_s };
    const QString stored = other + u": "_s + words;
    if (stored.size() > kMaxVoidReasonLength)
        return StoreError { u"invalid"_s,
            u"A void reason holds at most %1 characters; this one has %2."_s.arg(kMaxVoidReasonLength)
                .arg(stored.size()) };
    return stored;
}

QJsonObject SessionSummary::toJson() const
{
    return {
        { u"session_id"_s, sessionId },
        { u"status"_s, status },
        { u"captures"_s, captures },
        { u"voided"_s, voided },
        { u"rejected"_s, rejected },
        { u"edited"_s, edited },
        { u"photos"_s, photos },
        { u"by_type"_s, QJsonObject { { u"BARCODE"_s, barcode }, { u"IMAGE"_s, image }, { u"MANUAL"_s, manual } } },
        { u"distinct_gtins"_s, distinctGtins },
        { u"first_capture"_s, time(first) },
        { u"last_capture"_s, time(last) },
    };
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
        { u"voided_count"_s, voidedCount },
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
        { u"voided"_s, isVoided() },
        { u"voided_at"_s, time(voided) },
        { u"void_reason"_s, text(voidReason) },
        { u"voided_by"_s, text(voidedBy) },
        { u"original_raw_value"_s, text(originalRawValue) },
        { u"edited"_s, time(edited) },
    };
}

} // namespace closient::store
