// An outsider's intervals by trying every whole-number assignment: slow, obviously right, and
// written apart from the auditor so that the two check each other. For small tables only.
#pragma once

#include "disclosure/publication.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace expeer::testing {

// Every count an outsider does not see exactly, with the values it can take. `cap` bounds
// the search from above for cells with no upper bound of their own.
inline std::map<std::string, Interval> brute_force_intervals(const Publication& p,
                                                             std::int64_t cap) {
    const auto& cells = p.cells();
    // The rule of cover, as the documentation states it: a withheld cell of a cover group is
    // at most the smallest count the group shows.
    std::map<std::string, std::int64_t> smallest;
    for (const auto& c : cells)
        if (!c.cover_group.empty() && c.label == Label::exact)
            smallest[c.cover_group] = smallest.count(c.cover_group)
                                          ? std::min(smallest[c.cover_group], c.value)
                                          : c.value;
    std::vector<std::size_t> unknown;
    std::vector<std::int64_t> low(cells.size()), high(cells.size()), value(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto& c = cells[i];
        low[i] = c.known.low;
        high[i] = c.known.high.value_or(cap);
        if (c.label == Label::withheld && smallest.count(c.cover_group))
            high[i] = std::min(high[i], smallest[c.cover_group]);
        if (low[i] == high[i])
            value[i] = low[i];
        else
            unknown.push_back(i);
    }
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < cells.size(); ++i)
        index[cells[i].id] = i;
    std::map<std::string, Interval> seen;
    std::function<void(std::size_t)> search = [&](std::size_t k) {
        if (k == unknown.size()) {
            for (const auto& r : p.relations()) {
                std::int64_t sum = 0;
                for (const auto& t : r.terms)
                    sum += t.coefficient * value[index.at(t.cell)];
                if (sum != r.constant) return;
            }
            for (const auto i : unknown) {
                auto [it, added] = seen.try_emplace(cells[i].id, Interval{value[i], value[i]});
                if (!added) {
                    it->second.low = std::min(it->second.low, value[i]);
                    it->second.high = std::max(*it->second.high, value[i]);
                }
            }
            return;
        }
        const std::size_t i = unknown[k];
        // A relation whose other cells all have values fixes this one: no need to try them all.
        for (const auto& r : p.relations()) {
            std::int64_t rest = r.constant, coefficient = 0;
            bool determined = true;
            for (const auto& t : r.terms) {
                const std::size_t j = index.at(t.cell);
                if (j == i)
                    coefficient += t.coefficient;
                else if (std::find(unknown.begin() + static_cast<std::ptrdiff_t>(k), unknown.end(),
                                   j) != unknown.end())
                    determined = false;
                else
                    rest -= t.coefficient * value[j];
            }
            if (!determined || coefficient == 0) continue;
            if (rest % coefficient != 0) return;
            value[i] = rest / coefficient;
            if (value[i] >= low[i] && value[i] <= high[i]) search(k + 1);
            return;
        }
        for (std::int64_t v = low[i]; v <= high[i]; ++v) {
            value[i] = v;
            search(k + 1);
        }
    };
    search(0);
    return seen;
}

} // namespace expeer::testing
