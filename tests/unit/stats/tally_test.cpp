#include "stats/tally.hpp"

#include "../scratch.hpp"
#include "stats/period.hpp"
#include "store/database.hpp"
#include "store/stats_store.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace expeer;

namespace {

void add_member(Database& db, std::int64_t id, const char* email, const char* country, const char* registered_on,
                const char* disabled_at = nullptr, const char* erased_at = nullptr) {
    Statement q = db.prepare("INSERT INTO members (id, email, email_key, display_name, country, occupation, "
                                  "language, profile, newsletter_consent, registered_on, status, search_text, "
                                  "created_at, updated_at, disabled_at, erased_at) VALUES (?, ?, ?, ?, ?, 'other', 'en', "
                                  "'member', 0, ?, ?, '', ?, ?, ?, ?)");
    q.bind(1, id);
    q.bind(2, email);
    q.bind(3, email);
    q.bind(4, fmt::format("Member {}", id));
    if (country) q.bind(5, country);
    q.bind(6, registered_on);
    q.bind(7, disabled_at ? "disabled" : "active");
    q.bind(8, std::string(registered_on) + "T09:00:00Z");
    q.bind(9, std::string(registered_on) + "T09:00:00Z");
    if (disabled_at) q.bind(10, disabled_at);
    if (erased_at) q.bind(11, erased_at);
    q.run();
}

void add_activity(Database& db, const char* at, std::int64_t member, const char* kind, int space = 0) {
    Statement q = db.prepare("INSERT INTO activities (at, member_id, kind, space_id) VALUES (?, ?, ?, ?)");
    q.bind(1, at);
    if (member) q.bind(2, member);
    q.bind(3, kind);
    if (space) q.bind(4, space);
    q.run();
}

} // namespace

