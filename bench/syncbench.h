// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

namespace closient::bench {

struct SyncBenchOptions
{
    int records = 900; // per run: sessions, captures and ends
    int perMinute = 300; // the key's limit (the product's default)
    bool faults = true; // also run with 10% of requests faulted (half carried out, then dropped)
    QString output = QStringLiteral("bench/results/sync.md");
};

/// Drains a station store into closient-sandbox with the real engine and client: records per second against the
/// fastest the rate limit allows for the same records, 429s drawn, records lost and duplicated on the server.
int runSyncBench(const SyncBenchOptions &options, QTextStream &out, QTextStream &err);

} // namespace closient::bench
