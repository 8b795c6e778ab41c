// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "productrepository.h"

#include "gtin.h"
#include "sqlhelpers.h"

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {

const QString kColumns = u"gtin, product_name, brand, description, server_name, server_brand, server_description, "
                         u"edited"_s;

Product readProduct(const QSqlQuery &q)
{
    Product p;
    p.gtin = q.value(0).toString();
    p.name = q.value(1).toString();
    p.brand = q.value(2).toString();
    p.description = q.value(3).toString();
    p.fromClosient = !q.value(4).isNull();
    p.serverName = q.value(4).toString();
    p.serverBrand = q.value(5).toString();
    p.serverDescription = q.value(6).toString();
    p.edited = q.value(7).toString();
    return p;
}

Result<std::optional<Product>> readOne(QSqlDatabase &db, const QString &gtin14)
{
    bool ok = false;
    auto q = exec(db, u"SELECT "_s + kColumns + u" FROM products WHERE gtin = ?"_s, { gtin14 }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    if (!q.next())
        return std::optional<Product>();
    return std::optional<Product>(readProduct(q));
}

StoreError invalid(const QString &message)
{
    return StoreError { u"invalid"_s, message };
}

bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

Result<QString> checkGtin14(const QString &gtin)
{
    const auto check = gs1::checkGtin(gtin.trimmed());
    if (!check.ok())
        return invalid(u"\"%1\" is not a GTIN: %2"_s.arg(gtin.trimmed().left(40), check.error));
    return check.gtin14;
}

} // namespace

QString Product::source() const
{
    return isEdited() ? u"edited"_s : u"closient"_s;
}

QJsonObject Product::toJson() const
{
    QJsonObject o { { u"gtin"_s, gtin }, { u"product_name"_s, name }, { u"brand"_s, brand },
        { u"description"_s, description }, { u"source"_s, source() },
        { u"edited"_s, isEdited() ? QJsonValue(edited) : QJsonValue() } };
    if (fromClosient) {
        o.insert(u"closient"_s,
            QJsonObject { { u"product_name"_s, serverName }, { u"brand"_s, serverBrand },
                { u"description"_s, serverDescription } });
    } else {
        o.insert(u"closient"_s, QJsonValue());
    }
    return o;
}

ProductRepository::ProductRepository(Database *db)
    : m_db(db)
{ }

Result<ProductEdit> ProductRepository::checkEdit(const QString &gtin, const QString &name,
    const std::optional<QString> &brand, const std::optional<QString> &description)
{
    const auto gtin14 = checkGtin14(gtin);
    if (!gtin14.ok())
        return gtin14.error();
    ProductEdit edit;
    edit.gtin = gtin14.value();
    edit.name = name.trimmed();
    if (edit.name.isEmpty())
        return invalid(u"The product name is blank; give the name to print on its labels."_s);
    if (edit.name.size() > kMaxNameLength)
        return invalid(
            u"The product name has %1 characters; at most %2 fit."_s.arg(edit.name.size()).arg(kMaxNameLength));
    if (hasControl(edit.name))
        return invalid(u"The product name holds a control character (a line break or a tab); give one line."_s);
    if (brand) {
        edit.brand = brand->trimmed();
        if (edit.brand->size() > kMaxBrandLength)
            return invalid(
                u"The brand has %1 characters; at most %2 fit."_s.arg(edit.brand->size()).arg(kMaxBrandLength));
        if (hasControl(*edit.brand))
            return invalid(u"The brand holds a control character (a line break or a tab); give one line."_s);
    }
    if (description) {
        edit.description = description->trimmed();
        if (edit.description->size() > kMaxDescriptionLength)
            return invalid(u"The description has %1 characters; at most %2 fit."_s.arg(edit.description->size())
                               .arg(kMaxDescriptionLength));
    }
    return edit;
}

QFuture<Result<std::vector<Product>>> ProductRepository::list(const QString &search, int limit)
{
    return m_db->run([search = search.trimmed(), limit](QSqlDatabase &db) -> Result<std::vector<Product>> {
        bool ok = false;
        QSqlQuery q;
        const QString order = u" ORDER BY product_name COLLATE NOCASE, gtin LIMIT ?"_s;
        if (search.isEmpty()) {
            q = exec(db, u"SELECT "_s + kColumns + u" FROM products"_s + order, { limit }, &ok);
        } else {
            const auto like = likeContains(search);
            q = exec(db,
                u"SELECT "_s + kColumns
                    + u" FROM products WHERE gtin LIKE ? ESCAPE '\\' OR product_name LIKE ? ESCAPE '\\' "
                      u"OR brand LIKE ? ESCAPE '\\'"_s
                    + order,
                { like, like, like, limit }, &ok);
        }
        if (!ok)
            return sqlError(q.lastError());
        std::vector<Product> out;
        while (q.next())
            out.push_back(readProduct(q));
        return out;
    });
}

QFuture<Result<Product>> ProductRepository::product(const QString &gtin)
{
    return m_db->run([gtin](QSqlDatabase &db) -> Result<Product> {
        const auto gtin14 = checkGtin14(gtin);
        if (!gtin14.ok())
            return gtin14.error();
        auto found = readOne(db, gtin14.value());
        if (!found.ok())
            return found.error();
        if (!found.value())
            return StoreError { u"not_found"_s, u"The station knows no product %1."_s.arg(gtin14.value()) };
        return *found.value();
    });
}

QFuture<Result<Product>> ProductRepository::setLocal(const ProductEdit &edit)
{
    return m_db->run([edit](QSqlDatabase &db) -> Result<Product> {
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        auto before = readOne(db, edit.gtin);
        if (!before.ok())
            return before.error();
        const auto now = nowIso();
        bool ok = false;
        QSqlQuery q;
        if (before.value()) {
            q = exec(db,
                u"UPDATE products SET product_name = ?, brand = ?, description = ?, edited = ? WHERE gtin = ?"_s,
                { edit.name, edit.brand.value_or(before.value()->brand),
                    edit.description.value_or(before.value()->description), now, edit.gtin },
                &ok);
        } else {
            q = exec(db,
                u"INSERT INTO products (gtin, product_name, brand, description, fetched, edited) "
                u"VALUES (?, ?, ?, ?, '', ?)"_s,
                { edit.gtin, edit.name, edit.brand.value_or(QString()), edit.description.value_or(QString()), now },
                &ok);
        }
        if (!ok)
            return sqlError(q.lastError());
        auto after = readOne(db, edit.gtin);
        if (!after.ok())
            return after.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        return *after.value();
    });
}

QFuture<Result<Product>> ProductRepository::clearLocal(const QString &gtin)
{
    return m_db->run([gtin](QSqlDatabase &db) -> Result<Product> {
        const auto gtin14 = checkGtin14(gtin);
        if (!gtin14.ok())
            return gtin14.error();
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        auto before = readOne(db, gtin14.value());
        if (!before.ok())
            return before.error();
        if (!before.value())
            return StoreError { u"not_found"_s, u"The station knows no product %1."_s.arg(gtin14.value()) };
        if (!before.value()->isEdited())
            return StoreError { u"not_found"_s,
                u"Product %1 has no local edit: it already shows Closient's values."_s.arg(gtin14.value()) };
        bool ok = false;
        QSqlQuery q;
        if (before.value()->fromClosient) {
            q = exec(db,
                u"UPDATE products SET product_name = coalesce(server_name, ''), brand = coalesce(server_brand, ''), "
                u"description = coalesce(server_description, ''), edited = NULL WHERE gtin = ?"_s,
                { gtin14.value() }, &ok);
        } else {
            q = exec(db, u"DELETE FROM products WHERE gtin = ?"_s, { gtin14.value() }, &ok);
        }
        if (!ok)
            return sqlError(q.lastError());
        auto after = readOne(db, gtin14.value());
        if (!after.ok())
            return after.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        Product shown;
        shown.gtin = gtin14.value();
        return after.value() ? *after.value() : shown;
    });
}

Result<Done> ProductRepository::storeFromClosient(
    QSqlDatabase &db, const QString &gtin14, const QJsonObject &p, const QString &data)
{
    const QString name = p.value(u"product_name"_s).toString();
    const QString brand = p.value(u"brand"_s).toString();
    const QString description = p.value(u"description"_s).toString();
    bool ok = false;
    auto q = exec(db,
        u"INSERT INTO products (gtin, server_id, product_name, brand, description, image_url, data, fetched, "
        u"server_name, server_brand, server_description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        u"ON CONFLICT (gtin) DO UPDATE SET server_id = excluded.server_id, "
        u"product_name = CASE WHEN products.edited IS NULL THEN excluded.product_name ELSE products.product_name END, "
        u"brand = CASE WHEN products.edited IS NULL THEN excluded.brand ELSE products.brand END, "
        u"description = CASE WHEN products.edited IS NULL THEN excluded.description ELSE products.description END, "
        u"image_url = excluded.image_url, data = excluded.data, fetched = excluded.fetched, "
        u"server_name = excluded.server_name, server_brand = excluded.server_brand, "
        u"server_description = excluded.server_description"_s,
        { gtin14, p.value(u"id"_s).toString(), name, brand, description, p.value(u"image_url"_s).toString(), data,
            nowIso(), name, brand, description },
        &ok);
    if (!ok)
        return sqlError(q.lastError());
    return Done {};
}

bool ProductRepository::knownToClosient(QSqlDatabase &db, const QString &gtin14)
{
    auto q = exec(db, u"SELECT 1 FROM products WHERE gtin = ? AND server_name IS NOT NULL"_s, { gtin14 });
    return q.next();
}

} // namespace closient::store
