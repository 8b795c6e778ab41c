// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The designer's layouts on disk: new from a stock, open, save, save as, rename, delete.
#include "designercontroller.h"

#include "layoutlibrary.h"
#include "stocklibrary.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using closient::labels::Layout;

namespace closient::models {

void DesignerController::reloadLayouts()
{
    auto library = labels::LayoutLibrary::load(m_folders.read);
    if (!library.problems().isEmpty())
        m_status.warn(tr("Some layouts could not be read"), library.problems());
    m_layouts.setLibrary(std::move(library));
}

bool DesignerController::layoutExists(const QString &name) const
{
    return m_layouts.library().find(name.trimmed()) != nullptr;
}

bool DesignerController::nameFree(const QString &name, const QString &what)
{
    if (name.isEmpty()) {
        m_status.error(tr("%1: a layout needs a name").arg(what));
        return false;
    }
    if (layoutExists(name)) {
        m_status.error(tr("%1: there is already a layout called “%2”; choose another name").arg(what, name));
        return false;
    }
    return true;
}

bool DesignerController::newLayout(const QString &stockId, const QString &name)
{
    const QString what = tr("New layout");
    const auto stocks = labels::StockLibrary::instance();
    const labels::Stock *stock = stocks->find(stockId);
    if (!stock) {
        m_status.error(tr("%1: choose a label stock").arg(what));
        return false;
    }
    const QString trimmed = name.trimmed();
    if (!nameFree(trimmed, what))
        return false;
    Layout l;
    l.name = trimmed;
    l.label = stock->shape;
    l.stockId = stock->id;
    setLayout(l, {}, false);
    m_status.good(tr("New layout “%1” on %2").arg(trimmed, stock->displayName()));
    return true;
}

bool DesignerController::openLayout(const QString &name)
{
    const auto *entry = m_layouts.library().find(name);
    if (!entry) {
        m_status.error(tr("There is no layout called “%1”").arg(name));
        return false;
    }
    setLayout(entry->layout, entry->path, entry->builtIn);
    m_status.clear();
    return true;
}

bool DesignerController::writeLayout(const Layout &layout, const QString &from, const QString &what, bool renaming)
{
    // What is written must read back: the file format's own checks name the object at fault.
    const QByteArray json = labels::layoutToJson(layout);
    if (auto back = labels::parseLayout(json, layout.folder); !back.ok()) {
        m_status.error(tr("%1: the layout was not saved").arg(what), { back.error().message });
        return false;
    }
    // A layout saved again or renamed stays in the folder it came from (a shared folder too: a copy in the user's
    // folder would stay hidden behind it); a new one, a copy and a default's copy go to the user's folder.
    const bool inItsFolder = !from.isEmpty() && !from.startsWith(u':');
    const QString folder = inItsFolder ? QFileInfo(from).absolutePath() : m_folders.user;
    const auto path = labels::LayoutLibrary::save(layout, folder);
    if (!path.ok()) {
        m_status.report(tr("%1: the layout was not saved").arg(what), path.error());
        return false;
    }
    // Renamed: the old name's file goes (the new one is already whole on disk). A save never removes a file: when
    // its own was replaced by one it cannot read, that one is kept and the layout written beside it.
    if (renaming && inItsFolder && QFileInfo(from).absoluteFilePath() != QFileInfo(path.value()).absoluteFilePath())
        QFile::remove(from);
    m_path = path.value();
    m_builtIn = false;
    reloadLayouts();
    return true;
}

bool DesignerController::save()
{
    const QString what = tr("Save");
    if (m_builtIn) {
        m_status.warn(tr("“%1” ships with the station and is kept as it is: use Save as to keep your changes under "
                         "another name")
                          .arg(m_layout.name));
        return false;
    }
    if (m_layout.name.trimmed().isEmpty()) {
        m_status.error(tr("%1: a layout needs a name").arg(what));
        return false;
    }
    if (m_path.isEmpty() && !nameFree(m_layout.name, what))
        return false;
    if (!writeLayout(m_layout, m_path, what))
        return false;
    m_history.markSaved();
    m_status.good(tr("Saved “%1”").arg(m_layout.name));
    Q_EMIT historyChanged();
    Q_EMIT layoutChanged();
    return true;
}

bool DesignerController::saveAs(const QString &name)
{
    const QString what = tr("Save as");
    const QString trimmed = name.trimmed();
    if (!nameFree(trimmed, what))
        return false;
    Layout copy = m_layout;
    copy.name = trimmed;
    if (!writeLayout(copy, {}, what))
        return false;
    m_layout.name = trimmed;
    m_history.markSaved();
    m_status.good(tr("Saved as “%1”").arg(trimmed));
    Q_EMIT historyChanged();
    Q_EMIT layoutChanged();
    return true;
}

bool DesignerController::rename(const QString &name)
{
    const QString what = tr("Rename");
    const QString trimmed = name.trimmed();
    if (m_builtIn) {
        m_status.warn(
            tr("“%1” ships with the station and keeps its name: use Save as to make your own copy").arg(m_layout.name));
        return false;
    }
    if (trimmed == m_layout.name)
        return true;
    if (trimmed.compare(m_layout.name, Qt::CaseInsensitive) != 0 && !nameFree(trimmed, what))
        return false;
    if (m_path.isEmpty()) { // not on disk yet: the name is what it will be saved as
        m_layout.name = trimmed;
        Q_EMIT layoutChanged();
        return true;
    }
    // The file on disk is renamed as it was saved; edits not saved yet stay edits.
    auto onDisk = labels::loadLayoutFile(m_path);
    if (!onDisk.ok()) {
        m_status.report(tr("%1: the layout was not renamed").arg(what), onDisk.error());
        return false;
    }
    Layout renamed = onDisk.value();
    renamed.name = trimmed;
    const bool wasDirty = m_history.dirty();
    if (!writeLayout(renamed, m_path, what, true))
        return false;
    m_layout.name = trimmed;
    if (!wasDirty)
        m_history.markSaved();
    m_status.good(tr("Renamed to “%1”").arg(trimmed));
    Q_EMIT layoutChanged();
    return true;
}

bool DesignerController::removeLayout(const QString &name)
{
    const auto *entry = m_layouts.library().find(name);
    if (!entry) {
        m_status.error(tr("There is no layout called “%1”").arg(name));
        return false;
    }
    if (entry->builtIn) {
        m_status.warn(tr("“%1” ships with the station and cannot be deleted").arg(entry->layout.name));
        return false;
    }
    const QString path = entry->path;
    QFile file(path);
    if (!file.remove()) {
        m_status.error(tr("“%1” was not deleted").arg(name), { file.errorString() });
        return false;
    }
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_path).absoluteFilePath()) {
        m_path.clear(); // still open, no longer on disk: saving writes it again
        m_history.markUnsaved();
        Q_EMIT historyChanged();
        Q_EMIT layoutChanged();
    }
    reloadLayouts();
    m_status.good(tr("Deleted “%1”").arg(name));
    return true;
}

} // namespace closient::models
