// The annual-report figures, exact, as computed from the database or as frozen in a
// snapshot. What may be published of them is decided in stats/disclosure.
#pragma once

#include "stats/period.hpp"
#include "store/stats_store.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct StatsRules {
    std::vector<std::string> active_kinds; // activities that make a member active
    StatsScope scope;                      // test accounts, left out
};

struct PeriodFigures {
    std::int64_t accounts = 0;
    std::int64_t registered = 0;        // at the end of the period
    std::int64_t registered_before = 0; // at the end of the period before
    std::int64_t new_registered = 0;    // registered in the period, still counted at its end
    std::int64_t active = 0;
    std::int64_t new_active = 0; // active, and registered in the period
    std::int64_t news = 0;
    std::int64_t comments = 0;
    std::int64_t files = 0;
    std::int64_t news_and_comments_total = 0; // from the beginning to the period's end
    std::int64_t files_total = 0;
    std::int64_t spaces = 0; // existing at some time in the period
    std::int64_t active_spaces = 0;
    std::int64_t public_activity = 0;
    std::int64_t confidential_activity = 0;
    std::int64_t outside_spaces_activity = 0; // logins and the like
    bool operator==(const PeriodFigures&) const = default;
};

struct MonthCount {
    std::string month; // "2023-08"
    std::int64_t count = 0;
    bool operator==(const MonthCount&) const = default;
};

struct StatsReport {
    Period period;
    Period previous_period;
    std::vector<std::string> active_kinds;
    PeriodFigures current;
    PeriodFigures previous;
    std::vector<MonthCount> news_per_month;  // one per month of the period, zeros included
    std::vector<MonthCount> files_per_month;
    std::map<std::string, std::int64_t> members_by_country; // at the end; "" when not given
    std::optional<std::string> snapshot_taken_at;           // set when read from a snapshot
    // The previous period's figures are those its snapshot froze, at this time.
    std::optional<std::string> previous_published_at;
    bool operator==(const StatsReport&) const = default;
};

StatsReport compute_report(Database& db, const Period& period, const StatsRules& rules);

// Exact figures as JSON, for snapshots, and back.
nlohmann::json exact_figures_json(const StatsReport& report);
StatsReport report_from_exact_figures(const nlohmann::json& json);

} // namespace expeer
