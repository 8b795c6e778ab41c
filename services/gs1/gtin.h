// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace closient::gs1 {

/** A GTIN checked and normalised to 14 digits, or the reason it is not one. */
struct GtinCheck
{
    QString gtin14;
    QString error; // empty when valid
    QString code; // charset, length, check_digit or invalid_value when not valid
    int errorPosition = 0; // 1-based position of the offending digit in the input, 0 if none
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Checks an 8, 12, 13 or 14 digit GTIN and pads it to GTIN-14.
[[nodiscard]] GtinCheck checkGtin(QStringView digits);
/// Expands an 8-digit UPC-E (number system 0 or 1) to its 12-digit UPC-A, empty if it cannot be one.
[[nodiscard]] QString expandUpcE(QStringView upce);
/// Appends the GS1 check digit to @p digits.
[[nodiscard]] QString withCheckDigit(QStringView digits);

} // namespace closient::gs1
