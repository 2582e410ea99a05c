#include "map/categories.hpp"

#include "util/invalid_input.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"
#include "util/yaml_text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

namespace expeer {

namespace {

// Codes go into file names, URLs and CSV columns: lower-case letters, digits and hyphens.
bool is_code(const std::string& code) {
    if (code.empty() || code.size() > 40 || code.front() == '-' || code.back() == '-') return false;
    for (const char c : code)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

constexpr std::size_t most_categories = 40; // a legend longer than that is unreadable

} // namespace

std::vector<MapCategory> read_categories(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", file.string()));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parse_categories(bytes.str(), file.filename().string());
}

std::vector<MapCategory> parse_categories(const std::string& text, const std::string& name) {
    const YAML::Node root = load_yaml_text(text, name);
    if (!root.IsSequence() || root.size() == 0)
        throw InvalidInput({{name, "categories", "expected a list of categories: - {code: ..., fr: ..., en: ...}"}});
    std::vector<FieldError> errors;
    std::vector<MapCategory> categories;
    std::set<std::string> codes;
    const auto where = [&](const YAML::Node& node) { return fmt::format("{}:{}", name, node.Mark().line + 1); };
    for (const auto& item : root) {
        if (!item.IsMap()) {
            errors.push_back({where(item), "category", "expected code:, fr: and en:"});
            continue;
        }
        MapCategory category;
        for (const auto& entry : item) {
            const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
            std::string* field = key == "code" ? &category.code : key == "fr" ? &category.fr : key == "en" ? &category.en : nullptr;
            if (!field) {
                errors.push_back({where(entry.first), printable(key, 40), "unknown field (expected code, fr, en)"});
                continue;
            }
            if (!entry.second.IsScalar()) {
                errors.push_back({where(entry.second), key, "expected text"});
                continue;
            }
            *field = entry.second.Scalar();
            if (const auto problem = text::single_line_problem(*field)) errors.push_back({where(entry.second), key, *problem});
        }
        if (!is_code(category.code))
            errors.push_back({where(item), "code",
                              category.code.empty() ? "is required"
                                                    : fmt::format("'{}' is not a code (lower-case letters, digits and "
                                                                  "hyphens, up to 40)",
                                                                  shown_value(category.code))});
        else if (!codes.insert(category.code).second)
            errors.push_back({where(item), "code", fmt::format("'{}' is there twice", category.code)});
        for (const auto& [language, label] : {std::pair<const char*, const std::string*>{"fr", &category.fr},
                                              std::pair<const char*, const std::string*>{"en", &category.en}})
            if (label->find_first_not_of(" \t") == std::string::npos)
                errors.push_back({where(item), language, "is required: the label the map shows in that language"});
        categories.push_back(std::move(category));
    }
    if (categories.size() > most_categories)
        errors.push_back({name, "categories", fmt::format("{} categories: at most {} fit in a legend",
                                                          categories.size(), most_categories)});
    if (!errors.empty()) throw InvalidInput(std::move(errors));
    return categories;
}

} // namespace expeer
