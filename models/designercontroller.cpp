// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "designercontroller.h"

#include "csvreader.h"
#include "layoutlibrary.h"
#include "stocklibrary.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;
using closient::labels::Layout;
using closient::labels::LayoutObject;

namespace closient::models {

namespace {

DesignerController::Folders defaultFolders()
{
    DesignerController::Folders f;
    f.read = QStringList { u":/labels/layouts"_s, labels::LayoutLibrary::userFolder() };
    if (const QString extra = qEnvironmentVariable("CLOSIENT_LAYOUT_DIR"); !extra.isEmpty())
        f.read << extra;
    f.user = labels::LayoutLibrary::userFolder();
    return f;
}

// What the canvas shows before the Labels list has an item: believable values for every standard field.
labels::LabelData sampleData()
{
    labels::LabelData d;
    d.productName = DesignerController::tr("Sample product 500 g");
    d.brand = DesignerController::tr("Sample brand");
    d.gtin = u"09506000134352"_s;
    d.lot = u"L2291"_s;
    d.serial = u"1001"_s;
    d.expiry = QDate(2027, 6, 30);
    d.productionDate = QDate(2026, 6, 30);
    d.count = 1;
    d.total = 1;
    return d;
}

} // namespace

DesignerController::DesignerController(QObject *parent)
    : DesignerController(defaultFolders(), parent)
{ }

DesignerController::DesignerController(Folders folders, QObject *parent)
    : QObject(parent)
    , m_folders(std::move(folders))
    , m_preview(sampleData())
    , m_previewSource(tr("sample data"))
    , m_objects(this)
    , m_layouts(this)
    , m_current(this)
    , m_status(this)
{
    connect(&m_status, &StatusMessage::changed, this, &DesignerController::statusDetailsChanged);
    reloadLayouts();
    const auto &entries = m_layouts.library().entries();
    if (!entries.empty()) {
        const auto *first = m_layouts.library().find(u"Product label"_s);
        const auto &e = first ? *first : entries.front();
        setLayout(e.layout, e.path, e.builtIn);
    } else {
        Layout l;
        l.name = tr("New layout");
        l.label.width = 66.675;
        l.label.height = 25.4;
        setLayout(l, {}, false);
    }
}

DesignerController::~DesignerController() = default;

const LayoutObject *DesignerController::currentObject() const
{
    return m_selection.isEmpty() ? nullptr : m_layout.object(m_selection.constFirst());
}

QString DesignerController::stockName() const
{
    if (m_layout.stockId.isEmpty())
        return {};
    const auto stocks = labels::StockLibrary::instance();
    const labels::Stock *s = stocks->find(m_layout.stockId);
    return s ? s->displayName() : QString();
}

void DesignerController::setGridSize(double mm)
{
    mm = std::isfinite(mm) ? std::clamp(mm, 0.1, 50.0) : 1.0;
    if (qFuzzyCompare(mm, m_grid))
        return;
    m_grid = mm;
    Q_EMIT snappingChanged();
}

void DesignerController::setSnapToGrid(bool on)
{
    if (on != m_snapGrid) {
        m_snapGrid = on;
        Q_EMIT snappingChanged();
    }
}

void DesignerController::setSnapToObjects(bool on)
{
    if (on != m_snapObjects) {
        m_snapObjects = on;
        Q_EMIT snappingChanged();
    }
}

QVariantList DesignerController::guides() const
{
    QVariantList out;
    for (const auto &g : m_guides)
        out << QVariantMap { { u"vertical"_s, g.vertical }, { u"position"_s, g.position } };
    return out;
}

QStringList DesignerController::fields() const
{
    QStringList out;
    for (const QString &f : labels::standardFields()) {
        if (labels::isDateField(f))
            out << u"{%1:%d %b %Y}"_s.arg(f);
        out << u"{%1}"_s.arg(f);
    }
    for (const QString &c : m_csvColumns)
        out << u"{%1}"_s.arg(c);
    return out;
}

QStringList DesignerController::problemsOf(const QString &id) const
{
    QStringList out = m_textProblems.value(id);
    for (const auto &p : m_checked.problems) {
        if (p.objectId == id)
            out << p.message;
    }
    return out;
}

bool DesignerController::blocks(const QString &id) const
{
    if (m_textProblems.contains(id))
        return true;
    return std::any_of(m_checked.problems.begin(), m_checked.problems.end(),
        [&id](const labels::LayoutProblem &p) { return p.objectId == id && p.blocking; });
}

QStringList DesignerController::problems() const
{
    QStringList out;
    for (const auto &o : m_layout.objects) {
        for (const QString &p : problemsOf(o.id))
            out << u"%1: %2"_s.arg(o.id, p);
    }
    return out;
}

QString DesignerController::statusDetails() const
{
    const QStringList details = m_status.details();
    return (details.isEmpty() ? problems() : details).join(u'\n');
}

void DesignerController::setPreviewData(const labels::LabelData &data, const QString &source)
{
    m_preview = data;
    // The CSV file's first row stays in the preview whichever item of the list it shows.
    for (auto it = m_csvPreview.cbegin(); it != m_csvPreview.cend(); ++it) {
        if (!m_preview.columns.contains(it.key()))
            m_preview.columns.insert(it.key(), it.value());
    }
    m_previewSource = source;
    recheck();
}

void DesignerController::setCsvColumns(const QStringList &columns, const QStringList &firstRow)
{
    m_csvColumns.clear();
    for (const QString &c : columns) {
        // A column named like a standard field fills that field: it is offered once, as the field.
        if (!c.trimmed().isEmpty() && !labels::standardFields().contains(c.trimmed().toLower()))
            m_csvColumns << c.trimmed();
    }
    m_csvPreview.clear();
    for (qsizetype i = 0; i < columns.size(); ++i)
        m_csvPreview.insert(columns[i], i < firstRow.size() ? firstRow[i] : QString());
    m_preview.columns = m_csvPreview;
    Q_EMIT fieldsChanged();
    recheck();
}

bool DesignerController::useCsvColumns(const QUrl &file)
{
    constexpr qint64 kMaxCsvBytes = 64 * 1024 * 1024;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_status.error(tr("The file %1 cannot be opened").arg(path), { f.errorString() });
        return false;
    }
    if (f.size() > kMaxCsvBytes) {
        m_status.error(tr("%1 is larger than a label file can be (64 MB)").arg(path));
        return false;
    }
    const auto table = labels::CsvReader::read(f.readAll());
    if (!table.ok()) {
        m_status.error(tr("The columns of %1 could not be read").arg(path), { table.error().message });
        return false;
    }
    const auto &t = table.value();
    setCsvColumns(t.header, t.rows.empty() ? QStringList() : t.rows.front().fields);
    m_status.good(
        tr("Columns of %1 offered as fields: %2").arg(QFileInfo(path).fileName(), m_csvColumns.join(u", "_s)));
    return true;
}

