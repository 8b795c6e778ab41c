// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace closient::labels {

/** One thing a label is printed for: a lot (GTIN + lot) or a serialised item (GTIN + serial, maybe a lot). */
struct LabelItem
{
    enum class Kind { Lot, Serial };
    Kind kind = Kind::Lot;
    QString id; // local id of the lot or serial
    QString gtin; // GTIN-14
    QString lot;
    QString serial;
    QDate expiry;
    QDate productionDate;
    QString productId;
    QString lotRunId;
    int printCount = 0;
    QDateTime lastPrinted;
    bool voided = false;

    [[nodiscard]] QString entityType() const
    {
        return kind == Kind::Lot ? QStringLiteral("lot") : QStringLiteral("serial");
    }
    /// "(01)09506000134352(17)261231(10)ABC" in GS1 order: the AIs a label carries, bracketed.
    [[nodiscard]] QString hri() const;
    /// A file name made of the identifiers: "09506000134352_ABC123".
    [[nodiscard]] QString fileStem() const;
};

} // namespace closient::labels
