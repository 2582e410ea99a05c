#include "disclosure/publication.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

namespace expeer {

Interval Publication::bounds_of(Label label, std::int64_t value, bool listed) const {
    switch (label) {
    case Label::exact:
        return {value, value};
    case Label::fewer_than:
        return {1, min_cell_ - 1};
    case Label::withheld:
        return {listed ? 1 : 0, std::nullopt};
    case Label::not_listed:
    case Label::not_published:
        return {0, std::nullopt};
    }
    return {0, std::nullopt};
}

FigureCell& Publication::add(FigureCell cell) {
    if (index_.count(cell.id))
        throw Error(ErrorKind::failure, fmt::format("disclosure: two cells named '{}'", cell.id));
    if (cell.role != Role::published) cell.known = bounds_of(cell.label, cell.value, cell.listed);
    index_.emplace(cell.id, cells_.size());
    cells_.push_back(std::move(cell));
    relations_by_cell_.emplace_back();
    return cells_.back();
}

FigureCell* Publication::find(const std::string& id) {
    const auto it = index_.find(id);
    return it == index_.end() ? nullptr : &cells_[it->second];
}

const FigureCell* Publication::find(const std::string& id) const {
    const auto it = index_.find(id);
    return it == index_.end() ? nullptr : &cells_[it->second];
}

const FigureCell& Publication::at(const std::string& id) const {
    const auto* cell = find(id);
    if (!cell) throw Error(ErrorKind::failure, fmt::format("disclosure: no cell named '{}'", id));
    return *cell;
}

void Publication::set_label(const std::string& id, Label label) {
    auto* cell = find(id);
    if (!cell) throw Error(ErrorKind::failure, fmt::format("disclosure: no cell named '{}'", id));
    cell->label = label;
    cell->known = bounds_of(label, cell->value, cell->listed);
}

std::optional<std::string> Publication::relate(Relation relation) {
    std::int64_t sum = 0;
    for (const auto& term : relation.terms)
        sum += term.coefficient * at(term.cell).value;
    if (sum != relation.constant)
        return fmt::format("not linked, the figures were corrected in between: {}", relation.why);
    std::vector<std::size_t> cells;
    for (const auto& term : relation.terms) {
        cells.push_back(index_of(term.cell));
        relations_by_cell_[cells.back()].push_back(relations_.size());
    }
    cells_by_relation_.push_back(std::move(cells));
    relations_.push_back(std::move(relation));
    return std::nullopt;
}

std::size_t Publication::index_of(const std::string& id) const {
    const auto it = index_.find(id);
    if (it == index_.end())
        throw Error(ErrorKind::failure, fmt::format("disclosure: no cell named '{}'", id));
    return it->second;
}

} // namespace expeer
