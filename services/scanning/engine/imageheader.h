// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace closient::scanning::engine {

/** The size an image file says it has, as its header states it: known before a single pixel is decoded. */
struct HeaderSize
{
    std::uint64_t width = 0;
    std::uint64_t height = 0;
    [[nodiscard]] std::uint64_t pixels() const { return width * height; }
};

/// What the header of the file at @p path claims (PNG, JPEG, BMP, TIFF and BigTIFF, WebP, PNM/PAM); nothing when
/// the file is in another format or its header is cut short. Reads a few header bytes only, never the pixels:
/// safe on any file, however large it claims to be.
[[nodiscard]] std::optional<HeaderSize> headerSize(const std::string &path);

} // namespace closient::scanning::engine
