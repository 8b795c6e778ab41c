// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSerialPort>
#include <QTimer>

namespace closient::input {

/** How to talk to a serial scanner (USB CDC-ACM or RS-232) and where its codes end. */
struct SerialSettings
{
    QString portName; // "ttyACM0", or a full path such as /dev/serial/by-id/usb-Zebra...
    qint32 baudRate = 9600;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::NoParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    QSerialPort::FlowControl flowControl = QSerialPort::NoFlowControl;
    QByteArray terminator = "\r"; // CR by default; "\n", "\r\n"; empty = a pause ends the code
    int idleEndMs = 60; // with no terminator: this long without data ends a code
    QString prefix;
    QString suffix;
};

/** A port the operator can pick. */
struct SerialPortEntry
{
    QString name;
    QString systemLocation;
    QString description;
    QString manufacturer;
    QString serialNumber;
};

/**
 * A serial barcode scanner: opens the port with the chosen settings, turns its bytes into codes, and when the
 * scanner is unplugged (or not there yet) keeps trying until it is back.
 */
class SerialScanner : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Waiting, Connected };
    Q_ENUM(State)

    explicit SerialScanner(QObject *parent = nullptr);
    ~SerialScanner() override;

    [[nodiscard]] static QList<SerialPortEntry> ports();

    void setSettings(const SerialSettings &settings);
    [[nodiscard]] const SerialSettings &settings() const { return m_settings; }
    void start();
    void stop();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString statusText() const { return m_status; }
    /// How often to try again while the scanner is away.
    void setRetryIntervalMs(int ms) { m_retry.setInterval(ms); }

Q_SIGNALS:
    void scanned(const QString &data);
    void stateChanged();

private:
    void tryOpen();
    void onReadyRead();
    void emitCode(QByteArray bytes);
    void lost(const QString &why);
    void setState(State s, const QString &status);

    SerialSettings m_settings;
    QSerialPort m_port;
    QByteArray m_buffer;
    QTimer m_retry;
    QTimer m_idle;
    QTimer m_watch;
    QString m_openedTarget; // what the port name pointed at when it was opened
    State m_state = State::Stopped;
    QString m_status;
};

} // namespace closient::input
