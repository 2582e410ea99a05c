#include "util/mo_catalog.hpp"

#include "../scratch.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("the French catalogue of iso-codes translates country names") {
    const auto catalog = read_mo_catalog("/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo");
    REQUIRE(catalog.count("Tunisia"));
    CHECK(catalog.at("Tunisia") == "Tunisie");
    CHECK(catalog.at("Belgium") == "Belgique");
}

TEST_CASE("a missing catalogue is empty, a damaged one is an error") {
    test::ScratchDir dir;
    CHECK(read_mo_catalog(dir / "none.mo").empty());
    CHECK_THROWS_AS(read_mo_catalog(dir.write("bad.mo", "not a catalogue at all")), Error);
    CHECK_THROWS_AS(read_mo_catalog(dir.write("short.mo", "\xde\x12")), Error);
}
