// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "database.h"
#include "displaytext.h"
#include "productrepository.h"

using namespace Qt::StringLiterals;

namespace closient::cli {

using store::Product;
using store::ProductRepository;

namespace {

int storeOrRefused(Context &ctx, const Error &e)
{
    static const QStringList storeCodes { u"locked"_s, u"read_only"_s, u"disk_full"_s, u"io"_s, u"corrupt"_s };
    return ctx.fail(e.message, storeCodes.contains(e.code) ? StoreFailure : Refused);
}

QString sourceWords(const Product &p)
{
    return p.isEdited() ? u"edited here"_s : u"Closient"_s;
}

void printProduct(Context &ctx, const Product &p)
{
    ctx.out() << p.gtin << "  " << visibleText(p.name) << "  " << visibleText(p.brand) << "  (" << sourceWords(p)
              << ")\n";
}

int productsList(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption search(u"search"_s, u"only products whose GTIN, name or brand holds TEXT"_s, u"TEXT"_s);
    const QCommandLineOption json(u"json"_s, u"one JSON object per product instead of the table"_s);
    if (!parseOptions(ctx, p,
            u"products list [--search TEXT] [--json]\n\n"
            u"The products the station knows, by name: those Closient named (filled by sync) and those edited\n"
            u"here. Each shows its GTIN, name, brand and where the name comes from (Closient, or edited here);\n"
            u"labels print these for {product_name} and {brand}."_s,
            { search, json }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(u"unexpected argument %1"_s.arg(visibleText(p.positionalArguments().first())));
    auto *db = ctx.database(Context::Access::ReadOnly);
    if (!db)
        return StoreFailure;
    const auto all = wait(ProductRepository(db).list(p.value(search), 100000));
    if (!all.ok())
        return storeOrRefused(ctx, all.error());
    for (const auto &product : all.value()) {
        if (p.isSet(json))
            ctx.printJson(product.toJson());
        else
            printProduct(ctx, product);
    }
    if (!p.isSet(json) && all->empty())
        ctx.err() << (p.isSet(search) ? "No product matches.\n" : "The station knows no product yet.\n");
    ctx.out().flush();
    return Ok;
}

int productsSet(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption name(
        u"name"_s, u"the product's name, as labels print it (at most 200 characters)"_s, u"TEXT"_s);
    const QCommandLineOption brand(u"brand"_s, u"the brand (when not given, the brand shown now stays)"_s, u"TEXT"_s);
    const QCommandLineOption description(u"description"_s, u"the description (when not given, it stays)"_s, u"TEXT"_s);
    const QCommandLineOption json(u"json"_s, u"the product as one JSON object"_s);
    if (!parseOptions(ctx, p,
            u"products set GTIN --name TEXT [--brand TEXT] [--description TEXT] [--json]\n\n"
            u"Names a product at this station: labels print this name and brand from now on, also after a sync\n"
            u"brings Closient's, until products clear GTIN. The GTIN has 8, 12, 13 or 14 digits with a good check\n"
            u"digit; a product the station does not know yet is added."_s,
            { name, brand, description, json }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const auto args = p.positionalArguments();
    if (args.size() != 1)
        return ctx.fail(args.isEmpty() ? u"name the product's GTIN: products set GTIN --name TEXT"_s
                                       : u"unexpected argument %1"_s.arg(visibleText(args.at(1))));
    if (!p.isSet(name))
        return ctx.fail(u"give the product's name with --name TEXT"_s);
    const auto edit = ProductRepository::checkEdit(args.first(), p.value(name),
        p.isSet(brand) ? std::optional(p.value(brand)) : std::nullopt,
        p.isSet(description) ? std::optional(p.value(description)) : std::nullopt);
    if (!edit.ok())
        return ctx.fail(edit.error().message);
    auto *db = ctx.database(Context::Access::ReadWrite);
    if (!db)
        return StoreFailure;
    const auto stored = wait(ProductRepository(db).setLocal(edit.value()));
    if (!stored.ok())
        return storeOrRefused(ctx, stored.error());
    if (p.isSet(json))
        ctx.printJson(stored->toJson());
    else
        printProduct(ctx, stored.value());
    ctx.out().flush();
    return Ok;
}

int productsClear(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(u"json"_s, u"the product as shown now, as one JSON object"_s);
    if (!parseOptions(ctx, p,
            u"products clear GTIN [--json]\n\n"
            u"Clears the product's local edit: labels print Closient's name and brand again. A product Closient\n"
            u"has not named is forgotten."_s,
            { json }))
        return p.isSet(u"help"_s) ? Ok : Usage;
    const auto args = p.positionalArguments();
    if (args.size() != 1)
        return ctx.fail(args.isEmpty() ? u"name the product's GTIN: products clear GTIN"_s
                                       : u"unexpected argument %1"_s.arg(visibleText(args.at(1))));
    auto *db = ctx.database(Context::Access::ReadWrite);
    if (!db)
        return StoreFailure;
    const auto cleared = wait(ProductRepository(db).clearLocal(args.first()));
    if (!cleared.ok()) {
        if (cleared.error().code == u"invalid"_s)
            return ctx.fail(cleared.error().message);
        return storeOrRefused(ctx, cleared.error());
    }
    const bool forgotten = !cleared->fromClosient;
    if (p.isSet(json)) {
        ctx.printJson(
            forgotten ? QJsonObject { { u"gtin"_s, cleared->gtin }, { u"forgotten"_s, true } } : cleared->toJson());
    } else if (cleared->fromClosient) {
        printProduct(ctx, cleared.value());
    } else {
        ctx.out() << cleared->gtin << "  forgotten (Closient has not named it)\n";
    }
    ctx.out().flush();
    return Ok;
}

} // namespace

std::vector<Command> productCommands()
{
    return {
        { u"products list"_s, u"the products the station knows: GTIN, name, brand, where the name comes from"_s, false,
            productsList, {}, {}, true },
        { u"products set"_s, u"name a product here (--name, --brand); it wins over sync until cleared"_s, false,
            productsSet, {}, {}, true },
        { u"products clear"_s, u"clear a product's local edit: Closient's name is used again"_s, false, productsClear,
            {}, {}, true },
    };
}

} // namespace closient::cli
