// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QImage>
#include <QMutex>
#include <QSizeF>
#include <QString>

#include <memory>

namespace Poppler {
class Document;
}

namespace closient::printing {

/**
 * The pages of a PDF as pictures, by Poppler: what the preview shows is the file that is printed or saved.
 * Keeps the last document open, so paging and zooming do not parse it again. Thread-safe (one page at a time).
 */
class PdfPages
{
public:
    PdfPages();
    ~PdfPages();

    /// Page @p page (0-based) of @p path, @p widthPx wide, or why it cannot be shown.
    [[nodiscard]] Result<QImage> render(const QString &path, int page, int widthPx);
    /// Number of pages, or why the file cannot be read as a PDF.
    [[nodiscard]] Result<int> pageCount(const QString &path);
    /// The size of page @p page in millimetres.
    [[nodiscard]] Result<QSizeF> pageSizeMm(const QString &path, int page);

private:
    Poppler::Document *document(const QString &path, QString *error);

    QMutex m_mutex;
    QString m_path;
    qint64 m_modified = 0;
    std::unique_ptr<Poppler::Document> m_doc;
};

} // namespace closient::printing
