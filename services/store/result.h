// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace closient::store {

/** Why a store operation did not happen, in a stable code and in plain words. */
struct StoreError
{
    QString code; // locked, read_only, not_a_database, corrupt, foreign_database, newer_schema, in_use, invalid, io
    QString message;
};

/** A value or the reason there is none. */
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(StoreError error)
        : m_error(std::move(error))
    { }
    Result() = default; // an error with no text: only for containers that need a default

    [[nodiscard]] bool ok() const { return m_value.has_value(); }
    [[nodiscard]] const T &value() const { return *m_value; }
    [[nodiscard]] T &value() { return *m_value; }
    [[nodiscard]] const StoreError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    StoreError m_error;
};

/** A success without a value. */
struct Done
{
};

} // namespace closient::store
