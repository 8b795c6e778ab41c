// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfpages.h"

#include <QFileInfo>

#include <poppler-qt6.h>

using namespace Qt::StringLiterals;

namespace closient::printing {

PdfPages::PdfPages() = default;
PdfPages::~PdfPages() = default;

Poppler::Document *PdfPages::document(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = u"%1 does not exist"_s.arg(path);
        return nullptr;
    }
    const qint64 modified = info.lastModified().toMSecsSinceEpoch() ^ info.size();
    if (m_doc && m_path == path && m_modified == modified)
        return m_doc.get();
    m_doc = Poppler::Document::load(path);
    m_path = path;
    m_modified = modified;
    if (!m_doc || m_doc->isLocked()) {
        m_doc.reset();
        *error = u"%1 is not a readable PDF"_s.arg(info.fileName());
        return nullptr;
    }
    m_doc->setRenderHint(Poppler::Document::Antialiasing, true);
    m_doc->setRenderHint(Poppler::Document::TextAntialiasing, true);
    m_doc->setRenderHint(Poppler::Document::ThinLineSolid, true); // die-cut outlines stay visible when small
    return m_doc.get();
}

Result<QImage> PdfPages::render(const QString &path, int page, int widthPx)
{
    const QMutexLocker lock(&m_mutex);
    QString why;
    auto *doc = document(path, &why);
    if (!doc)
        return Error { u"invalid"_s, why };
    if (page < 0 || page >= doc->numPages())
        return Error { u"not_found"_s,
            u"the PDF has %1 pages, there is no page %2"_s.arg(doc->numPages()).arg(page + 1) };
    const auto p = doc->page(page);
    const QSizeF points = p ? p->pageSizeF() : QSizeF();
    if (points.isEmpty())
        return Error { u"invalid"_s, u"page %1 has no size"_s.arg(page + 1) };
    const double dpi = std::clamp(double(widthPx) * 72.0 / points.width(), 10.0, 1200.0);
    QImage image = p->renderToImage(dpi, dpi);
    if (image.isNull())
        return Error { u"invalid"_s, u"page %1 could not be rendered"_s.arg(page + 1) };
    return image;
}

Result<int> PdfPages::pageCount(const QString &path)
{
    const QMutexLocker lock(&m_mutex);
    QString why;
    auto *doc = document(path, &why);
    if (!doc)
        return Error { u"invalid"_s, why };
    return doc->numPages();
}

Result<QSizeF> PdfPages::pageSizeMm(const QString &path, int page)
{
    const QMutexLocker lock(&m_mutex);
    QString why;
    auto *doc = document(path, &why);
    if (!doc)
        return Error { u"invalid"_s, why };
    const auto p = page >= 0 && page < doc->numPages() ? doc->page(page) : nullptr;
    if (!p)
        return Error { u"not_found"_s,
            u"the PDF has %1 pages, there is no page %2"_s.arg(doc->numPages()).arg(page + 1) };
    return p->pageSizeF() * (25.4 / 72.0);
}

} // namespace closient::printing
