// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace closient {

/// Shows a scanned code so a person sees every character: GS, RS, EOT and the other control characters become
/// visible marks (<GS>, <RS>, <EOT>, <0x07>), never a missing-glyph box and never a terminal control sequence.
/// Printable text, including non-ASCII letters, is unchanged.
[[nodiscard]] QString visibleText(const QString &text);

} // namespace closient