void DesignerController::setLayout(const Layout &layout, const QString &path, bool builtIn)
{
    m_layout = layout;
    m_path = path;
    m_builtIn = builtIn;
    m_history.clear();
    if (path.isEmpty())
        m_history.markUnsaved();
    m_selection.clear();
    m_guides.clear();
    m_gestureStart.reset();
    recheck();
    Q_EMIT layoutChanged();
    Q_EMIT historyChanged();
    Q_EMIT selectionChanged();
}

// ---- the one way a layout changes

void DesignerController::edit(const QString &text, const std::function<void(Layout &)> &change, int mergeKey)
{
    Layout after = m_layout;
    change(after);
    if (after == m_layout) {
        Q_EMIT m_current.changed(); // a refused value: the panel shows the layout's again
        return;
    }
    QStringList selection;
    for (const QString &id : std::as_const(m_selection)) {
        if (after.object(id))
            selection << id;
    }
    designer::Snapshot next { std::move(after), selection };
    m_history.push(text, { m_layout, m_selection }, next, mergeKey);
    apply(next);
}

void DesignerController::editCurrent(
    const QString &text, const std::function<void(LayoutObject &)> &change, int mergeKey)
{
    const LayoutObject *o = currentObject();
    if (!o)
        return;
    const QString id = o->id;
    edit(
        text,
        [&](Layout &l) {
            for (auto &x : l.objects) {
                if (x.id == id)
                    change(x);
            }
        },
        mergeKey);
}

