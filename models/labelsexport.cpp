// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// LabelPrinting's exports to a file: where to offer to save, and the job that writes it.
#include "labelprinting.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace closient::models {

QUrl LabelPrinting::suggestedExportFile() const
{
    const auto &q = *m_context.request;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s);
    const QString ext = q.exportType == u"sheet_pdf" ? u"pdf"_s : q.exportType == u"thermal" ? u"zpl"_s : u"zip"_s;
    // The folder of the last export; else Documents when the account has one; else the home folder (a new
    // account may have no Documents folder, and a save dialog must never start in one that does not exist).
    QString folder = m_lastExportFolder;
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return QUrl::fromLocalFile(u"%1/labels-%2-%3-%4.%5"_s.arg(folder, q.selection.scope, q.exportType, stamp, ext));
}

void LabelPrinting::exportTo(const QUrl &file)
{
    ExportRequest q = m_context.job();
    if (q.exportType == u"thermal" && !applyThermal(q, false)) // made for the chosen printer's resolution
        return;
    q.outputPath = file.isLocalFile() ? file.toLocalFile() : file.toString();
    m_lastExportFolder = QFileInfo(q.outputPath).absolutePath();
    runJob(q, tr("Exporting to %1").arg(QFileInfo(q.outputPath).fileName()));
}

} // namespace closient::models
