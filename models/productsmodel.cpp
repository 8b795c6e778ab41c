// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "productsmodel.h"

#include "gtin.h"

using namespace Qt::StringLiterals;

namespace closient::models {

using store::Product;
using store::ProductRepository;

ProductsModel::ProductsModel(store::Database *db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(db)
{ }

int ProductsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ProductsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Product &p = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return p.name;
    case GtinRole:
        return p.gtin;
    case BrandRole:
        return p.brand;
    case DescriptionRole:
        return p.description;
    case EditedRole:
        return p.isEdited();
    case SourceRole:
        return p.isEdited() ? tr("Edited here") : tr("Closient");
    case ClosientNameRole:
        return p.serverName;
    case FromClosientRole:
        return p.fromClosient;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProductsModel::roleNames() const
{
    return { { GtinRole, "gtin" }, { NameRole, "name" }, { BrandRole, "brand" }, { DescriptionRole, "description" },
        { EditedRole, "edited" }, { SourceRole, "source" }, { ClosientNameRole, "closientName" },
        { FromClosientRole, "fromClosient" } };
}

void ProductsModel::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    Q_EMIT searchChanged();
    reload();
}

void ProductsModel::setError(const QString &message)
{
    if (message == m_error)
        return;
    m_error = message;
    Q_EMIT errorChanged();
}

void ProductsModel::setBusy(int delta)
{
    const bool before = busy();
    m_busy += delta;
    if (busy() != before)
        Q_EMIT busyChanged();
}

void ProductsModel::reload()
{
    fetch({});
}

void ProductsModel::fetch(std::function<void()> after)
{
    if (!m_db)
        return;
    const int request = ++m_request;
    setBusy(1);
    ProductRepository(m_db).list(m_search).then(
        this, [this, request, after = std::move(after)](const Result<std::vector<Product>> &r) {
            setBusy(-1);
            if (request != m_request)
                return;
            if (!r.ok()) {
                setError(tr("The products could not be read: %1").arg(r.error().message));
                return;
            }
            const int before = rowCount();
            beginResetModel();
            m_rows = r.value();
            endResetModel();
            if (rowCount() != before)
                Q_EMIT countChanged();
            if (after)
                after();
        });
}

QString ProductsModel::check(
    const QString &gtin, const QString &name, const QString &brand, const QString &description) const
{
    const auto edit = ProductRepository::checkEdit(gtin, name, brand, description);
    return edit.ok() ? QString() : edit.error().message;
}

void ProductsModel::save(const QString &gtin, const QString &name, const QString &brand, const QString &description)
{
    const auto edit = ProductRepository::checkEdit(gtin, name, brand, description);
    if (!edit.ok()) {
        setError(edit.error().message);
        return;
    }
    if (!m_db)
        return;
    setBusy(1);
    ProductRepository(m_db).setLocal(edit.value()).then(this, [this](const Result<Product> &r) {
        setBusy(-1);
        if (!r.ok()) {
            setError(tr("The product was not saved: %1").arg(r.error().message));
            return;
        }
        setError({});
        Q_EMIT changed();
        fetch([this, gtin = r->gtin] { Q_EMIT saved(gtin); });
    });
}

void ProductsModel::clear(const QString &gtin)
{
    if (!m_db)
        return;
    setBusy(1);
    ProductRepository(m_db).clearLocal(gtin).then(this, [this](const Result<Product> &r) {
        setBusy(-1);
        if (!r.ok()) {
            setError(tr("The edit was not cleared: %1").arg(r.error().message));
            return;
        }
        setError({});
        Q_EMIT changed();
        fetch([this, gtin = r->gtin] { Q_EMIT cleared(gtin); });
    });
}

int ProductsModel::indexOf(const QString &gtin) const
{
    const auto check = gs1::checkGtin(gtin.trimmed());
    const QString key = check.ok() ? check.gtin14 : gtin.trimmed();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].gtin == key)
            return int(i);
    }
    return -1;
}

QVariantMap ProductsModel::productAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const Product &p = m_rows[size_t(row)];
    return { { u"gtin"_s, p.gtin }, { u"name"_s, p.name }, { u"brand"_s, p.brand }, { u"description"_s, p.description },
        { u"edited"_s, p.isEdited() }, { u"fromClosient"_s, p.fromClosient }, { u"closientName"_s, p.serverName } };
}

} // namespace closient::models
