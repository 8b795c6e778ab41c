// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace closient::cli {

/// True when the arguments name a subcommand (or --help/--version), so the program runs headless.
[[nodiscard]] bool wantsCommandLine(int argc, char **argv);
struct Command;

/// Runs the subcommand and returns the process exit code: 0 done, 1 refused or invalid data, 2 usage, 3 store error.
int run(int argc, char **argv);
/// The same with another program's table of subcommands (closient-bench).
int run(int argc, char **argv, const std::vector<Command> &table);

} // namespace closient::cli
