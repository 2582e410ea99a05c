#include "stats/tally.hpp"

#include "store/stats_store.hpp"

#include <algorithm>
#include <unordered_map>

namespace expeer {

namespace {

// Counted at the end of a period: registered by its last day, neither erased nor disabled
// before it ended, and not a test account.
bool counted_at(const MemberDates& m, const Period& p) {
    return !m.is_test && m.registered_on <= p.to && (!m.erased_at || *m.erased_at >= p.end_utc) &&
           (!m.disabled_at || *m.disabled_at >= p.end_utc);
}

// What the activity pass needs to know of a member for one period.
enum MemberBits : std::uint8_t { counted_at_end = 1, registered_in_period = 2, seen_active = 4, test_account = 8 };

// A byte per member and period, by member id: a flat array when the ids are dense, as SQLite
// gives them (no lookup costs less), a hash map when they are not (ids kept from another
// system), so that one member numbered in the billions cannot take gigabytes.
class MemberTable {
public:
    MemberTable(const MemberIdRange& ids, std::size_t periods) : width_(periods) {
        dense_ = ids.largest >= 0 && ids.largest <= 4 * ids.count + 4096;
        if (dense_) bytes_.assign((static_cast<std::size_t>(ids.largest) + 1) * width_, 0);
    }
    // The member's bytes, one per period; nullptr for an id no member has.
    std::uint8_t* find(std::int64_t id) {
        if (dense_) return id > 0 && static_cast<std::size_t>(id) * width_ < bytes_.size() ? &bytes_[row(id)] : nullptr;
        const auto it = sparse_.find(id);
        return it == sparse_.end() ? nullptr : it->second.data();
    }
    std::uint8_t* add(std::int64_t id) {
        if (dense_) return find(id);
        return sparse_.emplace(id, std::vector<std::uint8_t>(width_)).first->second.data();
    }

private:
    std::size_t row(std::int64_t id) const { return static_cast<std::size_t>(id) * width_; }
    std::size_t width_;
    bool dense_ = true;
    std::vector<std::uint8_t> bytes_;
    std::unordered_map<std::int64_t, std::vector<std::uint8_t>> sparse_;
};

// Counts by kind index while reading (no map lookup per activity), maps at the end.
struct Counting {
    std::vector<std::int64_t> in_period;
    std::vector<std::int64_t> since_beginning;
    std::vector<std::vector<std::int64_t>> per_month;
};

KindCounts by_name(const std::vector<std::int64_t>& counts, const std::vector<std::string>& kinds) {
    KindCounts out;
    for (std::size_t k = 0; k < kinds.size(); ++k)
        if (counts[k] > 0) out[kinds[k]] = counts[k];
    return out;
}

std::size_t index_of(const std::vector<std::string>& list, std::string_view value) {
    return static_cast<std::size_t>(std::find(list.begin(), list.end(), value) - list.begin());
}

} // namespace

std::vector<PeriodTally> tally_periods(StatsStore& store, const TallyRequest& request) {
    const auto& periods = request.periods;
    std::vector<PeriodTally> tallies(periods.size());
    if (periods.empty()) return tallies;
    std::vector<Period> befores;
    for (const auto& p : periods) befores.push_back(p.previous());

    MemberTable members(store.member_id_range(), periods.size());

    std::map<std::optional<std::string>, std::vector<CountryMemberCounts>> countries;
    store.scan_members([&](const MemberDates& m) {
        std::uint8_t* bits = members.add(m.id);
        auto& counts = countries[m.country ? std::optional<std::string>(*m.country) : std::nullopt];
        counts.resize(periods.size());
        for (std::size_t i = 0; i < periods.size(); ++i) {
            const bool at_end = counted_at(m, periods[i]);
            const bool is_new = at_end && m.registered_on >= periods[i].from;
            auto& c = counts[i];
            if (m.registered_on <= periods[i].to) ++c.accounts;
            if (at_end) ++c.registered;
            if (counted_at(m, befores[i])) ++c.registered_before;
            if (is_new) ++c.new_registered;
            if (bits)
                bits[i] = static_cast<std::uint8_t>((at_end ? counted_at_end : 0) | (is_new ? registered_in_period : 0) |
                                                    (m.is_test ? test_account : 0));
        }
    });
    for (auto& [country, counts] : countries)
        for (std::size_t i = 0; i < periods.size(); ++i) tallies[i].members_by_country[country] = counts[i];

    // Activities before the earliest period are only summed; the periods' own are read once.
    std::string earliest = periods.front().start_utc, latest = periods.front().end_utc;
    for (const auto& p : periods) {
        earliest = std::min(earliest, p.start_utc);
        latest = std::max(latest, p.end_utc);
    }
    const auto& counted = request.counted_kinds;
    std::vector<std::string> kinds = counted;
    for (const auto& kind : request.active_kinds)
        if (index_of(kinds, kind) == kinds.size()) kinds.push_back(kind);
    const KindCounts before_earliest = store.activities_by_kind("", earliest, counted);

    std::vector<Counting> counting(periods.size());
    for (std::size_t i = 0; i < periods.size(); ++i) {
        counting[i].in_period.assign(counted.size(), 0);
        counting[i].since_beginning.assign(counted.size(), 0);
        for (std::size_t k = 0; k < counted.size(); ++k) {
            const auto it = before_earliest.find(counted[k]);
            if (it != before_earliest.end()) counting[i].since_beginning[k] = it->second;
        }
        counting[i].per_month.assign(periods[i].months.size(), std::vector<std::int64_t>(counted.size(), 0));
    }
    store.scan_activities(earliest, latest, kinds, [&](const ActivityFacts& a) {
        std::uint8_t* bits = a.member_id ? members.find(*a.member_id) : nullptr;
        if (bits && (bits[0] & test_account)) return;
        const std::size_t counted_index = index_of(counted, a.kind);
        const bool active_kind = index_of(request.active_kinds, a.kind) < request.active_kinds.size();
        for (std::size_t i = 0; i < periods.size(); ++i) {
            const Period& p = periods[i];
            if (a.at >= p.end_utc) continue;
            auto& c = counting[i];
            if (counted_index < counted.size()) ++c.since_beginning[counted_index];
            if (a.at < p.start_utc) continue;
            if (counted_index < counted.size()) {
                ++c.in_period[counted_index];
                // The months follow each other from the period's start: the last that starts by `at`.
                const auto next = std::upper_bound(p.months.begin(), p.months.end(), a.at,
                                                   [](std::string_view at, const Month& m) { return at < m.start_utc; });
                if (next != p.months.begin()) ++c.per_month[static_cast<std::size_t>(next - p.months.begin()) - 1][counted_index];
            }
            if (!active_kind) continue;
            ++tallies[i].active_kinds_by_space[a.space_id];
            if (!bits) continue;
            if (bits[i] & seen_active) continue;
            bits[i] |= seen_active;
            if (!(bits[i] & counted_at_end)) continue;
            ++tallies[i].active;
            if (bits[i] & registered_in_period) ++tallies[i].new_active;
        }
    });
    for (std::size_t i = 0; i < periods.size(); ++i) {
        tallies[i].in_period = by_name(counting[i].in_period, counted);
        tallies[i].since_beginning = by_name(counting[i].since_beginning, counted);
        for (const auto& month : counting[i].per_month) tallies[i].per_month.push_back(by_name(month, counted));
    }
    return tallies;
}

} // namespace expeer
