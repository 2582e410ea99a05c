// The annual report's counts of people as cells of a disclosure publication: their names,
// what an outsider knows links them, and the earlier publications they must agree with.
//
// Names: "registered@DAY" and "accounts@DAY" (at the end of a day), "new@FROM/TO",
// "active@FROM/TO", "new_active@FROM/TO" (over a period), "country.CD@DAY" ("country.none"
// for members who gave none). Derived counts: "left@", "new_inactive@", "returning_active@",
// "earlier_inactive@", "new_uncounted_accounts@", "joined_and_left@" (a period),
// "uncounted_accounts@" (a day).
#pragma once

#include "disclosure/publication.hpp"
#include "stats/period.hpp"
#include "stats/report.hpp"
#include "store/ledger_store.hpp"

#include <set>
#include <string>
#include <vector>

namespace expeer {

// "registered" and "accounts" at the period's last day; "new", "active" and "new_active"
// over the period.
std::string people_cell(const std::string& figure, const Period& period);
std::string people_cell(const std::string& figure, const std::string& from, const std::string& to);
// "" (not given) is "country.none".
std::string country_cell(const std::string& code, const std::string& day);

// A report's counts of people (both periods, and the countries at the end), with the
// primary rule applied: a count of 1 to min_cell − 1 is "fewer than", a sensitive country is
// never listed. Registered and active members are headline figures, never used as cover.
void add_report_cells(Publication& p, const StatsReport& report, std::int64_t min_cell,
                      const std::set<std::string>& sensitive_countries);

// Figures earlier outputs published, as they published them. A cell already there with the
// same value becomes that published cell; one that differs (a correction since) is kept
// apart, unlinked, and noted.
void add_published_cells(Publication& p, const std::vector<PublishedFigure>& figures,
                         std::vector<std::string>& notes);

// The relations an outsider can rely on between the cells present: each table adds up to
// its total, the registered at a period's end are those before plus the new minus those who
// left, new members who became active are among the new and among the active... Each
// derived count is added as a cell. A relation the truth breaks is left out and noted.
void relate_cells(Publication& p, std::vector<std::string>& notes);

// "new members, 2023-08-01 to 2024-07-31": a cell in words, for the audit's readers.
std::string describe_cell(const std::string& id);

// A published figure's cells as the ledger keeps them.
std::vector<PublishedFigure> ledger_rows(const Publication& p, const std::string& output,
                                         const std::string& at, const std::set<std::string>& cells);

} // namespace expeer
