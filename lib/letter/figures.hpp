// The letter's count of people, the members who joined last month, disclosed as the annual
// report's counts are: audited with every figure published before (reports' snapshots, other
// letters), so that none can be subtracted from another, and frozen in the ledger when the
// issue is approved, so that what goes out is what was audited.
#pragma once

#include "disclosure/publication.hpp"
#include "stats/period.hpp"
#include "store/ledger_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct LetterCount {
    std::optional<std::int64_t> shown;        // empty when hidden
    Label label = Label::exact;               // exact, fewer_than or withheld
    std::vector<PublishedFigure> ledger_rows; // what approving the issue records
};

// The ledger's name for an issue: "letter 2024-09".
std::string letter_output(const std::string& issue);

// As approved, when the issue was; otherwise as it may be published now.
LetterCount disclose_new_members(Database& db, const std::string& issue, const Period& month,
                                 std::int64_t joined, std::int64_t min_cell);

} // namespace expeer
