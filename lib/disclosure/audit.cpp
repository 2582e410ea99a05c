#include "disclosure/audit.hpp"

#include "disclosure/integer_bounds.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace expeer {

bool DisclosureAudit::passed() const {
    return std::none_of(cells.begin(), cells.end(), [](const CellAudit& c) { return c.exposed; });
}

std::vector<const CellAudit*> DisclosureAudit::exposed() const {
    std::vector<const CellAudit*> out;
    for (const auto& c : cells)
        if (c.exposed) out.push_back(&c);
    return out;
}

const CellAudit* DisclosureAudit::find(const std::string& id) const {
    const auto it =
        std::find_if(cells.begin(), cells.end(), [&](const CellAudit& c) { return c.id == id; });
    return it == cells.end() ? nullptr : &*it;
}

Need need_of(const FigureCell& cell, std::int64_t min_cell) {
    if (cell.label == Label::exact) return Need::none;
    // A sensitive category with no one in it puts no one at risk.
    if (cell.sensitive) return cell.value > 0 ? Need::sensitive : Need::none;
    return cell.protect_small && cell.value >= 1 && cell.value < min_cell ? Need::small
                                                                          : Need::none;
}

namespace {

std::optional<std::int64_t> width(const Interval& i) {
    if (!i.high) return std::nullopt;
    return *i.high - i.low;
}

} // namespace

bool is_protected(Need need, std::int64_t value, const Interval& interval, std::int64_t min_cell,
                  const Interval& widest) {
    if (need == Need::none || widest.single()) return true;
    if (interval.single()) return false;
    switch (need) {
    case Need::none:
        return true;
    case Need::small: {
        const auto w = width(widest);
        const std::int64_t asked = w ? std::min(min_cell - 2, *w) : min_cell - 2;
        return !width(interval) || *width(interval) >= asked;
    }
    case Need::sensitive: {
        const bool zero_possible = interval.low == 0 || widest.low > 0;
        const std::int64_t asked_high =
            widest.high ? std::min(value + min_cell - 1, *widest.high) : value + min_cell - 1;
        return zero_possible && (!interval.high || *interval.high >= asked_high);
    }
    }
    return false;
}

std::vector<Interval> outsider_bounds(const Publication& p) {
    std::map<std::string, std::int64_t> smallest_shown; // per cover group
    for (const auto& c : p.cells())
        if (!c.cover_group.empty() && c.label == Label::exact) {
            auto [it, added] = smallest_shown.emplace(c.cover_group, c.value);
            if (!added) it->second = std::min(it->second, c.value);
        }
    std::vector<Interval> out;
    out.reserve(p.cells().size());
    for (const auto& c : p.cells()) {
        Interval known = c.known;
        if (c.label == Label::withheld && c.role != Role::published)
            if (const auto it = smallest_shown.find(c.cover_group);
                !c.cover_group.empty() && it != smallest_shown.end())
                known.high = known.high ? std::min(*known.high, it->second) : it->second;
        out.push_back(known);
    }
    return out;
}

namespace {

bool fixed_constant(const FigureCell& c) {
    return c.label == Label::exact && (c.role == Role::headline || c.role == Role::published);
}

} // namespace

std::vector<std::size_t> linked_cell_indexes(const Publication& p, std::size_t start) {
    const auto& cells = p.cells();
    std::vector<bool> seen(cells.size(), false), expanded(p.relations().size(), false);
    seen[start] = true;
    std::vector<std::size_t> todo{start};
    while (!todo.empty()) {
        const std::size_t current = todo.back();
        todo.pop_back();
        if (current != start && fixed_constant(cells[current])) continue;
        for (const std::size_t r : p.relations_of(current)) {
            if (expanded[r]) continue; // its terms are all seen already
            expanded[r] = true;
            for (const std::size_t cell : p.cells_of(r))
                if (!seen[cell]) {
                    seen[cell] = true;
                    todo.push_back(cell);
                }
        }
    }
    std::vector<std::size_t> linked;
    for (std::size_t i = 0; i < cells.size(); ++i)
        if (seen[i]) linked.push_back(i);
    return linked;
}

std::set<std::string> linked_cells(const Publication& p, const std::string& id) {
    std::set<std::string> linked;
    for (const auto i : linked_cell_indexes(p, p.index_of(id))) linked.insert(p.cells()[i].id);
    return linked;
}

namespace {

// Unknowns linked by relations, solved together; exact cells are constants.
class Components {
  public:
    explicit Components(std::size_t n) : parent_(n) {
        std::iota(parent_.begin(), parent_.end(), std::size_t{0});
    }
    std::size_t root(std::size_t i) {
        while (parent_[i] != i)
            i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) { parent_[root(a)] = root(b); }

  private:
    std::vector<std::size_t> parent_;
};

struct Equation {
    std::map<std::size_t, std::int64_t> unknowns; // cell index, coefficient
    std::int64_t constant = 0;
};

// A component of one total over unknowns that all count positively (or all negatively):
// the closed form applies.
bool is_one_total(const std::vector<const Equation*>& equations) {
    if (equations.size() != 1) return false;
    const auto& terms = equations.front()->unknowns;
    const std::int64_t sign = terms.begin()->second;
    return (sign == 1 || sign == -1) &&
           std::all_of(terms.begin(), terms.end(), [&](const auto& t) { return t.second == sign; });
}

} // namespace

