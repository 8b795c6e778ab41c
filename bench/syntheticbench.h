// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "corpus.h"

#include <QString>
#include <QTextStream>

#include <vector>

namespace closient::bench {

/// The generated set: every retail and logistics format rendered by zint and spoiled step by step (defocus, motion,
/// noise, JPEG, low contrast, uneven light, perspective, small modules), @p perLevel payloads a step, plus
/// generated codeless images; closient, zxing-demo and zbar read each image one after the other. Markdown.
[[nodiscard]] QString syntheticSection(int perLevel, QTextStream &err);

/// Leave-one-folder-out over the still cascade's stages: every stage runs on every corpus image on its own; for
/// each folder, stages are chosen on the other folders (kept when they add correct reads and no misread or false
/// positive) and scored on the folder left out. Markdown.
[[nodiscard]] QString leaveOneFolderOutSection(const std::vector<CorpusImage> &corpus, QTextStream &err);

} // namespace closient::bench
