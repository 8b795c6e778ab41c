// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "counttypes.h"
#include "result.h"

namespace closient::counts {

/// Reads "GLN" or "GLN.EXTENSION" as a person types it: 13 digits with a valid check digit, and an extension
/// (GS1 AI 254: up to 20 characters of the GS1 set) naming a place inside it. Refuses with the reason.
[[nodiscard]] Result<CountLocation> parseLocation(const QString &text);

} // namespace closient::counts
