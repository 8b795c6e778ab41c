// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageheader.h"

#include <cctype>
#include <cstdio>
#include <cstring>

namespace closient::scanning::engine {

namespace {

/** Random access to the first bytes of a file; every read says whether it got all it asked for. */
class HeaderFile
{
public:
    explicit HeaderFile(const std::string &path)
        : m_file(std::fopen(path.c_str(), "rb"))
    { }
    ~HeaderFile()
    {
        if (m_file)
            std::fclose(m_file);
    }
    HeaderFile(const HeaderFile &) = delete;
    HeaderFile &operator=(const HeaderFile &) = delete;

    [[nodiscard]] bool read(std::uint64_t offset, unsigned char *out, size_t size)
    {
        return m_file && ::fseeko(m_file, off_t(offset), SEEK_SET) == 0 && std::fread(out, 1, size, m_file) == size;
    }
    /// Up to @p size bytes from the start; how many there were.
    [[nodiscard]] size_t head(unsigned char *out, size_t size)
    {
        return m_file && ::fseeko(m_file, 0, SEEK_SET) == 0 ? std::fread(out, 1, size, m_file) : 0;
    }

private:
    std::FILE *m_file;
};

std::uint64_t be(const unsigned char *p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

std::uint64_t le(const unsigned char *p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

std::optional<HeaderSize> jpeg(HeaderFile &f)
{
    // Walk the markers up to the frame header (SOF0..SOF15 but DHT, JPG and DAC), which holds the size.
    std::uint64_t pos = 2;
    for (int segment = 0; segment < 10000; ++segment) {
        unsigned char b = 0;
        if (!f.read(pos, &b, 1) || b != 0xFF)
            return {};
        do {
            if (!f.read(++pos, &b, 1))
                return {};
        } while (b == 0xFF); // fill bytes
        const int marker = b;
        ++pos;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
            continue; // markers without a length
        if (marker == 0xD9 || marker == 0xDA)
            return {}; // the end, or the scan, before any frame header
        unsigned char seg[7] = {};
        if (!f.read(pos, seg, 2) || be(seg, 2) < 2)
            return {};
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            if (!f.read(pos, seg, 7))
                return {};
            return HeaderSize { be(seg + 5, 2), be(seg + 3, 2) }; // length, precision, height, width
        }
        pos += be(seg, 2);
    }
    return {};
}

std::optional<HeaderSize> tiff(HeaderFile &f, const unsigned char *head)
{
    const bool little = head[0] == 'I';
    const auto num = [little](const unsigned char *p, int bytes) { return little ? le(p, bytes) : be(p, bytes); };
    const std::uint64_t version = num(head + 2, 2);
    const bool big = version == 43; // BigTIFF: 8-byte offsets and counts, 20-byte entries
    if (version != 42 && !big)
        return {};
    const std::uint64_t ifd = big ? num(head + 8, 8) : num(head + 4, 4);
    unsigned char countBytes[8] = {};
    if (!f.read(ifd, countBytes, big ? 8 : 2))
        return {};
    const std::uint64_t count = num(countBytes, big ? 8 : 2);
    const int entrySize = big ? 20 : 12;
    HeaderSize size;
    for (std::uint64_t i = 0; i < count && i < 4096; ++i) {
        unsigned char e[20] = {};
        if (!f.read(ifd + (big ? 8 : 2) + i * std::uint64_t(entrySize), e, size_t(entrySize)))
            return {};
        const auto tag = num(e, 2);
        const auto type = num(e + 2, 2);
        const unsigned char *value = e + (big ? 12 : 8);
        const std::uint64_t v = type == 3 ? num(value, 2) : type == 4 ? num(value, 4) : type == 16 ? num(value, 8) : 0;
        if (tag == 256)
            size.width = v;
        else if (tag == 257)
            size.height = v;
    }
    if (size.width == 0 || size.height == 0)
        return {};
    return size;
}

std::optional<HeaderSize> webp(const unsigned char *head, size_t n)
{
    if (n >= 30 && std::memcmp(head + 12, "VP8 ", 4) == 0 && head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A)
        return HeaderSize { le(head + 26, 2) & 0x3FFF, le(head + 28, 2) & 0x3FFF };
    if (n >= 25 && std::memcmp(head + 12, "VP8L", 4) == 0 && head[20] == 0x2F) {
        const std::uint64_t bits = le(head + 21, 4);
        return HeaderSize { (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1 };
    }
    if (n >= 30 && std::memcmp(head + 12, "VP8X", 4) == 0)
        return HeaderSize { le(head + 24, 3) + 1, le(head + 27, 3) + 1 };
    return {};
}

/** The text header of the portable any-maps: numbers, white space, # comments. */
class PnmTokens
{
public:
    PnmTokens(const unsigned char *p, size_t n)
        : m_p(p)
        , m_end(p + n)
    { }
    std::string word()
    {
        for (;;) {
            while (m_p < m_end && std::isspace(*m_p))
                ++m_p;
            if (m_p < m_end && *m_p == '#') {
                while (m_p < m_end && *m_p != '\n')
                    ++m_p;
                continue;
            }
            break;
        }
        std::string w;
        while (m_p < m_end && !std::isspace(*m_p) && *m_p != '#' && w.size() < 32)
            w += char(*m_p++);
        return w;
    }
    static std::optional<std::uint64_t> number(const std::string &w)
    {
        if (w.empty() || w.size() > 18)
            return {};
        std::uint64_t v = 0;
        for (const char c : w) {
            if (c < '0' || c > '9')
                return {};
            v = v * 10 + std::uint64_t(c - '0');
        }
        return v;
    }

private:
    const unsigned char *m_p;
    const unsigned char *m_end;
};

std::optional<HeaderSize> pnm(const unsigned char *head, size_t n)
{
    PnmTokens tokens(head + 2, n - 2);
    if (head[1] == '7') { // PAM: WIDTH and HEIGHT lines before ENDHDR
        HeaderSize size;
        for (int i = 0; i < 64; ++i) {
            const std::string w = tokens.word();
            if (w.empty() || w == "ENDHDR")
                break;
            if (w == "WIDTH")
                size.width = PnmTokens::number(tokens.word()).value_or(0);
            else if (w == "HEIGHT")
                size.height = PnmTokens::number(tokens.word()).value_or(0);
        }
        return size.width && size.height ? std::optional(size) : std::nullopt;
    }
    const auto width = PnmTokens::number(tokens.word());
    const auto height = PnmTokens::number(tokens.word());
    if (!width || !height)
        return {};
    return HeaderSize { *width, *height };
}

} // namespace

std::optional<HeaderSize> headerSize(const std::string &path)
{
    HeaderFile f(path);
    unsigned char head[1024] = {};
    const size_t n = f.head(head, sizeof head);
    if (n >= 24 && std::memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0 && std::memcmp(head + 12, "IHDR", 4) == 0)
        return HeaderSize { be(head + 16, 4), be(head + 20, 4) };
    if (n >= 4 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        return jpeg(f);
    if (n >= 26 && head[0] == 'B' && head[1] == 'M') {
        const std::uint64_t dib = le(head + 14, 4);
        if (dib == 12) // the old OS/2 header: 16-bit sizes
            return HeaderSize { le(head + 18, 2), le(head + 20, 2) };
        const auto width = std::int32_t(le(head + 18, 4));
        const auto height = std::int32_t(le(head + 22, 4)); // negative: stored top-down
        if (width <= 0 || height == 0)
            return {};
        return HeaderSize { std::uint64_t(width),
            height < 0 ? std::uint64_t(-std::int64_t(height)) : std::uint64_t(height) };
    }
    if (n >= 16 && (std::memcmp(head, "II", 2) == 0 || std::memcmp(head, "MM", 2) == 0))
        return tiff(f, head);
    if (n >= 16 && std::memcmp(head, "RIFF", 4) == 0 && std::memcmp(head + 8, "WEBP", 4) == 0)
        return webp(head, n);
    if (n >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '7' && std::isspace(head[2]))
        return pnm(head, n);
    return {};
}

} // namespace closient::scanning::engine
