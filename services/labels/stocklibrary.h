// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheettemplate.h"
#include "stock.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace closient::labels {

/**
 * Every label stock the station knows: its own templates, the user's, and the glabels template database when the
 * glabels-data package is installed (read at run time, never copied). A stock the station or the user describes
 * hides glabels' entry for the same brand and part: their measurement wins. Immutable once loaded, so it can be
 * shared between threads.
 */
class StockLibrary
{
public:
    /** Where the stocks are read from. */
    struct Sources
    {
        std::vector<SheetTemplate> templates; // the station's and the user's (TemplateLibrary)
        QString glabelsDir; // glabels-data's templates; empty = none
        QString glabelsUserDir; // glabels' own user templates (*.template), counted as the user's
    };

    /// TemplateLibrary's templates, $CLOSIENT_GLABELS_DIR or /usr/share/libglabels-3.0/templates, and
    /// ~/.config/libglabels/templates.
    [[nodiscard]] static Sources defaultSources();
    [[nodiscard]] static StockLibrary load(const Sources &sources);

    /// The library of defaultSources(), loaded at first use. Thread-safe.
    [[nodiscard]] static std::shared_ptr<const StockLibrary> instance();
    /// Loads again (after the user adds a template); holders of the old library keep theirs.
    static void reload();

    /// Sorted by display name (numbers in part numbers in numeric order).
    [[nodiscard]] const std::vector<Stock> &stocks() const { return m_stocks; }
    /// The stock with @p id, or named "Brand Part" (also an alias or a glabels equivalent), or nullptr.
    [[nodiscard]] const Stock *find(const QString &idOrName) const;
    /// Stocks whose brand, part, description, aliases, size or paper contain every word of @p text; an exact part
    /// number first, then its twins, then part numbers that start with a word, then the rest, each in display order.
    [[nodiscard]] std::vector<const Stock *> search(const QString &text) const;
    /// Files or entries that could not be read (they are skipped).
    [[nodiscard]] const QStringList &problems() const { return m_problems; }
    /// How many stocks glabels' files describe (equivalents included), before any is hidden by the station's own.
    [[nodiscard]] int glabelsCount() const { return m_glabelsCount; }

private:
    std::vector<Stock> m_stocks;
    QStringList m_problems;
    int m_glabelsCount = 0;
};

} // namespace closient::labels
