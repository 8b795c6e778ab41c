// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "counttypes.h"

#include <QJsonObject>

#include <vector>

namespace closient::counts {

/** One GTIN + lot of a variance report. */
struct VarianceRow
{
    /// Match: counted as expected; Over / Short: both known and they differ; Unexpected: counted, not expected;
    /// Missing: expected, none counted.
    enum class Kind { Match, Over, Short, Unexpected, Missing };
    QString gtin;
    QString lot;
    std::optional<double> expected;
    double counted = 0;
    Kind kind = Kind::Match;
    /// counted - expected (counted when nothing was expected)
    [[nodiscard]] double difference() const { return counted - expected.value_or(0); }
};
[[nodiscard]] QString varianceKindName(VarianceRow::Kind kind); // "match", "over", "short", "unexpected", "missing"

/** Counted against expected, per GTIN + lot (expiries of one lot added up). */
struct Variance
{
    Count count;
    std::vector<VarianceRow> rows; // sorted by GTIN, then lot
    [[nodiscard]] int rowsOf(VarianceRow::Kind kind) const;
    [[nodiscard]] double totalExpected() const;
    [[nodiscard]] double totalCounted() const;
    [[nodiscard]] QJsonObject toJson() const;
    /// RFC 4180 CSV: gtin,lot,expected,counted,difference,status; a header line, CRLF line ends.
    [[nodiscard]] QByteArray toCsv() const;
};

/// The variance of @p tally (COUNTED lines grouped) against @p expected. A GTIN + lot is matched exactly: an
/// expected row without a lot stands for the items counted without a lot.
[[nodiscard]] Variance computeVariance(
    const Count &count, const std::vector<TallyRow> &tally, const std::vector<ExpectedItem> &expected);

} // namespace closient::counts
