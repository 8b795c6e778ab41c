// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace closient::bench {

struct DecodeBenchOptions
{
    QString corpusDir;
    QString output = QStringLiteral("bench/results/decode.md");
    QStringList engines { QStringLiteral("closient"), QStringLiteral("zxing-demo"), QStringLiteral("zbar"),
        QStringLiteral("zxing-multi") };
    bool still = true;
    bool frames = true;
    int frameSample = 240; // codes placed into frames per frame size
    int emptyFrames = 40; // frames with no code per size
    int workers = 1; // 1 keeps the timings clean
    int synthetic = 0; // payloads a format and degradation step in the generated set (0: no generated set)
    bool leaveOneFolderOut = false; // the held-out analysis of the still stages
};

/// Runs the decode benchmark: per format folder decode rate, misreads, false positives, aborts and p50/p95 ms for
/// each engine on still images, then on codes composited into 640×480, 1280×720 and 1920×1080 frames (and empty
/// frames timed apart). Writes Markdown to options.output and prints a summary. Returns a process exit code.
int runDecodeBench(const DecodeBenchOptions &options, QTextStream &out, QTextStream &err);

} // namespace closient::bench
