// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "counttypes.h"
#include "result.h"

#include <QByteArrayView>

#include <vector>

namespace closient::counts {

/// Reads expected quantities from CSV (RFC 4180, a header naming the columns gtin, expected and optionally lot, in
/// any order and case; other columns are ignored). All or nothing: every bad row is listed, one per line of the
/// error's message ("row 4: the GTIN 123 has a wrong check digit"), and no row is taken when any is bad. GTINs
/// are checked and written with 14 digits; expected is a whole number from 0; a GTIN + lot given twice is refused.
[[nodiscard]] Result<std::vector<ExpectedItem>> readExpectedCsv(QByteArrayView data);

} // namespace closient::counts
