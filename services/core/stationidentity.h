// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace closient {

/** Who works at this station and on which machine: what print logs, voids and corrections record. */
struct StationIdentity
{
    QString user; // the operating-system account, e.g. "mlopez"
    QString workstation; // the machine's host name

    /// The identity of this process: $USER (or the account's name), the host name; never empty.
    [[nodiscard]] static const StationIdentity &current();
};

} // namespace closient
