// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace closient::bench {

/// The machine and libraries a benchmark ran on, as Markdown list lines.
[[nodiscard]] QString machineDescription();
/// The command line that produced a result, for the result file.
[[nodiscard]] QString commandLine();
/// p-th percentile (0..100) of @p values (copied and sorted), 0 for none.
[[nodiscard]] double percentile(std::vector<double> values, double p);
/// Writes @p markdown to @p path (creating its folder); returns an error message or empty.
[[nodiscard]] QString writeResult(const QString &path, const QString &markdown);

} // namespace closient::bench
