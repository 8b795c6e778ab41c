// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api.h"
#include "config.h"
#include "faults.h"
#include "ratelimiter.h"
#include "sandboxstate.h"

#include <QAbstractHttpServer>
#include <QPointer>
#include <QTcpSocket>

namespace closient::sandbox {

/** The sandbox's HTTP server on 127.0.0.1: parses with Qt HttpServer, but writes every answer on the socket
 *  itself, so it can delay an answer, or commit a request and then close the connection without one. Runs on
 *  the thread it was made on; every request is handled there in one database transaction. */
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SandboxServer(SandboxState &state, const SandboxConfig &config, QObject *parent = nullptr);

    /// Listens on 127.0.0.1:@p port (0: a free port); the port.
    [[nodiscard]] Result<quint16> listenLoopback(quint16 port);
    [[nodiscard]] FaultInjector &faults() { return m_faults; }
    [[nodiscard]] SandboxConfig &config() { return m_config; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void process(const Request &request, QPointer<QTcpSocket> socket, const FaultPlan &plan);
    [[nodiscard]] Response handleApi(const Request &request, const FaultPlan &plan);
    [[nodiscard]] Response handleAdmin(const Request &request);
    [[nodiscard]] Response problem(const Problem &p, const Request &request) const;
    [[nodiscard]] std::variant<std::optional<KeyRecord>, Problem> authenticate(const Request &request);
    [[nodiscard]] std::vector<RateLimiter::Window> windowsFor(const KeyRecord *key) const;
    void addRateHeaders(Response &response, const RateLimiter::Decision &d, qint64 now) const;
    void write(QPointer<QTcpSocket> socket, const Response &response);

    SandboxState &m_state;
    SandboxConfig m_config;
    FaultInjector m_faults;
    RateLimiter m_limiter;
    Stats m_stats;
    std::vector<Route> m_routes;
};

} // namespace closient::sandbox