namespace {

// Each cell's interval as an outsider works it out.
std::vector<Interval> intervals_of(const Publication& p, SolutionsSeen* seen) {
    std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> found;
    const auto& cells = p.cells();
    const auto bounds = outsider_bounds(p);
    auto unknown = [&](std::size_t i) { return !bounds[i].single(); };

    // Exact cells (and those pinned by their label) move to the constant side.
    std::vector<Equation> equations;
    for (std::size_t r = 0; r < p.relations().size(); ++r) {
        const auto& relation = p.relations()[r];
        Equation e;
        e.constant = relation.constant;
        for (std::size_t t = 0; t < relation.terms.size(); ++t) {
            const std::size_t i = p.cells_of(r)[t];
            if (unknown(i))
                e.unknowns[i] += relation.terms[t].coefficient;
            else
                e.constant -= relation.terms[t].coefficient * bounds[i].low;
        }
        std::erase_if(e.unknowns, [](const auto& t) { return t.second == 0; });
        if (!e.unknowns.empty()) equations.push_back(std::move(e));
    }
    Components components(cells.size());
    for (const auto& e : equations)
        for (const auto& [i, coefficient] : e.unknowns)
            components.join(i, e.unknowns.begin()->first);
    std::map<std::size_t, std::vector<const Equation*>> by_component;
    for (const auto& e : equations)
        by_component[components.root(e.unknowns.begin()->first)].push_back(&e);

    std::map<std::size_t, std::vector<std::size_t>> members_of; // cell indexes, in order
    for (std::size_t i = 0; i < cells.size(); ++i)
        if (unknown(i)) members_of[components.root(i)].push_back(i);

    std::vector<Interval> interval = bounds;
    for (const auto& [root, group] : by_component) {
        const std::vector<std::size_t>& members = members_of[root];
        std::vector<Interval> variables;
        for (const auto i : members)
            variables.push_back(bounds[i]);
        std::vector<Interval> solved;
        if (is_one_total(group)) {
            const auto& e = *group.front();
            const std::int64_t sign = e.unknowns.begin()->second;
            solved = sum_bounds(variables, e.constant * sign);
        } else {
            std::vector<LinearEquality> linear;
            for (const auto* e : group) {
                LinearEquality l{{}, e->constant};
                for (const auto& [i, coefficient] : e->unknowns)
                    l.terms.emplace_back(
                        static_cast<std::size_t>(
                            std::lower_bound(members.begin(), members.end(), i) - members.begin()),
                        coefficient);
                linear.push_back(std::move(l));
            }
            IntegerBounds solver(variables, linear);
            // Solutions known beforehand, where they fit, spare most solves: the truth, and
            // those an earlier audit of the same publication found.
            std::vector<std::int64_t> truth;
            for (const auto i : members) truth.push_back(cells[i].value);
            solver.add_known_solution(truth);
            constexpr std::size_t none = static_cast<std::size_t>(-1);
            std::vector<std::size_t> position(cells.size(), none); // a cell's, among members
            for (std::size_t v = 0; v < members.size(); ++v) position[members[v]] = v;
            if (seen)
                for (const auto& differences : seen->differences) {
                    std::vector<std::int64_t> solution = truth;
                    bool differs = false;
                    for (const auto& [i, value] : differences)
                        if (const auto v = position[i]; v != none) {
                            solution[v] = value;
                            differs = true;
                        }
                    if (differs) solver.add_known_solution(solution);
                }
            for (std::size_t v = 0; v < members.size(); ++v)
                solved.push_back(solver.range_of(v));
            for (const auto& solution : solver.extreme_solutions()) {
                std::vector<std::pair<std::size_t, std::int64_t>> differences;
                for (std::size_t v = 0; v < members.size(); ++v)
                    if (solution[v] != truth[v]) differences.emplace_back(members[v], solution[v]);
                if (!differences.empty()) found.push_back(std::move(differences));
            }
        }
        for (std::size_t v = 0; v < members.size(); ++v)
            interval[members[v]] = solved[v];
    }
    if (seen) seen->differences = std::move(found);
    return interval;
}

} // namespace

std::vector<Interval> widest_intervals(const Publication& p) {
    // Earlier outputs' counts are withheld too: what they pin with this one is exposure, not
    // something the headline figures impose.
    Publication widest = p;
    for (const auto& c : p.cells())
        if (!(c.headline && c.label == Label::exact) && c.role != Role::derived &&
            c.label != Label::not_listed && !(c.listed && c.value <= 0))
            widest.set_label(c.id, Label::withheld);
    return intervals_of(widest, nullptr);
}

DisclosureAudit audit_publication(const Publication& p, const std::vector<Interval>& widest,
                                  SolutionsSeen* seen) {
    const auto interval = intervals_of(p, seen);
    DisclosureAudit audit;
    for (std::size_t i = 0; i < p.cells().size(); ++i) {
        const auto& c = p.cells()[i];
        if (c.label == Label::exact) continue;
        CellAudit a{c.id, c.label, c.value, interval[i], widest[i], need_of(c, p.min_cell()),
                    false};
        a.exposed = !is_protected(a.need, a.value, a.interval, p.min_cell(), a.widest);
        audit.cells.push_back(std::move(a));
    }
    return audit;
}

DisclosureAudit audit_publication(const Publication& p) {
    return audit_publication(p, widest_intervals(p));
}

} // namespace expeer
