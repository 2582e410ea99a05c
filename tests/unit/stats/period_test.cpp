#include "stats/period.hpp"

#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("a report year runs from its first month to the day before, in local days") {
    const Period p = report_year(2024, 8, "Europe/Brussels");
    CHECK(p.from == "2023-08-01");
    CHECK(p.to == "2024-07-31");
    // Midnight in Brussels is 22:00 UTC in summer, 23:00 in winter.
    CHECK(p.start_utc == "2023-07-31T22:00:00Z");
    CHECK(p.end_utc == "2024-07-31T22:00:00Z");
    REQUIRE(p.months.size() == 12);
    CHECK(p.months.front().label == "2023-08");
    CHECK(p.months[3].label == "2023-11");
    CHECK(p.months[3].start_utc == "2023-10-31T23:00:00Z"); // after the change to winter time
    CHECK(p.months.back().end_utc == p.end_utc);
    CHECK(report_year(2024, 1, "UTC").from == "2024-01-01");
    CHECK(report_year(2024, 1, "UTC").to == "2024-12-31");
}

TEST_CASE("the previous period has the same length") {
    const Period year = report_year(2024, 8, "UTC").previous();
    CHECK(year.from == "2022-08-01");
    CHECK(year.to == "2023-07-31");
    const Period days = make_period("2024-03-10", "2024-03-19", "UTC").previous();
    CHECK(days.from == "2024-02-29");
    CHECK(days.to == "2024-03-09");
    // Whole months move by months, leap day or not.
    const Period quarter = make_period("2024-03-01", "2024-05-31", "UTC").previous();
    CHECK(quarter.from == "2023-12-01");
    CHECK(quarter.to == "2024-02-29");
}

TEST_CASE("a partial month is still one month of the series") {
    const Period p = make_period("2024-01-15", "2024-03-05", "UTC");
    REQUIRE(p.months.size() == 3);
    CHECK(p.months[0].start_utc == "2024-01-15T00:00:00Z");
    CHECK(p.months[2].end_utc == "2024-03-06T00:00:00Z");
}

TEST_CASE("bad dates and time zones are usage errors") {
    CHECK_THROWS_AS(make_period("2024-02-30", "2024-03-01", "UTC"), Error);
    CHECK_THROWS_AS(make_period("2024-03-02", "2024-03-01", "UTC"), Error);
    CHECK_THROWS_AS(make_period("2024-03-01", "2024-03-02", "Europe/Atlantis"), Error);
    CHECK_THROWS_AS(report_year(2024, 13, "UTC"), Error);
}

TEST_CASE("a stored instant in local time") {
    CHECK(local_date_time("2024-09-26T14:00:00Z", "Europe/Brussels") == std::pair<std::string, std::string>{"2024-09-26", "16:00"});
    CHECK(local_date_time("2024-12-31T23:30:00Z", "Europe/Brussels") == std::pair<std::string, std::string>{"2025-01-01", "00:30"});
    CHECK(local_date_time("2024-09-26T14:00:00Z", "UTC").second == "14:00");
}
