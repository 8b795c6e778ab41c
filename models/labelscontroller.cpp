// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelscontroller.h"

#include "database.h"
#include "labelrepository.h"
#include "settings.h"
#include "stationidentity.h"

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {
LabelsContext makeContext(store::Database *db, store::Settings *settings, labels::ExportRequest *request,
    StatusMessage *status, QThreadPool *pool, std::function<labels::ExportRequest()> job)
{
    LabelsContext c;
    c.job = std::move(job);
    c.db = db;
    c.settings = settings;
    c.request = request;
    c.status = status;
    c.pool = pool;
    return c;
}
} // namespace

LabelsController::LabelsController(store::Database *db, store::Settings *settings, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_settings(settings)
    , m_context(makeContext(db, settings, &m_request, &m_status, &m_pool, [this] { return request(); }))
    , m_selection(m_context, this)
    , m_options(m_context, this)
    , m_preview(m_context, this)
    , m_printing(m_context, m_selection.items(), this)
    , m_thermal(m_context, this)
    , m_entry(m_context, this)
    , m_history(this)
    , m_products(db, this)
{
    m_pool.setMaxThreadCount(2); // a preview may still be finishing while a print starts
    m_printing.setThermal(&m_thermal);
    m_preview.setThermal(&m_thermal);

    // The parts speak through their signals; the hub remembers and previews.
    connect(&m_selection, &LabelSelection::edited, this, &LabelsController::remember);
    connect(&m_selection, &LabelSelection::listChanged, this, &LabelsController::schedulePreview);
    connect(&m_selection, &LabelSelection::loadingChanged, this, &LabelsController::schedulePreview);
    connect(&m_options, &LabelOptions::edited, this, &LabelsController::remember);
    connect(&m_options, &LabelOptions::edited, this, &LabelsController::schedulePreview);
    connect(&m_printing, &LabelPrinting::edited, this, &LabelsController::remember);
    connect(&m_thermal, &LabelsThermal::edited, this, &LabelsController::remember);
    connect(&m_thermal, &LabelsThermal::edited, this, &LabelsController::schedulePreview); // its dots per inch
    connect(&m_printing, &LabelPrinting::calibrationChanged, &m_options, &LabelOptions::changed);
    connect(&m_printing, &LabelPrinting::calibrationChanged, this, &LabelsController::schedulePreview);
    connect(&m_printing, &LabelPrinting::printed, this, [this](const QString &templateName, int nextStart) {
        // The labels used are gone from the sheet: the next print starts after them.
        if (nextStart > 0 && templateName == m_request.templateName && m_options.startPolicy() == u"continue")
            m_options.setStartPosition(nextStart);
    });

    // A product named or renamed here: the labels print the new name.
    connect(&m_products, &ProductsModel::changed, this, &LabelsController::schedulePreview);
    connect(&m_products, &ProductsModel::changed, this, &LabelsController::updateDesignerPreview);

    // Label writes announce themselves: the list and the history follow the store.
    connect(m_db, &store::Database::labelItemsChanged, this, [this] {
        if (m_loaded)
            m_selection.refresh();
    });
    connect(m_db, &store::Database::printLogChanged, this, [this] {
        if (m_loaded)
            refreshHistory();
    });
    connect(m_db, &store::Database::changedElsewhere, this, [this] {
        if (!m_loaded)
            return;
        m_selection.refresh();
        refreshHistory();
    });
    connect(&m_history, &PrintHistoryModel::filterChanged, this, &LabelsController::searchHistoryLabels);
    connect(m_settings, &store::Settings::loaded, this, &LabelsController::load);
    connect(m_settings, &store::Settings::saveFailed, this,
        [this](const Error &e) { m_status.report(tr("Your choices were not saved"), e); });
}

LabelsController::~LabelsController()
{
    // A job still running holds the database: stop it and wait, so nothing outlives the store.
    m_printing.cancelJob();
    m_preview.cancel();
    m_pool.waitForDone();
}

LabelsController *LabelsController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

labels::ExportRequest LabelsController::request() const
{
    labels::ExportRequest q = m_request;
    q.selection = m_selection.jobSelection();
    q.userName = StationIdentity::current().user;
    return q;
}

void LabelsController::load()
{
    // The choices of the last session (the settings are read when the store opens), then the lists.
    if (const QString scope = m_settings->text(u"labels.scope"_s); !scope.isEmpty())
        m_request.selection.scope = scope;
    m_options.restore();
    m_printing.restore();
    m_thermal.restore();
    m_loaded = true;
    Q_EMIT m_selection.changed();
    refresh();
    m_printing.refreshPrinters();
    refreshHistory();
}

void LabelsController::refresh()
{
    m_selection.refresh();
}

void LabelsController::schedulePreview()
{
    m_preview.schedule(m_selection.items()->count(), m_selection.loading());
}

void LabelsController::remember()
{
    if (!m_loaded)
        return;
    // Only what changed is written, with the others of the moment, after a pause.
    const std::pair<QString, QString> choices[] = {
        { u"labels.scope"_s, m_request.selection.scope },
        { u"labels.exportType"_s, m_request.exportType },
        { u"labels.fileFormat"_s, m_request.fileFormat },
        { u"labels.symbol"_s, m_options.symbol() },
        { u"labels.template"_s, m_request.templateName },
        { u"labels.layout"_s, m_request.layoutName },
        { u"labels.stock"_s, m_request.stock },
        { u"labels.start_policy"_s, m_options.startPolicy() },
        { u"labels.thermal_printer"_s, m_thermal.printer() },
        { u"labels.gs1Table"_s, m_options.gs1Table() },
        { u"labels.printer"_s, m_printing.printer() },
    };
    for (const auto &[key, value] : choices) {
        if (auto r = m_settings->set(key, value); !r.ok())
            m_status.report(tr("Your choice was not kept"), r.error());
    }
}

void LabelsController::setDesigner(DesignerController *designer)
{
    m_designer = designer;
    // A layout saved, renamed or deleted there is offered here at once.
    connect(designer->layouts(), &QAbstractItemModel::modelReset, &m_options, &LabelOptions::reloadLayouts);
    connect(&m_selection, &LabelSelection::listChanged, designer, [this] { updateDesignerPreview(); });
    connect(m_selection.items(), &LabelItemModel::checkedChanged, designer, [this] { updateDesignerPreview(); });
    updateDesignerPreview();
}

void LabelsController::updateDesignerPreview()
{
    // The designer shows real data: the first ticked item, else the first listed; a sample while there is none.
    LabelItemModel *items = m_selection.items();
    const QStringList ticked = items->checkedIds();
    QString id = ticked.isEmpty() ? QString() : ticked.constFirst();
    if (id.isEmpty() && items->count() > 0)
        id = items->data(items->index(0), LabelItemModel::ItemIdRole).toString();
    const labels::LabelItem *found = id.isEmpty() ? nullptr : items->find(id);
    if (!found)
        return;
    // With its product's name and brand from the products cache, as a job prints it; the last asked wins.
    const labels::LabelItem item = *found;
    const int total = items->count();
    const int asked = ++m_designerPreviewRequest;
    labels::LabelRepository(m_db).productNames(item.gtin).then(
        this, [this, item, total, asked](const Result<std::pair<QString, QString>> &product) {
            if (asked != m_designerPreviewRequest)
                return;
            const auto [name, brand] = product.ok() ? product.value() : std::pair<QString, QString>();
            const QString what = item.serial.isEmpty() ? tr("lot %1").arg(item.lot) : tr("serial %1").arg(item.serial);
            m_designer->setPreviewData(
                labels::LabelData::fromItem(item, name, brand, 1, total), tr("%1, %2").arg(item.gtin, what));
        });
}

void LabelsController::refreshHistory()
{
    labels::LabelRepository(m_db).printLog(200).then(this, [this](const Result<std::vector<labels::PrintLogEntry>> &r) {
        if (!r.ok()) {
            m_status.report(tr("The print history could not be read"), r.error());
            return;
        }
        m_history.setEntries(r.value());
        searchHistoryLabels();
    });
}

void LabelsController::searchHistoryLabels()
{
    // A serial may be any label of an entry: the store says which entries printed one that holds each word.
    const QStringList words = m_history.searchWords();
    if (words.isEmpty()) {
        m_history.setItemMatches({});
        return;
    }
    labels::LabelRepository(m_db).printLogItemMatches(words).then(
        this, [this, words](const Result<QHash<QString, QSet<qint64>>> &r) {
            if (words != m_history.searchWords())
                return; // the search changed meanwhile: its own answer follows
            if (!r.ok()) {
                m_status.report(tr("The print history could not be searched"), r.error());
                return;
            }
            m_history.setItemMatches(r.value());
        });
}

} // namespace closient::models
