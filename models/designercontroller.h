// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designergeometry.h"
#include "designerhistory.h"
#include "designeritem.h"
#include "designerlayoutmodel.h"
#include "designerobjectmodel.h"
#include "layoutfields.h"
#include "layoutrenderer.h"
#include "statusmessage.h"

#include <QObject>
#include <QQmlEngine>
#include <QUrl>

#include <functional>
#include <memory>

namespace closient::models {

/**
 * The label designer: the layout being edited, what is selected, the history, the clipboard and the layouts on
 * disk. Every edit goes through one path (edit()) that records a step to undo; a drag or a resize is one step from
 * its start to its end. After each change the layout is checked by the renderer with the preview data, and each
 * object's problems (a symbol too small for its GS1 X-dimension, text that cannot fit, a required value missing)
 * are in the object model for the canvas to mark. Lengths are millimetres on the label.
 */
class DesignerController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by LabelsController")
    Q_PROPERTY(closient::models::DesignerObjectModel *objects READ objects CONSTANT)
    Q_PROPERTY(closient::models::DesignerLayoutModel *layouts READ layouts CONSTANT)
    Q_PROPERTY(closient::models::DesignerItem *current READ current CONSTANT)
    Q_PROPERTY(closient::models::StatusMessage *status READ status CONSTANT)
    Q_PROPERTY(QString layoutName READ layoutName NOTIFY layoutChanged)
    Q_PROPERTY(QString stockName READ stockName NOTIFY layoutChanged)
    Q_PROPERTY(bool builtIn READ builtIn NOTIFY layoutChanged)
    Q_PROPERTY(bool saved READ saved NOTIFY layoutChanged)
    Q_PROPERTY(double labelWidth READ labelWidth NOTIFY layoutChanged)
    Q_PROPERTY(double labelHeight READ labelHeight NOTIFY layoutChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY historyChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY historyChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY historyChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY historyChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY historyChanged)
    Q_PROPERTY(int revision READ revision NOTIFY changed)
    Q_PROPERTY(QStringList selectedIds READ selectedIds NOTIFY selectionChanged)
    Q_PROPERTY(int selectionCount READ selectionCount NOTIFY selectionChanged)
    Q_PROPERTY(bool canPaste READ canPaste NOTIFY clipboardChanged)
    Q_PROPERTY(double gridSize READ gridSize WRITE setGridSize NOTIFY snappingChanged)
    Q_PROPERTY(bool snapToGrid READ snapToGrid WRITE setSnapToGrid NOTIFY snappingChanged)
    Q_PROPERTY(bool snapToObjects READ snapToObjects WRITE setSnapToObjects NOTIFY snappingChanged)
    Q_PROPERTY(QVariantList guides READ guides NOTIFY guidesChanged)
    Q_PROPERTY(QStringList fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(QString previewSource READ previewSource NOTIFY changed)
    Q_PROPERTY(QStringList problems READ problems NOTIFY changed)
    Q_PROPERTY(bool printable READ printable NOTIFY changed)
    Q_PROPERTY(QString statusDetails READ statusDetails NOTIFY statusDetailsChanged)

public:
    enum class Symbology { Gs1DataMatrix, Gs1Qr, DigitalLinkQr, Gs1_128, Ean13, UpcA, Itf14, DataBar, DataBarExpanded };
    Q_ENUM(Symbology)
    enum class Alignment { AlignLeft, AlignCentre, AlignRight, AlignTop, AlignMiddle, AlignBottom };
    Q_ENUM(Alignment)
    enum class ZOrder { ToFront, Forward, Backward, ToBack };
    Q_ENUM(ZOrder)
    /** A resize handle: the corner or side it holds. */
    enum class Handle {
        HandleTopLeft,
        HandleTop,
        HandleTopRight,
        HandleRight,
        HandleBottomRight,
        HandleBottom,
        HandleBottomLeft,
        HandleLeft
    };
    Q_ENUM(Handle)

    /** Where layouts are read from and where the user's are written. */
    struct Folders
    {
        QStringList read; // in order, later names replacing earlier ones (LayoutLibrary::load)
        QString user; // the user's layouts
    };

    explicit DesignerController(QObject *parent = nullptr);
    DesignerController(Folders folders, QObject *parent = nullptr);
    ~DesignerController() override;

    [[nodiscard]] DesignerObjectModel *objects() { return &m_objects; }
    [[nodiscard]] DesignerLayoutModel *layouts() { return &m_layouts; }
    [[nodiscard]] DesignerItem *current() { return &m_current; }
    [[nodiscard]] StatusMessage *status() { return &m_status; }

    [[nodiscard]] const labels::Layout &layout() const { return m_layout; }
    [[nodiscard]] std::shared_ptr<const labels::LayoutRenderer> renderer() const { return m_renderer; }
    [[nodiscard]] const labels::LabelData &previewData() const { return m_preview; }
    [[nodiscard]] const labels::LayoutRenderResult &checked() const { return m_checked; }
    [[nodiscard]] const labels::LayoutObject *object(const QString &id) const { return m_layout.object(id); }
    /// The first selected object: what the properties panel edits.
    [[nodiscard]] const labels::LayoutObject *currentObject() const;

    [[nodiscard]] QString layoutName() const { return m_layout.name; }
    [[nodiscard]] QString stockName() const;
    [[nodiscard]] bool builtIn() const { return m_builtIn; }
    [[nodiscard]] bool saved() const { return !m_path.isEmpty(); }
    [[nodiscard]] double labelWidth() const { return m_layout.label.width; }
    [[nodiscard]] double labelHeight() const { return m_layout.label.height; }
    [[nodiscard]] bool dirty() const { return m_history.dirty(); }
    [[nodiscard]] bool canUndo() const { return m_history.canUndo(); }
    [[nodiscard]] bool canRedo() const { return m_history.canRedo(); }
    [[nodiscard]] QString undoText() const { return m_history.undoText(); }
    [[nodiscard]] QString redoText() const { return m_history.redoText(); }
    [[nodiscard]] int revision() const { return m_revision; }
    [[nodiscard]] QStringList selectedIds() const { return m_selection; }
    [[nodiscard]] int selectionCount() const { return int(m_selection.size()); }
    [[nodiscard]] bool canPaste() const { return !m_clipboard.empty(); }
    [[nodiscard]] double gridSize() const { return m_grid; }
    void setGridSize(double mm);
    [[nodiscard]] bool snapToGrid() const { return m_snapGrid; }
    void setSnapToGrid(bool on);
    [[nodiscard]] bool snapToObjects() const { return m_snapObjects; }
    void setSnapToObjects(bool on);
    [[nodiscard]] QVariantList guides() const;
    [[nodiscard]] const std::vector<designer::SnapGuide> &snapGuides() const { return m_guides; }
    /// The bindings offered: "{product_name}", ..., "{expiry:%d %b %Y}", and the CSV columns as "{Column}".
    [[nodiscard]] QStringList fields() const;
    [[nodiscard]] QString previewSource() const { return m_previewSource; }
    /// "name: the text does not fit ...", one problem a line.
    [[nodiscard]] QStringList problems() const;
    /// The last message's details, else every problem: one a line (the status line's tooltip).
    [[nodiscard]] QString statusDetails() const;
    /// The problems of one object, in words.
    [[nodiscard]] QStringList problemsOf(const QString &id) const;
    /// Whether a problem of object @p id stops the label (the rest are notes: a box past the die-cut edge).
    [[nodiscard]] bool blocks(const QString &id) const;
    /// No problem stops the label with the preview's data.
    [[nodiscard]] bool printable() const { return m_checked.printable() && m_textProblems.isEmpty(); }

    /// The data the canvas draws with: the first item of the Labels selection, or a sample.
    void setPreviewData(const labels::LabelData &data, const QString &source);
    /// The columns of a CSV file, offered as fields; @p firstRow (when given) fills them in the preview.
    void setCsvColumns(const QStringList &columns, const QStringList &firstRow = {});
    /// Reads the header (and the first row, for the preview) of a CSV file whose rows will be printed (comma
    /// separated, as `labels export --input` reads it by default); refused with the reason when it cannot be read.
    Q_INVOKABLE bool useCsvColumns(const QUrl &file);

    // Layouts on disk
    Q_INVOKABLE void reloadLayouts();
    /// A new, empty layout on the label of stock @p stockId (StockLibrary), named @p name.
    Q_INVOKABLE bool newLayout(const QString &stockId, const QString &name);
    Q_INVOKABLE bool openLayout(const QString &name);
    /// Saves under the layout's name; a default (shipped) layout is never overwritten: save it under another name.
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QString &name);
    Q_INVOKABLE bool rename(const QString &name);
    /// Deletes the user's layout @p name (defaults cannot be deleted).
    Q_INVOKABLE bool removeLayout(const QString &name);
    /// Whether a layout of that name is listed (for the view's "replace?" question and for saveAs).
    Q_INVOKABLE bool layoutExists(const QString &name) const;
    /// Sets the layout directly (tests, and a layout another part hands over); forgets the history.
    void setLayout(const labels::Layout &layout, const QString &path, bool builtIn);

