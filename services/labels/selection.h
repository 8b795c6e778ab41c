// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include "labelitem.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace closient::labels {

/** The export's selection, as the Closient API takes it (LabelExportFiltersIn). */
struct Selection
{
    QString scope = QStringLiteral("lots"); // lots | serials (products is refused, as the API does)
    QStringList gtins;
    QString productId;
    QStringList ids; // lot_ids or serial_ids, by scope
    QString lotRunId;
    bool neverPrinted = false;
    QString search; // GUI only: part of a GTIN, lot or serial

    /// Reads the API's filters object; @p error names an unknown key or a wrong type.
    [[nodiscard]] static Result<Selection> fromJson(const QString &scope, const QJsonObject &filters);
    [[nodiscard]] QJsonObject filtersJson() const;
    /// Whether @p item passes the filters (not the ids), as select() would decide: for items not stored yet.
    [[nodiscard]] bool matches(const LabelItem &item) const;
};

} // namespace closient::labels
