// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QPageSize>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace closient::labels {

/** Where a label's symbol and text may go: a rectangle, or the circle inscribed in it for round labels. */
struct LabelArea
{
    QRectF rect; // mm, from the label's top-left corner; empty = no limit (a symbol file on its own)
    bool round = false; // the circle inscribed in rect: text may use its full width where it is wide enough

    [[nodiscard]] bool unlimited() const { return rect.isEmpty(); }
};

/** A label stock: page, label size and shape, and the grid the labels sit on. Lengths in millimetres. */
struct SheetTemplate
{
    enum class Shape { Rectangle, Round };
    QString name;
    QString description;
    QStringList equivalents;
    QString pageName; // "Letter", "A4", or empty for a custom (roll) page
    double pageWidth = 0;
    double pageHeight = 0;
    Shape shape = Shape::Rectangle;
    double labelWidth = 0;
    double labelHeight = 0;
    double cornerRadius = 0;
    int columns = 1;
    int rows = 1;
    double x0 = 0;
    double y0 = 0;
    double dx = 0;
    double dy = 0;
    double safeInset = 1.5;
    bool roll = false;
    QString source; // the file it came from

    [[nodiscard]] int labelsPerPage() const { return columns * rows; }
    /// The label at @p index (0-based, left to right then top to bottom) on its page.
    [[nodiscard]] QRectF cell(int index) const;
    /// Where a symbol and its text may go inside a label at the origin: the inset rectangle, or for round labels
    /// the inset square inscribed in the circle.
    [[nodiscard]] QRectF safeArea() const;
    /// What the artwork may use: the inset rectangle, or for round labels the inset circle.
    [[nodiscard]] LabelArea contentArea() const;
    [[nodiscard]] QPageSize pageSize() const;
    /// "7 × 9 · 25.4 × 25.4 mm round · Letter".
    [[nodiscard]] QString summary() const;
};

/** Reads a template from JSON (units in, mm or pt); @p error says what is wrong when it cannot. */
[[nodiscard]] Result<SheetTemplate> parseTemplate(const QByteArray &json);

/** The templates that ship in resources/templates and the user's own (one JSON file each). */
class TemplateLibrary
{
public:
    /// Built-in templates plus those in the user's template folder and $CLOSIENT_TEMPLATE_DIR. Broken user files
    /// are skipped and listed in problems().
    static const TemplateLibrary &instance();
    /// Loads again (after the user adds a file).
    static void reload();
    [[nodiscard]] static QString userFolder();

    [[nodiscard]] const std::vector<SheetTemplate> &templates() const { return m_templates; }
    [[nodiscard]] std::optional<SheetTemplate> find(const QString &name) const;
    [[nodiscard]] QStringList names() const;
    [[nodiscard]] const QStringList &problems() const { return m_problems; }

private:
    void load();
    std::vector<SheetTemplate> m_templates;
    QStringList m_problems;
};

} // namespace closient::labels