    // Selection
    Q_INVOKABLE void select(const QString &id, bool extend = false);
    Q_INVOKABLE void toggle(const QString &id);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    /// Selects what a rubber band from (x, y), w × h mm touches; @p extend adds to the selection.
    Q_INVOKABLE void selectInRect(double x, double y, double w, double h, bool extend = false);
    /// The topmost object at (x, y) mm, or "".
    Q_INVOKABLE QString objectAt(double x, double y) const;
    Q_INVOKABLE bool isSelected(const QString &id) const { return m_selection.contains(id); }

    // Adding and removing
    Q_INVOKABLE QString addSymbol(closient::models::DesignerController::Symbology symbology);
    Q_INVOKABLE QString addText(const QString &text = {});
    /// An image from a PNG, JPEG or SVG file, kept inside the layout (the layout stays whole when files move).
    Q_INVOKABLE QString addImage(const QUrl &file);
    Q_INVOKABLE QString addLine();
    Q_INVOKABLE QString addBox();
    Q_INVOKABLE void deleteSelection();
    Q_INVOKABLE void copy();
    Q_INVOKABLE void cut();
    Q_INVOKABLE void paste();

    // Moving and shaping
    Q_INVOKABLE void beginGesture();
    /// The selection moved by (dx, dy) mm from where the gesture began, snapped within @p tolerance mm.
    Q_INVOKABLE void moveGesture(double dx, double dy, double tolerance = 1);
    /// The current object's @p handle moved by (dx, dy) mm from where the gesture began.
    Q_INVOKABLE void resizeGesture(
        closient::models::DesignerController::Handle handle, double dx, double dy, double tolerance = 1);
    /// One step to undo for the whole gesture (none when nothing moved).
    Q_INVOKABLE void endGesture();
    /// Arrow keys: @p dx, @p dy in steps of 0.1 mm, or 1 mm when @p large (Shift).
    Q_INVOKABLE void nudge(int dx, int dy, bool large = false);
    /// One object, or the selection, aligned: to the selection's bounds when several are selected, else the label.
    Q_INVOKABLE void align(closient::models::DesignerController::Alignment edge);
    Q_INVOKABLE void distribute(bool horizontal);
    Q_INVOKABLE void rotate(bool clockwise = true);
    Q_INVOKABLE void order(closient::models::DesignerController::ZOrder where);
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    /// Changes the current object through @p change as one step to undo named @p text; @p mergeKey joins a run of
    /// steps (typing in a field) into one.
    void editCurrent(const QString &text, const std::function<void(labels::LayoutObject &)> &change, int mergeKey = 0);
    /// Any change to the layout as one step to undo.
    void edit(const QString &text, const std::function<void(labels::Layout &)> &change, int mergeKey = 0);

Q_SIGNALS:
    void changed(); // the layout or its check changed: repaint
    void layoutChanged(); // another layout, or its name or label
    void historyChanged();
    void selectionChanged();
    void clipboardChanged();
    void snappingChanged();
    void guidesChanged();
    void fieldsChanged();
    void statusDetailsChanged();

private:
    void apply(const designer::Snapshot &state);
    void recheck();
    void setSelection(QStringList ids);
    [[nodiscard]] QString uniqueId(const QString &base, const labels::Layout &layout) const;
    [[nodiscard]] QString addObject(labels::LayoutObject object, const QString &text);
    [[nodiscard]] designer::SnapTargets snapTargets(double tolerance) const;
    /// Writes @p layout into the folder of @p from (its file; the user's folder when new or a default); @p renaming
    /// removes @p from once the new file is whole.
    [[nodiscard]] bool writeLayout(
        const labels::Layout &layout, const QString &from, const QString &what, bool renaming = false);
    [[nodiscard]] bool nameFree(const QString &name, const QString &what);

    Folders m_folders;
    labels::Layout m_layout;
    QString m_path; // the file it came from; "" when new
    bool m_builtIn = false;
    designer::History m_history;
    QStringList m_selection;
    std::vector<labels::LayoutObject> m_clipboard;
    int m_pasteCount = 0;
    std::shared_ptr<const labels::LayoutRenderer> m_renderer;
    labels::LayoutRenderResult m_checked;
    QHash<QString, QStringList> m_textProblems; // fields that do not parse, by object
    labels::LabelData m_preview;
    QString m_previewSource;
    QStringList m_csvColumns;
    QHash<QString, QString> m_csvPreview; // the CSV file's first row by its header: kept in every preview's data
    double m_grid = 1;
    bool m_snapGrid = true;
    bool m_snapObjects = true;
    std::vector<designer::SnapGuide> m_guides;
    std::optional<designer::Snapshot> m_gestureStart;
    int m_revision = 0;
    DesignerObjectModel m_objects;
    DesignerLayoutModel m_layouts;
    DesignerItem m_current;
    StatusMessage m_status;
};

} // namespace closient::models
