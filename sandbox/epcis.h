// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace closient::sandbox {

/// Why @p event cannot be captured (empty when it can): type, eventTime with an offset, eventTimeZoneOffset,
/// action, and the per-type fields the capture page lists (EPCIS 2.0 §7.3), plus ilmd only with action ADD.
[[nodiscard]] QStringList validateEvent(const QJsonObject &event);

/// The event as the duplicate check sees it: eventID, recordTime and @context dropped (they do not make an event
/// different), eventTime in UTC with milliseconds, strings trimmed, EPC lists sorted, object keys sorted.
[[nodiscard]] QByteArray canonicalEvent(const QJsonObject &event);
/// SHA-256 of canonicalEvent() as `sha256:<hex>`. This is NOT the CBV 2.0 event hash (§8.9: a pre-hash string
/// with identifiers converted to canonical Digital Link URIs); it treats the same content written in the same
/// vocabulary as the same event, which is what a retried sync sends.
[[nodiscard]] QString eventHash(const QJsonObject &event);

} // namespace closient::sandbox
