// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designercontroller.h"
#include "labelentry.h"
#include "labeloptions.h"
#include "labelpreview.h"
#include "labelprinting.h"
#include "labelselection.h"
#include "labelsthermal.h"
#include "printhistorymodel.h"
#include "productsmodel.h"
#include "statusmessage.h"

#include <QObject>
#include <QQmlEngine>
#include <QThreadPool>

namespace closient::store {
class Database;
class Settings;
} // namespace closient::store

namespace closient::models {

/**
 * The Labels screen's hub: it owns the one export request and the parts that edit it (selection, options,
 * preview, printing, entry), the print history and the screen's status message, wires them by their signals,
 * remembers the choices in the settings and follows the store's label changes.
 */
class LabelsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(closient::models::LabelSelection *selection READ selection CONSTANT)
    Q_PROPERTY(closient::models::LabelOptions *options READ options CONSTANT)
    Q_PROPERTY(closient::models::LabelPreview *preview READ preview CONSTANT)
    Q_PROPERTY(closient::models::LabelPrinting *printing READ printing CONSTANT)
    Q_PROPERTY(closient::models::LabelsThermal *thermal READ thermal CONSTANT)
    Q_PROPERTY(closient::models::LabelEntry *entry READ entry CONSTANT)
    Q_PROPERTY(closient::models::PrintHistoryModel *history READ history CONSTANT)
    Q_PROPERTY(closient::models::ProductsModel *products READ products CONSTANT)
    Q_PROPERTY(closient::models::StatusMessage *status READ status CONSTANT)
    Q_PROPERTY(closient::models::DesignerController *designer READ designer CONSTANT)

public:
    LabelsController(store::Database *db, store::Settings *settings, QObject *parent = nullptr);
    ~LabelsController() override;

    static void setInstance(LabelsController *instance) { s_instance = instance; }
    static LabelsController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] LabelSelection *selection() { return &m_selection; }
    [[nodiscard]] LabelOptions *options() { return &m_options; }
    [[nodiscard]] LabelPreview *preview() { return &m_preview; }
    [[nodiscard]] LabelPrinting *printing() { return &m_printing; }
    [[nodiscard]] LabelsThermal *thermal() { return &m_thermal; }
    [[nodiscard]] LabelEntry *entry() { return &m_entry; }
    [[nodiscard]] PrintHistoryModel *history() { return &m_history; }
    /// The products the labels print names from, with the edits made here (the Products dialog).
    [[nodiscard]] ProductsModel *products() { return &m_products; }
    [[nodiscard]] StatusMessage *status() { return &m_status; }
    [[nodiscard]] DesignerController *designer() { return m_designer; }
    /// The Design tab's controller (built by the Station): it draws its layout with the first listed item.
    void setDesigner(DesignerController *designer);

    /// The request a job runs: the options, the filters with the ticked items, the user.
    [[nodiscard]] labels::ExportRequest request() const;

    /// Reads the choices of the last session, the list, the printers and the history (when the store opens).
    Q_INVOKABLE void load();
    /// Lists the items again and makes a new preview.
    Q_INVOKABLE void refresh();

private:
    void remember();
    void schedulePreview();
    void refreshHistory();
    /// Asks the store which history entries printed a label holding each search word (serial, lot, GTIN).
    void searchHistoryLabels();
    void updateDesignerPreview();

    static inline LabelsController *s_instance = nullptr;
    store::Database *m_db;
    int m_designerPreviewRequest = 0; // the designer's preview data asked last (older answers are dropped)
    store::Settings *m_settings;
    labels::ExportRequest m_request; // the one request every part edits
    QThreadPool m_pool; // jobs and previews; waited for before the controller goes
    StatusMessage m_status;
    LabelsContext m_context;
    LabelSelection m_selection;
    LabelOptions m_options;
    LabelPreview m_preview;
    LabelPrinting m_printing;
    LabelsThermal m_thermal;
    LabelEntry m_entry;
    PrintHistoryModel m_history;
    ProductsModel m_products;
    bool m_loaded = false;
    DesignerController *m_designer = nullptr;
};

} // namespace closient::models