TEST_CASE("a tally counts members as they were at each period's end, and activity at the period's edges") {
    test::ScratchDir dir;
    const DatabaseOptions options{dir / "expeer.db", 1000};
    Database::init(options, SystemClock());
    auto db = Database::open(options);
    for (int space : {1, 2})
        db->prepare(fmt::format("INSERT INTO spaces (id, slug, label, access, kind, default_role, created_on, "
                                   "created_at, updated_at) VALUES ({0}, 's{0}', 'Space {0}', 'open', 'thematic', "
                                   "'reader', '2020-01-01', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
                                   space)).run();
    // Q1 2024 in Brussels starts at 2023-12-31T23:00:00Z and ends at 2024-03-31T22:00:00Z
    // (summer time began that night); the quarter before ends where it starts.
    add_member(*db, 1, "ana@example.org", "CD", "2023-05-01");
    add_member(*db, 2, "bob@example.org", "TN", "2024-02-10");
    add_member(*db, 3, "cyd@example.org", "CD", "2023-06-01", "2024-03-31T21:59:59Z"); // disabled just before the end
    add_member(*db, 4, "tst@test.example.org", "CD", "2023-01-01");                    // a test account
    add_member(*db, 5, "dee@example.org", nullptr, "2023-12-31", nullptr, "2024-01-05T00:00:00Z");
    add_activity(*db, "2023-11-01T10:00:00Z", 1, "login");
    add_activity(*db, "2023-12-31T22:00:00Z", 5, "login");        // 23:00 on New Year's Eve, local
    add_activity(*db, "2023-12-31T22:59:59Z", 1, "news", 1);      // the last second of December
    add_activity(*db, "2023-12-31T23:00:00Z", 1, "news", 1);      // the first of January
    add_activity(*db, "2024-01-15T10:00:00Z", 1, "news", 1);
    add_activity(*db, "2024-01-20T10:00:00Z", 4, "news", 2);      // the test account's
    add_activity(*db, "2024-01-21T10:00:00Z", 0, "login");        // nobody's (an erased member's)
    add_activity(*db, "2024-02-20T10:00:00Z", 2, "comment", 2);
    add_activity(*db, "2024-03-01T10:00:00Z", 3, "file", 1);
    add_activity(*db, "2024-03-02T10:00:00Z", 2, "view", 2);      // neither counted nor active
    add_activity(*db, "2024-03-31T22:00:00Z", 2, "news", 1);      // April, local

    StatsStore store(*db, {{"*@test.example.org"}});
    const Period quarter = make_period("2024-01-01", "2024-03-31", "Europe/Brussels");
    const auto tallies =
        tally_periods(store, {{quarter, quarter.previous()}, {"news", "comment", "file", "login"}, {"news", "comment", "file"}});
    REQUIRE(tallies.size() == 2);

    const PeriodTally& q1 = tallies[0];
    const auto& cd = q1.members_by_country.at("CD");
    CHECK(cd.accounts == 3); // ana, cyd and the test account
    CHECK(cd.registered == 1); // ana: cyd was disabled, the test account never counts
    CHECK(cd.registered_before == 2);
    CHECK(q1.members_by_country.at("TN").new_registered == 1);
    CHECK(q1.members_by_country.at(std::nullopt).registered == 0); // dee was erased
    CHECK(q1.members_by_country.at(std::nullopt).registered_before == 1);
    CHECK(q1.active == 2); // ana and bob; cyd's file counts, but cyd is not counted at the end
    CHECK(q1.new_active == 1);
    CHECK(q1.in_period == KindCounts{{"news", 2}, {"comment", 1}, {"file", 1}});
    CHECK(q1.since_beginning == KindCounts{{"news", 3}, {"comment", 1}, {"file", 1}});
    REQUIRE(q1.per_month.size() == 3);
    CHECK(q1.per_month[0] == KindCounts{{"news", 2}});
    CHECK(q1.per_month[1] == KindCounts{{"comment", 1}});
    CHECK(q1.per_month[2] == KindCounts{{"file", 1}});
    CHECK(q1.active_kinds_by_space ==
          std::map<std::optional<std::int64_t>, std::int64_t>{{std::nullopt, 1}, {1, 3}, {2, 1}});

    const PeriodTally& q4 = tallies[1];
    CHECK(q4.members_by_country.at("CD").accounts == 3);
    CHECK(q4.members_by_country.at("CD").registered == 2);
    CHECK(q4.members_by_country.at(std::nullopt).new_registered == 1);
    CHECK(q4.active == 2); // ana and dee, who registered on the last day
    CHECK(q4.new_active == 1);
    CHECK(q4.in_period == KindCounts{{"news", 1}});
    CHECK(q4.since_beginning == KindCounts{{"news", 1}});
    REQUIRE(q4.per_month.size() == 3);
    CHECK(q4.per_month[2] == KindCounts{{"news", 1}});
}

TEST_CASE("a tally counts members whose ids were kept from another system, however large") {
    test::ScratchDir dir;
    const DatabaseOptions options{dir / "expeer.db", 1000};
    Database::init(options, SystemClock());
    auto db = Database::open(options);
    // Ids in the billions would take gigabytes as a flat array: the tally must not need one.
    add_member(*db, 7, "ana@example.org", "CD", "2023-05-01");
    add_member(*db, 5'000'000'000, "bob@example.org", "TN", "2024-02-10");
    add_member(*db, 9'000'000'000, "tst@test.example.org", "TN", "2023-01-01");
    add_activity(*db, "2024-01-15T10:00:00Z", 7, "login");
    add_activity(*db, "2024-02-20T10:00:00Z", 5'000'000'000, "news");
    add_activity(*db, "2024-02-21T10:00:00Z", 5'000'000'000, "news");
    add_activity(*db, "2024-02-22T10:00:00Z", 9'000'000'000, "news");

    StatsStore store(*db, {{"*@test.example.org"}});
    const Period quarter = make_period("2024-01-01", "2024-03-31", "UTC");
    const auto tally = tally_periods(store, {{quarter}, {"news", "login"}, {"news"}}).front();
    CHECK(tally.members_by_country.at("TN").registered == 1);
    CHECK(tally.members_by_country.at("TN").accounts == 2);
    CHECK(tally.active == 2);
    CHECK(tally.new_active == 1);
    CHECK(tally.in_period == KindCounts{{"news", 2}});
}
