#include "letter/digest.hpp"

#include "activity/activity.hpp"
#include "spaces/visibility.hpp"
#include "stats/period.hpp"
#include "stats/tally.hpp"
#include "store/activity_store.hpp"
#include "store/space_store.hpp"
#include "store/stats_store.hpp"
#include "store/talk_store.hpp"
#include "util/clock.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace expeer {

namespace {

// A kind's activities in public spaces, by the annual report's rules (test accounts left out).
std::int64_t count_in_public_spaces(StatsStore& stats, const Period& month, const std::string& kind,
                                    const std::set<std::int64_t>& public_spaces) {
    const auto tally = tally_periods(stats, {{month}, {kind}, {}}).front();
    std::int64_t count = 0;
    for (const auto& [space, activities] : tally.active_kinds_by_space)
        if (space && public_spaces.count(*space)) count += activities;
    return count;
}

} // namespace

NetworkDigest gather_digest(Database& db, const std::string& issue, const std::string& time_zone, std::int64_t min_cell,
                            const StatsScope& scope) {
    using namespace std::chrono;
    const auto first = *parse_date(issue + "-01");
    const year_month previous_month = year_month(first.year(), first.month()) - months(1);
    const year_month_day month_first = previous_month / 1;
    const year_month_day month_last = year_month_day(sys_days(first) - days(1));
    const Period month = make_period(format_date(month_first), format_date(month_last), time_zone);

    NetworkDigest d;
    d.month = month.months.front().label;
    d.min_cell = min_cell;
    const auto spaces = SpaceStore(db).all();
    const auto public_spaces = public_space_ids(spaces);

    // Talks from the issue's first day to six weeks later.
    const std::string talks_from = format_date(first) + "T00:00:00Z";
    const std::string talks_to = format_date(year_month_day(sys_days(first) + days(42))) + "T00:00:00Z";
    for (const auto& talk : list_talks(db, std::nullopt))
        if (talk.starts_at >= talks_from && talk.starts_at < talks_to) d.talks.push_back(talk);

    // Counted by the annual report's rules: test accounts and their activity left out.
    StatsStore stats(db, scope);
    const auto tally = tally_periods(stats, {{month}, {"news", "comment", "file"}, {}}).front();
    std::int64_t joined = 0;
    for (const auto& [country, counts] : tally.members_by_country) joined += counts.new_registered;
    d.new_members = disclose_new_members(db, issue, month, joined, min_cell);
    // Public spaces only, as everything else in the letter: how busy a confidential space is
    // is not for hundreds of inboxes.
    d.news = count_in_public_spaces(stats, month, "news", public_spaces);
    d.files = count_in_public_spaces(stats, month, "file", public_spaces);

    std::vector<std::pair<std::int64_t, std::int64_t>> busy; // count, space
    for (const auto& [space, count] : tally.active_kinds_by_space)
        if (space && public_spaces.count(*space)) busy.emplace_back(count, *space);
    std::sort(busy.begin(), busy.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : spaces.at(a.second).slug < spaces.at(b.second).slug;
    });
    for (std::size_t i = 0; i < busy.size() && i < 5; ++i) d.active_spaces.emplace_back(spaces.at(busy[i].second).label, busy[i].first);

    ActivityFilter files;
    files.kind = "file";
    files.from = month.start_utc;
    files.to = month.end_utc;
    for_each_activity(db, files, [&](const Activity& a) {
        if (!a.space_id || !public_spaces.count(*a.space_id) || !a.content) return;
        if (d.new_files.size() < 10) d.new_files.emplace_back(spaces.at(*a.space_id).label, *a.content);
    });
    return d;
}

} // namespace expeer
