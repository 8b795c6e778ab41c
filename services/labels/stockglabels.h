// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "stock.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace closient::labels {

/** A paper size glabels knows by id ("A4", "US-Letter"), in millimetres. */
struct GlabelsPaper
{
    QString id;
    QString name;
    double width = 0;
    double height = 0;
};

/** What one glabels template file gave: its stocks (equivalents still unresolved) and the entries it skipped. */
struct GlabelsFile
{
    std::vector<Stock> stocks;
    QStringList problems; // "avery-us-templates.xml, line 12: Avery 1234: the label has no width"
};

/// A glabels length ("2.5in", "63.5mm", "180.2" = points, "1.2cm", "3pc") in millimetres.
[[nodiscard]] Result<double> parseGlabelsLength(QStringView text);

/// The paper sizes of glabels' paper-sizes.xml.
[[nodiscard]] Result<std::vector<GlabelsPaper>> parseGlabelsPaperSizes(const QByteArray &xml);
/// A4, US Letter and US Legal: what a template needs when paper-sizes.xml is missing.
[[nodiscard]] std::vector<GlabelsPaper> fallbackPaperSizes();

/**
 * The stocks of one glabels template file (libglabels 3 format: Template with Label-rectangle, -round, -ellipse or
 * -cd, Layout and Markup children, Meta categories). A template that only names another part ("equiv") comes back
 * with equivalentOf set and no geometry: resolveGlabelsEquivalents() fills it in once every file is read. A broken
 * template is skipped and listed in problems; the others are kept.
 */
[[nodiscard]] GlabelsFile parseGlabelsTemplates(
    const QByteArray &xml, const QString &fileName, const std::vector<GlabelsPaper> &papers);

/// Gives each "equiv" stock the page, shape, grids and (when it has none) the description of the part it names,
/// from the same brand. Those that name a part nobody describes are removed and listed in @p problems.
void resolveGlabelsEquivalents(std::vector<Stock> &stocks, QStringList *problems);

} // namespace closient::labels
