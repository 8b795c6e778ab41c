// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace closient::counts {

/** Where a count happens: a GLN (check digit checked) with an optional extension (an SGLN), and the name of the
 *  place it was chosen by, if any. */
struct CountLocation
{
    QString gln; // 13 digits
    QString extension; // AI 254; empty for the GLN itself
    QString name; // a named place, or empty
    /// "9521234000006" or "9521234000006.A12"
    [[nodiscard]] QString text() const;
    /// The EPCIS identifier: https://id.gs1.org/414/{gln}[/254/{extension}]
    [[nodiscard]] QString uri() const;
};

/** A count: where, what for, when, and whether it is still being counted. */
struct Count
{
    enum class Status { Open, Finished };
    QString id;
    CountLocation location;
    QString description;
    Status status = Status::Open;
    bool blind = false;
    QDateTime started;
    QDateTime finished; // invalid while open
    bool hasExpected = false;
    double counted = 0; // items counted so far (COUNTED lines)
    int lineCount = 0; // acknowledged scans, undone ones included
    [[nodiscard]] bool isOpen() const { return status == Status::Open; }
    [[nodiscard]] QJsonObject toJson() const;
};

/** One acknowledged scan of a count, in the order they came. */
struct CountLine
{
    enum class Status { Counted, Repeated, Undone };
    QString id;
    QString countId;
    int seq = 0;
    QString gtin; // 14 digits
    QString lot;
    QString expiry; // yyyy-MM-dd or empty
    QString serial;
    double quantity = 0; // 0 for a repeated serial
    Status status = Status::Counted;
    QString rawValue;
    QString source;
    QDateTime created;
    [[nodiscard]] QJsonObject toJson() const;
};
[[nodiscard]] QString lineStatusName(CountLine::Status status); // "counted", "repeated", "undone"

/** A quantity expected at the count's location (imported from CSV). */
struct ExpectedItem
{
    QString gtin; // 14 digits
    QString lot; // empty: no lot
    double quantity = 0;
};

/** What a count tallies: one row per GTIN + lot + expiry. */
struct TallyRow
{
    QString gtin;
    QString lot;
    QString expiry;
    double counted = 0;
    int serials = 0; // how many of them were serialised items
    std::optional<double> expected; // of its GTIN + lot; never set in blind mode while counting
};

} // namespace closient::counts
