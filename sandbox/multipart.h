// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace closient::sandbox {

/** One part of a multipart/form-data body. */
struct FormPart
{
    QString name;
    QString filename; // empty for plain fields
    QByteArray contentType;
    QByteArray data;
};

/// Splits a multipart/form-data @p body by the boundary named in @p contentType (RFC 7578).
[[nodiscard]] Result<std::vector<FormPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body);

} // namespace closient::sandbox
