// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace closient::epcis {

/// The members EPCIS 2.0 defines for an event (every other member is a user extension).
[[nodiscard]] const QSet<QString> &standardEventFields();

/** The five EPCIS 2.0 event types. */
enum class EventType { Object, Aggregation, Transaction, Transformation, Association };

/** What an event does to the objects it names (TransformationEvent has none). */
enum class Action { Add, Observe, Delete };

// clang-format off
// The CBV 2.0 values, in the order of the EPCIS 2.0 JSON Schema's enums (the enumerators index the tables).

/** CBV business steps: what the business process was doing. */
enum class BizStep {
    Accepting, Arriving, Assembling, Collecting, Commissioning, Consigning, CreatingClassInstance, CycleCounting,
    Decommissioning, Departing, Destroying, Disassembling, Dispensing, Encoding, EnteringExiting, Holding,
    Inspecting, Installing, Killing, Loading, Other, Packing, Picking, Receiving, Removing, Repackaging, Repairing,
    Replacing, Reserving, RetailSelling, Shipping, StagingOutbound, StockTaking, Stocking, Storing, Transporting,
    Unloading, Unpacking, VoidShipping, SensorReporting, Sampling
};

/** CBV dispositions: the business condition of the objects after the event. */
enum class Disposition {
    Active, ContainerClosed, Damaged, Destroyed, Dispensed, Disposed, Encoded, Expired, InProgress, InTransit,
    Inactive, NoPedigreeMatch, NonSellableOther, PartiallyDispensed, Recalled, Reserved, RetailSold, Returned,
    SellableAccessible, SellableNotAccessible, Stolen, Unknown, Available, CompletenessVerified,
    CompletenessInferred, Conformant, ContainerOpen, MismatchInstance, MismatchClass, MismatchQuantity,
    NeedsReplacement, NonConformant, Unavailable
};

/** CBV business transaction types (bizTransaction's type). */
enum class BizTransactionType { Bol, Cert, Desadv, Inv, Pedigree, Po, Poc, Prodorder, Recadv, Rma, Testprd, Testres, Upevt };

/** CBV source/destination types. */
enum class SourceDestType { OwningParty, PossessingParty, Location };

/** CBV error reasons (errorDeclaration's reason). */
enum class ErrorReason { DidNotOccur, IncorrectData };

/** The vocabularies whose values JSON writes as bare words. */
enum class Vocabulary {
    BizStep, Disposition, BizTransactionType, SourceDestType, ErrorReason, SensorComponent, MeasurementType,
    SensorAlertType
};
// clang-format on

/** One vocabulary: its values as JSON writes them and the URIs they stand for. */
struct VocabularyInfo
{
    QString label; // in plain words: "business step"
    QString webPrefix; // a bare value's Web URI is webPrefix + value
    QString urnPrefix; // the EPCIS 1.x URN form's prefix; empty when there is none
    QStringList values; // bare values, indexed by the enum
};

[[nodiscard]] const VocabularyInfo &vocabulary(Vocabulary v);

[[nodiscard]] QString toString(EventType t); // "ObjectEvent"
[[nodiscard]] QString toString(Action a); // "OBSERVE"
[[nodiscard]] QString toString(BizStep s); // the bare value: "cycle_counting"
[[nodiscard]] QString toString(Disposition d);
[[nodiscard]] QString toString(BizTransactionType t);
[[nodiscard]] QString toString(SourceDestType t);
[[nodiscard]] QString toString(ErrorReason r);

[[nodiscard]] std::optional<EventType> eventTypeFromString(QStringView s);
[[nodiscard]] std::optional<Action> actionFromString(QStringView s);
/// Accepts the bare value, the CBV Web URI and the URN form.
[[nodiscard]] std::optional<BizStep> bizStepFromString(QStringView s);
[[nodiscard]] std::optional<Disposition> dispositionFromString(QStringView s);

/// The index of @p value in @p v, whether written bare, as the Web URI or as the URN; nullopt if not a value of it.
[[nodiscard]] std::optional<int> vocabularyIndex(Vocabulary v, QStringView value);
/// A CBV URN (urn:epcglobal:cbv:bizstep:..., disp, btt, sdt, er) as its CBV Web URI; empty if @p urn is not one.
[[nodiscard]] QString cbvUrnToWebUri(QStringView urn);

} // namespace closient::epcis
