// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "identifiers.h"
#include "parseresult.h"

#include <vector>

namespace closient::epcis::detail {

/** An EPC URN read into GS1 element strings (the pure identity, class and pattern URIs of the GS1 EPC Tag Data
 * Standard). */
struct EpcUrn
{
    IdentifierLevel level = IdentifierLevel::Instance;
    std::vector<gs1::Element> elements; // empty when the scheme has no GS1 key (adi, usdod, gid, bic, imovn)
                                        // or the pattern names more than one class
};

/// Reads urn:epc:id:*, urn:epc:class:lgtin and urn:epc:idpat:* URNs. Company prefix and reference digits,
/// lengths and characters are checked; check digits are computed (a URN carries none).
[[nodiscard]] Result<EpcUrn> parseEpcUrn(QStringView urn);

} // namespace closient::epcis::detail
