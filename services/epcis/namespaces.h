// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace closient::epcis {

/// The EPCIS 2.0 JSON-LD context every document the station writes refers to.
inline constexpr QStringView kEpcisContext = u"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

/** The namespace prefixes in force for an event: the EPCIS 2.0 context's own and those a document declares in its
 *  JSON-LD @context (of the document, then of the event). */
class Namespaces
{
public:
    Namespaces(); // epcis, cbv, gs1, cbvmda, xsd as the EPCIS 2.0 context defines them

    /// Adds the prefixes of a @context value (a URL, an object of prefix: IRI, or a list of both).
    void add(const QJsonValue &context);
    [[nodiscard]] std::optional<QString> iri(const QString &prefix) const;

    /** A field name as namespace and local name. */
    struct Name
    {
        QString ns;
        QString local;
    };
    /// "example:field" with "example" declared, or a full IRI split after its last '/' or '#'; nullopt when the
    /// prefix is not declared or the name has none.
    [[nodiscard]] std::optional<Name> expand(const QString &name) const;
    /// A compact IRI (CURIE) such as gs1:Temperature as the full IRI when its prefix is declared; else as it is.
    [[nodiscard]] QString expandCurie(const QString &value) const;

private:
    QHash<QString, QString> m_prefixes;
};

} // namespace closient::epcis
