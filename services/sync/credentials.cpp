// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include "serverurl.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcCredentials, "closient.sync.credentials")

using namespace Qt::StringLiterals;

namespace closient::sync {

namespace {
const QString kKeyringService = u"Closient Station"_s;
const QString kKeyringEntry = u"api-key"_s;

Error ioError(const QString &what, const QString &path, int err = errno)
{
    return { u"io"_s, u"%1 %2: %3"_s.arg(what, path, QString::fromLocal8Bit(std::strerror(err))) };
}

QString keyStoreChoice()
{
    return qEnvironmentVariable("CLOSIENT_KEY_STORE").trimmed().toLower();
}

/// Runs one QtKeychain job to its end (the job answers through the event loop).
template<typename Job>
std::pair<QKeychain::Error, QString> runJob(Job &job)
{
    job.setAutoDelete(false);
    job.setKey(kKeyringEntry);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    return { job.error(), job.errorString() };
}

Result<Done> syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(u"cannot open"_s, folder);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return ioError(u"cannot write to disk"_s, folder, err);
    return Done {};
}

Result<Done> removeFile(const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return Done {}; // nothing there: nothing changed
        return ioError(u"cannot remove"_s, path);
    }
    return syncFolder(QFileInfo(path).absolutePath());
}
} // namespace

Result<Done> writeFileAtomically(const QString &path, const QByteArray &bytes, int mode)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder))
            return ioError(u"cannot create the folder"_s, folder);
        ::chmod(QFile::encodeName(folder).constData(), 0700);
    }
    QByteArray temp = QFile::encodeName(path) + ".tmp-XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC); // created 0600: nobody else can open it meanwhile
    if (fd < 0)
        return ioError(u"cannot create a file in"_s, folder);
    const auto fail = [&](const QString &what) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.constData());
        return ioError(what, path, err);
    };
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(u"cannot write"_s);
        written += n;
    }
    if (::fchmod(fd, mode_t(mode)) != 0)
        return fail(u"cannot set the permissions of"_s);
    if (::fsync(fd) != 0)
        return fail(u"cannot write to disk"_s);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.constData());
        return ioError(u"cannot write"_s, path, err);
    }
    if (::rename(temp.constData(), QFile::encodeName(path).constData()) != 0) {
        const int err = errno;
        ::unlink(temp.constData());
        return ioError(u"cannot replace"_s, path, err);
    }
    return syncFolder(folder);
}

CredentialStore::CredentialStore(QString configDir)
    : m_configDir(configDir.isEmpty() ? defaultConfigDir() : std::move(configDir))
{ }

QString CredentialStore::defaultConfigDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

bool CredentialStore::keyringAvailable()
{
    const QString choice = keyStoreChoice();
    if (choice == u"file"_s)
        return false;
    if (choice == u"keyring"_s)
        return true;
    // Asking QtKeychain with no Secret Service waits for D-Bus activation to time out; ask the bus first.
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QString name = u"org.freedesktop.secrets"_s;
    if (bus.interface()->isServiceRegistered(name).value())
        return true;
    return bus.interface()->activatableServiceNames().value().contains(name);
}

QString CredentialStore::backendName(Backend b)
{
    switch (b) {
    case Backend::Keyring:
        return u"keyring"_s;
    case Backend::File:
        return u"file"_s;
    case Backend::Environment:
        return u"environment"_s;
    case Backend::None:
        break;
    }
    return u"none"_s;
}

QString CredentialStore::credentialsFile() const
{
    return m_configDir + u"/credentials"_s;
}

QString CredentialStore::settingsFile() const
{
    return m_configDir + u"/account.json"_s;
}

Result<CredentialStore::Key> CredentialStore::loadKey() const
{
    const QString fromEnv = qEnvironmentVariable("CLOSIENT_API_KEY").trimmed();
    if (!fromEnv.isEmpty())
        return Key { fromEnv, Backend::Environment };
    if (keyringAvailable()) {
        QKeychain::ReadPasswordJob job(kKeyringService);
        const auto [error, text] = runJob(job);
        if (error == QKeychain::NoError && !job.textData().isEmpty())
            return Key { job.textData().trimmed(), Backend::Keyring };
        if (error != QKeychain::EntryNotFound && error != QKeychain::NoError)
            qCWarning(lcCredentials) << "the desktop keyring could not be read:" << text;
    }
    QFile f(credentialsFile());
    if (!f.exists())
        return Error { u"not_found"_s,
            u"No Closient API key is set: run closient-station account set-key (or set CLOSIENT_API_KEY)."_s };
    if (!f.open(QIODevice::ReadOnly))
        return Error { u"io"_s, u"%1 cannot be read: %2"_s.arg(f.fileName(), f.errorString()) };
    if (f.permissions()
        & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther)) {
        qCWarning(lcCredentials) << "other users could read" << f.fileName()
                                 << "; it is now readable by its owner only";
        (void)f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    const auto doc = QJsonDocument::fromJson(f.readAll());
    const QString key = doc.object().value(u"api_key"_s).toString().trimmed();
    if (key.isEmpty())
        return Error { u"invalid"_s,
            u"%1 holds no API key; run closient-station account set-key again."_s.arg(f.fileName()) };
    return Key { key, Backend::File };
}

