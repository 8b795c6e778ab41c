// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelpreview.h"

#include "labelsthermal.h"
#include "pdfpages.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QUrl>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {
QString workFolder()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/labels"_s;
    QDir().mkpath(dir);
    return dir;
}
} // namespace

LabelPreview::LabelPreview(const LabelsContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(350);
    connect(&m_timer, &QTimer::timeout, this, &LabelPreview::make);
}

LabelPreview::~LabelPreview()
{
    cancel();
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

void LabelPreview::cancel()
{
    m_timer.stop();
    if (m_job)
        m_job->cancel();
}

void LabelPreview::set(State state, const QString &message)
{
    if (state == m_state && message == m_message)
        return;
    m_state = state;
    m_message = message;
    Q_EMIT changed();
}

void LabelPreview::schedule(int items, bool loading)
{
    const auto &q = *m_context.request;
    if (q.exportType == u"thermal" && q.layoutName.isEmpty() && !q.layout) {
        m_timer.stop();
        set(State::NotASheet, tr("Thermal labels are drawn by a layout: choose one to see them here."));
        return;
    }
    if (q.exportType != u"sheet_pdf" && q.exportType != u"thermal") {
        m_timer.stop();
        set(State::NotASheet,
            tr("This export makes a ZIP with one %1 file per item, named by its identifiers; sheets are previewed "
               "with the type “Sheet PDF”.")
                .arg(q.fileFormat.toUpper()));
        return;
    }
    if (items == 0) {
        m_timer.stop();
        set(State::Empty, loading ? QString() : tr("No %1 match: nothing to lay out.").arg(q.selection.scope));
        return;
    }
    m_timer.start();
}

void LabelPreview::make()
{
    if (m_job) { // the settings changed while a preview was made: that one is stale
        m_again = true;
        m_job->cancel();
        return;
    }
    labels::ExportRequest q = m_context.job();
    q.verify = false; // a look at the layout; print and export read every label back
    q.record = false;
    if (q.exportType == u"thermal") {
        // Each label as the chosen printer gets it, dot for dot, one page each; nothing is sent.
        if (m_thermal)
            (void)m_thermal->applyTo(q, false);
        q.fileFormat = u"pdf"_s;
        q.print = {};
    }
    q.outputPath = u"%1/preview-%2.pdf"_s.arg(workFolder()).arg(++m_revision);
    set(State::Rendering, tr("Laying out the labels…"));
    auto *job = new labels::LabelJob(m_context.db, q, this);
    m_job = job;
    const bool labelPages = q.exportType == u"thermal";
    QtConcurrent::run(m_context.pool, [job] {
        const auto r = job->run();
        // The page's shape, read from the file made (a sheet, or one label): the view keeps to it.
        const auto size = r.status == labels::JobStatus::Completed ? printing::PdfPages().pageSizeMm(r.output, 0)
                                                                   : Result<QSizeF>(Error { u"none"_s, {} });
        return std::pair { r,
            size.ok() && size.value().width() > 0 ? size.value().height() / size.value().width() : 0.0 };
    }).then(this, [this, job, labelPages](const std::pair<labels::JobResult, double> &made) {
        const labels::JobResult &r = made.first;
        job->deleteLater();
        m_job = nullptr;
        if (m_again) {
            m_again = false;
            QFile::remove(job->request().outputPath);
            make();
            return;
        }
        if (r.status != labels::JobStatus::Completed) {
            set(State::Failed, r.error);
            return;
        }
        if (!m_path.isEmpty())
            QFile::remove(m_path);
        m_path = r.output;
        m_pages = r.pages;
        m_labels = r.labels;
        m_pageAspect = made.second;
        m_labelPages = labelPages;
        m_state = State::Ready;
        m_message.clear();
        Q_EMIT changed();
    });
}

QString LabelPreview::pageSource(int page) const
{
    if (m_path.isEmpty())
        return {};
    return u"image://labelpreview/%1/%2"_s.arg(page).arg(QString::fromUtf8(QUrl::toPercentEncoding(m_path)));
}

} // namespace closient::models
