// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// closient-decoder: the worker process that runs the barcode libraries. Debian's ZXing-cpp aborts on some
// images; here an abort ends only this process, which the workstation restarts at once. It reads requests on
// stdin, frames from shared memory (fd 3) or image files, and answers on stdout (see decoderprotocol.h).
#include "decodeengine.h"
#include "decoderprotocol.h"
#include "imageheader.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <new>
#include <string>

#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

using namespace closient::scanning;

namespace {

// This thread's CPU time: what a request costs the decoder, whatever else the machine runs meanwhile.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

bool readExact(void *buffer, size_t size)
{
    auto *p = static_cast<char *>(buffer);
    while (size > 0) {
        const ssize_t n = ::read(STDIN_FILENO, p, size);
        if (n <= 0)
            return false;
        p += n;
        size -= size_t(n);
    }
    return true;
}

bool writeExact(const void *buffer, size_t size)
{
    const auto *p = static_cast<const char *>(buffer);
    while (size > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, p, size);
        if (n <= 0)
            return false;
        p += n;
        size -= size_t(n);
    }
    return true;
}

/** The shared frame buffer, mapped again whenever the workstation grows it. */
struct SharedMemory
{
    void *data = nullptr;
    size_t size = 0;
    bool map(size_t wanted)
    {
        if (wanted == size && data)
            return true;
        if (data)
            ::munmap(data, size);
        data = ::mmap(nullptr, wanted, PROT_READ, MAP_SHARED, protocol::kSharedMemoryFd, 0);
        size = data == MAP_FAILED ? 0 : wanted;
        if (data == MAP_FAILED)
            data = nullptr;
        return data != nullptr;
    }
};

std::int32_t clampedSide(std::uint64_t side)
{
    return std::int32_t(std::min<std::uint64_t>(side, std::numeric_limits<std::int32_t>::max()));
}

/** An image file read for decoding, or why not. */
struct Loaded
{
    cv::Mat image;
    protocol::Status status = protocol::Status::Ok;
    engine::HeaderSize claimed;
};

Loaded loadFile(const std::string &path)
{
    Loaded out;
    // The header first: an image past the limit is refused before OpenCV allocates (or aborts on) its pixels.
    if (const auto size = engine::headerSize(path)) {
        out.claimed = *size;
        if (size->pixels() > protocol::kMaxImagePixels) {
            out.status = protocol::Status::TooLarge;
            return out;
        }
    }
    try {
        out.image = cv::imread(path, cv::IMREAD_GRAYSCALE);
    } catch (const cv::Exception &e) {
        // imread checks the size outside its own try (CV_IO_MAX_IMAGE_*): past it, or zero, it throws.
        out.status = e.err.find("CV_IO_MAX_IMAGE") != std::string::npos ? protocol::Status::TooLarge
                                                                        : protocol::Status::UnreadableImage;
        return out;
    } catch (const std::bad_alloc &) {
        out.status = protocol::Status::TooLarge; // the pixels do not fit in memory
        return out;
    }
    if (out.image.empty())
        out.status = protocol::Status::UnreadableImage;
    return out;
}

} // namespace

int main()
{
    // One thread: the worker shares two cores with the window and the camera, and its timings stay honest.
    cv::setNumThreads(1);
    SharedMemory shared;
    protocol::Request request;
    while (readExact(&request, sizeof request)) {
        protocol::Message answer;
        answer.id = request.id;
        if (request.magic != protocol::kRequestMagic) {
            answer.status = protocol::Status::BadRequest;
            writeExact(&answer, sizeof answer);
            return 2; // out of step with the workstation: let it start a fresh worker
        }
        Loaded loaded;
        engine::GrayView view;
        if (request.kind == protocol::RequestKind::File) {
            std::string path(request.pathLength, '\0');
            if (!readExact(path.data(), path.size()))
                return 2;
            loaded = loadFile(path);
            if (!loaded.image.empty())
                view = { loaded.image.data, loaded.image.cols, loaded.image.rows, int(loaded.image.step) };
        } else if (request.width > 0 && request.height > 0
            && std::uint64_t(request.width) * std::uint64_t(request.height) > protocol::kMaxImagePixels) {
            loaded.status = protocol::Status::TooLarge;
            loaded.claimed = { std::uint64_t(request.width), std::uint64_t(request.height) };
        } else if (shared.map(request.sharedMemorySize)
            && size_t(request.stride) * size_t(request.height) <= shared.size) {
            view = { static_cast<const std::uint8_t *>(shared.data), request.width, request.height, request.stride };
        }
        answer.width = view.width;
        answer.height = view.height;
        if (!view.data) {
            answer.status = loaded.status == protocol::Status::Ok ? protocol::Status::UnreadableImage : loaded.status;
            if (answer.status == protocol::Status::TooLarge) {
                answer.width = clampedSide(loaded.claimed.width);
                answer.height = clampedSide(loaded.claimed.height);
            }
            writeExact(&answer, sizeof answer);
            continue;
        }
        const auto started = std::chrono::steady_clock::now();
        const double cpuStarted = threadCpuMs();
        const auto results = engine::decode(
            view, engine::Strategy(request.strategy), request.formats,
            [&](int stage) {
                protocol::Message m;
                m.type = protocol::MessageType::Stage;
                m.id = request.id;
                m.stage = std::uint32_t(stage);
                writeExact(&m, sizeof m); // so a crash in this step is known as this step's
            },
            int(request.skipStages), request.safeMode != 0, int(request.phase));
        answer.decodeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        answer.cpuMs = threadCpuMs() - cpuStarted;
        std::vector<protocol::WireResult> wire;
        for (const auto &r : results) {
            protocol::WireResult w { r.format, r.text, r.symbologyId,
                r.lineCount > 0 ? r.pass + "/" + std::to_string(r.lineCount) : r.pass, {} };
            for (size_t i = 0; i < 4; ++i) {
                w.quad[2 * i] = r.quad[i][0];
                w.quad[2 * i + 1] = r.quad[i][1];
            }
            wire.push_back(std::move(w));
        }
        const std::string payload = protocol::serialize(wire);
        answer.payloadLength = std::uint32_t(payload.size());
        if (!writeExact(&answer, sizeof answer) || !writeExact(payload.data(), payload.size()))
            return 0;
    }
    return 0;
}
