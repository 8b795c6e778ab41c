// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace closient::sync {

/** Where the station keeps its Closient API key and which server it talks to: the desktop keyring (QtKeychain)
 *  where a Secret Service runs, else a file readable by the user alone in the config folder; the environment
 *  (CLOSIENT_API_KEY, CLOSIENT_BASE_URL) overrides both for scripts and CI. The key is never written anywhere
 *  else: not to the database, not to account.json, not to a log.
 *  NOTE: the keyring calls wait for the desktop's answer; call it from the sync thread or a headless command. */
class CredentialStore
{
public:
    enum class Backend { None, Keyring, File, Environment };

    /** The key in use and where it came from. */
    struct Key
    {
        QString apiKey;
        Backend source = Backend::None;
    };

    /** What account.json holds: nothing secret. */
    struct Settings
    {
        QUrl baseUrl; // empty: not chosen
        Backend keyStore = Backend::None; // where save() put the key
        QJsonObject identity; // the last whoami answer the station understood (see AccountIdentity)
    };

    /// @p configDir: where credentials and account.json live; empty: defaultConfigDir().
    explicit CredentialStore(QString configDir = {});

    /// $XDG_CONFIG_HOME/Closient/closient-station (the application's config location).
    [[nodiscard]] static QString defaultConfigDir();
    /// True when a Secret Service answers (or can be started) on the session bus, so QtKeychain can keep the key.
    /// CLOSIENT_KEY_STORE=file says no, =keyring says yes without asking.
    [[nodiscard]] static bool keyringAvailable();
    [[nodiscard]] static QString backendName(Backend b);

    /// The key: CLOSIENT_API_KEY, else the keyring, else the credentials file. not_found when there is none.
    [[nodiscard]] Result<Key> loadKey() const;
    /// Keeps @p apiKey in the keyring where one runs, else in the credentials file (mode 0600, written to a temporary
    /// file, synced and renamed); the other place is cleared so no stale copy stays. Says where it went.
    [[nodiscard]] Result<Backend> saveKey(const QString &apiKey);
    /// Removes the key from the keyring and the file, and the identity from account.json (the server stays chosen).
    [[nodiscard]] Result<Done> forget();

    /// account.json, or empty settings when there is none. invalid when it cannot be read.
    [[nodiscard]] Result<Settings> loadSettings() const;
    [[nodiscard]] Result<Done> saveSettings(const Settings &settings);
    /// The server: CLOSIENT_BASE_URL, else account.json, else production. invalid for a bad CLOSIENT_BASE_URL.
    [[nodiscard]] Result<QUrl> baseUrl() const;

    [[nodiscard]] QString configDir() const { return m_configDir; }
    [[nodiscard]] QString credentialsFile() const;
    [[nodiscard]] QString settingsFile() const;

private:
    QString m_configDir;
};

/// Writes @p bytes to @p path as a new file of mode @p mode: a temporary file beside it, fsync, rename, fsync of the
/// folder; the old file stays whole until the rename. The folder is created (mode 0700) when missing.
[[nodiscard]] Result<Done> writeFileAtomically(const QString &path, const QByteArray &bytes, int mode = 0600);

} // namespace closient::sync
