// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace closient::store {

/** A product the station knows: what it shows and prints, and what Closient said about it. */
struct Product
{
    QString gtin; // GTIN-14
    QString name; // shown and printed: the local edit when there is one, else Closient's
    QString brand;
    QString description;
    bool fromClosient = false; // Closient has said what this product is (the server values below are set)
    QString serverName;
    QString serverBrand;
    QString serverDescription;
    QString edited; // when the local edit was made; empty when there is none

    [[nodiscard]] bool isEdited() const { return !edited.isEmpty(); }
    /// "edited" when the shown values are the local edit, else "closient".
    [[nodiscard]] QString source() const;
    [[nodiscard]] QJsonObject toJson() const;
};

/** A local edit, checked: the GTIN as GTIN-14, the texts trimmed. */
struct ProductEdit
{
    QString gtin;
    QString name;
    std::optional<QString> brand; // not given: the brand shown now stays
    std::optional<QString> description;
};

/**
 * The products cache (filled by sync) and the edits made at the station. A local edit of a product's name, brand
 * and description wins over what a later pull brings until it is cleared; the pull still keeps Closient's values,
 * so clearing shows them. The products table always holds the values shown, so every reader (labels, the review's
 * sort keys and search) sees the local edit without knowing of it.
 */
class ProductRepository
{
public:
    static constexpr int kMaxNameLength = 200;
    static constexpr int kMaxBrandLength = 200;
    static constexpr int kMaxDescriptionLength = 2000;

    explicit ProductRepository(Database *db);

    /// Checks an edit: a GTIN of 8, 12, 13 or 14 digits with a good check digit (padded to 14), a name that is not
    /// blank and at most kMaxNameLength characters, a brand and a description within their lengths, no control
    /// characters in the name or brand. The error says which and why.
    [[nodiscard]] static Result<ProductEdit> checkEdit(const QString &gtin, const QString &name,
        const std::optional<QString> &brand = std::nullopt, const std::optional<QString> &description = std::nullopt);

    /// Products whose GTIN, name or brand holds @p search (every one when empty), by name then GTIN.
    QFuture<Result<std::vector<Product>>> list(const QString &search = {}, int limit = 1000);
    /// One product by GTIN (8 to 14 digits); not_found when the station does not know it.
    QFuture<Result<Product>> product(const QString &gtin);
    /// Stores the local edit (adding the product when the station does not know it) and returns it as shown.
    QFuture<Result<Product>> setLocal(const ProductEdit &edit);
    /// Clears the local edit: Closient's values are shown again; a product only known from its edit is forgotten
    /// (the returned product then has no name). not_found when there is nothing to clear.
    QFuture<Result<Product>> clearLocal(const QString &gtin);

    /// NOTE: runs on the database thread. Stores what Closient says of @p gtin14 (its product JSON @p p, kept
    /// whole as @p data): the server values always, the shown values only when there is no local edit.
    [[nodiscard]] static Result<Done> storeFromClosient(
        QSqlDatabase &db, const QString &gtin14, const QJsonObject &p, const QString &data);
    /// NOTE: runs on the database thread. Whether Closient's values for @p gtin14 are stored (the pull asks
    /// Closient for those it has not).
    [[nodiscard]] static bool knownToClosient(QSqlDatabase &db, const QString &gtin14);

private:
    Database *m_db;
};

} // namespace closient::store
