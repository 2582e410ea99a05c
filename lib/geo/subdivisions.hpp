// The regions of every country by ISO 3166-2 code (TN-11, MA-01, CD-KN), with their names in
// English and French and their type ("Governorate", "Province"), from Debian's iso-codes.
// The violation map names its regions by these codes, whatever file draws them.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

class Subdivisions {
public:
    // Reads iso_3166-2.json and the French catalogue iso_3166-2.mo (English names when the
    // catalogue is absent). A file that cannot be read or parsed is a configuration Error.
    static Subdivisions load(const std::filesystem::path& iso_codes_dir,
                             const std::filesystem::path& locale_dir);

    bool is_code(std::string_view code) const { return subdivisions_.count(code) > 0; }
    // Whether `code` ("TN-11") is a subdivision of `country` ("TN").
    bool is_code_of(std::string_view code, std::string_view country) const;
    // The country a code belongs to ("MA" for "MA-01"), or "" when it is no subdivision.
    std::string country_of(std::string_view code) const;
    // Every subdivision of the country, at every level (a region and its provinces), sorted.
    std::vector<std::string> codes_of(std::string_view country) const;
    // The name in "en" or "fr" (English when there is no French one); the code when unknown.
    std::string name(const std::string& code, std::string_view language) const;
    // "Governorate", "Region", "Province"...; "" when unknown. A country's levels differ by
    // type (Morocco: 12 regions, 75 provinces and prefectures), so a map of one level can tell
    // which of the country's codes it should have drawn.
    std::string type(const std::string& code) const;
    std::size_t size() const { return subdivisions_.size(); }

private:
    struct Subdivision {
        std::string name_en;
        std::string name_fr;
        std::string type;
    };
    // std::less<> lets a string_view look a code up without building a string.
    std::map<std::string, Subdivision, std::less<>> subdivisions_;
};

} // namespace expeer
