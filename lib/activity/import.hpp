// History brought in from the collaboration platform, one JSON object a line (the format is
// in expeer-activity(5)). All or nothing, like the member import; importing the same file
// twice adds nothing, since each line carries the platform's id.
#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>

namespace expeer {

class Database;

struct LineProblem {
    std::size_t line = 0;
    std::string field;
    std::string value;
    std::string reason;
};

struct ActivityImportReport {
    std::size_t lines = 0;
    std::size_t added = 0;
    std::size_t already = 0; // their id was imported before
    std::size_t rejected = 0;
    std::set<std::string> unknown_keys; // reported, not imported
    bool written = false;
};

// `on_progress` is told how many bytes of the file are done, now and then.
ActivityImportReport import_activities(Database& db, const std::filesystem::path& file, bool dry_run,
                                       const std::function<void(const LineProblem&)>& on_problem,
                                       const std::function<void(std::uint64_t done, std::uint64_t total)>& on_progress = {});

} // namespace expeer
