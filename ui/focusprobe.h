// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace closient::ui {

/// True when what has the keyboard focus is a dialog, menu or other popup (or another window than a Qt Quick
/// one): keys typed or scanned there belong to it, not to a capture.
[[nodiscard]] bool focusIsInDialog();

} // namespace closient::ui