void DesignerController::apply(const designer::Snapshot &state)
{
    // Names are not part of the history: a layout saved under a new name keeps it through undo.
    const QString name = m_layout.name;
    const QString description = m_layout.description;
    const bool labelChanged = state.layout.label.width != m_layout.label.width
        || state.layout.label.height != m_layout.label.height || state.layout.label.kind != m_layout.label.kind;
    const bool selectionDiffers = state.selection != m_selection;
    // What the last action said ("New layout …", "Saved …") is over once the layout changes: from here the status
    // line tells this layout's problems, which the old message would hide.
    m_status.clear();
    m_layout = state.layout;
    m_layout.name = name;
    m_layout.description = description;
    m_selection = state.selection;
    recheck();
    Q_EMIT historyChanged();
    if (labelChanged)
        Q_EMIT layoutChanged();
    if (selectionDiffers)
        Q_EMIT selectionChanged();
}

void DesignerController::recheck()
{
    m_textProblems.clear();
    for (const auto &o : m_layout.objects) {
        if (o.type == LayoutObject::Type::Text) {
            if (auto t = labels::FieldTemplate::parse(o.text); !t.ok())
                m_textProblems[o.id] << t.error().message;
        } else if (o.type == LayoutObject::Type::Symbol) {
            for (const auto &e : o.elements) {
                if (auto t = labels::FieldTemplate::parse(e.value); !t.ok())
                    m_textProblems[o.id] << u"(%1) %2"_s.arg(e.ai, t.error().message);
            }
        }
    }
    m_renderer = std::make_shared<const labels::LayoutRenderer>(m_layout);
    m_checked = m_renderer->check(m_preview);
    QHash<QString, QString> problems;
    QSet<QString> blocking;
    for (const auto &o : m_layout.objects) {
        if (const QStringList p = problemsOf(o.id); !p.isEmpty())
            problems.insert(o.id, p.join(u'\n'));
        if (m_textProblems.contains(o.id))
            blocking.insert(o.id);
    }
    for (const auto &p : m_checked.problems) {
        if (p.blocking)
            blocking.insert(p.objectId);
    }
    m_objects.update(m_layout.objects, QSet<QString>(m_selection.begin(), m_selection.end()), problems, blocking);
    ++m_revision;
    Q_EMIT changed();
    Q_EMIT statusDetailsChanged();
    Q_EMIT m_current.changed();
}

// ---- selection

void DesignerController::setSelection(QStringList ids)
{
    ids.removeDuplicates();
    ids.removeIf([this](const QString &id) { return !m_layout.object(id); });
    if (ids == m_selection)
        return;
    m_selection = ids;
    m_history.closeMerge(); // nudges of another selection are another step
    recheck();
    Q_EMIT selectionChanged();
}

void DesignerController::select(const QString &id, bool extend)
{
    if (id.isEmpty())
        return extend ? void() : clearSelection();
    if (extend) {
        QStringList ids = m_selection;
        if (!ids.contains(id))
            ids << id;
        return setSelection(ids);
    }
    // Clicking an object of a multiple selection keeps the selection (to drag it), with that object first.
    if (m_selection.contains(id)) {
        QStringList ids = m_selection;
        ids.move(ids.indexOf(id), 0);
        return setSelection(ids);
    }
    setSelection({ id });
}

void DesignerController::toggle(const QString &id)
{
    QStringList ids = m_selection;
    if (!ids.removeOne(id))
        ids << id;
    setSelection(ids);
}

void DesignerController::selectAll()
{
    QStringList ids;
    for (const auto &o : m_layout.objects)
        ids << o.id;
    setSelection(ids);
}

void DesignerController::clearSelection()
{
    setSelection({});
}

void DesignerController::selectInRect(double x, double y, double w, double h, bool extend)
{
    const QRectF band = QRectF(x, y, w, h).normalized();
    QStringList ids = extend ? m_selection : QStringList();
    for (const auto &o : m_layout.objects) {
        // Lines have no width or height: give them a hair so a band across them finds them.
        if (band.intersects(o.rect.normalized().adjusted(-0.01, -0.01, 0.01, 0.01)) && !ids.contains(o.id))
            ids << o.id;
    }
    setSelection(ids);
}

QString DesignerController::objectAt(double x, double y) const
{
    for (auto it = m_layout.objects.rbegin(); it != m_layout.objects.rend(); ++it) {
        const double grab = it->type == LayoutObject::Type::Line ? 0.8 : 0; // a thin line is hard to hit
        if (it->rect.normalized().adjusted(-grab, -grab, grab, grab).contains(QPointF(x, y)))
            return it->id;
    }
    return {};
}

} // namespace closient::models
