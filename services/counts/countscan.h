// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "counttypes.h"
#include "parseresult.h"

#include <optional>

namespace closient::counts {

/// The most one quantity prefix or keypad entry multiplies by.
inline constexpr int kMaxMultiplier = 99'999;

/// A quantity prefix as scanners and people send it before a code: "12x", "12X", "12*" or "12×" (1 to
/// kMaxMultiplier). nullopt when @p text is not one (then it is a code).
[[nodiscard]] std::optional<int> parseMultiplier(QStringView text);

/** A code as a count receives it: what was sent, how many it stands for, and which input sent it. */
struct CountScan
{
    QString rawValue; // as the scanner sent it: AIM identifier, GS separators, Digital Link, or typed digits
    QString symbologyId; // when the decoder reported it apart from the data
    int quantity = 1; // the multiplier (a prefix or the keypad)
    QString source; // camera, wedge, serial, typed, cli
};

/** A code read for a count, before it reaches the store. */
struct CheckedScan
{
    QString reasonCode; // empty when countable: empty, too_long, invalid, no_gtin, serial_quantity, quantity
    QString reason; // for the person at the desk
    gs1::ParseResult parsed;
    CountLine line; // gtin, lot, expiry, serial, quantity, raw value, source filled
    [[nodiscard]] bool ok() const { return reasonCode.isEmpty(); }
};

/// Parses @p scan with the GS1 core (AIM identifiers, GS, Digital Links, plain GTINs, as the Scan screen reads
/// them) and checks it can be counted: a trade item (GTIN), a quantity from 1 to kMaxMultiplier, a serialised
/// item only once (a quantity above 1 is refused for it). Pure: nothing is written.
[[nodiscard]] CheckedScan checkScan(const CountScan &scan);

} // namespace closient::counts
