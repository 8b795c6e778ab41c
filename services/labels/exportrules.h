// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelsymbol.h"
#include "result.h"

#include <QList>
#include <QStringList>

namespace closient::labels {

/// The API's export types, in the order people are offered them: "sheet_pdf" first.
[[nodiscard]] const QStringList &exportTypeNames();
/// The file formats an export type can be written as; the first is its default.
[[nodiscard]] QStringList formatsForExportType(const QString &exportType);
/// The symbols an export type can carry; the first is its default.
[[nodiscard]] QList<SymbolKind> symbolsForExportType(const QString &exportType);
/// The API's coherence rule for (export_type, file_format): why the pair cannot be made, as `invalid`.
[[nodiscard]] Result<Done> checkExportCoherence(const QString &exportType, const QString &fileFormat);

/** The pages of a job that go to the printer, 1-based; 0 leaves that end open (from the first, to the last). */
struct PageRange
{
    int from = 0;
    int to = 0;
    friend bool operator==(const PageRange &, const PageRange &) = default;
};

/// Reads "2" (one page), "2-4", "3-" (to the end), "-2" (from the first) or "" (every page); the dash may be an en
/// dash. Anything else, a page 0 or a range that runs backwards is refused, saying what is expected.
[[nodiscard]] Result<PageRange> parsePageRange(const QString &text);
/// The range as parsePageRange reads it back: "", "2", "2-4", "3-".
[[nodiscard]] QString pageRangeText(PageRange range);

} // namespace closient::labels
