// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelselection.h"

#include "labelrepository.h"
#include "statusmessage.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace closient::models {

LabelSelection::LabelSelection(const LabelsContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_items(this)
{
    connect(&m_items, &LabelItemModel::checkedChanged, this, &LabelSelection::listChanged);
}

QString LabelSelection::scope() const
{
    return m_context.request->selection.scope;
}

void LabelSelection::setScope(const QString &scope)
{
    if (scope == this->scope() || (scope != u"lots" && scope != u"serials"))
        return;
    m_context.request->selection.scope = scope;
    m_items.setAllChecked(false);
    filtersEdited();
}

QString LabelSelection::search() const
{
    return m_context.request->selection.search;
}

void LabelSelection::setSearch(const QString &search)
{
    if (search == this->search())
        return;
    m_context.request->selection.search = search;
    filtersEdited();
}

QString LabelSelection::gtinFilter() const
{
    return m_context.request->selection.gtins.join(u' ');
}

void LabelSelection::setGtinFilter(const QString &gtins)
{
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    const QStringList list = gtins.split(separators, Qt::SkipEmptyParts);
    if (list == m_context.request->selection.gtins)
        return;
    m_context.request->selection.gtins = list;
    filtersEdited();
}

bool LabelSelection::neverPrinted() const
{
    return m_context.request->selection.neverPrinted;
}

void LabelSelection::setNeverPrinted(bool on)
{
    if (on == neverPrinted())
        return;
    m_context.request->selection.neverPrinted = on;
    filtersEdited();
}

void LabelSelection::filtersEdited()
{
    Q_EMIT changed();
    Q_EMIT edited();
    refresh();
}

labels::Selection LabelSelection::jobSelection() const
{
    labels::Selection s = m_context.request->selection;
    s.ids = m_items.checkedIds();
    return s;
}

void LabelSelection::refresh()
{
    const int generation = ++m_generation;
    m_loading = true;
    Q_EMIT loadingChanged();
    labels::LabelRepository(m_context.db)
        .select(m_context.request->selection, kListLimit)
        .then(this, [this, generation](const Result<std::vector<labels::LabelItem>> &r) {
            if (generation != m_generation)
                return; // the person typed on; a newer list is coming
            m_loading = false;
            Q_EMIT loadingChanged();
            if (!r.ok()) {
                m_context.status->report(tr("The list could not be read"), r.error());
                return;
            }
            m_items.setItems(r.value());
            Q_EMIT listChanged();
        });
}

} // namespace closient::models
