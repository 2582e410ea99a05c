#include "geo/subdivisions.hpp"

#include "geo/iso_codes.hpp"

#include "util/error.hpp"
#include "util/mo_catalog.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>


namespace expeer {

Subdivisions Subdivisions::load(const std::filesystem::path& iso_codes_dir,
                                const std::filesystem::path& locale_dir) {
    const auto file = iso_codes_dir / "iso_3166-2.json";
    const nlohmann::json json = read_iso_codes_table(file);
    const auto french = read_mo_catalog(locale_dir / "fr" / "LC_MESSAGES" / "iso_3166-2.mo");
    Subdivisions subdivisions;
    try {
        for (const auto& entry : json.at("3166-2")) {
            std::string name = entry.at("name");
            const auto translated = french.find(name);
            std::string name_fr = translated == french.end() ? name : translated->second;
            subdivisions.subdivisions_.emplace(
                entry.at("code").get<std::string>(),
                Subdivision{std::move(name), std::move(name_fr), entry.value("type", "")});
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::config,
                    fmt::format("unexpected content in '{}': {}", file.string(), e.what()));
    }
    return subdivisions;
}

bool Subdivisions::is_code_of(std::string_view code, std::string_view country) const {
    return !country.empty() && code.size() > country.size() + 1 &&
           code.substr(0, country.size()) == country && code[country.size()] == '-' &&
           is_code(code);
}

std::string Subdivisions::country_of(std::string_view code) const {
    const auto dash = code.find('-');
    if (dash == std::string_view::npos || !is_code(code)) return {};
    return std::string(code.substr(0, dash));
}

std::vector<std::string> Subdivisions::codes_of(std::string_view country) const {
    std::vector<std::string> codes;
    if (country.empty()) return codes;
    const std::string prefix = std::string(country) + "-";
    // The map is sorted, so a country's codes are the run that starts with "TN-".
    for (auto it = subdivisions_.lower_bound(prefix);
         it != subdivisions_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
        codes.push_back(it->first);
    return codes;
}

std::string Subdivisions::name(const std::string& code, std::string_view language) const {
    const auto it = subdivisions_.find(code);
    if (it == subdivisions_.end()) return code;
    return language == "fr" ? it->second.name_fr : it->second.name_en;
}

std::string Subdivisions::type(const std::string& code) const {
    const auto it = subdivisions_.find(code);
    return it == subdivisions_.end() ? std::string() : it->second.type;
}

} // namespace expeer
