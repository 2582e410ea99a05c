#include "stats/disclosure.hpp"

#include "disclosure/protection.hpp"
#include "stats/report_cells.hpp"

#include <algorithm>

namespace expeer {

std::size_t map_class_of(std::int64_t count, const std::vector<std::int64_t>& classes) {
    std::size_t found = 0;
    for (std::size_t i = 0; i < classes.size(); ++i)
        if (count >= classes[i]) found = i + 1;
    return found;
}

namespace {

// The report's figure ids and the cells behind them.
const std::vector<std::pair<const char*, const char*>>& people_figures() {
    static const std::vector<std::pair<const char*, const char*>> figures = {
        {"registered_members", "registered"}, {"accounts", "accounts"},         {"new_members", "new"},
        {"active_members", "active"},         {"new_active_members", "new_active"},
    };
    return figures;
}

Cell cell_shown(const FigureCell& c) {
    switch (c.label) {
    case Label::exact: return {c.value, Hidden::no};
    case Label::fewer_than: return {std::nullopt, Hidden::small};
    default: return {std::nullopt, Hidden::withheld};
    }
}

void sort_rows(std::vector<CountryRow>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const CountryRow& a, const CountryRow& b) {
        // Hidden cells after the shown ones and in the order of their codes: their place in
        // a sorted list would tell their size.
        const auto rank = [](const CountryRow& r) { return r.code.empty() ? 2 : r.members.value ? 0 : 1; };
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (rank(a) == 0 && *a.members.value != *b.members.value) return *a.members.value > *b.members.value;
        return a.code < b.code;
    });
}

DisclosedReport internal_report(const StatsReport& report, const DisclosureRules& rules) {
    DisclosedReport d;
    d.exact = std::make_shared<const StatsReport>(report);
    d.rules = rules;
    for (const auto& [prefix, f] : {std::pair<std::string, const PeriodFigures*>{"", &report.current},
                                    std::pair<std::string, const PeriodFigures*>{"previous.", &report.previous}}) {
        d.people[prefix + "registered_members"] = {f->registered, Hidden::no};
        d.people[prefix + "accounts"] = {f->accounts, Hidden::no};
        d.people[prefix + "new_members"] = {f->new_registered, Hidden::no};
        d.people[prefix + "active_members"] = {f->active, Hidden::no};
        d.people[prefix + "new_active_members"] = {f->new_active, Hidden::no};
    }
    for (const auto& [code, count] : report.members_by_country) {
        d.countries.push_back({code, {count, Hidden::no}});
        if (!code.empty()) {
            ++d.country_count;
            d.map[code] = map_class_of(count, rules.map_classes);
        }
    }
    sort_rows(d.countries);
    return d;
}

// How the hidden counts shown were protected, from their labels, so that a report shown
// again from its snapshot says the same: "hidden" on a small count is a coarsening, on any
// other a cover.
void count_protection(DisclosedReport& d, const FigureCell& c) {
    if (c.label != Label::withheld) return;
    ++(c.value >= 1 && c.value < d.rules.min_cell ? d.coarsened : d.covered);
}

// Reads the report's public view back from its protected publication.
void read_back(DisclosedReport& d) {
    const StatsReport& r = *d.exact;
    const auto& p = d.publication;
    const auto& rules = d.rules;
    for (const auto& [prefix, period] : {std::pair<std::string, const Period*>{"", &r.period},
                                         std::pair<std::string, const Period*>{"previous.", &r.previous_period}})
        for (const auto& [id, cell] : people_figures()) {
            const FigureCell& c = p.at(people_cell(cell, *period));
            const Cell shown = cell_shown(c);
            d.people[prefix + id] = shown;
            if (shown.hidden != Hidden::no) d.hidden_cells.push_back(prefix + id);
            count_protection(d, c);
        }
    // A count shown as "fewer than N" keeps a class on the map only when that class holds
    // every count from 1 to N − 1, so that the map says no more than the table.
    const bool small_class_safe =
        map_class_of(1, rules.map_classes) == map_class_of(rules.min_cell - 1, rules.map_classes);
    for (const auto& [code, count] : r.members_by_country) {
        const FigureCell& c = p.at(country_cell(code, r.period.to));
        if (c.sensitive) continue;
        const Cell shown = cell_shown(c);
        d.countries.push_back({code, shown});
        count_protection(d, c);
        if (shown.hidden != Hidden::no)
            d.hidden_cells.push_back("members_by_country." + (code.empty() ? std::string("not_given") : code));
        if (code.empty()) continue;
        ++d.country_count;
        if (c.label == Label::exact) d.map[code] = map_class_of(c.value, rules.map_classes);
        else if (c.label == Label::fewer_than && small_class_safe) d.map[code] = map_class_of(1, rules.map_classes);
        else d.map[code] = std::nullopt;
    }
    for (const auto& code : rules.sensitive_countries) d.map[code] = std::nullopt;
    sort_rows(d.countries);
    std::sort(d.hidden_cells.begin(), d.hidden_cells.end());
}

} // namespace

std::set<std::string> own_cells(const DisclosedReport& d) {
    std::set<std::string> out;
    for (const auto& c : d.publication.cells())
        if (c.role == Role::detail || c.role == Role::headline) out.insert(c.id);
    return out;
}

DisclosedReport disclose(const StatsReport& report, const DisclosureRules& rules,
                         const std::vector<PublishedFigure>& earlier) {
    if (rules.internal) return internal_report(report, rules);
    DisclosedReport d;
    d.exact = std::make_shared<const StatsReport>(report);
    d.rules = rules;
    d.publication = Publication(rules.min_cell);
    add_report_cells(d.publication, report, rules.min_cell, rules.sensitive_countries);
    add_published_cells(d.publication, earlier, d.notes);
    relate_cells(d.publication, d.notes);
    d.audit = protect_publication(d.publication).audit;
    for (const auto* cell : d.audit.exposed()) {
        const auto linked = linked_cells(d.publication, cell->id);
        const bool ours = std::any_of(linked.begin(), linked.end(), [&](const std::string& id) {
            const Role role = d.publication.at(id).role;
            return role == Role::detail || role == Role::headline;
        });
        (ours ? d.exposed : d.already_exposed).push_back(cell->id);
    }
    read_back(d);
    return d;
}

} // namespace expeer
