// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The wire format between the workstation and its decoder worker process (closient-decoder). Frames travel in
// shared memory (a memfd the worker sees as file descriptor 3); requests and answers are small binary messages
// on the worker's stdin and stdout. Header-only and free of Qt so both sides share it.

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace closient::scanning::protocol {

constexpr std::uint32_t kRequestMagic = 0x51444C43; // "CLDQ"
constexpr std::uint32_t kMessageMagic = 0x52444C43; // "CLDR"
constexpr int kSharedMemoryFd = 3;

enum class RequestKind : std::uint32_t { SharedImage = 1, File = 2 };
enum class MessageType : std::uint32_t { Stage = 1, Result = 2 };
enum class Status : std::uint32_t { Ok = 0, UnreadableImage = 1, BadRequest = 2, TooLarge = 3 };

// The most pixels an image may have to be decoded. Both sides check it: the workstation from the file's header
// before it asks, the worker before it decodes (and OpenCV's own limit, OPENCV_IO_MAX_IMAGE_PIXELS, is set to it
// for the worker). A larger image is refused with its size, never decoded: its pixels alone would take
// gigabytes, and OpenCV aborts on sizes past its own limit.
constexpr std::uint64_t kMaxImagePixels = 100'000'000;
constexpr const char *kOpenCvPixelLimitVariable = "OPENCV_IO_MAX_IMAGE_PIXELS";

struct Request
{
    std::uint32_t magic = kRequestMagic;
    RequestKind kind = RequestKind::SharedImage;
    std::uint32_t strategy = 0;
    std::uint32_t formats = 0;
    std::int32_t width = 0;
    std::int32_t height = 0;
    std::int32_t stride = 0;
    std::uint32_t pathLength = 0; // File: the UTF-8 path follows the request
    std::uint64_t sharedMemorySize = 0;
    std::uint64_t id = 0;
    std::uint32_t skipStages = 0; // after a crash: start the cascade at the stage that aborted...
    std::uint32_t safeMode = 0; // ...and read linear symbols one at a time, the way that does not abort
    std::uint32_t phase = 0; // the frame's number in its stream: live decoding spreads its steps over frames
    std::uint32_t reserved = 0;
};

struct Message
{
    std::uint32_t magic = kMessageMagic;
    MessageType type = MessageType::Result;
    std::uint64_t id = 0;
    std::uint32_t stage = 0;
    Status status = Status::Ok;
    double decodeMs = 0;
    double cpuMs = 0; // the decoding thread's CPU time for the request: its cost, however busy the machine
    std::int32_t width = 0; // TooLarge: the size the image claims (0 × 0 when not known)
    std::int32_t height = 0;
    std::uint32_t payloadLength = 0; // Result: the serialised results follow
    std::uint32_t reserved = 0;
};

/** One result as it crosses the pipe. */
struct WireResult
{
    std::string format;
    std::string text;
    std::string symbologyId;
    std::string pass;
    std::array<float, 8> quad {};
};

inline void putString(std::string &out, const std::string &s)
{
    const auto n = std::uint32_t(s.size());
    out.append(reinterpret_cast<const char *>(&n), sizeof n);
    out.append(s);
}

inline bool takeString(const char *&p, const char *end, std::string &s)
{
    std::uint32_t n = 0;
    if (end - p < std::ptrdiff_t(sizeof n))
        return false;
    std::memcpy(&n, p, sizeof n);
    p += sizeof n;
    if (end - p < std::ptrdiff_t(n))
        return false;
    s.assign(p, n);
    p += n;
    return true;
}

inline std::string serialize(const std::vector<WireResult> &results)
{
    std::string out;
    for (const auto &r : results) {
        putString(out, r.format);
        putString(out, r.text);
        putString(out, r.symbologyId);
        putString(out, r.pass);
        out.append(reinterpret_cast<const char *>(r.quad.data()), sizeof(float) * r.quad.size());
    }
    return out;
}

inline bool deserialize(const std::string &bytes, std::vector<WireResult> &results)
{
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    while (p < end) {
        WireResult r;
        if (!takeString(p, end, r.format) || !takeString(p, end, r.text) || !takeString(p, end, r.symbologyId)
            || !takeString(p, end, r.pass) || end - p < std::ptrdiff_t(sizeof(float) * r.quad.size()))
            return false;
        std::memcpy(r.quad.data(), p, sizeof(float) * r.quad.size());
        p += sizeof(float) * r.quad.size();
        results.push_back(std::move(r));
    }
    return true;
}

} // namespace closient::scanning::protocol
