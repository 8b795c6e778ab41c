// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

namespace closient::bench {

/** What `bench review` does: the store sizes it builds and how often each step is timed. */
struct ReviewBenchOptions
{
    QString output = QStringLiteral("bench/results/review.md");
    QList<int> sizes { 10000, 100000 };
    int sessions = 500;
    int rounds = 3; // every filter, search and sort is timed this many times
    QString keepDir; // the generated stores are kept here; a temporary folder otherwise
};

/// Builds a store of each size, measures each in a process of its own (filter changes, searches and sorts, in ms
/// to the first rows shown by the review model; resident memory after scrolling), writes the Markdown result.
int runReviewBench(const ReviewBenchOptions &options, QTextStream &out, QTextStream &err);
/// The measuring process: opens the store at @p path and prints one JSON object with the timings and memory.
int measureReviewStore(const QString &path, int rounds, QTextStream &out, QTextStream &err);

} // namespace closient::bench
