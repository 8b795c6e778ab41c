// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace closient::models {

/// "22 Nov 2026 14:05" in local time, or "" for an invalid time.
[[nodiscard]] QString formatDateTime(const QDateTime &t);
/// "14:05:02" in local time.
[[nodiscard]] QString formatTime(const QDateTime &t);
/// "just now", "5 min ago", "3 h ago", or the date for older times.
[[nodiscard]] QString formatRelative(const QDateTime &t, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace closient::models
