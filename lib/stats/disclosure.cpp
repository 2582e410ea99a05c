#include "stats/disclosure.hpp"

#include <algorithm>

namespace expeer {

std::size_t map_class_of(std::int64_t count, const std::vector<std::int64_t>& classes) {
    std::size_t found = 0;
    for (std::size_t i = 0; i < classes.size(); ++i)
        if (count >= classes[i]) found = i + 1;
    return found;
}

namespace {

bool is_small(std::int64_t count, std::int64_t min_cell) { return count > 0 && count < min_cell; }

struct CountryCell {
    std::string code;
    std::int64_t value = 0;
    bool sensitive = false;
    Hidden hidden = Hidden::no;
};

// Complementary suppression over the countries, whose total (registered members) is
// published: whoever subtracts the shown countries from it gets the sum of the hidden ones.
// For each cell hidden for its own sake (small, or a sensitive country), the other hidden
// cells must together hold at least as many members as it does, so that the subtraction
// says nothing about it alone. Until they do, the smallest shown country is hidden too.
void protect_countries(std::vector<CountryCell>& cells) {
    for (;;) {
        std::int64_t hidden_sum = 0;
        std::size_t hidden_count = 0;
        for (const auto& c : cells)
            if (c.hidden != Hidden::no) {
                hidden_sum += c.value;
                ++hidden_count;
            }
        bool exposed = false;
        // Only the cells hidden for their own sake need cover; a cell hidden to cover them is
        // a count that could have been published.
        for (const auto& c : cells)
            if ((c.hidden == Hidden::small || c.sensitive) && (hidden_count < 2 || hidden_sum - c.value < c.value))
                exposed = true;
        if (!exposed) return;
        CountryCell* smallest = nullptr;
        for (auto& c : cells)
            if (c.hidden == Hidden::no && (!smallest || c.value < smallest->value ||
                                           (c.value == smallest->value && c.code < smallest->code)))
                smallest = &c;
        if (!smallest) return; // everything is hidden already
        smallest->hidden = Hidden::protecting;
    }
}

} // namespace

DisclosedReport disclose(const StatsReport& report, const DisclosureRules& rules) {
    DisclosedReport d;
    d.exact = &report;
    d.rules = rules;
    const bool internal = rules.internal;
    const auto min = rules.min_cell;

    auto person_cell = [&](const std::string& id, std::int64_t value) {
        Cell cell{value, Hidden::no};
        if (!internal && is_small(value, min)) cell = {std::nullopt, Hidden::small};
        d.people[id] = cell;
    };
    auto protect = [&](const std::string& id) {
        auto& cell = d.people[id];
        if (cell.hidden == Hidden::no) cell = {std::nullopt, Hidden::protecting};
    };
    for (const auto& [prefix, f] : {std::pair<std::string, const PeriodFigures&>{"", report.current},
                                    std::pair<std::string, const PeriodFigures&>{"previous.", report.previous}}) {
        person_cell(prefix + "accounts", f.accounts);
        person_cell(prefix + "registered_members", f.registered);
        person_cell(prefix + "new_members", f.new_registered);
        person_cell(prefix + "active_members", f.active);
        person_cell(prefix + "new_active_members", f.new_active);
        if (internal) continue;
        // Active members who registered earlier are active minus new active: a small number
        // of them must not be worked out either.
        if (is_small(f.active - f.new_active, min)) protect(prefix + "new_active_members");
        if (d.people[prefix + "active_members"].hidden != Hidden::no) protect(prefix + "new_active_members");
    }
    // Those who left in the period (disabled or erased) are the members before plus the new
    // ones minus the members after: when they are few, the new members are hidden.
    const auto& now = report.current;
    if (!internal && is_small(now.registered_before + now.new_registered - now.registered, min))
        protect("new_members");

    // Countries.
    std::vector<CountryCell> cells;
    for (const auto& [code, count] : report.members_by_country) {
        const bool sensitive = !code.empty() && rules.sensitive_countries.count(code) > 0;
        CountryCell c{code, count, sensitive, Hidden::no};
        if (!internal && (sensitive || is_small(count, min))) c.hidden = sensitive ? Hidden::protecting : Hidden::small;
        cells.push_back(c);
    }
    if (!internal) protect_countries(cells);
    for (const auto& c : cells) {
        if (!c.code.empty() && (internal || !c.sensitive)) ++d.country_count;
        if (!internal && c.sensitive) continue;
        CountryRow row{c.code, {c.value, Hidden::no}};
        if (c.hidden != Hidden::no) {
            row.members = {std::nullopt, c.hidden};
            d.hidden_cells.push_back("members_by_country." + (c.code.empty() ? std::string("not_given") : c.code));
        }
        d.countries.push_back(row);
    }
    std::stable_sort(d.countries.begin(), d.countries.end(), [](const CountryRow& a, const CountryRow& b) {
        // Hidden cells after the shown ones and in the order of their codes: their place in
        // a sorted list would tell their size.
        const auto rank = [](const CountryRow& r) { return r.code.empty() ? 2 : r.members.value ? 0 : 1; };
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (rank(a) == 0 && *a.members.value != *b.members.value) return *a.members.value > *b.members.value;
        return a.code < b.code;
    });

    // The map. A small country may be drawn in its class only when that class holds every
    // count from 1 to min_cell - 1; anything else hidden is "not shown".
    const bool small_class_safe =
        map_class_of(1, rules.map_classes) == map_class_of(min - 1, rules.map_classes);
    for (const auto& c : cells) {
        if (c.code.empty()) continue;
        if (internal || c.hidden == Hidden::no) d.map[c.code] = map_class_of(c.value, rules.map_classes);
        else if (c.hidden == Hidden::small && !c.sensitive && small_class_safe)
            d.map[c.code] = map_class_of(1, rules.map_classes);
        else d.map[c.code] = std::nullopt;
    }
    if (!internal)
        for (const auto& code : rules.sensitive_countries) d.map[code] = std::nullopt;

    for (const auto& [id, cell] : d.people)
        if (cell.hidden != Hidden::no) d.hidden_cells.push_back(id);
    std::sort(d.hidden_cells.begin(), d.hidden_cells.end());
    return d;
}

} // namespace expeer
