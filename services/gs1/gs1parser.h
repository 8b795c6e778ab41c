// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parseresult.h"

namespace closient::gs1 {

/// Understands anything a scanner or a person hands the workstation: raw scanner data with or without an AIM
/// symbology identifier (FNC1 as GS), bracketed HRI, plain GTIN-8/12/13/14, GS1 Digital Link URIs, or plain text.
/// Pure and thread-safe.
[[nodiscard]] ParseResult parse(QStringView data);

/// Builds a result from elements made by the workstation (labels), running the same checks as parse().
[[nodiscard]] ParseResult fromElements(const std::vector<Element> &elements);

} // namespace closient::gs1
