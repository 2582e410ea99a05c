#include "disclosure/audit.hpp"

#include "disclosure/integer_bounds.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>

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

std::set<std::string> linked_cells(const Publication& p, const std::string& id) {
    // The relations each cell is in, once: a map has hundreds of cells in tens of relations,
    // and looking through every relation for every cell reached dominated its protection.
    std::unordered_map<std::string_view, std::vector<std::size_t>> relations_of;
    const auto& relations = p.relations();
    for (std::size_t r = 0; r < relations.size(); ++r)
        for (const auto& term : relations[r].terms) relations_of[term.cell].push_back(r);
    std::set<std::string> seen{id};
    std::vector<std::string_view> todo{id};
    std::vector<bool> expanded(relations.size(), false);
    while (!todo.empty()) {
        const std::string_view current = todo.back();
        todo.pop_back();
        if (current != id && fixed_constant(p.at(std::string(current)))) continue;
        const auto found = relations_of.find(current);
        if (found == relations_of.end()) continue;
        for (const std::size_t r : found->second) {
            if (expanded[r]) continue; // its terms are all seen already
            expanded[r] = true;
            for (const auto& term : relations[r].terms)
                if (seen.insert(term.cell).second) todo.push_back(term.cell);
        }
    }
    return seen;
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
std::vector<Interval> intervals_of(const Publication& p) {
    const auto& cells = p.cells();
    const auto bounds = outsider_bounds(p);
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < cells.size(); ++i)
        index.emplace(cells[i].id, i);
    auto unknown = [&](std::size_t i) { return !bounds[i].single(); };

    // Exact cells (and those pinned by their label) move to the constant side.
    std::vector<Equation> equations;
    for (const auto& relation : p.relations()) {
        Equation e;
        e.constant = relation.constant;
        for (const auto& term : relation.terms) {
            const std::size_t i = index.at(term.cell);
            if (unknown(i))
                e.unknowns[i] += term.coefficient;
            else
                e.constant -= term.coefficient * bounds[i].low;
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

    std::vector<Interval> interval = bounds;
    for (const auto& [root, group] : by_component) {
        std::vector<std::size_t> members; // cell indexes of the component, in order
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (unknown(i) && components.root(i) == root) members.push_back(i);
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
            for (std::size_t v = 0; v < members.size(); ++v)
                solved.push_back(solver.range_of(v));
        }
        for (std::size_t v = 0; v < members.size(); ++v)
            interval[members[v]] = solved[v];
    }

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
    return intervals_of(widest);
}

DisclosureAudit audit_publication(const Publication& p, const std::vector<Interval>& widest) {
    const auto interval = intervals_of(p);
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
