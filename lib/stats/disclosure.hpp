// What of a report may be published. The members are human-rights defenders: a small count
// of people in a country can name them. Public outputs hide every count of people below
// `min_cell` and never show the sensitive countries; then the disclosure audit
// (disclosure/) works out every hidden count from everything published, this report and the
// earlier outputs in the ledger together, and more cells are hidden until none can be pinned.
// Internal outputs show everything, marked internal.
#pragma once

#include "disclosure/audit.hpp"
#include "disclosure/publication.hpp"
#include "stats/report.hpp"
#include "store/ledger_store.hpp"

#include <cstdint>
#include <map>
#include <memory>
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
    small,    // "fewer than 5": 1 to 4
    withheld, // "hidden": it could be any number
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
    std::shared_ptr<const StatsReport> exact;
    DisclosureRules rules;
    // Counts of people, by figure id; "previous." for the period before.
    std::map<std::string, Cell> people;
    // Shown countries by number of members, then the hidden ones by code; "" (not given) last.
    // Sensitive countries are not here at all.
    std::vector<CountryRow> countries;
    std::int64_t country_count = 0;        // sensitive countries not counted in public outputs
    std::map<std::string, MapClass> map;   // every country with members or sensitive
    std::vector<std::string> hidden_cells; // figure ids, "members_by_country.XX"

    // Public outputs only: everything an outsider can combine (this report's cells and the
    // earlier outputs'), how the hidden counts were protected, and what the audit found.
    Publication publication{0};
    std::size_t covered = 0;   // counts shown as "hidden" to cover others
    std::size_t coarsened = 0; // counts shown as "hidden" rather than "fewer than N"
    DisclosureAudit audit;
    std::vector<std::string> exposed;         // pinned counts this report takes part in
    std::vector<std::string> already_exposed; // pinned by earlier outputs alone
    std::vector<std::string> notes;           // outputs that could not be linked, and why
};

// `earlier`: the figures other outputs published (the ledger, without this report's own
// snapshot unless the report is that snapshot).
DisclosedReport disclose(const StatsReport& report, const DisclosureRules& rules,
                         const std::vector<PublishedFigure>& earlier = {});

// The cells a report publishes (for the ledger): its own counts, not earlier outputs'.
std::set<std::string> own_cells(const DisclosedReport& disclosed);

// The class of `count` among `classes` (lower bounds above 0): 0 for none.
std::size_t map_class_of(std::int64_t count, const std::vector<std::int64_t>& classes);

} // namespace expeer
