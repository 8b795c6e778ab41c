// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aidictionary.h"
#include "parseresult.h"

namespace closient::gs1::detail {

// Internal steps shared by the element-string, HRI and Digital Link parsers.
void validateValue(const AiEntry &entry, QStringView value, int valueOffset, std::vector<Issue> &issues);
void validateAssociations(const std::vector<Element> &elements, std::vector<Issue> &issues, QStringList &warnings);
void parseElementString(QStringView data, int baseOffset, ParseResult &r);
void parseBracketed(QStringView data, int baseOffset, ParseResult &r);
bool parseDigitalLink(QStringView uri, int baseOffset, ParseResult &r);
void deriveGtin(ParseResult &r);

} // namespace closient::gs1::detail
