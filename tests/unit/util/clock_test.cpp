#include "util/clock.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("timestamps round-trip in UTC") {
    const auto t = parse_timestamp("2024-02-29T23:59:07Z");
    REQUIRE(t);
    CHECK(format_timestamp(*t) == "2024-02-29T23:59:07Z");
    CHECK(format_date(date_of(*t)) == "2024-02-29");
}

TEST_CASE("impossible dates and times are refused") {
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2024-13-01"));
    CHECK_FALSE(parse_date("2024-1-01"));
    CHECK_FALSE(parse_date("24-01-01xx"));
    CHECK_FALSE(parse_timestamp("2024-01-01T24:00:00Z"));
    CHECK_FALSE(parse_timestamp("2024-01-01 10:00:00"));
    CHECK(parse_date("2024-02-29"));
}
