// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <vector>

namespace closient::bench {

/// bench decode, bench live and bench labels as closient-bench runs them.
[[nodiscard]] std::vector<cli::Command> commands();

} // namespace closient::bench
