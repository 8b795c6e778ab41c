// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QFont>

namespace closient {

/** The fonts labels and screens draw with, loaded from the files the station's package depends on, so that text
 *  measures and looks the same on every machine whatever else is installed. */
struct StationFonts
{
    QString hriFamily; // OCR-B (fonts-ocr-b), as GS1 recommends for human-readable interpretation
    QString textFamily; // DejaVu Sans (fonts-dejavu-core), for every other text
    QString monoFamily; // DejaVu Sans Mono (fonts-dejavu-core), for codes shown on screen

    /// Registers the font files with Qt once (thread-safe; needs a QGuiApplication) and names their families.
    /// Fails with the missing file and the package that provides it.
    [[nodiscard]] static const Result<StationFonts> &load();

    /// A font of @p family that never falls back to another family silently.
    [[nodiscard]] static QFont font(const QString &family, qreal pointSize);
};

} // namespace closient
