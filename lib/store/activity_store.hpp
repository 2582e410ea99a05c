#pragma once

#include "activity/activity.hpp"

#include <functional>

namespace expeer {

class Database;

// Records an activity; false when one with the same external id is already there.
bool record_activity(Database& db, const Activity& activity);

// Oldest first.
void for_each_activity(Database& db, const ActivityFilter& filter, const std::function<void(const Activity&)>& visit);

} // namespace expeer
