// Makes a publication pass its own audit, losing as little as it can. Two ways:
// - cover (complementary suppression): withhold a shown count linked to an exposed one; in a
//   cover group the smallest shown count first (the audit knows that rule), elsewhere by rank;
// - coarsen: say "hidden" instead of "fewer than N", so that the label itself no longer
//   bounds the count from above.
// Both orders are tried, and the one that changes fewer cells is kept (cover first on a tie).
// Headline and already published cells are never touched.
#pragma once

#include "disclosure/audit.hpp"
#include "disclosure/publication.hpp"

#include <string>
#include <vector>

namespace expeer {

struct ProtectionOutcome {
    std::vector<std::string> covered;   // withheld to cover others
    std::vector<std::string> coarsened; // "fewer than N" became "hidden"
    DisclosureAudit audit;              // of the publication as it now stands
};

// Changes `publication`'s labels; the outcome's audit says whether it passed.
ProtectionOutcome protect_publication(Publication& publication);

} // namespace expeer
