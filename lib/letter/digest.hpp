// What the database adds to an issue of the letter: the talks of the coming weeks, the
// network in figures for the past month, the most active public spaces and their new files.
// Public spaces only (spaces/visibility), and a count of people is hidden as in the public
// report: the letter goes to hundreds of inboxes.
#pragma once

#include "events/talks.hpp"
#include "letter/figures.hpp"
#include "store/stats_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace expeer {

class Database;

struct NetworkDigest {
    std::string month; // "2024-08": the month before the issue
    std::vector<Talk> talks;
    LetterCount new_members; // audited with every figure published before (letter/figures)
    std::int64_t min_cell = 5;
    std::int64_t news = 0;  // in public spaces
    std::int64_t files = 0; // in public spaces
    std::vector<std::pair<std::string, std::int64_t>> active_spaces; // label, activities
    std::vector<std::pair<std::string, std::string>> new_files;      // space label, file name
};

NetworkDigest gather_digest(Database& db, const std::string& issue, const std::string& time_zone, std::int64_t min_cell,
                            const StatsScope& scope);

} // namespace expeer
