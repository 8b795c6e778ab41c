// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace closient::gs1 {

/** Why one component of an AI value fails a check, in words the person at the desk understands. */
struct LintFailure
{
    QString code; // stable machine code: check_digit, charset, invalid_date, invalid_value, ...
    int offset = 0; // 0-based offset of the offending data inside the component
    QString message;
};

/// Checks @p data (one component of an AI value) against the character set of the dictionary ('N', 'X', 'Y', 'Z').
[[nodiscard]] std::optional<LintFailure> lintCharset(char charset, QStringView data);
/// Runs the named linter of the GS1 Barcode Syntax Dictionary; unknown names pass (newer dictionaries).
[[nodiscard]] std::optional<LintFailure> lint(QStringView linter, QStringView data);

/// The GS1 mod-10 check digit for @p digits (the data without its check digit), or -1 if not all digits.
[[nodiscard]] int gs1CheckDigit(QStringView digits);
/// The two check characters of a GS1 alphanumeric key (GMN) for @p data without its check pair.
[[nodiscard]] QString gs1CheckPair(QStringView data);

} // namespace closient::gs1
