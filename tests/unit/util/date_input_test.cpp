#include "util/date_input.hpp"

#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

const TimePoint now = *parse_timestamp("2024-09-15T08:30:00Z");

std::string start_of(std::string_view text) {
    const auto input = read_date_input(text, now);
    return input ? format_timestamp(input->start) : "refused";
}

std::string end_of(std::string_view text) {
    const auto input = read_date_input(text, now);
    return input ? format_timestamp(input->end) : "refused";
}

} // namespace

TEST_CASE("ISO dates name a whole UTC day, times their second") {
    CHECK(start_of("2024-05-01") == "2024-05-01T00:00:00Z");
    CHECK(end_of("2024-05-01") == "2024-05-02T00:00:00Z");
    CHECK(read_date_input("2024-05-01", now)->whole_day);
    CHECK(start_of("2024-05-01T10:00:00Z") == "2024-05-01T10:00:00Z");
    CHECK(end_of("2024-05-01T10:00:00Z") == "2024-05-01T10:00:01Z");
    CHECK_FALSE(read_date_input("2024-05-01T10:00:00Z", now)->whole_day);
}

TEST_CASE("times with an offset, without seconds, with a fraction or a space become UTC") {
    CHECK(start_of("2024-05-01T12:00:00+02:00") == "2024-05-01T10:00:00Z");
    CHECK(start_of("2024-05-01T12:00+0200") == "2024-05-01T10:00:00Z");
    CHECK(start_of("2024-05-01 05:30:00-04:30") == "2024-05-01T10:00:00Z");
    CHECK(start_of("2024-05-01T00:30:00+01") == "2024-04-30T23:30:00Z");
    CHECK(start_of("2024-05-01T10:00:00.123456Z") == "2024-05-01T10:00:00Z");
    CHECK(start_of("2024-05-01t10:00:00z") == "2024-05-01T10:00:00Z");
}

TEST_CASE("relative forms count from the injected clock") {
    CHECK(start_of("now") == "2024-09-15T08:30:00Z");
    CHECK(start_of("today") == "2024-09-15T00:00:00Z");
    CHECK(end_of("today") == "2024-09-16T00:00:00Z");
    CHECK(start_of("yesterday") == "2024-09-14T00:00:00Z");
    CHECK(end_of("yesterday") == "2024-09-15T00:00:00Z");
    CHECK(start_of("7d") == "2024-09-08T08:30:00Z");
    CHECK(start_of("2w") == "2024-09-01T08:30:00Z");
    CHECK(start_of("36h") == "2024-09-13T20:30:00Z");
    CHECK(start_of("0d") == "2024-09-15T08:30:00Z");
}

TEST_CASE("anything else is refused, never compared as text") {
    for (const char* text : {"", "01/12/2026", "12/01/2026", "March", "yesterdy", "Yesterday", "7", "d", "-7d",
                             "+7d", "7 d", "7days", "7m", "1000000d", "2024-05-01T10:00:00", "2024-05-01T10:00",
                             "2024-05-01T24:00:00Z", "2024-02-30", "2024-5-1", "2024-05-01T10:00:00+25:00",
                             "2024-05-01T10:00:00Zjunk", " 2024-05-01", "2024-05-01T10:00:60Z", "99999999w"}) {
        INFO(text);
        CHECK_FALSE(read_date_input(text, now));
    }
}

TEST_CASE("options get a usage error naming the option, the value and the forms") {
    try {
        date_option("--since", "01/12/2026", now);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(std::string(e.what()).starts_with("--since '01/12/2026' is not a date or time: give a date (2024-05-01)"));
        CHECK(std::string(e.what()).find("yesterday") != std::string::npos);
    }
    CHECK_THROWS_WITH(date_option("--since", "\x1b[2J", now),
                      Catch::StartsWith("--since '\\x1b[2J' is not a date or time"));
    CHECK(format_timestamp(time_option("--at", "2024-09-26T16:00+02:00", now)) == "2024-09-26T14:00:00Z");
    CHECK_THROWS_WITH(time_option("--at", "2024-09-26", now), Catch::StartsWith("--at '2024-09-26' is a day, not a time"));
    CHECK(day_option("--since", "7d", now) == "2024-09-08");
    CHECK(day_option("--since", "2024-05-01", now) == "2024-05-01");
}

TEST_CASE("--date-format reads dates and times as a source writes them") {
    const DateFormat day("%d/%m/%Y");
    CHECK_FALSE(day.has_time());
    const auto r = day.read("5/3/2024");
    REQUIRE(r);
    CHECK(format_date(r->day) == "2024-03-05");
    CHECK(day.read(" 15/03/2024 "));
    CHECK_FALSE(day.read("31/02/2024"));
    CHECK_FALSE(day.read("15/03/24"));
    CHECK_FALSE(day.read("15/03/2024 10:00"));
    CHECK_FALSE(day.read("2024-03-15"));

    const DateFormat time("%d/%m/%Y %H:%M:%S");
    CHECK(time.has_time());
    CHECK(format_timestamp(time.read("15/03/2024 10:23:45")->instant()) == "2024-03-15T10:23:45Z");
    CHECK_FALSE(time.read("15/03/2024 25:00:00"));
    CHECK_FALSE(time.read("15/03/2024"));
    CHECK(format_timestamp(DateFormat("%FT%T%z").read("2024-03-15T12:00:00+02:00")->instant()) == "2024-03-15T10:00:00Z");
    CHECK(format_timestamp(DateFormat("%Y%m%d %H%M").read("20240315 1023")->instant()) == "2024-03-15T10:23:00Z");
    CHECK(DateFormat("100%% %d.%m.%Y").read("100% 15.03.2024"));
}

TEST_CASE("a pattern that cannot work is a usage error") {
    for (const char* pattern : {"%d/%m", "%d/%m/%Y/%Y", "%x", "%d/%m/%Y %H", "%d/%m/%Y %M:%S", "%d/%m/%Y %", ""}) {
        INFO(pattern);
        CHECK_THROWS_AS(DateFormat(pattern), Error);
    }
    CHECK_THROWS_WITH(DateFormat("%d/%b/%Y"), Catch::Contains("'%b' is not supported"));
}

TEST_CASE("several formats are tried in order, then ISO 8601") {
    const DateFormats formats({"%d/%m/%Y %H:%M:%S", "%d/%m/%Y"});
    CHECK(formats.date("15/03/2024") == "2024-03-15");
    CHECK(formats.date("15/03/2024 10:23:45") == "2024-03-15");
    CHECK(formats.date("2024-03-15") == "2024-03-15");
    CHECK(formats.time("15/03/2024 10:23:45") == "2024-03-15T10:23:45Z");
    CHECK_FALSE(formats.time("15/03/2024"));
    CHECK(formats.time("2024-03-15T10:23:45+01:00") == "2024-03-15T09:23:45Z");
    CHECK(formats.date_or_time("15/03/2024") == "2024-03-15T00:00:00Z");
    CHECK_FALSE(formats.date("03/15/2024"));
    CHECK(formats.expected_date() == "%d/%m/%Y %H:%M:%S, %d/%m/%Y, or 2024-05-01");
    const DateFormats iso;
    CHECK(iso.date("2024-03-15") == "2024-03-15");
    CHECK_FALSE(iso.date("15/03/2024"));
    CHECK(iso.expected_date() == "2024-05-01");
}
