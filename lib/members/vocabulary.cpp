#include "members/vocabulary.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <map>

namespace expeer::vocabulary {

namespace {

using Aliases = std::map<std::string, std::string>; // fold_words(word) -> canonical

std::optional<std::string> lookup(const std::vector<std::string>& canonical, const Aliases& aliases,
                                  std::string_view input) {
    for (const auto& value : canonical) // the usual case, without folding
        if (input == value) return value;
    const std::string key = text::fold_words(input);
    for (const auto& value : canonical)
        if (text::fold_words(value) == key) return value;
    if (const auto it = aliases.find(key); it != aliases.end()) return it->second;
    return std::nullopt;
}

} // namespace

const std::vector<std::string>& occupations() {
    static const std::vector<std::string> v = {"lawyer",   "ngo-staff",  "researcher",
                                               "activist", "journalist", "other"};
    return v;
}
const std::vector<std::string>& languages() {
    static const std::vector<std::string> v = {"fr", "en", "ar", "pt", "de", "es"};
    return v;
}
const std::vector<std::string>& profiles() {
    static const std::vector<std::string> v = {"member", "trusted", "admin"};
    return v;
}
const std::vector<std::string>& statuses() {
    static const std::vector<std::string> v = {"active", "disabled", "erased"};
    return v;
}

std::optional<std::string> occupation(std::string_view input) {
    static const Aliases aliases = {
        {"avocat", "lawyer"},          {"avocate", "lawyer"},       {"attorney", "lawyer"},
        {"juriste", "lawyer"},         {"ngo", "ngo-staff"},        {"ong", "ngo-staff"},
        {"ngo staff", "ngo-staff"},    {"personnel d ong", "ngo-staff"},
        {"membre d ong", "ngo-staff"}, {"salarie d ong", "ngo-staff"},
        {"chercheur", "researcher"},   {"chercheuse", "researcher"},
        {"universitaire", "researcher"}, {"academic", "researcher"},
        {"militant", "activist"},      {"militante", "activist"},   {"activiste", "activist"},
        {"defenseur des droits humains", "activist"}, {"defenseure des droits humains", "activist"},
        {"human rights defender", "activist"}, {"journaliste", "journalist"},
        {"autre", "other"},
    };
    return lookup(occupations(), aliases, input);
}

std::optional<std::string> language(std::string_view input) {
    static const Aliases aliases = {
        {"francais", "fr"}, {"french", "fr"},   {"anglais", "en"},   {"english", "en"},
        {"arabe", "ar"},    {"arabic", "ar"},   {"العربية", "ar"},    {"portugais", "pt"},
        {"portuguese", "pt"}, {"portugues", "pt"}, {"allemand", "de"}, {"german", "de"},
        {"deutsch", "de"},  {"espagnol", "es"}, {"spanish", "es"},   {"espanol", "es"},
    };
    return lookup(languages(), aliases, input);
}

std::optional<std::string> profile(std::string_view input) {
    static const Aliases aliases = {{"membre", "member"}, {"de confiance", "trusted"},
                                    {"administrateur", "admin"}, {"administratrice", "admin"},
                                    {"administrator", "admin"}};
    return lookup(profiles(), aliases, input);
}

std::optional<std::string> status(std::string_view input) {
    static const Aliases aliases = {{"actif", "active"}, {"active", "active"},
                                    {"desactive", "disabled"}, {"inactive", "disabled"}};
    return lookup(statuses(), aliases, input);
}

} // namespace expeer::vocabulary
