// Published figures are frozen in the database, so a report can be shown again exactly as it
// was published, whatever was corrected since. Taking one: stats/publish.
#pragma once

#include "stats/report.hpp"

#include <optional>

namespace expeer {

// The frozen report of exactly this period; nothing when none was taken.
std::optional<StatsReport> find_snapshot(Database& db, const Period& period);

} // namespace expeer
