#include "stats/world_map.hpp"

#include "../scratch.hpp"
#include "geo/countries.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("the Equal Earth projection") {
    // Values from the projection's paper (Šavrič et al. 2018), for a sphere of radius 1.
    const auto [x0, y0] = equal_earth(0, 0);
    CHECK(x0 == Approx(0));
    CHECK(y0 == Approx(0));
    const auto [x1, y1] = equal_earth(180, 0);
    CHECK(x1 == Approx(2.7066).epsilon(1e-4));
    const auto [x2, y2] = equal_earth(0, 90);
    CHECK(y2 == Approx(1.3173627).epsilon(1e-5));
    // Equal area: the map is symmetric, and narrower at the poles than at the equator.
    CHECK(equal_earth(-180, 0).first == Approx(-x1));
    CHECK(equal_earth(180, 60).first < x1);
    (void)y1;
    (void)x2;
}

TEST_CASE("the shipped outlines give every country a path, named by its code") {
    const auto map = load_world_map(EXPEER_SOURCE_DIR "/templates/stats/world-110m.json", test::countries(), 960);
    CHECK(map.width == 960);
    CHECK(map.height > 400);
    CHECK(map.height < 500);
    bool congo = false, antarctica = false;
    for (const auto& c : map.countries) {
        congo = congo || c.code == "CD";
        antarctica = antarctica || c.code == "AQ";
        CHECK(c.path.front() == 'M');
        CHECK(c.path.back() == 'Z');
    }
    CHECK(congo);
    CHECK_FALSE(antarctica);
    CHECK(map.countries.size() > 170);
}

TEST_CASE("a country's extent, for checking where a map's regions are") {
    const char* outlines = EXPEER_SOURCE_DIR "/templates/stats/world-110m.json";
    const auto tunisia = country_extent(outlines, test::countries(), "TN");
    REQUIRE(tunisia);
    // Tunis (10.2E, 36.8N) and Tataouine (10.5E, 32.9N) are inside; Paris is not.
    CHECK(tunisia->west < 10.2);
    CHECK(tunisia->east > 10.5);
    CHECK(tunisia->south < 32.9);
    CHECK(tunisia->north > 36.8);
    CHECK(tunisia->north < 38);
    CHECK(tunisia->west > 7);
    // Fiji lies across the 180th meridian: no box holds it.
    CHECK_FALSE(country_extent(outlines, test::countries(), "FJ"));
    CHECK_FALSE(country_extent(outlines, test::countries(), "ZZ"));
}
