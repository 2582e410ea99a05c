// Published figures are frozen in the database, so a report can be shown again exactly as it
// was published, whatever was corrected since.
#pragma once

#include "stats/report.hpp"

#include <optional>
#include <string>

namespace expeer {

class Clock;

// False when the period has a snapshot already and `replace` is not set. Audited.
bool take_snapshot(Database& db, const StatsReport& report, const Clock& clock, const std::string& actor,
                   bool replace);
// The frozen report of exactly this period; nothing when none was taken.
std::optional<StatsReport> find_snapshot(Database& db, const Period& period);

} // namespace expeer
