// Counts of people as a set of public outputs shows them, and what links them: the material
// of a disclosure audit. Every count is a cell; a cell's label says what an outsider reads
// (the number, "fewer than 5", "hidden", nothing at all); relations are the equalities an
// outsider can rely on (a table's total, "registered at the end = before + new − left").
// Counts nobody publishes but that follow from others (those who left) are cells too, so
// that the audit looks at them as an attacker with a calculator would.
//
// This folder knows nothing of members or reports: stats/ and the map build publications.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace expeer {

// The values an outsider cannot rule out: [low, high], high empty when unbounded.
struct Interval {
    std::int64_t low = 0;
    std::optional<std::int64_t> high;

    bool contains(std::int64_t value) const { return value >= low && (!high || value <= *high); }
    bool single() const { return high && *high == low; }
    bool operator==(const Interval&) const = default;
};

enum class Label {
    exact,         // the number itself
    fewer_than,    // "fewer than N": 1 to N − 1
    withheld,      // "hidden": any number (from 1 for a row of its own)
    not_listed,    // a category never shown, though counted in the totals: any number from 0
    not_published, // shown nowhere, but implied by others (members who left): any number from 0
};

enum class Role {
    detail,    // may be withheld to cover another cell
    headline,  // shown exactly whenever its own size allows: never used as cover
    published, // shown already by an earlier output: nothing may change it
    derived,   // not_published: follows from the others
};

struct FigureCell {
    std::string id;         // "registered@2024-07-31", "country.CD@2024-07-31"
    std::int64_t value = 0; // the truth: never in a public output unless the label is exact
    Label label = Label::exact;
    Role role = Role::detail;
    // A figure every output must show exactly (registered and active members): protection
    // is capped at what it allows, also when an earlier output published it.
    bool headline = false;
    bool listed = false; // a row of its own, so an outsider knows it is at least 1
    // Hidden for its own sake whatever its size (a sensitive country): an outsider must not
    // be able to rule out that it is 0.
    bool sensitive = false;
    // Whether a count of 1 to N − 1 needs protection. A derived count that only restates
    // what the exact headline figures say between them (members not active) cannot be
    // protected without hiding those, and puts no one at risk: it still constrains the others.
    bool protect_small = true;
    // Cells that cover each other, the smallest shown first: an outsider who knows that rule
    // knows every withheld cell of the group is at most its smallest shown one.
    std::string cover_group;
    // The order in which cover is taken where there is no group: lower first.
    int cover_rank = 0;
    // What an outsider can tell from this cell's own label (and the map's class); set from
    // the label by `Publication::set_label`, or recorded as published.
    Interval known;
    std::string origin; // the earlier output that published it
};

// Σ coefficient · cell = constant.
struct Relation {
    struct Term {
        std::string cell;
        std::int64_t coefficient = 1;
    };
    std::vector<Term> terms;
    std::int64_t constant = 0;
    std::string why; // "countries@2024-07-31 add up to registered@2024-07-31"
};

class Publication {
  public:
    explicit Publication(std::int64_t min_cell) : min_cell_(min_cell) {}

    std::int64_t min_cell() const { return min_cell_; }

    // Adds a cell (its `known` from its label unless it was published with bounds of its
    // own). A second cell with the same id is an error: one count, one cell.
    FigureCell& add(FigureCell cell);
    FigureCell* find(const std::string& id);
    const FigureCell* find(const std::string& id) const;
    const FigureCell& at(const std::string& id) const;
    const std::vector<FigureCell>& cells() const { return cells_; }

    // Changes a cell's label and what it tells an outsider.
    void set_label(const std::string& id, Label label);
    // What `label` alone tells an outsider, under this publication's threshold.
    Interval bounds_of(Label label, std::int64_t value, bool listed) const;

    // Adds a relation, unless the truth breaks it (figures corrected between two outputs):
    // then nobody can rely on it, and it is returned as a note instead.
    std::optional<std::string> relate(Relation relation);
    const std::vector<Relation>& relations() const { return relations_; }
    // Cells and relations by their index in `cells()` and `relations()`: protection and the
    // audit walk them hundreds of times, so they are indexed once, as relations are added.
    std::size_t index_of(const std::string& id) const;
    const std::vector<std::size_t>& relations_of(std::size_t cell) const {
        return relations_by_cell_[cell];
    }
    // The cells of a relation's terms, in their order.
    const std::vector<std::size_t>& cells_of(std::size_t relation) const {
        return cells_by_relation_[relation];
    }

  private:
    std::int64_t min_cell_;
    std::vector<FigureCell> cells_;
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<Relation> relations_;
    std::vector<std::vector<std::size_t>> relations_by_cell_;
    std::vector<std::vector<std::size_t>> cells_by_relation_;
};

} // namespace expeer
