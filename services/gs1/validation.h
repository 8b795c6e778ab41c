// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aidictionary.h"
#include "gs1parser.h"

namespace closient::gs1::detail {

// Internal steps shared by the element-string, HRI and Digital Link parsers.
void validateValue(const AiEntry &entry, QStringView value, int valueOffset, std::vector<Issue> &issues);
void validateAssociations(const std::vector<Element> &elements, std::vector<Issue> &issues, QStringList &warnings);
void parseElementString(QStringView data, int baseOffset, ParseResult &r);
void parseBracketed(QStringView data, int baseOffset, ParseResult &r);
/// Parses a GS1 Digital Link URI; false when @p uri is a URL but no Digital Link (then @p r is untouched).
bool parseDigitalLink(QStringView uri, int baseOffset, ParseResult &r, const ParseOptions &options = {});
void deriveGtin(ParseResult &r);

} // namespace closient::gs1::detail
