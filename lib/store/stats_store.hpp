// The queries behind the statistics: counts only, never a person's details.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

// Who is left out of every count of people, and whose activity is left out of every count
// of activity: test accounts, by email pattern ("*@test.example.org", '*' any characters).
struct StatsScope {
    std::vector<std::string> test_account_patterns;
};

// Members counted at the end of a period and at the end of the one before, per country
// (std::nullopt: the member did not give one).
struct CountryMemberCounts {
    std::int64_t accounts = 0;        // every account registered by the end, whatever its state
    std::int64_t registered = 0;      // counted at the end (not disabled, erased or test then)
    std::int64_t registered_before = 0; // counted at the end of the previous period
    std::int64_t new_registered = 0;  // registered in the period and counted at its end
};

// An instant and the date of its local day, for "registered by" tests: registered_on is a
// local date, disabled_at and erased_at are UTC instants.
struct PeriodEnd {
    std::string last_day;   // YYYY-MM-DD, included
    std::string end_utc;    // the first instant after it
};

// When to count members for one period: at its end, at the end of the period before, and
// who registered from its first day.
struct MemberCountPeriod {
    PeriodEnd end;
    PeriodEnd previous_end;
    std::string first_day;
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

    // One read of the members for several periods: per country (std::nullopt: not given),
    // the counts of each period, in the order given.
    std::map<std::optional<std::string>, std::vector<CountryMemberCounts>>
    members_by_country(const std::vector<MemberCountPeriod>& periods);
    // Members counted at `end` with a qualifying activity in [start_utc, end_utc): how many,
    // and how many of them registered on or after `first_day`.
    std::pair<std::int64_t, std::int64_t> active_members(const std::string& start_utc, const PeriodEnd& end,
                                                         const std::vector<std::string>& kinds,
                                                         const std::string& first_day);
    // Activities of `kinds` in [start_utc, end_utc), per kind; from the beginning when
    // start_utc is empty.
    std::map<std::string, std::int64_t> activities_by_kind(const std::string& start_utc, const std::string& end_utc,
                                                           const std::vector<std::string>& kinds);
    // Activities of `kinds` in [start_utc, end_utc), per space (std::nullopt: outside spaces).
    std::map<std::optional<std::int64_t>, std::int64_t> activities_by_space(const std::string& start_utc,
                                                                            const std::string& end_utc,
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
