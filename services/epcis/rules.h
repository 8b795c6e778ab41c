// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validator.h"

namespace closient::epcis::detail {

/// The rules of EPCIS 2.0 and CBV 2.0 a JSON Schema cannot express, checked over a parsed document. Defensive:
/// runs on documents that also fail the schema, and skips what it cannot read.
void checkRules(const QJsonObject &document, std::vector<ValidationIssue> &out);

} // namespace closient::epcis::detail
