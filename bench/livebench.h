// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

namespace closient::bench {

struct LiveBenchOptions
{
    QString corpusDir;
    QString output = QStringLiteral("bench/results/live.md");
    QString keepVideo; // where to keep the generated video (for demos), empty = a temporary file
    int codes = 24; // codes shown, one after the other
    int width = 1280;
    int height = 720;
    double fps = 30;
};

/// Plays a generated camera-like video (codes from the corpus held up one by one) in real time through Qt
/// Multimedia into the live pipeline and a real store, and measures frames delivered and dropped, decode time,
/// captures, and the time from a frame's arrival to its capture being stored. Returns a process exit code.
int runLiveBench(const LiveBenchOptions &options, QTextStream &out, QTextStream &err);

} // namespace closient::bench
