// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace closient {

/** Why an operation did not happen: a stable code, plain words for the person at the desk, and whether trying
 *  again later can succeed. */
struct Error
{
    QString code; // for programs: locked, read_only, disk_full, invalid, not_found, io, ...
    QString message; // for people
    bool retryable = false;
};

/** A value or the reason there is none. */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_error(std::move(error))
    { }
    Result() = default; // an error with no text: only for containers that need a default

    [[nodiscard]] bool ok() const { return m_value.has_value(); }
    [[nodiscard]] const T &value() const { return *m_value; }
    [[nodiscard]] T &value() { return *m_value; }
    [[nodiscard]] const Error &error() const { return m_error; }
    // As std::optional and std::expected read: test it, then reach the value.
    [[nodiscard]] explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &operator*() const { return *m_value; }
    [[nodiscard]] T &operator*() { return *m_value; }
    [[nodiscard]] const T *operator->() const { return &*m_value; }
    [[nodiscard]] T *operator->() { return &*m_value; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/** A success without a value. */
struct Done
{
};

} // namespace closient
