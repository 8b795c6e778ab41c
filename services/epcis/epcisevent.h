// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cbv.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace closient::epcis {

/** A quantity of a class of objects: an EPC class (product or lot) with a count, or an amount in a unit. */
struct QuantityElement
{
    QString epcClass; // e.g. lotClass(gtin, lot)
    std::optional<double> quantity; // without uom: a whole count of objects
    QString uom; // UN/ECE Recommendation 20 code ("KGM"); needs a quantity
};

/**
 * One EPCIS 2.0 event being written, as the JSON-LD an EPCISDocument carries. Made by one of the static
 * functions for its type, filled by chained setters, checked when the Document is built (nothing here refuses).
 * Identifiers are URIs: use the functions of identifiers.h (GS1 Digital Link on id.gs1.org).
 * The event time is the station's clock when the event is made, with its UTC offset; at() sets another.
 */
class Event
{
public:
    [[nodiscard]] static Event object(Action action);
    [[nodiscard]] static Event aggregation(Action action, const QString &parentId);
    [[nodiscard]] static Event transaction(
        Action action, const QString &bizTransaction, std::optional<BizTransactionType> type = std::nullopt);
    [[nodiscard]] static Event transformation(const QString &transformationId = {});
    [[nodiscard]] static Event association(Action action, const QString &parentId);
    /// An inventory count at @p location (a location(gln, ext) URI): ObjectEvent, action OBSERVE, bizStep
    /// cycle_counting, readPoint and bizLocation the location. Add what was counted: serialised items with
    /// addEpc(), lots or products with addQuantity().
    [[nodiscard]] static Event cycleCount(const QString &location);

    [[nodiscard]] EventType type() const { return m_type; }

    /// When the event happened: eventTime with @p time's UTC offset, and that offset as eventTimeZoneOffset.
    Event &at(const QDateTime &time);
    Event &eventId(const QString &uri);

    // What. Each list belongs to some event types (EPCIS 2.0): epcList and quantityList to Object and
    // Transaction, the child lists to Aggregation and Association, input/output lists to Transformation.
    Event &addEpc(const QString &uri);
    Event &addQuantity(const QuantityElement &q);
    Event &addQuantity(const QString &epcClass, double quantity, const QString &uom = {});
    Event &addChild(const QString &uri);
    Event &addChildQuantity(const QuantityElement &q);
    Event &addInput(const QString &uri);
    Event &addInputQuantity(const QuantityElement &q);
    Event &addOutput(const QString &uri);
    Event &addOutputQuantity(const QuantityElement &q);
    Event &parentId(const QString &uri);

    // Why and where.
    Event &bizStep(BizStep step);
    Event &bizStep(const QString &uri); // a business step outside the CBV
    Event &disposition(Disposition d);
    Event &disposition(const QString &uri);
    Event &persistentDisposition(const QList<Disposition> &set, const QList<Disposition> &unset = {});
    Event &readPoint(const QString &locationUri);
    Event &bizLocation(const QString &locationUri);
    Event &addBizTransaction(const QString &uri, std::optional<BizTransactionType> type = std::nullopt);
    Event &addSource(SourceDestType type, const QString &uri);
    Event &addDestination(SourceDestType type, const QString &uri);
    /// A sensorElement as EPCIS JSON writes it: {"sensorMetadata": {...}, "sensorReport": [{...}]}.
    Event &addSensorElement(const QJsonObject &element);
    /// Instance/lot master data (ObjectEvent with action ADD, TransformationEvent): @p name is namespaced,
    /// "cbvmda:bestBeforeDate" or "example:field" with the prefix declared on the Document.
    Event &ilmd(const QString &name, const QJsonValue &value);
    /// A user extension at event level; @p name is namespaced like ilmd's.
    Event &extension(const QString &name, const QJsonValue &value);

    [[nodiscard]] QJsonObject toJson() const { return m_json; }

private:
    Event(EventType type, std::optional<Action> action);
    Event &append(const QString &list, const QJsonValue &value);
    static QJsonObject quantityJson(const QuantityElement &q);

    EventType m_type;
    QJsonObject m_json;
};

} // namespace closient::epcis
