#include "stats/report_cells.hpp"

#include "disclosure/audit.hpp"
#include "util/clock.hpp"

#include <chrono>
#include <fmt/format.h>
#include <map>

namespace expeer {

std::string people_cell(const std::string& figure, const std::string& from, const std::string& to) {
    if (figure == "registered" || figure == "accounts") return figure + "@" + to;
    return figure + "@" + from + "/" + to;
}

std::string people_cell(const std::string& figure, const Period& period) {
    return people_cell(figure, period.from, period.to);
}

std::string country_cell(const std::string& code, const std::string& day) {
    return "country." + (code.empty() ? std::string("none") : code) + "@" + day;
}

namespace {

void add_people(Publication& p, const PeriodFigures& f, const Period& period, std::int64_t min_cell,
                int rank_offset) {
    struct Figure {
        const char* name;
        std::int64_t value;
        Role role;
        int cover_rank; // the least informative figures cover first
    };
    for (const auto& figure : {Figure{"registered", f.registered, Role::headline, 0},
                               Figure{"active", f.active, Role::headline, 0},
                               Figure{"new_active", f.new_active, Role::detail, 1},
                               Figure{"accounts", f.accounts, Role::detail, 2},
                               Figure{"new", f.new_registered, Role::detail, 3}}) {
        FigureCell cell;
        cell.id = people_cell(figure.name, period);
        cell.value = figure.value;
        cell.role = figure.role;
        cell.headline = figure.role == Role::headline;
        cell.cover_rank = figure.cover_rank + rank_offset;
        cell.label = figure.value > 0 && figure.value < min_cell ? Label::fewer_than : Label::exact;
        p.add(std::move(cell));
    }
}

Label label_named(const std::string& name) {
    if (name == "fewer_than") return Label::fewer_than;
    if (name == "withheld") return Label::withheld;
    if (name == "not_listed") return Label::not_listed;
    return Label::exact;
}

const char* label_name(Label label) {
    switch (label) {
    case Label::exact:
        return "exact";
    case Label::fewer_than:
        return "fewer_than";
    case Label::withheld:
        return "withheld";
    case Label::not_listed:
        return "not_listed";
    case Label::not_published:
        return "not_published";
    }
    return "exact";
}

} // namespace

void add_report_cells(Publication& p, const StatsReport& report, std::int64_t min_cell,
                      const std::set<std::string>& sensitive_countries) {
    // The period before is offered as cover first: the report is about this one.
    add_people(p, report.previous, report.previous_period, min_cell, 0);
    add_people(p, report.current, report.period, min_cell, 10);
    const std::string day = report.period.to;
    for (const auto& [code, count] : report.members_by_country) {
        FigureCell cell;
        cell.id = country_cell(code, day);
        cell.value = count;
        cell.listed = true;
        cell.cover_group = "countries@" + day;
        cell.sensitive = !code.empty() && sensitive_countries.count(code) > 0;
        cell.label = cell.sensitive     ? Label::not_listed
                     : count < min_cell ? Label::fewer_than
                                        : Label::exact;
        if (cell.sensitive) cell.listed = false;
        p.add(std::move(cell));
    }
    // A sensitive country is "not shown" on the map whether or not it has members: an
    // outsider cannot tell which, so each is an unknown of the total.
    for (const auto& code : sensitive_countries)
        if (!report.members_by_country.count(code)) {
            FigureCell cell;
            cell.id = country_cell(code, day);
            cell.sensitive = true;
            cell.label = Label::not_listed;
            cell.cover_group = "countries@" + day;
            p.add(std::move(cell));
        }
}

void add_published_cells(Publication& p, const std::vector<PublishedFigure>& figures,
                         std::vector<std::string>& notes) {
    for (const auto& f : figures) {
        FigureCell cell;
        cell.id = f.cell;
        cell.value = f.value;
        cell.label = label_named(f.label);
        cell.role = Role::published;
        cell.sensitive = f.sensitive;
        cell.listed = f.label == "fewer_than" || (f.label == "withheld" && f.low >= 1);
        cell.known = {f.low, f.high};
        cell.origin = f.output;
        cell.headline = f.cell.rfind("registered@", 0) == 0 || f.cell.rfind("active@", 0) == 0;
        if (auto* existing = p.find(f.cell)) {
            if (existing->value == f.value) {
                // Both outputs show one count: an outsider reads both labels.
                existing->role = Role::published;
                existing->label = cell.label;
                existing->known = cell.known;
                existing->sensitive = f.sensitive;
                existing->origin = f.output;
                existing->headline = cell.headline;
                continue;
            }
            notes.push_back(fmt::format("{} was {} in {} and is {} now: the two are not linked",
                                        f.cell, f.value, f.output, existing->value));
            cell.id += "#" + f.output;
        }
        p.add(std::move(cell));
    }
}

namespace {

struct CellName {
    std::string figure; // "registered", "country.CD"
    std::string from;   // empty for a day
    std::string to;
};

std::optional<CellName> parse_cell(const std::string& id) {
    const auto at = id.find('@');
    if (at == std::string::npos || id.find('#') != std::string::npos) return std::nullopt;
    CellName name{id.substr(0, at), "", id.substr(at + 1)};
    if (const auto slash = name.to.find('/'); slash != std::string::npos) {
        name.from = name.to.substr(0, slash);
        name.to = name.to.substr(slash + 1);
    }
    return name;
}

std::string day_before(const std::string& day) {
    const auto date = parse_date(day);
    if (!date) return {};
    return format_date(
        std::chrono::year_month_day(std::chrono::sys_days(*date) - std::chrono::days(1)));
}

// The whole months from `from` to `to`, as (first day, last day); empty unless the period is
// whole months and at least two of them.
std::vector<std::pair<std::string, std::string>> whole_months(const std::string& from,
                                                              const std::string& to) {
    using namespace std::chrono;
    const auto first = parse_date(from), last = parse_date(to);
    if (!first || !last || first->day() != day{1}) return {};
    std::vector<std::pair<std::string, std::string>> out;
    for (year_month m = first->year() / first->month(); m <= last->year() / last->month();
         m += std::chrono::months{1})
        out.emplace_back(format_date(m / 1), format_date(year_month_day(m / std::chrono::last)));
    if (out.size() < 2 || out.back().second != to) return {};
    return out;
}

class Relating {
  public:
    Relating(Publication& p, std::vector<std::string>& notes) : p_(p), notes_(notes) {}

