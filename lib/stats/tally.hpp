// The counts behind a report, for several periods at once, from one read of the members and
// one of the activities: the time grows with the size of the network, not with the number
// of figures asked.
#pragma once

#include "stats/period.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class StatsStore;

// Members of one country, at the end of a period and at the end of the one before.
struct CountryMemberCounts {
    std::int64_t accounts = 0;          // every account registered by the end, whatever its state
    std::int64_t registered = 0;        // counted at the end (not disabled, erased or test then)
    std::int64_t registered_before = 0; // counted at the end of the previous period
    std::int64_t new_registered = 0;    // registered in the period and counted at its end
};

using KindCounts = std::map<std::string, std::int64_t>;

struct PeriodTally {
    // Per country; std::nullopt: the member did not give one.
    std::map<std::optional<std::string>, CountryMemberCounts> members_by_country;
    std::int64_t active = 0;     // counted at the end, with an activity of an active kind in the period
    std::int64_t new_active = 0; // the same, registered in the period
    KindCounts in_period;        // activities of the counted kinds
    KindCounts since_beginning;  // the same, from the first activity to the period's end
    std::vector<KindCounts> per_month; // one per month of the period
    // Activities of active kinds per space; std::nullopt: outside spaces (a login).
    std::map<std::optional<std::int64_t>, std::int64_t> active_kinds_by_space;
};

// What to count: activities of `active_kinds` make a member active and are counted per
// space; activities of `counted_kinds` are counted per kind. Test accounts, and their
// activity, are left out of everything but `accounts`.
struct TallyRequest {
    std::vector<Period> periods;
    std::vector<std::string> active_kinds;
    std::vector<std::string> counted_kinds;
};

// One tally per period, in the order asked. Run it inside a read transaction for figures
// that agree with each other while others write.
std::vector<PeriodTally> tally_periods(StatsStore& store, const TallyRequest& request);

} // namespace expeer
