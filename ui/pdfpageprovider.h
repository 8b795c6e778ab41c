// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdfpages.h"

#include <QQuickImageProvider>

namespace closient::ui {

/**
 * "image://labelpreview/<page>/<percent-encoded path>": a page of a PDF rendered by Poppler at the width the view
 * asks for (sourceSize), off the GUI thread. The Labels screen shows the job's own PDF with it.
 */
class PdfPageProvider : public QQuickImageProvider
{
public:
    PdfPageProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

    static constexpr auto kName = "labelpreview";

private:
    printing::PdfPages m_pages;
};

} // namespace closient::ui
