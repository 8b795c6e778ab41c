// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace closient::gs1 {

/// The name of an AIM symbology identifier ("]d2" → "GS1 DataMatrix"), empty when unknown.
[[nodiscard]] QString symbologyName(QStringView id);
/// True for identifiers whose data is a GS1 AI element string (]C1, ]e0, ]d2, ]Q3, ]J1, ...).
[[nodiscard]] bool carriesElementString(QStringView id);
/// The length of the AIM symbology identifier at the start of @p data (0 or 3).
[[nodiscard]] int symbologyIdLength(QStringView data);

} // namespace closient::gs1
