// The reads behind the statistics: dates, countries, kinds and counts; never a name or an
// address.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

class Database;

// Who is left out of every count of people, and whose activity is left out of every count
// of activity: test accounts, by email pattern ("*@test.example.org", '*' any characters).
struct StatsScope {
    std::vector<std::string> test_account_patterns;
};

// A member as the statistics see them: when they came and went, and a country; never a
// name or an address. The views point into the current row: valid during the call only.
struct MemberDates {
    std::int64_t id = 0;
    std::optional<std::string_view> country;     // not given: std::nullopt
    std::string_view registered_on;              // local date, YYYY-MM-DD
    std::optional<std::string_view> erased_at;   // UTC instants
    std::optional<std::string_view> disabled_at;
    bool is_test = false;                        // matches a test-account pattern
};

struct MemberIdRange {
    std::int64_t count = 0;
    std::int64_t largest = 0; // 0 when there is none
};

// One activity, as for MemberDates: the views are valid during the call only.
struct ActivityFacts {
    std::string_view kind;
    std::string_view at; // UTC instant
    std::optional<std::int64_t> space_id;
    std::optional<std::int64_t> member_id;
};

// A report's exact figures as frozen when it was published.
struct StatsSnapshot {
    std::string from;
    std::string to;
    std::string time_zone;
    std::string taken_at;
    std::string taken_by;
    std::string figures; // JSON
};

class StatsStore {
public:
    StatsStore(Database& db, StatsScope scope);

    // Every member, in no particular order, and how their ids are spread.
    void scan_members(const std::function<void(const MemberDates&)>& visit);
    MemberIdRange member_id_range();
    // Every activity of `kinds` in [start_utc, end_utc), test accounts' included (the caller
    // knows them from scan_members), in no particular order.
    void scan_activities(const std::string& start_utc, const std::string& end_utc,
                         const std::vector<std::string>& kinds, const std::function<void(const ActivityFacts&)>& visit);
    // Activities of `kinds` in [start_utc, end_utc), per kind; from the beginning when
    // start_utc is empty.
    std::map<std::string, std::int64_t> activities_by_kind(const std::string& start_utc, const std::string& end_utc,
                                                           const std::vector<std::string>& kinds);
    // Spaces created by `last_day` and not archived before `first_day`.
    std::int64_t spaces_open_during(const std::string& first_day, const std::string& last_day);

    // False when there is one for the period already and `replace` is not set. Inside the
    // caller's write transaction.
    bool save_snapshot(const StatsSnapshot& snapshot, bool replace);
    std::optional<StatsSnapshot> find_snapshot(const std::string& from, const std::string& to);

private:
    std::string test_member_condition(const char* id_column) const;
    std::string activity_condition(const std::vector<std::string>& kinds) const;

    Database& db_;
    StatsScope scope_;
};

} // namespace expeer