Result<CredentialStore::Backend> CredentialStore::saveKey(const QString &apiKey)
{
    QString keyringError;
    if (keyringAvailable()) {
        QKeychain::WritePasswordJob job(kKeyringService);
        job.setTextData(apiKey);
        const auto [error, text] = runJob(job);
        if (error == QKeychain::NoError) {
            if (auto removed = removeFile(credentialsFile()); !removed.ok())
                return removed.error();
            return Backend::Keyring;
        }
        keyringError = text;
        qCWarning(lcCredentials) << "the desktop keyring refused the key, keeping it in a file:" << text;
    }
    const QByteArray json = QJsonDocument(QJsonObject { { u"api_key"_s, apiKey } }).toJson(QJsonDocument::Indented);
    if (auto written = writeFileAtomically(credentialsFile(), json, 0600); !written.ok())
        return written.error();
    if (keyringError.isEmpty() && keyringAvailable()) {
        QKeychain::DeletePasswordJob job(kKeyringService);
        (void)runJob(job);
    }
    return Backend::File;
}

Result<Done> CredentialStore::forget()
{
    if (keyringAvailable()) {
        QKeychain::DeletePasswordJob job(kKeyringService);
        const auto [error, text] = runJob(job);
        if (error != QKeychain::NoError && error != QKeychain::EntryNotFound)
            return Error { u"keyring"_s, u"The desktop keyring did not remove the key: %1"_s.arg(text), true };
    }
    if (auto removed = removeFile(credentialsFile()); !removed.ok())
        return removed;
    auto settings = loadSettings();
    if (!settings.ok() || !QFileInfo::exists(settingsFile()))
        return Done {};
    settings.value().identity = {};
    settings.value().keyStore = Backend::None;
    return saveSettings(settings.value());
}

Result<CredentialStore::Settings> CredentialStore::loadSettings() const
{
    Settings s;
    QFile f(settingsFile());
    if (!f.exists())
        return s;
    if (!f.open(QIODevice::ReadOnly))
        return Error { u"io"_s, u"%1 cannot be read: %2"_s.arg(f.fileName(), f.errorString()) };
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error { u"invalid"_s,
            u"%1 is not the station's account file (%2)"_s.arg(f.fileName(), parseError.errorString()) };
    const QJsonObject o = doc.object();
    if (const QString url = o.value(u"base_url"_s).toString(); !url.isEmpty()) {
        const auto parsed = ServerUrl::parse(url);
        if (parsed.ok())
            s.baseUrl = parsed.value();
    }
    const QString store = o.value(u"key_store"_s).toString();
    s.keyStore = store == u"keyring"_s ? Backend::Keyring : store == u"file"_s ? Backend::File : Backend::None;
    s.identity = o.value(u"identity"_s).toObject();
    return s;
}

Result<Done> CredentialStore::saveSettings(const Settings &settings)
{
    QJsonObject o;
    if (!settings.baseUrl.isEmpty())
        o.insert(u"base_url"_s, settings.baseUrl.toString());
    o.insert(u"key_store"_s, backendName(settings.keyStore));
    if (!settings.identity.isEmpty())
        o.insert(u"identity"_s, settings.identity);
    return writeFileAtomically(settingsFile(), QJsonDocument(o).toJson(QJsonDocument::Indented), 0600);
}

Result<QUrl> CredentialStore::baseUrl() const
{
    const QString fromEnv = qEnvironmentVariable("CLOSIENT_BASE_URL").trimmed();
    if (!fromEnv.isEmpty()) {
        auto parsed = ServerUrl::parse(fromEnv);
        if (!parsed.ok())
            return Error { u"invalid"_s, u"CLOSIENT_BASE_URL: "_s + parsed.error().message };
        return parsed;
    }
    const auto settings = loadSettings();
    if (settings.ok() && !settings.value().baseUrl.isEmpty())
        return settings.value().baseUrl;
    return ServerUrl::defaultUrl();
}

} // namespace closient::sync
