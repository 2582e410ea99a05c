// History brought in from the collaboration platform, one JSON object a line (the format is
// in expeer-activity(5)). All or nothing, like the member import, unless invalid lines are
// skipped (util/rejects); importing the same file twice adds nothing, since each line carries
// the platform's id.
#pragma once

#include "util/date_input.hpp"
#include "util/rejects.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <string>

namespace expeer {

class Clock;
class Database;

struct ActivityImportOptions {
    std::filesystem::path file;
    bool dry_run = false;
    InvalidRows invalid;
    DateFormats dates; // how the file writes times, besides ISO 8601
};

// One refused value (or the whole line, field "line"). The value is shown as a terminal may
// print it (util/printable).
struct LineProblem {
    std::size_t line = 0;
    std::string field;
    std::string value;
    std::string reason;
};

struct ActivityImportReport {
    std::size_t lines = 0;
    std::size_t added = 0;
    std::size_t already = 0;  // their id was imported before
    std::size_t repeated = 0; // the same event again in the file (same id, same content): counted once
    std::size_t rejected = 0;
    std::set<std::string> unknown_keys; // reported, not imported; escaped, at most max_unknown_keys
    std::size_t unknown_keys_left_out = 0;
    bool written = false;

    static constexpr std::size_t max_unknown_keys = 100;
};

struct ActivityImportCallbacks {
    std::function<void(const LineProblem&)> on_problem; // as each is found: memory stays flat
    std::function<void(std::uint64_t bytes_done, std::uint64_t bytes_total)> on_progress;
};

// Times are refused before this day and after a day from now: no platform has events from
// year 0 or 9999, and such a time would sit first or last in every listing.
inline constexpr std::string_view earliest_activity_day = "1990-01-01";

ActivityImportReport import_activities(Database& db, const Clock& clock, const ActivityImportOptions& options,
                                       const ActivityImportCallbacks& callbacks);

} // namespace expeer
