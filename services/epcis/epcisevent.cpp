// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "epcisevent.h"

#include "timestamps.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace closient::epcis {

Event::Event(EventType type, std::optional<Action> action)
    : m_type(type)
{
    m_json.insert(u"type"_s, toString(type));
    if (action)
        m_json.insert(u"action"_s, toString(*action));
    at(QDateTime::currentDateTime());
}

Event Event::object(Action action)
{
    return Event(EventType::Object, action);
}

Event Event::aggregation(Action action, const QString &parentId)
{
    return Event(EventType::Aggregation, action).parentId(parentId);
}

Event Event::transaction(Action action, const QString &bizTransaction, std::optional<BizTransactionType> type)
{
    return Event(EventType::Transaction, action).addBizTransaction(bizTransaction, type);
}

Event Event::transformation(const QString &transformationId)
{
    Event e(EventType::Transformation, std::nullopt);
    if (!transformationId.isEmpty())
        e.m_json.insert(u"transformationID"_s, transformationId);
    return e;
}

Event Event::association(Action action, const QString &parentId)
{
    return Event(EventType::Association, action).parentId(parentId);
}

Event Event::cycleCount(const QString &location)
{
    return object(Action::Observe).bizStep(BizStep::CycleCounting).readPoint(location).bizLocation(location);
}

Event &Event::at(const QDateTime &time)
{
    m_json.insert(u"eventTime"_s, formatTimestamp(time));
    m_json.insert(u"eventTimeZoneOffset"_s, formatOffset(time.offsetFromUtc()));
    return *this;
}

Event &Event::eventId(const QString &uri)
{
    m_json.insert(u"eventID"_s, uri);
    return *this;
}

Event &Event::append(const QString &list, const QJsonValue &value)
{
    auto a = m_json.value(list).toArray();
    a.append(value);
    m_json.insert(list, a);
    return *this;
}

QJsonObject Event::quantityJson(const QuantityElement &q)
{
    QJsonObject o { { u"epcClass"_s, q.epcClass } };
    if (q.quantity)
        o.insert(u"quantity"_s, *q.quantity);
    if (!q.uom.isEmpty())
        o.insert(u"uom"_s, q.uom);
    return o;
}

Event &Event::addEpc(const QString &uri)
{
    return append(u"epcList"_s, uri);
}

Event &Event::addQuantity(const QuantityElement &q)
{
    return append(u"quantityList"_s, quantityJson(q));
}

Event &Event::addQuantity(const QString &epcClass, double quantity, const QString &uom)
{
    return addQuantity(QuantityElement { epcClass, quantity, uom });
}

Event &Event::addChild(const QString &uri)
{
    return append(u"childEPCs"_s, uri);
}

Event &Event::addChildQuantity(const QuantityElement &q)
{
    return append(u"childQuantityList"_s, quantityJson(q));
}

Event &Event::addInput(const QString &uri)
{
    return append(u"inputEPCList"_s, uri);
}

Event &Event::addInputQuantity(const QuantityElement &q)
{
    return append(u"inputQuantityList"_s, quantityJson(q));
}

Event &Event::addOutput(const QString &uri)
{
    return append(u"outputEPCList"_s, uri);
}

Event &Event::addOutputQuantity(const QuantityElement &q)
{
    return append(u"outputQuantityList"_s, quantityJson(q));
}

Event &Event::parentId(const QString &uri)
{
    m_json.insert(u"parentID"_s, uri);
    return *this;
}

Event &Event::bizStep(BizStep step)
{
    return bizStep(toString(step));
}

Event &Event::bizStep(const QString &uri)
{
    m_json.insert(u"bizStep"_s, uri);
    return *this;
}

Event &Event::disposition(Disposition d)
{
    return disposition(toString(d));
}

Event &Event::disposition(const QString &uri)
{
    m_json.insert(u"disposition"_s, uri);
    return *this;
}

Event &Event::persistentDisposition(const QList<Disposition> &set, const QList<Disposition> &unset)
{
    QJsonObject pd;
    for (const auto &[key, list] : { std::pair { u"set"_s, set }, std::pair { u"unset"_s, unset } }) {
        QJsonArray a;
        for (const auto d : list)
            a.append(toString(d));
        if (!a.isEmpty())
            pd.insert(key, a);
    }
    m_json.insert(u"persistentDisposition"_s, pd);
    return *this;
}

Event &Event::readPoint(const QString &locationUri)
{
    m_json.insert(u"readPoint"_s, QJsonObject { { u"id"_s, locationUri } });
    return *this;
}

Event &Event::bizLocation(const QString &locationUri)
{
    m_json.insert(u"bizLocation"_s, QJsonObject { { u"id"_s, locationUri } });
    return *this;
}

Event &Event::addBizTransaction(const QString &uri, std::optional<BizTransactionType> type)
{
    QJsonObject t { { u"bizTransaction"_s, uri } };
    if (type)
        t.insert(u"type"_s, toString(*type));
    return append(u"bizTransactionList"_s, t);
}

Event &Event::addSource(SourceDestType type, const QString &uri)
{
    return append(u"sourceList"_s, QJsonObject { { u"type"_s, toString(type) }, { u"source"_s, uri } });
}

Event &Event::addDestination(SourceDestType type, const QString &uri)
{
    return append(u"destinationList"_s, QJsonObject { { u"type"_s, toString(type) }, { u"destination"_s, uri } });
}

Event &Event::addSensorElement(const QJsonObject &element)
{
    return append(u"sensorElementList"_s, element);
}

Event &Event::ilmd(const QString &name, const QJsonValue &value)
{
    auto o = m_json.value(u"ilmd").toObject();
    o.insert(name, value);
    m_json.insert(u"ilmd"_s, o);
    return *this;
}

Event &Event::extension(const QString &name, const QJsonValue &value)
{
    m_json.insert(name, value);
    return *this;
}

} // namespace closient::epcis
