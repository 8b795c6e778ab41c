// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArrayView>
#include <QStringList>

#include <vector>

namespace closient::labels {

/** One record of a CSV file: its fields, its number (the header is row 1) and the line it starts on. */
struct CsvRow
{
    QStringList fields;
    int row = 0;
    int line = 0;
    /// "row 3" or, when quoted line breaks moved it, "row 3 (line 5)".
    [[nodiscard]] QString where() const;
};

/** A CSV file read to the letter of RFC 4180: the header and the rows, every row as wide as the header. */
struct CsvTable
{
    QStringList header;
    std::vector<CsvRow> rows;
};

/**
 * Reads CSV as RFC 4180 writes it: fields separated by one delimiter (a comma unless said otherwise), records ended
 * by CRLF or LF, fields in double quotes may hold the delimiter, line breaks and doubled quotes. A UTF-8 byte order
 * mark is skipped. Nothing is guessed: a quote inside an unquoted field, text after a closing quote, an open quote
 * at the end, text that is not UTF-8, or a row whose field count differs from the header's is refused, naming
 * the row.
 */
class CsvReader
{
public:
    /// The delimiter as a person names it: ",", ";", "tab" or "\t", or any one character but a quote or a line
    /// break.
    [[nodiscard]] static Result<QChar> delimiterFromName(const QString &name);
    /// Every problem, one per line in the error's message, so a person can fix the file in one go.
    [[nodiscard]] static Result<CsvTable> read(QByteArrayView data, QChar delimiter = u',');
};

} // namespace closient::labels
