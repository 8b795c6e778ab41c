// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"

#include <QStringList>

namespace closient::store {

/// PRAGMA application_id of every Closient Station store ("CLST").
constexpr int kStoreApplicationId = 0x434C5354;

/// Makes the missing folders of @p dir, each readable by the user only (0700); returns the ones it made.
[[nodiscard]] Result<QStringList> makePrivateDirs(const QString &dir);
/// Removes folders makePrivateDirs() made, deepest first, leaving any that is not empty.
void removeDirs(const QStringList &made);
/// Creates a complete new store at @p path unless one exists: built in a 0600 temporary file beside it and linked
/// into place without replacing anything, so a store another program linked first wins. A failed attempt leaves
/// nothing behind. NOTE: runs on the database thread (it opens a connection named @p connectionName there).
[[nodiscard]] Result<Done> createStore(const QString &path, const QString &connectionName);

} // namespace closient::store
