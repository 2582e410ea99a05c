// A report as it is published: the figures (computed, or frozen in a snapshot), the previous
// period as its own snapshot published it, and what may be shown of them, audited against
// every output in the ledger of published figures. `stats report`, `stats audit` and
// `stats snapshot` all go through here, so that they see the same outputs.
#pragma once

#include "stats/disclosure.hpp"
#include "stats/period.hpp"
#include "stats/settings.hpp"

#include <string>
#include <vector>

namespace expeer {

class Clock;
class Database;

struct ReportRequest {
    Period period;
    bool internal = false;
    bool from_snapshot = false; // the figures frozen by `stats snapshot`, as they were published
};

// The ledger's name for a report of `period`: "report 2023-08-01/2024-07-31".
std::string report_output(const Period& period);

// The report and what its outputs may show, whether or not that passes the audit. A missing
// snapshot is an Error (not_found).
DisclosedReport disclose_report(Database& db, const StatsSettings& settings,
                                const ReportRequest& request);

// The same, refusing (an Error of kind data, naming the counts) a public report that would
// let a hidden count be worked out. `warnings` gets what the person publishing should know:
// counts earlier outputs pinned already, outputs that could not be linked.
DisclosedReport publishable_report(Database& db, const StatsSettings& settings,
                                   const ReportRequest& request,
                                   std::vector<std::string>& warnings);

// Freezes the period's exact figures and records what its public outputs show in the
// ledger, in one transaction, audited. False when the period has a snapshot already and
// `replace` is not set. A report that fails the audit is not frozen.
bool take_snapshot(Database& db, const StatsSettings& settings, const Period& period,
                   const Clock& clock, const std::string& actor, bool replace);

} // namespace expeer
