#include "letter/figures.hpp"

#include "disclosure/protection.hpp"
#include "stats/report_cells.hpp"

namespace expeer {

std::string letter_output(const std::string& issue) {
    return "letter " + issue;
}

namespace {

LetterCount count_of(const FigureCell& cell) {
    return {cell.label == Label::exact ? std::optional<std::int64_t>(cell.value) : std::nullopt,
            cell.label,
            {}};
}

} // namespace

LetterCount disclose_new_members(Database& db, const std::string& issue, const Period& month,
                                 std::int64_t joined, std::int64_t min_cell) {
    const std::string output = letter_output(issue);
    const std::string id = people_cell("new", month);
    std::vector<PublishedFigure> earlier = published_figures(db);
    for (const auto& f : earlier)
        if (f.output == output && f.cell == id) {
            LetterCount approved{f.label == "exact" ? std::optional<std::int64_t>(f.value)
                                                    : std::nullopt,
                                 f.label == "fewer_than" ? Label::fewer_than
                                 : f.label == "exact"    ? Label::exact
                                                         : Label::withheld,
                                 {f}};
            return approved;
        }
    Publication p(min_cell);
    FigureCell cell;
    cell.id = id;
    cell.value = joined;
    cell.label = joined > 0 && joined < min_cell ? Label::fewer_than : Label::exact;
    p.add(std::move(cell));
    std::vector<std::string> notes;
    add_published_cells(p, earlier, notes);
    relate_cells(p, notes);
    protect_publication(p);
    LetterCount count = count_of(p.at(id));
    count.ledger_rows = ledger_rows(p, output, "", {id});
    return count;
}

} // namespace expeer
