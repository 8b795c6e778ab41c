// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

namespace closient::bench {

struct LabelBenchOptions
{
    int count = 10000;
    QString output = QStringLiteral("bench/results/labels.md");
    bool glabels = true;
    bool layoutsOnly = false; // only the rows drawn with the Product label layout
};

/// Times closient-station labels export (and glabels-3-batch on the same CSV) on 63-up DataMatrix and Avery 5160
/// GS1-128 sheets: wall time, peak memory, verification. Each run is its own process, measured with wait4().
int runLabelBench(const LabelBenchOptions &options, QTextStream &out, QTextStream &err);

} // namespace closient::bench
