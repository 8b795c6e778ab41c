// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// closient-bench: the benchmarks in their own program, so the shipped closient-station does not carry them.
// `closient-station bench ...` hands its arguments here (cli/benchcommands.cpp).
#include "benchcommands.h"
#include "cli.h"

int main(int argc, char *argv[])
{
    return closient::cli::run(argc, argv, closient::bench::commands());
}
