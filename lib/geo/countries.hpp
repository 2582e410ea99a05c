// Countries by ISO 3166-1 code, recognised from the code or from the name in French or
// English, with the variants people write on registration forms ("RDC", "Congo (RDC)").
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

class Countries {
public:
    // Reads iso_3166-1.json and the French catalogue of Debian's iso-codes package.
    static Countries load(const std::filesystem::path& iso_codes_dir,
                          const std::filesystem::path& locale_dir);

    // The alpha-2 code for what a person typed: a code (TN, TUN) or a name in any form.
    std::optional<std::string> find(std::string_view input) const;
    // The nearest names to an unknown input, best first, "Tunisia (TN)".
    std::vector<std::string> suggest(std::string_view input, std::size_t how_many = 3) const;
    // The short name in "en" or "fr" (English when the language has no name).
    std::string name(const std::string& code, std::string_view language) const;
    // The name as a report prints it: "DR Congo", "Tanzania" rather than the standard's
    // "Congo, The Democratic Republic of the".
    std::string short_name(const std::string& code, std::string_view language) const;
    // The alpha-2 code for an ISO 3166-1 numeric code ("180"), as maps name countries.
    std::optional<std::string> from_numeric(const std::string& numeric) const;
    bool is_code(std::string_view code) const { return countries_.count(std::string(code)) > 0; }
    std::size_t size() const { return countries_.size(); }

private:
    struct Country {
        std::string alpha_3;
        std::string name_en;
        std::string name_fr;
    };
    void index(std::string_view name, const std::string& code, bool derived);

    std::map<std::string, Country> countries_;      // by alpha-2
    std::map<std::string, std::string> by_alpha_3_;
    std::map<std::string, std::string> by_numeric_;
    std::map<std::string, std::string> by_name_;    // fold_words(name) -> alpha-2
    std::map<std::string, std::string> derived_;    // names made by reordering, when unambiguous
};

} // namespace expeer
