#include "disclosure/protection.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace expeer {

namespace {

enum class Step { cover, coarsen };

// How far an interval is from protection: the width it lacks (0 when unbounded).
std::int64_t narrowness(const Interval& i) {
    return i.high ? -(*i.high - i.low) : 0;
}

// The count to withhold for the first exposed cell that can be covered. In a cover group, the
// group's smallest shown count: a group lies within one relation (a table and its total), so
// that count is linked and always widens the others; it is the rule the audit assumes an
// outsider knows. Elsewhere, by rank, the first count whose withholding protects the cell,
// or failing that the first that widens its interval (a long chain of relations links counts
// that say nothing about it), or failing that the first: two bounds may hold the cell, and
// lifting either alone widens nothing.
std::optional<std::string> cover_for(const Publication& p,
                                     const std::vector<const CellAudit*>& exposed,
                                     const std::vector<Interval>& widest, SolutionsSeen& seen) {
    for (const auto* cell : exposed) {
        std::vector<std::tuple<int, std::int64_t, std::string>> candidates;
        std::optional<std::tuple<std::int64_t, std::string>> smallest_in_group;
        for (const auto i : linked_cell_indexes(p, p.index_of(cell->id))) {
            const auto& c = p.cells()[i];
            // A row of its own is known to be at least 1: a 0 withheld there would be a lie.
            if (c.role != Role::detail || c.label != Label::exact || c.sensitive ||
                (c.listed && c.value <= 0))
                continue;
            if (!c.cover_group.empty()) {
                const auto key = std::make_tuple(c.value, c.id);
                if (!smallest_in_group || key < *smallest_in_group) smallest_in_group = key;
            } else {
                candidates.emplace_back(c.cover_rank, c.value, c.id);
            }
        }
        if (smallest_in_group) return std::get<1>(*smallest_in_group);
        std::sort(candidates.begin(), candidates.end());
        std::optional<std::string> widening;
        for (const auto& candidate : candidates) {
            Publication trial = p;
            trial.set_label(std::get<2>(candidate), Label::withheld);
            const DisclosureAudit audit = audit_publication(trial, widest, &seen);
            const auto* after = audit.find(cell->id);
            if (!after || !after->exposed) return std::get<2>(candidate);
            if (!widening && narrowness(after->interval) < narrowness(cell->interval))
                widening = std::get<2>(candidate);
        }
        if (widening) return widening;
        if (!candidates.empty()) return std::get<2>(candidates.front());
    }
    return std::nullopt;
}

std::optional<std::string> coarsening_for(const Publication& p,
                                          const std::vector<const CellAudit*>& exposed) {
    auto coarsenable = [&](const std::string& id) {
        const auto& c = p.at(id);
        return c.label == Label::fewer_than && c.role != Role::published;
    };
    for (const auto* cell : exposed)
        if (coarsenable(cell->id)) return cell->id;
    for (const auto* cell : exposed)
        for (const auto& id : linked_cells(p, cell->id))
            if (coarsenable(id)) return id;
    return std::nullopt;
}

ProtectionOutcome run(Publication& p, Step first, Step second,
                      const std::vector<Interval>& widest, SolutionsSeen& seen) {
    ProtectionOutcome outcome;
    for (;;) {
        outcome.audit = audit_publication(p, widest, &seen);
        const auto exposed = outcome.audit.exposed();
        if (exposed.empty()) return outcome;
        bool changed = false;
        for (const Step step : {first, second}) {
            if (step == Step::cover) {
                if (const auto id = cover_for(p, exposed, widest, seen)) {
                    p.set_label(*id, Label::withheld);
                    outcome.covered.push_back(*id);
                    changed = true;
                    break;
                }
            } else if (const auto id = coarsening_for(p, exposed)) {
                p.set_label(*id, Label::withheld);
                outcome.coarsened.push_back(*id);
                changed = true;
                break;
            }
        }
        if (!changed) return outcome;
    }
}

std::size_t cost(const ProtectionOutcome& o) {
    return o.covered.size() + o.coarsened.size();
}

} // namespace

ProtectionOutcome protect_publication(Publication& publication) {
    Publication cover_first = publication;
    Publication coarsen_first = publication;
    const auto widest = widest_intervals(publication);
    SolutionsSeen seen;
    auto a = run(cover_first, Step::cover, Step::coarsen, widest, seen);
    // The other order can only do better when the first changed more than one cell.
    if (cost(a) <= 1) {
        publication = std::move(cover_first);
        return a;
    }
    auto b = run(coarsen_first, Step::coarsen, Step::cover, widest, seen);
    const bool take_b = (b.audit.passed() && !a.audit.passed()) ||
                        (b.audit.passed() == a.audit.passed() && cost(b) < cost(a));
    publication = take_b ? std::move(coarsen_first) : std::move(cover_first);
    return take_b ? std::move(b) : std::move(a);
}

} // namespace expeer
