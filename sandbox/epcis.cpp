// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "epcis.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
bool nonEmptyArray(const QJsonObject &e, const QString &key)
{
    return e.value(key).isArray() && !e.value(key).toArray().isEmpty();
}

QDateTime parseTime(const QString &text)
{
    // RFC 3339 needs "Z" or an offset: a local time is ambiguous.
    static const QRegularExpression re(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"_s);
    if (!re.match(text).hasMatch())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QStringList checkQuantities(const QJsonObject &e, const QString &key)
{
    QStringList reasons;
    const auto list = e.value(key).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto q = list[i].toObject();
        if (q.value(u"epcClass"_s).toString().trimmed().isEmpty())
            reasons << u"%1[%2].epcClass is required."_s.arg(key).arg(i);
        if (q.contains(u"quantity"_s) && (!q.value(u"quantity"_s).isDouble() || q.value(u"quantity"_s).toDouble() < 0))
            reasons << u"%1[%2].quantity must be a number of at least 0."_s.arg(key).arg(i);
        if (q.contains(u"uom"_s) && !q.contains(u"quantity"_s))
            reasons << u"%1[%2].uom needs a quantity."_s.arg(key).arg(i);
    }
    return reasons;
}

QJsonValue normalise(const QJsonValue &value, const QString &key)
{
    static const QStringList kSetLists { u"epcList"_s, u"childEPCs"_s, u"inputEPCList"_s, u"outputEPCList"_s };
    if (value.isString())
        return value.toString().trimmed();
    if (value.isArray()) {
        QJsonArray out;
        for (const auto &item : value.toArray())
            out.append(normalise(item, {}));
        if (kSetLists.contains(key)) {
            QStringList sorted;
            for (const auto &item : out)
                sorted << item.toString();
            std::sort(sorted.begin(), sorted.end());
            return QJsonArray::fromStringList(sorted);
        }
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const auto object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), normalise(it.value(), it.key()));
        return out;
    }
    return value;
}
} // namespace

QStringList validateEvent(const QJsonObject &e)
{
    static const QStringList kTypes { u"ObjectEvent"_s, u"AggregationEvent"_s, u"TransactionEvent"_s,
        u"TransformationEvent"_s, u"AssociationEvent"_s };
    static const QStringList kActions { u"ADD"_s, u"OBSERVE"_s, u"DELETE"_s };
    static const QRegularExpression kOffset(u"^[+-](0\\d|1[0-4]):[0-5]\\d$"_s);
    QStringList reasons;
    const QString type = e.value(u"type"_s).toString();
    if (!kTypes.contains(type))
        reasons << u"type must be one of %1."_s.arg(kTypes.join(u", "_s));
    if (!parseTime(e.value(u"eventTime"_s).toString()).isValid())
        reasons << u"eventTime is required, as an RFC 3339 time with Z or an offset."_s;
    if (!kOffset.match(e.value(u"eventTimeZoneOffset"_s).toString()).hasMatch())
        reasons << u"eventTimeZoneOffset is required, as +hh:mm or -hh:mm."_s;
    const bool hasAction = e.contains(u"action"_s);
    const QString action = e.value(u"action"_s).toString();
    if (type == u"TransformationEvent"_s) {
        if (hasAction)
            reasons << u"A TransformationEvent has no action."_s;
        if (!nonEmptyArray(e, u"inputEPCList"_s) && !nonEmptyArray(e, u"inputQuantityList"_s))
            reasons << u"inputEPCList or inputQuantityList is required for a TransformationEvent."_s;
        if (!nonEmptyArray(e, u"outputEPCList"_s) && !nonEmptyArray(e, u"outputQuantityList"_s))
            reasons << u"outputEPCList or outputQuantityList is required for a TransformationEvent."_s;
    } else if (!type.isEmpty() && kTypes.contains(type)) {
        if (!kActions.contains(action))
            reasons << u"action is required: ADD, OBSERVE or DELETE."_s;
        if (e.contains(u"ilmd"_s) && action != u"ADD"_s)
            reasons << u"ilmd is allowed only with action ADD."_s;
    }
    const bool hasEpcs = nonEmptyArray(e, u"epcList"_s) || nonEmptyArray(e, u"quantityList"_s);
    const bool hasChildren = nonEmptyArray(e, u"childEPCs"_s) || nonEmptyArray(e, u"childQuantityList"_s);
    if (type == u"ObjectEvent"_s && !hasEpcs)
        reasons << u"epcList or quantityList is required for an ObjectEvent."_s;
    if (type == u"TransactionEvent"_s) {
        if (!nonEmptyArray(e, u"bizTransactionList"_s))
            reasons << u"bizTransactionList is required for a TransactionEvent."_s;
        if (!hasEpcs)
            reasons << u"epcList or quantityList is required for a TransactionEvent."_s;
    }
    if (type == u"AggregationEvent"_s || type == u"AssociationEvent"_s) {
        if (e.value(u"parentID"_s).toString().trimmed().isEmpty())
            reasons << u"parentID is required for an %1."_s.arg(type);
        if (!hasChildren && action != u"DELETE"_s)
            reasons << u"childEPCs or childQuantityList is required for an %1."_s.arg(type);
    }
    for (const QString &key : { u"epcList"_s, u"childEPCs"_s, u"inputEPCList"_s, u"outputEPCList"_s }) {
        const auto list = e.value(key).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list[i].isString() || list[i].toString().trimmed().isEmpty())
                reasons << u"%1[%2] must be an EPC URI."_s.arg(key).arg(i);
        }
    }
    for (const QString &key :
        { u"quantityList"_s, u"childQuantityList"_s, u"inputQuantityList"_s, u"outputQuantityList"_s })
        reasons << checkQuantities(e, key);
    return reasons;
}

QByteArray canonicalEvent(const QJsonObject &event)
{
    QJsonObject e = normalise(event, {}).toObject();
    e.remove(u"eventID"_s);
    e.remove(u"recordTime"_s);
    e.remove(u"@context"_s);
    const QDateTime t = parseTime(e.value(u"eventTime"_s).toString());
    if (t.isValid())
        e.insert(u"eventTime"_s, t.toUTC().toString(Qt::ISODateWithMs));
    // QJsonObject keeps its keys sorted, so the compact text is canonical.
    return QJsonDocument(e).toJson(QJsonDocument::Compact);
}

QString eventHash(const QJsonObject &event)
{
    return u"sha256:"_s
        + QString::fromLatin1(QCryptographicHash::hash(canonicalEvent(event), QCryptographicHash::Sha256).toHex());
}

} // namespace closient::sandbox
