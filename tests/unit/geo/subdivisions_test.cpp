#include "geo/subdivisions.hpp"

#include "config/config_keys.hpp"
#include "config/environment.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace expeer;

namespace expeer::test {

// The subdivisions of the machine's iso-codes package, loaded once for all tests; the
// boundaries and drawing tests use it too. (Its place is scratch.hpp, beside countries().)
const Subdivisions& subdivisions() {
    static const Subdivisions loaded = [] {
        std::string iso, locale;
        for (const auto& k : expeer_config_keys(Environment{})) {
            if (k.name == "iso_codes_dir") iso = k.default_value;
            if (k.name == "locale_dir") locale = k.default_value;
        }
        return Subdivisions::load(iso, locale);
    }();
    return loaded;
}

} // namespace expeer::test

TEST_CASE("subdivisions are known by code and by country", "[geo]") {
    const auto& s = test::subdivisions();
    CHECK(s.size() > 5000);
    CHECK(s.is_code("TN-11"));
    CHECK(s.is_code_of("TN-11", "TN"));
    CHECK(s.is_code_of("TN-83", "TN"));
    CHECK_FALSE(s.is_code_of("TN-99", "TN"));
    CHECK_FALSE(s.is_code_of("MA-01", "TN"));
    CHECK_FALSE(s.is_code_of("TN-11", "T"));
    CHECK_FALSE(s.is_code_of("TN-11", ""));
    CHECK_FALSE(s.is_code_of("TN", "TN"));
    CHECK_FALSE(s.is_code_of("tn-11", "TN"));
    CHECK(s.country_of("MA-01") == "MA");
    CHECK(s.country_of("CD-KN") == "CD");
    CHECK(s.country_of("XX-01").empty());
    CHECK(s.country_of("TN").empty());
}

TEST_CASE("a country's codes come sorted, every level of them", "[geo]") {
    const auto& s = test::subdivisions();
    const auto tunisia = s.codes_of("TN");
    REQUIRE(tunisia.size() == 24);
    CHECK(tunisia.front() == "TN-11");
    CHECK(tunisia.back() == "TN-83");
    CHECK(std::is_sorted(tunisia.begin(), tunisia.end()));
    // Morocco: its 12 regions and the provinces and prefectures within them.
    const auto morocco = s.codes_of("MA");
    CHECK(morocco.size() > 12);
    CHECK(std::count_if(morocco.begin(), morocco.end(),
                        [&](const std::string& c) { return s.type(c) == "Region"; }) == 12);
    CHECK(s.codes_of("XX").empty());
    CHECK(s.codes_of("").empty());
    // "T" is no country: the codes of TN, TR, TZ... do not start with "T-".
    CHECK(s.codes_of("T").empty());
}

TEST_CASE("subdivisions are named in English and French", "[geo]") {
    const auto& s = test::subdivisions();
    CHECK(s.name("TN-12", "en") == "L'Ariana");
    CHECK(s.name("TN-12", "fr") == "L'Ariana"); // no French name: the English one
    CHECK(s.name("DE-BY", "en") == "Bayern");
    CHECK(s.name("DE-BY", "fr") == "Bavière");
    CHECK(s.name("XX-99", "fr") == "XX-99");
    CHECK(s.type("TN-11") == "Governorate");
    CHECK(s.type("XX-99").empty());
}

TEST_CASE("subdivisions without iso-codes are a configuration error", "[geo]") {
    try {
        (void)Subdivisions::load("/nonexistent", "/nonexistent");
        FAIL("loaded");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::config);
        CHECK_THAT(e.what(), Catch::Matchers::Contains("iso_3166-2.json"));
    }
}
