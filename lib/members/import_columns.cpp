#include "members/import_columns.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace expeer {

namespace {

struct ColumnInfo {
    Column column;
    const char* name;
    std::vector<const char*> headers; // compared with fold_words: case, accents, punctuation aside
};

const std::vector<ColumnInfo>& columns() {
    static const std::vector<ColumnInfo> all = {
        {Column::email, "email", {"email", "e mail", "courriel", "mail", "adresse email", "adresse e mail",
                                  "adresse mail", "adresse electronique", "email address", "e mail address"}},
        {Column::name, "name", {"name", "nom", "display name", "full name", "nom complet", "nom et prenom",
                                "prenom et nom", "nom prenom", "prenom nom"}},
        {Column::first_name, "first_name", {"first name", "firstname", "given name", "prenom"}},
        {Column::last_name, "last_name", {"last name", "lastname", "surname", "family name", "nom de famille"}},
        {Column::country, "country", {"country", "pays", "country of residence", "pays de residence", "code pays"}},
        {Column::organisation, "organisation", {"organisation", "organization", "organisme", "structure",
                                                "institution", "employer", "employeur", "org"}},
        {Column::occupation, "occupation", {"occupation", "profession", "metier", "fonction"}},
        {Column::language, "language", {"language", "langue", "preferred language", "langue preferee"}},
        {Column::profile, "profile", {"profile", "profil"}},
        {Column::newsletter, "newsletter", {"newsletter", "newsletter consent", "lettre d information",
                                            "consentement", "consent", "consentement newsletter",
                                            "abonnement newsletter"}},
        {Column::consent_source, "consent_source", {"consent source", "source du consentement",
                                                    "source consentement"}},
        {Column::consent_at, "consent_at", {"consent at", "consent date", "date du consentement",
                                            "date consentement"}},
        {Column::registered_on, "registered_on", {"registered on", "registration date", "date d inscription",
                                                  "inscription", "date inscription", "registered"}},
        {Column::status, "status", {"status", "statut"}},
        {Column::disabled_at, "disabled_at", {"disabled at", "disabled on", "date de desactivation", "desactive le"}},
        {Column::external_id, "external_id", {"external id", "id externe", "identifiant externe", "account id",
                                              "identifiant plateforme", "platform id"}},
        // An export's own columns, and the reason column of a rejects file being imported again.
        {Column::ignored, "ignore", {"id", "created at", "updated at", "reason"}},
    };
    return all;
}

} // namespace

std::string column_name(Column column) {
    for (const auto& info : columns())
        if (info.column == column) return info.name;
    return "?";
}

ColumnMap load_column_map(const std::filesystem::path& file) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::BadFile&) {
        throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", file.string()));
    } catch (const YAML::Exception& e) {
        throw Error(ErrorKind::data, fmt::format("{}:{}: {}", file.string(), e.mark.line + 1, e.msg));
    }
    const YAML::Node map = root["columns"];
    if (!map || !map.IsMap())
        throw Error(ErrorKind::data, fmt::format("{}: expected a map 'columns' of header: field", file.string()));
    ColumnMap result;
    for (const auto& item : map) {
        const std::string field = item.second.IsScalar() ? item.second.Scalar() : "";
        const auto info = std::find_if(columns().begin(), columns().end(),
                                       [&](const ColumnInfo& c) { return field == c.name; });
        if (info == columns().end()) {
            std::vector<std::string> names;
            for (const auto& c : columns()) names.push_back(c.name);
            throw Error(ErrorKind::data, fmt::format("{}:{}: '{}' maps to '{}', which is not one of {}", file.string(),
                                                     item.first.Mark().line + 1, item.first.Scalar(), field,
                                                     fmt::join(names, ", ")));
        }
        result[text::fold_words(item.first.Scalar())] = info->column;
    }
    return result;
}

ColumnLayout recognise_columns(const std::vector<std::string>& headers, const ColumnMap& map) {
    ColumnLayout layout;
    for (const auto& header : headers) {
        const std::string key = text::fold_words(header);
        std::optional<Column> column;
        if (const auto it = map.find(key); it != map.end()) {
            column = it->second;
        } else {
            for (const auto& info : columns())
                if (std::any_of(info.headers.begin(), info.headers.end(), [&](const char* h) { return key == h; }))
                    column = info.column;
        }
        if (!column) layout.unknown.push_back(header);
        layout.columns.push_back(column);
    }
    const auto has = [&](Column c) { return std::count(layout.columns.begin(), layout.columns.end(), c); };
    // "Nom" beside "Prénom" is the family name, not the whole name.
    if (has(Column::first_name) && has(Column::name) == 1 && !has(Column::last_name))
        std::replace(layout.columns.begin(), layout.columns.end(), std::optional(Column::name),
                     std::optional(Column::last_name));
    for (const auto& info : columns())
        if (info.column != Column::ignored && has(info.column) > 1)
            layout.problems.push_back(fmt::format("two columns hold the {}", info.name));
    if (!has(Column::email)) layout.problems.push_back("no email column (email, courriel, e-mail...)");
    return layout;
}

} // namespace expeer
