// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "namespaces.h"
#include "result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace closient::epcis {

/// The version suffix of the event hash IDs the station computes.
inline constexpr QStringView kHashVersion = u"CBV2.0";

/// The CBV 2.0 EPCIS event hash pre-hash string of @p event (JSON-LD as in an EPCIS 2.0 document): its values
/// in the canonical property order, normalised (UTC timestamps to the millisecond, Web URIs for CBV values,
/// canonical Digital Links for EPCs, numbers without trailing zeros), lists and extensions sorted; eventID,
/// recordTime, errorDeclaration and certificationInfo left out. Refuses an event whose type or times cannot be
/// read, or whose extension names a namespace prefix @p namespaces do not declare.
[[nodiscard]] Result<QString> preHashString(const QJsonObject &event, const Namespaces &namespaces);

/// "ni:///sha-256;<lowercase hex of SHA-256 of the UTF-8 pre-hash string>?ver=CBV2.0" (RFC 6920).
[[nodiscard]] QString hashIdOfPreHash(const QString &preHash);

/// The event hash ID of @p event.
[[nodiscard]] Result<QString> eventHashId(const QJsonObject &event, const Namespaces &namespaces);

/** The events of a document, with where each stands and the prefixes in force for it. */
struct DocumentEvent
{
    QString path; // $.epcisBody.eventList[3]
    QJsonObject event;
    Namespaces namespaces;
};

/// The events of an EPCISDocument or EPCISQueryDocument in document order (a lone event is its own list).
[[nodiscard]] Result<std::vector<DocumentEvent>> documentEvents(const QJsonObject &document);

/// The hash ID of every event of @p document, in document order; refuses with every event's reason.
[[nodiscard]] Result<QStringList> documentEventHashes(const QJsonObject &document);

} // namespace closient::epcis
