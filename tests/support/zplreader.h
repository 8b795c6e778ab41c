// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QPoint>
#include <QString>
#include <QStringList>

#include <vector>

namespace closient::test {

/** One label a ZPL printer would print, rebuilt from its commands. */
struct ZplPrinted
{
    QImage image; // ^PW × ^LL dots, white, with every ^GFA drawn at its ^FO (1 bit: index 1 = black)
    int printWidth = 0;
    int labelLength = 0;
    QPoint home;
    QString media; // "Y", "M", "N" from ^MN
    int darkness = -1; // ~SD before the label
    int darknessAdjust = 0; // ^MD
    int speed = 0; // ^PR
    int copies = 1; // ^PQ
    int graphicFields = 0;
    QStringList commands; // every command in order ("^XA", "^PW", ...)
};

/// Reads a ZPL stream the way a Zebra printer does for the commands the station sends: ~SD, ^XA ... ^XZ, ^MN, ^PW,
/// ^LL, ^LH, ^PR, ^MD, ^FO, ^GFA (plain hex or Zebra's ASCII compression: G–Y and g–z repeat counts, ',' '!' ':'),
/// ^FS, ^PQ. @p error gets the first thing it cannot read (an unknown command, a field that does not add up).
[[nodiscard]] std::vector<ZplPrinted> readZpl(const QByteArray &zpl, QString *error);

} // namespace closient::test
