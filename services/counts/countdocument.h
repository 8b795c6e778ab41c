// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "counttypes.h"
#include "result.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace closient::counts {

/** The EPCIS record of a finished count. */
struct CountDocument
{
    QJsonObject document; // the one EPCISDocument of the count, validated
    QStringList eventHashes; // CBV 2.0 event hash ID of each event, in document order
    std::vector<QJsonObject> events; // the events, in document order
    /// The document as it would hold only event @p index (what the outbox sends per event), same creationDate.
    std::vector<QJsonObject> singleEventDocuments;
};

/// The EPCIS 2.0 document of a count at @p location, made at @p time (the station's clock, with its UTC offset):
/// ObjectEvents with action OBSERVE, bizStep cycle_counting, readPoint and bizLocation the location (an SGLN as a
/// GS1 Digital Link). Lots and products counted without a serial go into one event's quantityList as class-level
/// identifiers (https://id.gs1.org/01/{gtin}/10/{lot}, or /01/{gtin} without a lot), with how many were counted;
/// serialised items into another event's epcList as instance-level identifiers (/01/{gtin}/21/{serial}).
/// Expected lots and products of which none was counted are reported with quantity 0. Only COUNTED lines count.
/// The document is checked with the station's validator; a count with nothing to report is refused.
[[nodiscard]] Result<CountDocument> buildCountDocument(const CountLocation &location,
    const std::vector<CountLine> &lines, const std::vector<ExpectedItem> &expected, const QDateTime &time);

} // namespace closient::counts
