// The ledger of published figures: each count of people a public output showed (a report's
// snapshot, an approved letter), with what its label told an outsider. Later outputs are
// audited against it, so that none can be subtracted from another to pin a hidden count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct PublishedFigure {
    std::string output;     // "report 2023-08-01/2024-07-31", "letter 2024-09"
    std::string cell;       // "registered@2024-07-31"
    std::int64_t value = 0; // exact, as it was when published
    std::string label;      // exact, fewer_than, withheld, not_listed
    std::int64_t low = 0;   // what an outsider could tell from the output alone
    std::optional<std::int64_t> high;
    bool sensitive = false;
    std::string published_at;
};

// Replaces what `output` published, inside the caller's write transaction.
void replace_published_figures(Database& db, const std::string& output,
                               const std::vector<PublishedFigure>& figures);
// Every published figure, by output then cell.
std::vector<PublishedFigure> published_figures(Database& db);

} // namespace expeer
