#pragma once

#include "activity/activity.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace expeer {

class Database;

// Records an activity and returns its id; nothing when one with the same external id is
// already there.
std::optional<std::int64_t> record_activity(Database& db, const Activity& activity);

// A file's activities name it by its path: they follow it when it moves, and name nothing
// once it is removed, so that no output shows a file the library no longer lists (as news
// activities follow their title). `to` empty: removed.
void rename_file_activities(Database& db, std::int64_t space_id, const std::string& from,
                            const std::optional<std::string>& to);

// Oldest first.
void for_each_activity(Database& db, const ActivityFilter& filter, const std::function<void(const Activity&)>& visit);

} // namespace expeer
