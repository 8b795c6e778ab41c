// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "printhistorymodel.h"

#include "stocklibrary.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace closient::models {

PrintHistoryModel::PrintHistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int PrintHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

PrintHistoryModel::Action PrintHistoryModel::actionOf(const QString &stored)
{
    if (stored == u"reprint")
        return Action::Reprint;
    if (stored == u"void")
        return Action::Void;
    if (stored == u"test")
        return Action::Test;
    return Action::Print;
}

QVariant PrintHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &e = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case ActionTextRole:
        switch (actionOf(e.action)) {
        case Action::Reprint:
            return tr("Reprinted");
        case Action::Void:
            return tr("Voided");
        case Action::Test:
            return tr("Test print");
        case Action::Print:
            break;
        }
        return tr("Printed");
    case ActionRole:
        return QVariant::fromValue(actionOf(e.action));
    case ItemsRole:
        return e.items;
    case ItemsTextRole:
        return e.items == 1 ? tr("1 label") : tr("%1 labels").arg(e.items);
    case FirstItemRole:
        return e.items > 1 ? tr("%1 and %2 more").arg(e.firstItem).arg(e.items - 1) : e.firstItem;
    case WhenRole:
        return QLocale().toString(e.created.toLocalTime(), QLocale::ShortFormat);
    case DetailsRole: {
        QStringList parts;
        for (const auto &p : { e.printer, stockName(e.templateName), e.layoutName })
            if (!p.isEmpty())
                parts << p;
        if (!e.userName.isEmpty())
            parts << e.userName + u'@' + e.workstation;
        if (!e.reason.isEmpty())
            parts << u"“%1”"_s.arg(e.reason);
        return parts.join(u" · "_s);
    }
    case PrinterRole:
        return e.printer;
    case TemplateRole:
        return e.templateName;
    case UserNameRole:
        return e.userName;
    case WorkstationRole:
        return e.workstation;
    case ReasonRole:
        return e.reason;
    case JobIdRole:
        return e.jobId;
    case StartRole:
        return e.startPosition;
    case StockRole:
        return stockName(e.templateName);
    case LayoutRole:
        return e.layoutName;
    default:
        return {};
    }
}

QHash<int, QByteArray> PrintHistoryModel::roleNames() const
{
    return { { ActionRole, "action" }, { ActionTextRole, "actionText" }, { ItemsRole, "items" },
        { ItemsTextRole, "itemsText" }, { FirstItemRole, "firstItem" }, { WhenRole, "when" },
        { DetailsRole, "details" }, { PrinterRole, "printer" }, { TemplateRole, "template" }, { UserNameRole, "user" },
        { WorkstationRole, "workstation" }, { ReasonRole, "reason" }, { JobIdRole, "jobId" }, { StartRole, "start" },
        { StockRole, "stock" }, { LayoutRole, "layout" } };
}

void PrintHistoryModel::setEntries(std::vector<labels::PrintLogEntry> entries)
{
    m_all = std::move(entries);
    applyFilter();
}

QString PrintHistoryModel::stockName(const QString &stockId)
{
    if (stockId.isEmpty())
        return {};
    const auto library = labels::StockLibrary::instance();
    const auto *stock = library->find(stockId);
    return stock ? stock->displayName() : stockId;
}

void PrintHistoryModel::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    Q_EMIT filterChanged();
    applyFilter();
}

void PrintHistoryModel::setActionFilter(int action)
{
    action = std::clamp(action, -1, int(Action::Test));
    if (action == m_actionFilter)
        return;
    m_actionFilter = action;
    Q_EMIT filterChanged();
    applyFilter();
}

bool PrintHistoryModel::shown(const labels::PrintLogEntry &e) const
{
    if (m_actionFilter >= 0 && int(actionOf(e.action)) != m_actionFilter)
        return false;
    const QStringList words = m_search.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    const QString haystack = QStringList { e.firstItem, e.printer, stockName(e.templateName), e.templateName,
        e.layoutName, e.userName, e.workstation, e.reason, e.jobId }
                                 .join(u'\n');
    for (const auto &w : words) {
        if (!haystack.contains(w, Qt::CaseInsensitive) && !m_itemMatches.value(w.toLower()).contains(e.id))
            return false;
    }
    return true;
}

QStringList PrintHistoryModel::searchWords() const
{
    return m_search.toLower().split(u' ', Qt::SkipEmptyParts);
}

void PrintHistoryModel::setItemMatches(QHash<QString, QSet<qint64>> matches)
{
    m_itemMatches = std::move(matches);
    applyFilter();
}

void PrintHistoryModel::applyFilter()
{
    beginResetModel();
    m_entries.clear();
    for (const auto &e : m_all) {
        if (shown(e))
            m_entries.push_back(e);
    }
    endResetModel();
    Q_EMIT countChanged();
}

} // namespace closient::models
