// The disclosure audit: for every count a publication does not show exactly, the interval of
// values an outsider can work out from everything it shows, with the relations between them,
// the labels, and the rule by which cover is chosen (they are documented, so assume they are
// known).
//
// When a count is protected, in the way statistical agencies set protection levels (see
// τ-ARGUS and sdcTable's interval protection), with the threshold N of "fewer than N":
// - a count of 1 to N − 1 people: its interval holds more than one value and is at least as
//   wide as the range "fewer than N" stands for (N − 2 wide: 1 to N − 1), so nothing narrows
//   it below what the label says; a derived count (members who left) is held to the same;
// - a category hidden for its own sake (a sensitive country): an outsider can rule out
//   neither that it is 0 nor that it is N − 1 more than it is;
// - any other count (0, or N and more) needs nothing: it could have been shown.
// The headline figures stay exact, so the protection asked is capped, as agencies cap it, at
// what they allow: the interval the count would have with every other count withheld. A
// count they pin alone (a network of 3) is reported as such, not as exposed.
#pragma once

#include "disclosure/publication.hpp"

#include <set>
#include <string>
#include <vector>

namespace expeer {

enum class Need { none, small, sensitive };

struct CellAudit {
    std::string id;
    Label label = Label::exact;
    std::int64_t value = 0; // the truth
    Interval interval;      // what an outsider can work out
    Interval widest;        // what it would be with every count but the fixed ones withheld
    Need need = Need::none;
    bool exposed = false; // it needs protection and does not have it
};

struct DisclosureAudit {
    std::vector<CellAudit> cells; // every cell not shown exactly, in the publication's order
    bool passed() const;
    std::vector<const CellAudit*> exposed() const;
    const CellAudit* find(const std::string& id) const;
};

DisclosureAudit audit_publication(const Publication& publication);

// What a cell needs, and whether an interval gives it (`widest`: the cap, as above).
Need need_of(const FigureCell& cell, std::int64_t min_cell);
bool is_protected(Need need, std::int64_t value, const Interval& interval, std::int64_t min_cell,
                  const Interval& widest);

// Every cell's interval with every count that is not headline or published withheld: the
// most protection the publication can give. It does not change while protection goes on.
std::vector<Interval> widest_intervals(const Publication& publication);
// Solutions an audit found, as their differences from the truth (cell index, value): when
// protection audits the same publication again with one more count withheld, most still
// solve it (each is checked before use) and spare the solver its work.
struct SolutionsSeen {
    std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> differences;
};
DisclosureAudit audit_publication(const Publication& publication,
                                  const std::vector<Interval>& widest,
                                  SolutionsSeen* seen = nullptr);

// Each cell's bounds as an outsider reads them from its label alone, narrowed by the cover
// rule: a withheld cell of a cover group is at most the group's smallest shown count.
std::vector<Interval> outsider_bounds(const Publication& publication);

// The cells linked to `id` by relations (itself included), not counting links through cells
// that can never change (headline or published counts shown exactly: constants).
std::set<std::string> linked_cells(const Publication& publication, const std::string& id);
// The same by cell index, in the publication's order.
std::vector<std::size_t> linked_cell_indexes(const Publication& publication, std::size_t cell);

} // namespace expeer
