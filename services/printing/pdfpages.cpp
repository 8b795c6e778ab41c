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

QImage PdfPages::render(const QString &path, int page, int widthPx, QString *error)
{
    const QMutexLocker lock(&m_mutex);
    auto *doc = document(path, error);
    if (!doc)
        return {};
    if (page < 0 || page >= doc->numPages()) {
        *error = u"the PDF has %1 pages, there is no page %2"_s.arg(doc->numPages()).arg(page + 1);
        return {};
    }
    const auto p = doc->page(page);
    const QSizeF points = p ? p->pageSizeF() : QSizeF();
    if (points.isEmpty()) {
        *error = u"page %1 has no size"_s.arg(page + 1);
        return {};
    }
    const double dpi = std::clamp(double(widthPx) * 72.0 / points.width(), 10.0, 1200.0);
    QImage image = p->renderToImage(dpi, dpi);
    if (image.isNull())
        *error = u"page %1 could not be rendered"_s.arg(page + 1);
    return image;
}

int PdfPages::pageCount(const QString &path, QString *error)
{
    const QMutexLocker lock(&m_mutex);
    auto *doc = document(path, error);
    return doc ? doc->numPages() : -1;
}

QSizeF PdfPages::pageSizeMm(const QString &path, int page, QString *error)
{
    const QMutexLocker lock(&m_mutex);
    auto *doc = document(path, error);
    if (!doc || page < 0 || page >= doc->numPages())
        return {};
    const auto p = doc->page(page);
    return p ? p->pageSizeF() * (25.4 / 72.0) : QSizeF();
}

} // namespace closient::printing
