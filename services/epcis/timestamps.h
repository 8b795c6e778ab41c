// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QDateTime>
#include <QString>

namespace closient::epcis {

/** An RFC 3339 date-time as EPCIS writes it (xsd:dateTimeStamp: the UTC offset is required). */
struct Timestamp
{
    QDateTime utc; // to the millisecond, rounded as the CBV 2.0 event hash rounds
    int offsetSeconds = 0; // the offset it was written with
};

/// Reads "2024-05-01T10:15:30.1234+02:00" (any number of fraction digits, Z or an offset; T and Z in either
/// case). The milliseconds are the first three fraction digits, rounded up when the fourth is 5 to 9.
[[nodiscard]] Result<Timestamp> parseTimestamp(QStringView text);

/// The CBV 2.0 event hash form: UTC, milliseconds, "Z": 2024-05-01T08:15:30.123Z.
[[nodiscard]] QString hashFormOfTimestamp(const Timestamp &t);

/// How the station writes a time: local time with milliseconds and its offset, "2024-05-01T10:15:30.123+02:00".
[[nodiscard]] QString formatTimestamp(const QDateTime &time);
/// An offset as eventTimeZoneOffset writes it: "+02:00", "-05:30", "+00:00".
[[nodiscard]] QString formatOffset(int offsetSeconds);

} // namespace closient::epcis
