#pragma once

#include "activity/activity.hpp"

#include <cstdint>
#include <functional>
#include <optional>

namespace expeer {

class Database;

// Records an activity and returns its id; nothing when one with the same external id is
// already there.
std::optional<std::int64_t> record_activity(Database& db, const Activity& activity);

// Oldest first.
void for_each_activity(Database& db, const ActivityFilter& filter, const std::function<void(const Activity&)>& visit);

} // namespace expeer
