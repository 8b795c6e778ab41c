// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "variance.h"

namespace closient::counts {

/// Writes @p variance as a printable A4 PDF at @p path (the count, its location and times, a table of GTIN, lot,
/// expected, counted, difference and status with the rows over several pages as needed, and the totals), with the
/// station's fonts. Needs a QGuiApplication. The caller decides where the file goes (OutputFile).
[[nodiscard]] Result<Done> writeVariancePdf(const Variance &variance, const QString &path);

} // namespace closient::counts
