// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanresult.h"

#include <QStringList>

#include <functional>
#include <vector>

namespace closient::scanning {

/// Decodes image files with @p workers isolated decoder processes side by side; outcomes in the files' order.
/// @p done is called (from the worker threads) as each file finishes. NOTE: blocks the calling thread.
[[nodiscard]] std::vector<DecodeOutcome> decodeFiles(const QStringList &files, Strategy strategy,
    std::uint32_t formats = 0, int workers = 0, const std::function<void(int index)> &done = {});

} // namespace closient::scanning
