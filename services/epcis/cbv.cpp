// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cbv.h"

#include <array>

using namespace Qt::StringLiterals;

namespace closient::epcis {

namespace {

const QString kCbv = u"https://ref.gs1.org/cbv/"_s;
const QString kGs1Voc = u"https://gs1.org/voc/"_s;

const std::array<VocabularyInfo, 8> &tables()
{
    // The bare values are the EPCIS 2.0 JSON Schema's enums; the Web URIs those the EPCIS 2.0 JSON-LD context
    // expands them to (CBV 2.0 terms on ref.gs1.org/cbv, sensor terms in the GS1 Web Vocabulary).
    static const std::array<VocabularyInfo, 8> t { {
        { u"business step"_s, kCbv + u"BizStep-"_s, u"urn:epcglobal:cbv:bizstep:"_s,
            { u"accepting"_s, u"arriving"_s, u"assembling"_s, u"collecting"_s, u"commissioning"_s, u"consigning"_s,
                u"creating_class_instance"_s, u"cycle_counting"_s, u"decommissioning"_s, u"departing"_s,
                u"destroying"_s, u"disassembling"_s, u"dispensing"_s, u"encoding"_s, u"entering_exiting"_s,
                u"holding"_s, u"inspecting"_s, u"installing"_s, u"killing"_s, u"loading"_s, u"other"_s, u"packing"_s,
                u"picking"_s, u"receiving"_s, u"removing"_s, u"repackaging"_s, u"repairing"_s, u"replacing"_s,
                u"reserving"_s, u"retail_selling"_s, u"shipping"_s, u"staging_outbound"_s, u"stock_taking"_s,
                u"stocking"_s, u"storing"_s, u"transporting"_s, u"unloading"_s, u"unpacking"_s, u"void_shipping"_s,
                u"sensor_reporting"_s, u"sampling"_s } },
        { u"disposition"_s, kCbv + u"Disp-"_s, u"urn:epcglobal:cbv:disp:"_s,
            { u"active"_s, u"container_closed"_s, u"damaged"_s, u"destroyed"_s, u"dispensed"_s, u"disposed"_s,
                u"encoded"_s, u"expired"_s, u"in_progress"_s, u"in_transit"_s, u"inactive"_s, u"no_pedigree_match"_s,
                u"non_sellable_other"_s, u"partially_dispensed"_s, u"recalled"_s, u"reserved"_s, u"retail_sold"_s,
                u"returned"_s, u"sellable_accessible"_s, u"sellable_not_accessible"_s, u"stolen"_s, u"unknown"_s,
                u"available"_s, u"completeness_verified"_s, u"completeness_inferred"_s, u"conformant"_s,
                u"container_open"_s, u"mismatch_instance"_s, u"mismatch_class"_s, u"mismatch_quantity"_s,
                u"needs_replacement"_s, u"non_conformant"_s, u"unavailable"_s } },
        { u"business transaction type"_s, kCbv + u"BTT-"_s, u"urn:epcglobal:cbv:btt:"_s,
            { u"bol"_s, u"cert"_s, u"desadv"_s, u"inv"_s, u"pedigree"_s, u"po"_s, u"poc"_s, u"prodorder"_s, u"recadv"_s,
                u"rma"_s, u"testprd"_s, u"testres"_s, u"upevt"_s } },
        { u"source/destination type"_s, kCbv + u"SDT-"_s, u"urn:epcglobal:cbv:sdt:"_s,
            { u"owning_party"_s, u"possessing_party"_s, u"location"_s } },
        { u"error reason"_s, kCbv + u"ER-"_s, u"urn:epcglobal:cbv:er:"_s, { u"did_not_occur"_s, u"incorrect_data"_s } },
        { u"sensor component"_s, kCbv + u"Comp-"_s, QString(),
            { u"x"_s, u"y"_s, u"z"_s, u"axial_distance"_s, u"azimuth"_s, u"height"_s, u"spherical_radius"_s,
                u"polar_angle"_s, u"elevation_angle"_s, u"easting"_s, u"northing"_s, u"latitude"_s, u"longitude"_s,
                u"altitude"_s } },
        { u"measurement type"_s, kGs1Voc, QString(),
            { u"AbsoluteHumidity"_s, u"AbsorbedDose"_s, u"AbsorbedDoseRate"_s, u"Acceleration"_s, u"Radioactivity"_s,
                u"Altitude"_s, u"AmountOfSubstance"_s, u"AmountOfSubstancePerUnitVolume"_s, u"Angle"_s,
                u"AngularAcceleration"_s, u"AngularMomentum"_s, u"AngularVelocity"_s, u"Area"_s, u"Capacitance"_s,
                u"Conductance"_s, u"Conductivity"_s, u"Count"_s, u"Density"_s, u"Dimensionless"_s, u"DoseEquivalent"_s,
                u"DoseEquivalentRate"_s, u"DynamicViscosity"_s, u"ElectricCharge"_s, u"ElectricCurrent"_s,
                u"ElectricCurrentDensity"_s, u"ElectricFieldStrength"_s, u"Energy"_s, u"Exposure"_s, u"Force"_s,
                u"Frequency"_s, u"Illuminance"_s, u"Inductance"_s, u"Irradiance"_s, u"KinematicViscosity"_s,
                u"Length"_s, u"LinearMomentum"_s, u"Luminance"_s, u"LuminousFlux"_s, u"LuminousIntensity"_s,
                u"MagneticFlux"_s, u"MagneticFluxDensity"_s, u"MagneticVectorPotential"_s, u"Mass"_s,
                u"MassConcentration"_s, u"MassFlowRate"_s, u"MassPerAreaTime"_s, u"MemoryCapacity"_s,
                u"MolalityOfSolute"_s, u"MolarEnergy"_s, u"MolarMass"_s, u"MolarVolume"_s, u"Power"_s, u"Pressure"_s,
                u"RadiantFlux"_s, u"RadiantIntensity"_s, u"RelativeHumidity"_s, u"Resistance"_s, u"Resistivity"_s,
                u"SolidAngle"_s, u"SpecificVolume"_s, u"Speed"_s, u"SurfaceDensity"_s, u"SurfaceTension"_s,
                u"Temperature"_s, u"Time"_s, u"Torque"_s, u"Voltage"_s, u"Volume"_s, u"VolumeFlowRate"_s,
                u"VolumeFraction"_s, u"VolumetricFlux"_s, u"Wavenumber"_s } },
        { u"sensor alert type"_s, kGs1Voc, QString(), { u"ALARM_CONDITION"_s, u"ERROR_CONDITION"_s } },
    } };
    return t;
}

QString valueOf(Vocabulary v, int index)
{
    return vocabulary(v).values.value(index);
}

} // namespace

const VocabularyInfo &vocabulary(Vocabulary v)
{
    return tables()[size_t(v)];
}

QString toString(EventType t)
{
    switch (t) {
    case EventType::Object:
        return u"ObjectEvent"_s;
    case EventType::Aggregation:
        return u"AggregationEvent"_s;
    case EventType::Transaction:
        return u"TransactionEvent"_s;
    case EventType::Transformation:
        return u"TransformationEvent"_s;
    case EventType::Association:
        return u"AssociationEvent"_s;
    }
    return {};
}

QString toString(Action a)
{
    switch (a) {
    case Action::Add:
        return u"ADD"_s;
    case Action::Observe:
        return u"OBSERVE"_s;
    case Action::Delete:
        return u"DELETE"_s;
    }
    return {};
}

QString toString(BizStep s)
{
    return valueOf(Vocabulary::BizStep, int(s));
}

QString toString(Disposition d)
{
    return valueOf(Vocabulary::Disposition, int(d));
}

QString toString(BizTransactionType t)
{
    return valueOf(Vocabulary::BizTransactionType, int(t));
}

QString toString(SourceDestType t)
{
    return valueOf(Vocabulary::SourceDestType, int(t));
}

QString toString(ErrorReason r)
{
    return valueOf(Vocabulary::ErrorReason, int(r));
}

std::optional<EventType> eventTypeFromString(QStringView s)
{
    for (auto t : { EventType::Object, EventType::Aggregation, EventType::Transaction, EventType::Transformation,
             EventType::Association }) {
        if (s == toString(t))
            return t;
    }
    return std::nullopt;
}

std::optional<Action> actionFromString(QStringView s)
{
    for (auto a : { Action::Add, Action::Observe, Action::Delete }) {
        if (s == toString(a))
            return a;
    }
    return std::nullopt;
}

std::optional<BizStep> bizStepFromString(QStringView s)
{
    if (const auto i = vocabularyIndex(Vocabulary::BizStep, s))
        return BizStep(*i);
    return std::nullopt;
}

std::optional<Disposition> dispositionFromString(QStringView s)
{
    if (const auto i = vocabularyIndex(Vocabulary::Disposition, s))
        return Disposition(*i);
    return std::nullopt;
}

std::optional<int> vocabularyIndex(Vocabulary v, QStringView value)
{
    const auto &info = vocabulary(v);
    QStringView bare = value;
    if (value.startsWith(info.webPrefix))
        bare = value.mid(info.webPrefix.size());
    else if (!info.urnPrefix.isEmpty() && value.startsWith(info.urnPrefix))
        bare = value.mid(info.urnPrefix.size());
    const auto i = info.values.indexOf(bare);
    return i < 0 ? std::nullopt : std::optional<int>(int(i));
}

QString cbvUrnToWebUri(QStringView urn)
{
    for (auto v : { Vocabulary::BizStep, Vocabulary::Disposition, Vocabulary::BizTransactionType,
             Vocabulary::SourceDestType, Vocabulary::ErrorReason }) {
        const auto &info = vocabulary(v);
        if (urn.startsWith(info.urnPrefix) && urn.size() > info.urnPrefix.size())
            return info.webPrefix + urn.mid(info.urnPrefix.size()).toString();
    }
    return {};
}

const QSet<QString> &standardEventFields()
{
    static const QSet<QString> f { u"@context"_s, u"type"_s, u"eventTime"_s, u"eventTimeZoneOffset"_s, u"recordTime"_s,
        u"eventID"_s, u"errorDeclaration"_s, u"certificationInfo"_s, u"epcList"_s, u"parentID"_s, u"inputEPCList"_s,
        u"childEPCs"_s, u"quantityList"_s, u"childQuantityList"_s, u"inputQuantityList"_s, u"outputEPCList"_s,
        u"outputQuantityList"_s, u"action"_s, u"transformationID"_s, u"bizStep"_s, u"disposition"_s,
        u"persistentDisposition"_s, u"readPoint"_s, u"bizLocation"_s, u"bizTransactionList"_s, u"sourceList"_s,
        u"destinationList"_s, u"sensorElementList"_s, u"ilmd"_s };
    return f;
}

} // namespace closient::epcis