    bool has(const std::string& id) const { return p_.find(id) != nullptr; }

    // Adds the count Σ terms as a derived cell, and the relation that defines it. `at_risk`:
    // whether a small value of it could point at people (who left, who came back).
    void derive(const std::string& id, std::vector<Relation::Term> terms, const std::string& why,
                bool at_risk) {
        for (const auto& t : terms)
            if (!has(t.cell)) return;
        if (has(id)) return;
        std::int64_t value = 0;
        for (const auto& t : terms)
            value += t.coefficient * p_.at(t.cell).value;
        if (value < 0) {
            notes_.push_back(
                fmt::format("not linked, the figures were corrected in between: {}", why));
            return;
        }
        FigureCell cell;
        cell.id = id;
        cell.value = value;
        cell.label = Label::not_published;
        cell.role = Role::derived;
        cell.protect_small = at_risk;
        p_.add(std::move(cell));
        terms.push_back({id, -1});
        relate({std::move(terms), 0, why});
    }

    void relate(Relation relation) {
        if (auto note = p_.relate(std::move(relation))) notes_.push_back(*note);
    }

  private:
    Publication& p_;
    std::vector<std::string>& notes_;
};

void relate_period(Relating& r, const std::string& from, const std::string& to) {
    const std::string span = from + "/" + to, before = day_before(from);
    const std::string registered = "registered@" + to, registered_before = "registered@" + before;
    const std::string accounts = "accounts@" + to, accounts_before = "accounts@" + before;
    const std::string added = "new@" + span, active = "active@" + span,
                      new_active = "new_active@" + span;
    r.derive("left@" + span, {{registered_before, 1}, {added, 1}, {registered, -1}},
             fmt::format("registered on {} = registered on {} + new − left", to, before), true);
    r.derive("new_inactive@" + span, {{added, 1}, {new_active, -1}},
             fmt::format("new members of {} who became active are among the new", span), false);
    r.derive("returning_active@" + span, {{active, 1}, {new_active, -1}},
             fmt::format("new members of {} who became active are among the active", span), true);
    r.derive("earlier_inactive@" + span,
             {{registered, 1}, {added, -1}, {active, -1}, {new_active, 1}},
             fmt::format(
                 "active members of {} who registered earlier are among the earlier members", span),
             false);
    r.derive("new_uncounted_accounts@" + span, {{accounts, 1}, {accounts_before, -1}, {added, -1}},
             fmt::format("new members of {} have new accounts", span), false);
    const auto months = whole_months(from, to);
    if (months.empty()) return;
    std::vector<Relation::Term> terms;
    for (const auto& [first, last] : months)
        terms.push_back({"new@" + first + "/" + last, 1});
    terms.push_back({added, -1});
    r.derive("joined_and_left@" + span, std::move(terms),
             fmt::format("the new members of each month of {} include those still there at its end",
                         span),
             true);
}

void relate_day(Relating& r, const Publication& p, const std::string& day) {
    const std::string registered = "registered@" + day;
    r.derive("uncounted_accounts@" + day, {{"accounts@" + day, 1}, {registered, -1}},
             fmt::format("registered members on {} have accounts", day), false);
    if (!r.has(registered)) return;
    Relation total{{{registered, -1}},
                   0,
                   fmt::format("the countries on {} add up to the registered members", day)};
    for (const auto& cell : p.cells())
        if (const auto name = parse_cell(cell.id);
            name && name->to == day && name->from.empty() && name->figure.rfind("country.", 0) == 0)
            total.terms.push_back({cell.id, 1});
    if (total.terms.size() > 1) r.relate(std::move(total));
}

} // namespace

void relate_cells(Publication& p, std::vector<std::string>& notes) {
    std::set<std::pair<std::string, std::string>> periods;
    std::set<std::string> days;
    for (const auto& cell : p.cells())
        if (const auto name = parse_cell(cell.id)) {
            if (name->from.empty())
                days.insert(name->to);
            else
                periods.emplace(name->from, name->to);
        }
    Relating r(p, notes);
    for (const auto& [from, to] : periods)
        relate_period(r, from, to);
    for (const auto& day : days)
        relate_day(r, p, day);
}

std::vector<PublishedFigure> ledger_rows(const Publication& p, const std::string& output,
                                         const std::string& at,
                                         const std::set<std::string>& cells) {
    const auto bounds = outsider_bounds(p);
    std::vector<PublishedFigure> rows;
    for (std::size_t i = 0; i < p.cells().size(); ++i) {
        const auto& c = p.cells()[i];
        if (!cells.count(c.id)) continue;
        rows.push_back({output, c.id, c.value, label_name(c.label), bounds[i].low, bounds[i].high,
                        c.sensitive, at});
    }
    return rows;
}

} // namespace expeer

namespace expeer {

std::string describe_cell(const std::string& id) {
    const auto name = parse_cell(id);
    if (!name) return id;
    const std::string when = name->from.empty() ? "on " + name->to : name->from + " to " + name->to;
    static const std::map<std::string, std::string> figures = {
        {"registered", "registered members"},
        {"accounts", "accounts"},
        {"new", "new members"},
        {"active", "active members"},
        {"new_active", "new members who became active"},
        {"left", "members who left (derived)"},
        {"new_inactive", "new members not active (derived)"},
        {"returning_active", "earlier members who were active (derived)"},
        {"earlier_inactive", "earlier members not active (derived)"},
        {"uncounted_accounts", "accounts not counted as members (derived)"},
        {"new_uncounted_accounts", "new accounts not counted as members (derived)"},
        {"joined_and_left", "members who joined and left in the period (derived)"},
    };
    if (const auto it = figures.find(name->figure); it != figures.end())
        return it->second + ", " + when;
    if (name->figure == "country.none") return "members who gave no country, " + when;
    if (name->figure.rfind("country.", 0) == 0)
        return "members in " + name->figure.substr(8) + ", " + when;
    return id;
}

} // namespace expeer
