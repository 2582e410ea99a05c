// What of a report may be published. The members are human-rights defenders: a small count
// of people in a country can name them. Public outputs hide every count of people below
// `min_cell`, hide more cells where a hidden one could be worked out from the totals, and
// never show the sensitive countries; internal outputs show everything, marked internal.
#pragma once

#include "stats/report.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace expeer {

struct DisclosureRules {
    bool internal = false;
    std::int64_t min_cell = 5;
    std::set<std::string> sensitive_countries; // alpha-2
    std::vector<std::int64_t> map_classes;     // lower bounds of the classes above 0: {1, 19, 35}
};

enum class Hidden {
    no,
    small,      // a count of people below min_cell: "fewer than 5"
    protecting, // hidden so that another hidden cell cannot be worked out
};

struct Cell {
    std::optional<std::int64_t> value; // empty when hidden
    Hidden hidden = Hidden::no;
};

struct CountryRow {
    std::string code; // alpha-2; "" for members who gave no country
    Cell members;
};

// On the map: the class index (0 is "no members"), or not shown.
using MapClass = std::optional<std::size_t>;

struct DisclosedReport {
    const StatsReport* exact = nullptr;
    DisclosureRules rules;
    // Counts of people, by figure id; "previous." for the period before.
    std::map<std::string, Cell> people;
    // Shown countries by number of members, then the hidden ones by code; "" (not given) last.
    // Sensitive countries are not here at all.
    std::vector<CountryRow> countries;
    std::int64_t country_count = 0;        // sensitive countries not counted in public outputs
    std::map<std::string, MapClass> map;   // every country with members or sensitive
    std::vector<std::string> hidden_cells; // figure ids, "members_by_country.XX"
};

DisclosedReport disclose(const StatsReport& report, const DisclosureRules& rules);

// The class of `count` among `classes` (lower bounds above 0): 0 for none.
std::size_t map_class_of(std::int64_t count, const std::vector<std::int64_t>& classes);

} // namespace expeer
