// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>

namespace closient::gs1 {
struct ParseResult;
}

namespace closient::epcis {

/** Whether an identifier names one object (an EPC) or a class of objects (an EPC class). */
enum class IdentifierLevel { Instance, Class };

/// The station writes every GS1 identifier as a GS1 Digital Link URI on this domain, in the constrained
/// canonical form the CBV 2.0 event hash uses: 14-digit GTIN, no query, only the key and its finest qualifier.
inline constexpr QStringView kDigitalLinkDomain = u"https://id.gs1.org";

// The identifiers the station writes. Each checks its GS1 key (digits, check digit) and value characters and
// refuses with the reason. GTIN-8/12/13 are padded to 14 digits.

/// One serialised trade item (instance): https://id.gs1.org/01/{gtin14}/21/{serial}.
[[nodiscard]] Result<QString> serialisedItem(QStringView gtin, QStringView serial);
/// A product (class): https://id.gs1.org/01/{gtin14}.
[[nodiscard]] Result<QString> productClass(QStringView gtin);
/// A product's lot (class): https://id.gs1.org/01/{gtin14}/10/{lot}.
[[nodiscard]] Result<QString> lotClass(QStringView gtin, QStringView lot);
/// A logistic unit (instance): https://id.gs1.org/00/{sscc}.
[[nodiscard]] Result<QString> logisticUnit(QStringView sscc);
/// A location, for readPoint and bizLocation: https://id.gs1.org/414/{gln}[/254/{extension}] (an SGLN).
[[nodiscard]] Result<QString> location(QStringView gln, QStringView extension = {});
/// A party, for source and destination: https://id.gs1.org/417/{gln}.
[[nodiscard]] Result<QString> party(QStringView gln);

/** What a scanned code names, as an EPCIS identifier. */
struct ScannedObject
{
    QString uri;
    IdentifierLevel level = IdentifierLevel::Instance;
};

/// GTIN + serial: the item (instance); SSCC: the logistic unit (instance); GTIN + lot: the lot (class);
/// GTIN alone: the product (class). Refuses scans with errors and scans that name none of these.
[[nodiscard]] Result<ScannedObject> objectFromScan(const gs1::ParseResult &scan);

/** An identifier as EPCIS reads it. */
struct IdentifierInfo
{
    bool gs1 = false; // an EPC URN (urn:epc:id, class, idpat) or a GS1 Digital Link URI
    IdentifierLevel level = IdentifierLevel::Instance;
    QString primaryKey; // the GS1 key's AI ("01", "00", "414", "417", ...); empty when not GS1 or not convertible
    QString canonical; // the constrained canonical Digital Link; the input when it has none
};

/// Reads a GS1 identifier (EPC URN or Digital Link on any domain, strictly: 14-digit GTIN, valid check digits and
/// characters) and refuses a malformed one with the reason. Any other URI is returned as not GS1.
[[nodiscard]] Result<IdentifierInfo> readIdentifier(QStringView uri);

/// The CBV 2.0 event hash form of an identifier: EPC URNs as the canonical Digital Link, Digital Links on any
/// domain constrained to https://id.gs1.org without query and with only the finest qualifier. Never fails: what
/// cannot be read is returned as it is.
[[nodiscard]] QString hashFormOfIdentifier(QStringView uri);

} // namespace closient::epcis
