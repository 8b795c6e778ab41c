// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanresult.h"

#include <QString>

#include <vector>

namespace closient::bench {

/** One image of a decode corpus: the zxing-cpp black-box layout, NAME.png|jpg|webp with NAME.txt beside it. */
struct CorpusImage
{
    QString path;
    QString folder; // the format folder, e.g. "ean13-2"
    QString expected; // empty for false-positive folders
    bool negative = false; // falsepositives-*: must decode to nothing
};

/// Images of @p dir that have an expected text (or sit in a false-positive folder), sorted by folder and name.
[[nodiscard]] std::vector<CorpusImage> loadCorpus(const QString &dir);

/** How one result compares with what the image holds. */
enum class Match { Correct, Partial, Wrong };

/// Compares a decoded result with the expected text. EAN/UPC are compared as GTINs (UPC-E expanded, UPC-A with or
/// without its leading 0); an add-on counts only when the expected text has one, and a missing one is Partial.
[[nodiscard]] Match compare(const scanning::ScanResult &result, const QString &expected);

} // namespace closient::bench
