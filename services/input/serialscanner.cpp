// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serialscanner.h"

#include <QFileInfo>
#include <QSerialPortInfo>

namespace closient::input {

namespace {
QString locationOf(const QString &portName)
{
    return portName.startsWith(u'/') ? portName : QStringLiteral("/dev/") + portName;
}
} // namespace

SerialScanner::SerialScanner(QObject *parent)
    : QObject(parent)
{
    m_retry.setInterval(1000);
    connect(&m_retry, &QTimer::timeout, this, &SerialScanner::tryOpen);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        // The pause may have been the workstation's (busy, or a nested event loop that ran this timer before the
        // port): bytes already waiting belong to this code. Reading them restarts the idle timer.
        if (m_port.isOpen() && m_port.waitForReadyRead(0))
            return;
        if (!m_buffer.isEmpty())
            emitCode(std::exchange(m_buffer, {}));
    });
    // A device that vanished does not always fail the open port at once: look for it every half second.
    m_watch.setInterval(500);
    connect(&m_watch, &QTimer::timeout, this, [this] {
        const QFileInfo fi(locationOf(m_settings.portName));
        if (!fi.exists() || fi.canonicalFilePath() != m_openedTarget)
            lost(tr("%1 was unplugged").arg(m_settings.portName));
    });
    connect(&m_port, &QSerialPort::readyRead, this, &SerialScanner::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError e) {
        if (e == QSerialPort::ResourceError || e == QSerialPort::DeviceNotFoundError || e == QSerialPort::ReadError)
            lost(tr("%1 stopped answering (%2)").arg(m_settings.portName, m_port.errorString()));
    });
}

SerialScanner::~SerialScanner()
{
    stop();
}

QList<SerialPortEntry> SerialScanner::ports()
{
    QList<SerialPortEntry> out;
    for (const auto &p : QSerialPortInfo::availablePorts())
        out << SerialPortEntry { p.portName(), p.systemLocation(), p.description(), p.manufacturer(),
            p.serialNumber() };
    return out;
}

void SerialScanner::setSettings(const SerialSettings &settings)
{
    const bool running = m_state != State::Stopped;
    stop();
    m_settings = settings;
    m_idle.setInterval(std::max(10, settings.idleEndMs));
    if (running)
        start();
}

void SerialScanner::start()
{
    if (m_settings.portName.isEmpty()) {
        setState(State::Stopped, tr("No serial port chosen"));
        return;
    }
    tryOpen();
}

void SerialScanner::stop()
{
    m_retry.stop();
    m_watch.stop();
    m_idle.stop();
    if (m_port.isOpen())
        m_port.close();
    m_buffer.clear();
    setState(State::Stopped, tr("Off"));
}

void SerialScanner::tryOpen()
{
    if (m_port.isOpen())
        m_port.close();
    const QString location = locationOf(m_settings.portName);
    m_port.setPortName(location);
    m_port.setBaudRate(m_settings.baudRate);
    m_port.setDataBits(m_settings.dataBits);
    m_port.setParity(m_settings.parity);
    m_port.setStopBits(m_settings.stopBits);
    m_port.setFlowControl(m_settings.flowControl);
    if (!QFileInfo::exists(location) || !m_port.open(QIODevice::ReadOnly)) {
        setState(State::Waiting,
            QFileInfo::exists(location)
                ? tr("%1 cannot be opened (%2); trying again").arg(m_settings.portName, m_port.errorString())
                : tr("Waiting for the scanner on %1").arg(m_settings.portName));
        m_retry.start();
        return;
    }
    m_retry.stop();
    m_openedTarget = QFileInfo(location).canonicalFilePath();
    m_watch.start();
    setState(State::Connected, tr("Connected on %1").arg(m_settings.portName));
}

void SerialScanner::lost(const QString &why)
{
    if (m_state != State::Connected)
        return;
    m_watch.stop();
    m_port.close();
    m_buffer.clear();
    setState(State::Waiting, why + tr("; waiting for it to come back"));
    m_retry.start();
}

void SerialScanner::onReadyRead()
{
    m_buffer += m_port.readAll();
    if (m_settings.terminator.isEmpty()) {
        m_idle.start();
        return;
    }
    qsizetype end;
    while ((end = m_buffer.indexOf(m_settings.terminator)) >= 0) {
        const QByteArray code = m_buffer.left(end);
        m_buffer.remove(0, end + m_settings.terminator.size());
        if (!code.isEmpty())
            emitCode(code);
    }
}

void SerialScanner::emitCode(QByteArray bytes)
{
    // Line ends around a code are never part of it: a scanner that ends with CR LF on a port set to CR leaves
    // the LF in front of the next code.
    while (!bytes.isEmpty() && (bytes.endsWith('\r') || bytes.endsWith('\n')))
        bytes.chop(1);
    while (!bytes.isEmpty() && (bytes.startsWith('\r') || bytes.startsWith('\n')))
        bytes.remove(0, 1);
    QString data = QString::fromUtf8(bytes);
    if (data.contains(QChar::ReplacementCharacter))
        data = QString::fromLatin1(bytes); // not UTF-8: a scanner set to a single-byte code page
    if (!m_settings.prefix.isEmpty() && data.startsWith(m_settings.prefix))
        data.remove(0, m_settings.prefix.size());
    if (!m_settings.suffix.isEmpty() && data.endsWith(m_settings.suffix))
        data.chop(m_settings.suffix.size());
    if (!data.isEmpty())
        Q_EMIT scanned(data);
}

void SerialScanner::setState(State s, const QString &status)
{
    if (s == m_state && status == m_status)
        return;
    m_state = s;
    m_status = status;
    Q_EMIT stateChanged();
}

} // namespace closient::input
