#include "members/vocabulary.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("French and English words map to the registry's values") {
    CHECK(vocabulary::occupation("Avocat") == std::optional<std::string>("lawyer"));
    CHECK(vocabulary::occupation("NGO staff") == std::optional<std::string>("ngo-staff"));
    CHECK(vocabulary::occupation("ngo-staff") == std::optional<std::string>("ngo-staff"));
    CHECK(vocabulary::occupation("Personnel d'ONG") == std::optional<std::string>("ngo-staff"));
    CHECK(vocabulary::occupation("Chercheuse") == std::optional<std::string>("researcher"));
    CHECK(vocabulary::occupation("JOURNALISTE") == std::optional<std::string>("journalist"));
    CHECK_FALSE(vocabulary::occupation("astronaut"));
    CHECK(vocabulary::language("français") == std::optional<std::string>("fr"));
    CHECK(vocabulary::language("English") == std::optional<std::string>("en"));
    CHECK(vocabulary::language("العربية") == std::optional<std::string>("ar"));
    CHECK(vocabulary::language("AR") == std::optional<std::string>("ar"));
    CHECK_FALSE(vocabulary::language("it"));
    CHECK(vocabulary::profile("admin") == std::optional<std::string>("admin"));
    CHECK(vocabulary::status("disabled") == std::optional<std::string>("disabled"));
    CHECK_FALSE(vocabulary::status("gone"));
}
