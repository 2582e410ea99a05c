#include "geo/countries.hpp"

#include "geo/country_variants.hpp"
#include "geo/iso_codes.hpp"
#include "util/error.hpp"
#include "util/mo_catalog.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace expeer {

namespace {

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

} // namespace

void Countries::index(std::string_view name, const std::string& code, bool derived) {
    const std::string key = text::fold_words(name);
    if (key.empty()) return;
    if (!derived) {
        by_name_.emplace(key, code);
        return;
    }
    // A reordered name ("Korea" from "Korea, Republic of") may fit two countries: keep it
    // only while it names one.
    const auto [it, inserted] = derived_.emplace(key, code);
    if (!inserted && it->second != code) it->second.clear();
}

Countries Countries::load(const std::filesystem::path& iso_codes_dir,
                          const std::filesystem::path& locale_dir) {
    const auto file = iso_codes_dir / "iso_3166-1.json";
    const nlohmann::json json = read_iso_codes_table(file);
    const auto french = read_mo_catalog(locale_dir / "fr" / "LC_MESSAGES" / "iso_3166-1.mo");
    const auto translate = [&](const std::string& s) {
        const auto it = french.find(s);
        return it == french.end() ? s : it->second;
    };

    Countries countries;
    for (const auto& entry : json.at("3166-1")) {
        const std::string code = entry.at("alpha_2");
        const std::string name = entry.at("name");
        const std::string common = entry.value("common_name", "");
        const std::string official = entry.value("official_name", "");
        Country country{entry.value("alpha_3", ""), common.empty() ? name : common,
                        translate(common.empty() ? name : common)};
        countries.by_alpha_3_[country.alpha_3] = code;
        if (entry.contains("numeric")) countries.by_numeric_[entry.at("numeric").get<std::string>()] = code;
        for (const auto& n : {name, common, official}) {
            if (n.empty()) continue;
            for (const auto& form : {n, translate(n)}) {
                countries.index(form, code, false);
                // "Congo, The Democratic Republic of the" is also written the other way round.
                if (const auto comma = form.find(", "); comma != std::string::npos) {
                    countries.index(form.substr(comma + 2) + " " + form.substr(0, comma), code, true);
                    countries.index(form.substr(0, comma), code, true);
                }
            }
        }
        countries.countries_.emplace(code, std::move(country));
    }
    for (const auto& [code, variant] : local_country_variants())
        countries.index(variant, std::string(code), false);
    return countries;
}

std::optional<std::string> Countries::find(std::string_view input) const {
    const std::string trimmed = text::trim(input);
    const std::string code = upper_ascii(trimmed);
    if (code.size() == 2 && countries_.count(code)) return code;
    if (const auto it = by_alpha_3_.find(code); code.size() == 3 && it != by_alpha_3_.end())
        return it->second;
    const std::string key = text::fold_words(trimmed);
    if (const auto it = by_name_.find(key); it != by_name_.end()) return it->second;
    if (const auto it = derived_.find(key); it != derived_.end() && !it->second.empty())
        return it->second;
    return std::nullopt;
}

std::vector<std::string> Countries::suggest(std::string_view input, std::size_t how_many) const {
    const std::string key = text::fold_words(input);
    std::vector<std::string> suggestions;
    if (key.size() <= 3) return suggestions; // a mistyped code: any nearby code is a guess
    std::vector<std::pair<std::size_t, std::string>> scored; // distance, code
    for (const auto& [name, code] : by_name_) {
        // Compare with the start of long names too, so "Tunisi" finds "Tunisie".
        std::size_t distance = text::edit_distance(key, name);
        if (name.size() > key.size())
            distance = std::min(distance, text::edit_distance(key, name.substr(0, key.size())) + 1);
        scored.emplace_back(distance, code);
    }
    std::sort(scored.begin(), scored.end());
    std::set<std::string> seen;
    const std::size_t limit = std::max<std::size_t>(2, key.size() / 3);
    for (const auto& [distance, code] : scored) {
        if (distance > limit || suggestions.size() == how_many) break;
        if (!seen.insert(code).second) continue;
        suggestions.push_back(fmt::format("{} ({})", name(code, "en"), code));
    }
    return suggestions;
}

std::string Countries::name(const std::string& code, std::string_view language) const {
    const auto it = countries_.find(code);
    if (it == countries_.end()) return code;
    return language == "fr" ? it->second.name_fr : it->second.name_en;
}

std::string Countries::short_name(const std::string& code, std::string_view language) const {
    // Where the standard's name reads badly even cut at its comma.
    static const std::map<std::string, std::pair<std::string, std::string>> usual = {
        {"CD", {"DR Congo", "RD Congo"}},
        {"KP", {"North Korea", "Corée du Nord"}},
        {"KR", {"South Korea", "Corée du Sud"}},
        {"MD", {"Moldova", "Moldavie"}},
        {"PS", {"Palestine", "Palestine"}},
    };
    if (const auto it = usual.find(code); it != usual.end())
        return language == "fr" ? it->second.second : it->second.first;
    std::string full = name(code, language);
    // "Tanzania, United Republic of" -> "Tanzania"
    if (const auto comma = full.find(", "); comma != std::string::npos) full.resize(comma);
    return full;
}

std::optional<std::string> Countries::from_numeric(const std::string& numeric) const {
    const auto it = by_numeric_.find(numeric);
    if (it == by_numeric_.end()) return std::nullopt;
    return it->second;
}

} // namespace expeer
