// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "namespaces.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace closient::epcis {

Namespaces::Namespaces()
    : m_prefixes { { u"epcis"_s, u"https://ref.gs1.org/epcis/"_s }, { u"cbv"_s, u"https://ref.gs1.org/cbv/"_s },
        { u"gs1"_s, u"https://gs1.org/voc/"_s }, { u"cbvmda"_s, u"urn:epcglobal:cbv:mda#"_s },
        { u"xsd"_s, u"http://www.w3.org/2001/XMLSchema#"_s } }
{ }

void Namespaces::add(const QJsonValue &context)
{
    if (context.isArray()) {
        for (const auto &c : context.toArray())
            add(c);
        return;
    }
    const auto o = context.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        // The EPCIS context is protected: its prefixes cannot be redefined. cbvmda may be, since documents
        // differ on whether its IRI ends in '#'.
        if (it.key().startsWith(u'@') || (m_prefixes.contains(it.key()) && it.key() != u"cbvmda"))
            continue;
        const auto v = it.value();
        const auto target = v.isObject() ? v.toObject().value(u"@id").toString() : v.toString();
        if (!target.isEmpty())
            m_prefixes.insert(it.key(), target);
    }
}

std::optional<QString> Namespaces::iri(const QString &prefix) const
{
    const auto it = m_prefixes.constFind(prefix);
    return it == m_prefixes.constEnd() ? std::nullopt : std::optional<QString>(*it);
}

std::optional<Namespaces::Name> Namespaces::expand(const QString &name) const
{
    const auto colon = name.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    if (name.mid(colon + 1).startsWith(u"//")) { // a full IRI: its namespace ends at the last '/' or '#'
        const auto cut = std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'#')) + 1;
        if (cut >= name.size())
            return std::nullopt;
        return Name { name.left(cut), name.mid(cut) };
    }
    const auto ns = iri(name.left(colon));
    if (!ns)
        return std::nullopt;
    return Name { *ns, name.mid(colon + 1) };
}

QString Namespaces::expandCurie(const QString &value) const
{
    const auto colon = value.indexOf(u':');
    if (colon <= 0 || value.mid(colon + 1).startsWith(u"//"))
        return value;
    const auto ns = iri(value.left(colon));
    return ns ? *ns + value.mid(colon + 1) : value;
}

} // namespace closient::epcis
