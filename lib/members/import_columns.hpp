// Which member field a column of an import file holds, from its header in French or English
// ("Courriel", "E-mail", "Pays", "Langue préférée"), or from a --map file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

enum class Column {
    email, name, first_name, last_name, country, organisation, occupation, language, profile,
    newsletter, consent_source, consent_at, registered_on, status, disabled_at, external_id,
    ignored, // known, deliberately not imported: an export's id, created_at, updated_at
};

// The field name used in --map files and error messages: "email", "first_name", "ignore".
std::string column_name(Column column);

// header text -> field name, from a YAML file:  columns: {"Adresse mail": email}
using ColumnMap = std::map<std::string, Column>;
ColumnMap load_column_map(const std::filesystem::path& file);

struct ColumnLayout {
    std::vector<std::optional<Column>> columns; // by position; nothing for an unknown header
    std::vector<std::string> unknown;           // headers not recognised, in file order
    std::vector<std::string> problems;          // fatal: no email column, a field twice...
};

// Recognises each header; the map file wins over the built-in names.
ColumnLayout recognise_columns(const std::vector<std::string>& headers, const ColumnMap& map);

} // namespace expeer
