// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parseresult.h"

namespace closient::gs1 {

/** Conveniences beyond the GS1 standards. All are off by default: parse() is strict unless asked. */
struct ParseOptions
{
    /// A GS1 Digital Link URI writes a GTIN with 14 digits. On: a GTIN-8, -12 or -13 there is padded to 14
    /// (with a warning), as older Digital Link versions allowed and codes in the field still carry.
    bool zeroSuppressedGtinInDigitalLink = false;
    /// ]E0 carries exactly 13 digits, ]E3 15 or 18 and ]I1 (ITF-14) 14. On: UPC-A in 12 digits and UPC-E in 8
    /// (expanded), with or without an add-on, as ZXing-cpp and many hand scanners send them, and ITF of another
    /// length after ]I1 read as text.
    bool shortEanUpc = false;

    /// What the station accepts from its own readers (camera decoder, hand scanners) and so shows for what it
    /// has captured: both conveniences on.
    [[nodiscard]] static constexpr ParseOptions scanning() { return { true, true }; }
};

/// The longest data parse() reads. No GS1 carrier holds more (QR Code, the largest, holds at most 7089
/// characters), so longer data cannot come from one and is refused before any other work.
inline constexpr qsizetype kMaxDataLength = 8192;

/// Understands anything a scanner or a person hands the workstation: raw scanner data with or without an AIM
/// symbology identifier (FNC1 as GS), bracketed HRI, plain GTIN-8/12/13/14, GS1 Digital Link URIs, or plain text.
/// Pure and thread-safe; the work is linear in the length of @p data.
[[nodiscard]] ParseResult parse(QStringView data, const ParseOptions &options = {});

/// Builds a result from elements made by the workstation (labels), running the same checks as parse().
[[nodiscard]] ParseResult fromElements(const std::vector<Element> &elements);

} // namespace closient::gs1
