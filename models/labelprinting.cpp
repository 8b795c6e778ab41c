// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelprinting.h"

#include "labelitemmodel.h"
#include "labelrepository.h"
#include "labelsthermal.h"
#include "printers.h"
#include "settings.h"
#include "stationidentity.h"
#include "statusmessage.h"
#include "stocklibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace closient::models {

namespace {
QString workFile(const QString &kind)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/labels"_s;
    QDir().mkpath(dir);
    return u"%1/%2-%3.pdf"_s.arg(dir, kind, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

LabelPrinting::JobPhase phaseOf(const QString &phase)
{
    if (phase == u"rendering")
        return LabelPrinting::JobPhase::Rendering;
    if (phase == u"verifying")
        return LabelPrinting::JobPhase::Verifying;
    if (phase == u"printing")
        return LabelPrinting::JobPhase::Printing;
    return LabelPrinting::JobPhase::Starting;
}
} // namespace

LabelPrinting::LabelPrinting(const LabelsContext &context, LabelItemModel *items, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_items(items)
{ }

LabelPrinting::~LabelPrinting()
{
    cancelJob();
}

double LabelPrinting::calibrationLimit()
{
    return kCalibrationLimitMm;
}

QStringList LabelPrinting::voidReasons() const
{
    return { tr("Damaged"), tr("Lost"), tr("Destroyed"), tr("Entered by mistake") };
}

QStringList LabelPrinting::reprintReasons() const
{
    return { tr("Damaged"), tr("Lost"), tr("Misprinted"), tr("Unreadable") };
}

QString LabelPrinting::jobPhaseText() const
{
    switch (m_jobPhase) {
    case JobPhase::Rendering:
        return tr("making the sheets");
    case JobPhase::Verifying:
        return tr("reading every label back");
    case JobPhase::Printing:
        return tr("sending to the printer");
    case JobPhase::Starting:
        break;
    }
    return tr("starting");
}

void LabelPrinting::restore()
{
    m_printer = m_context.settings->text(u"labels.printer"_s);
    Q_EMIT changed();
}

void LabelPrinting::refreshPrinters()
{
    QtConcurrent::run(m_context.pool, [] {
        auto list = printing::availablePrinters();
        return std::pair { list, list.empty() ? printing::whyNoPrinters() : QString() };
    }).then(this, [this](const std::pair<std::vector<printing::PrinterInfo>, QString> &found) {
        const auto &list = found.first;
        m_noPrintersReason = found.second;
        m_printers.clear();
        for (const auto &p : list) {
            m_printers << QVariantMap { { u"name"_s, p.name }, { u"description"_s, p.description },
                { u"location"_s, p.location }, { u"state"_s, p.state }, { u"isDefault"_s, p.isDefault } };
        }
        Q_EMIT printersChanged();
        const bool known = std::any_of(list.begin(), list.end(), [&](const auto &p) { return p.name == m_printer; });
        if (!known)
            setPrinter(list.empty() ? QString() : list.front().name);
        else
            loadCalibration();
    });
}

void LabelPrinting::setPrinter(const QString &printer)
{
    if (printer == m_printer)
        return;
    m_printer = printer;
    Q_EMIT changed();
    Q_EMIT edited();
    loadCalibration();
}

void LabelPrinting::loadCalibration()
{
    if (m_printer.isEmpty())
        return;
    LabelRepository(m_context.db)
        .calibration(m_printer)
        .then(this, [this, printer = m_printer](const Result<QPointF> &r) {
            if (printer != m_printer)
                return;
            if (!r.ok()) {
                m_context.status->report(tr("The offsets of %1 could not be read").arg(printer), r.error());
                return;
            }
            if (r.value() == m_context.request->calibration)
                return;
            m_context.request->calibration = r.value();
            Q_EMIT changed();
            Q_EMIT calibrationChanged();
        });
}

void LabelPrinting::setCopies(int copies)
{
    copies = std::clamp(copies, 1, 999);
    if (copies == m_copies)
        return;
    m_copies = copies;
    Q_EMIT changed();
}

bool LabelPrinting::setPages(const QString &text)
{
    const auto range = parsePageRange(text);
    if (!range.ok()) {
        m_context.status->warn(range.error().message);
        Q_EMIT changed(); // the field shows the last good range again
        return false;
    }
    if (!(range.value() == m_pages)) {
        m_pages = range.value();
        Q_EMIT changed();
    }
    return true;
}

void LabelPrinting::setOffsetX(double mm)
{
    setCalibration({ mm, offsetY() });
}

void LabelPrinting::setOffsetY(double mm)
{
    setCalibration({ offsetX(), mm });
}

void LabelPrinting::setCalibration(QPointF offsetMm)
{
    offsetMm = { std::clamp(offsetMm.x(), -kCalibrationLimitMm, kCalibrationLimitMm),
        std::clamp(offsetMm.y(), -kCalibrationLimitMm, kCalibrationLimitMm) };
    if (offsetMm == m_context.request->calibration)
        return;
    m_context.request->calibration = offsetMm;
    if (!m_printer.isEmpty()) {
        LabelRepository(m_context.db)
            .setCalibration(m_printer, offsetMm)
            .then(this, [this, printer = m_printer](const Result<Done> &r) {
                if (!r.ok())
                    m_context.status->report(tr("The offsets of %1 were not saved").arg(printer), r.error());
            });
    }
    Q_EMIT changed();
    Q_EMIT calibrationChanged();
}

void LabelPrinting::runJob(const ExportRequest &q, const QString &title)
{
    if (m_job) {
        m_context.status->warn(tr("A job is still running: wait for it or cancel it."));
        return;
    }
    m_context.status->clear();
    auto *job = new LabelJob(m_context.db, q, this);
    m_job = job;
    m_jobTitle = title;
    m_jobPhase = JobPhase::Starting;
    m_jobDone = 0;
    m_jobTotal = 0;
    Q_EMIT jobChanged();
    connect(job, &LabelJob::progress, this, [this](int done, int total, const QString &phase) {
        m_jobDone = done;
        m_jobTotal = total;
        m_jobPhase = phaseOf(phase);
        Q_EMIT jobChanged();
    });
    QtConcurrent::run(m_context.pool, [job] { return job->run(); }).then(this, [this, job, q](const JobResult &r) {
        job->deleteLater();
        m_job = nullptr;
        Q_EMIT jobChanged();
        jobFinished(r, q);
    });
}

void LabelPrinting::jobFinished(const JobResult &r, const ExportRequest &q)
{
    const bool printed = !q.print.printer.isEmpty();
    if (printed && !q.outputPath.isEmpty())
        QFile::remove(q.outputPath); // the printer has it; the print log says what was printed
    auto &status = *m_context.status;
    if (r.status != JobStatus::Completed) {
        const QString what = printed ? tr("Nothing was printed") : tr("Nothing was saved");
        const bool mild = r.status == JobStatus::Cancelled || !r.alreadyPrinted.isEmpty();
        status.show(mild ? StatusMessage::Severity::Warning : StatusMessage::Severity::Error,
            u"%1: %2"_s.arg(what, r.error), r.failures);
        if (!r.alreadyPrinted.isEmpty())
            Q_EMIT reprintReasonNeeded(r.alreadyPrinted.mid(0, 5).join(u", "_s)
                + (r.alreadyPrinted.size() > 5 ? tr(" and %1 more").arg(r.alreadyPrinted.size() - 5) : QString()));
    } else if (printed && q.exportType == u"thermal") {
        status.good(tr("Printed %1 labels on %2 · all %3 read back before sending")
                        .arg(r.labels)
                        .arg(q.print.printerName.isEmpty() ? r.printedOn : q.print.printerName)
                        .arg(r.verified));
    } else if (printed) {
        Q_EMIT this->printed(q.templateName, r.nextStart);
        status.good(tr("%1 %2 labels on %3 (%4 pages) · all %5 read back before printing")
                        .arg(q.print.action == u"reprint" ? tr("Reprinted") : tr("Printed"))
                        .arg(r.labels)
                        .arg(r.printedOn)
                        .arg(r.pages)
                        .arg(r.verified));
    } else {
        status.good(tr("Saved %1 labels to %2 · all %3 read back").arg(r.labels).arg(r.output).arg(r.verified));
    }
}

bool LabelPrinting::applyThermal(ExportRequest &q, bool send) const
{
    const auto applied = m_thermal->applyTo(q, send);
    if (!applied.ok())
        m_context.status->error(applied.error().message);
    return applied.ok();
}

std::optional<ExportRequest> LabelPrinting::printRequest(const QString &reason) const
{
    ExportRequest q = m_context.job();
    if (q.exportType == u"thermal") { // the chosen thermal printer takes the whole job as ZPL
        if (!applyThermal(q, true))
            return std::nullopt;
    } else if (m_printer.isEmpty()) {
        m_context.status->error(
            tr("There is no printer to print on: add one to the print server (CUPS), or export a PDF."));
        return std::nullopt;
    } else if (q.exportType != u"sheet_pdf") {
        m_context.status->warn(tr("Only sheets and thermal labels print: choose “Sheet PDF” or a thermal printer."));
        return std::nullopt;
    } else {
        q.outputPath = workFile(u"print"_s);
        q.print.printer = m_printer;
        q.print.copies = m_copies;
        q.print.fromPage = m_pages.from;
        q.print.toPage = m_pages.to;
    }
    q.print.reason = reason.trimmed();
    return q;
}

void LabelPrinting::print(const QString &reason)
{
    if (const auto q = printRequest(reason))
        runJob(*q, tr("Printing on %1").arg(q->print.printerName.isEmpty() ? q->print.printer : q->print.printerName));
}

void LabelPrinting::confirmPrint()
{
    const auto request = printRequest({});
    if (!request)
        return;
    const ExportRequest q = *request;
    const bool thermal = q.exportType == u"thermal";
    const QString printer = thermal ? u"%1 (%2)"_s.arg(q.print.printerName, q.print.printer) : q.print.printer;
    const int copies = q.print.copies;
    QtConcurrent::run(m_context.pool, [db = m_context.db, q] {
        return summarizePrint(db, q);
    }).then(this, [this, q, printer, copies, thermal](const Result<PrintPreviewSummary> &r) {
        if (!r.ok()) {
            m_context.status->report(tr("The print cannot be prepared"), r.error());
            return;
        }
        const auto &s = r.value();
        const auto library = StockLibrary::instance();
        const auto *stock = library->find(q.stock.isEmpty() ? q.templateName : q.stock);
        Q_EMIT confirmationNeeded({ { u"labels"_s, s.labels }, { u"pages"_s, s.pages }, { u"items"_s, s.items },
            { u"newSerials"_s, s.newSerials }, { u"reprintedSerials"_s, s.reprintedSerials },
            { u"reprinted"_s, s.reprinted.join(u", "_s) }, { u"printer"_s, printer },
            { u"stock"_s,
                stock         ? stock->displayName()
                    : thermal ? tr("the layout's label")
                              : q.templateName },
            { u"layout"_s, q.layoutName.isEmpty() ? tr("Symbol only") : q.layoutName }, { u"start"_s, q.startPosition },
            { u"copies"_s, copies }, { u"thermal"_s, thermal },
            { u"resolution"_s, thermal ? tr("%1 dpi").arg(q.zpl.dpi) : QString() } });
    });
}

void LabelPrinting::reprint(const QString &itemId, const QString &reason)
{
    auto &status = *m_context.status;
    if (reason.trimmed().isEmpty()) {
        status.warn(tr("Say why the labels are printed again (damaged, lost, …)."));
        return;
    }
    ExportRequest q = m_context.job();
    const bool thermal = q.exportType == u"thermal"; // again on the thermal printer; else on a sheet
    if (!thermal) {
        q.exportType = u"sheet_pdf"_s;
        q.fileFormat = u"pdf"_s;
    }
    if (!itemId.isEmpty())
        q.selection.ids = { itemId };
    if (q.selection.ids.isEmpty()) {
        status.warn(tr("Tick the labels to print again."));
        return;
    }
    // Printing again is for labels that were printed; the rest are printed with Print.
    QStringList never;
    for (const auto &id : q.selection.ids) {
        if (const auto *item = m_items->find(id); item && item->printCount == 0)
            never << (item->kind == LabelItem::Kind::Serial ? item->serial : item->lot);
    }
    if (!never.isEmpty()) {
        status.warn((never.size() == 1 ? tr("%1 was never printed: print it with Print.")
                                       : tr("%1 were never printed: print them with Print."))
                        .arg(never.mid(0, 5).join(u", "_s)));
        return;
    }
    if (thermal ? !applyThermal(q, true) : m_printer.isEmpty()) {
        if (!thermal)
            status.error(tr("There is no printer to print on."));
        return;
    }
    if (!thermal) {
        q.outputPath = workFile(u"reprint"_s);
        q.print.printer = m_printer;
    }
    q.print.copies = 1;
    q.print.action = u"reprint"_s;
    q.print.reason = reason.trimmed();
    runJob(q,
        (q.selection.ids.size() == 1 ? tr("Reprinting 1 label on %1")
                                     : tr("Reprinting %1 labels on %2").arg(q.selection.ids.size()))
            .arg(thermal ? q.print.printerName : m_printer));
}

void LabelPrinting::voidSerial(const QString &itemId, const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        m_context.status->warn(tr("Say why the serial is void."));
        return;
    }
    const auto *item = m_items->find(itemId);
    const QString name = item ? item->serial : itemId;
    LabelRepository(m_context.db)
        .voidSerial(itemId, reason.trimmed(), StationIdentity::current().user)
        .then(this, [this, name](const Result<Done> &r) {
            if (r.ok())
                m_context.status->good(tr("Serial %1 is void: it will not be printed again.").arg(name));
            else
                m_context.status->report(tr("Serial %1 could not be voided").arg(name), r.error());
        });
}

void LabelPrinting::cancelJob()
{
    if (m_job)
        m_job->cancel();
}

} // namespace closient::models
