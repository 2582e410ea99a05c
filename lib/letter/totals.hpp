// How each issue fared, in anonymous totals: sent, failed, interrupted, and what came after it
// until the next issue was approved (bounces read, complaints, unsubscribes). Never who opened
// or clicked what: the letter tracks no one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct IssueTotals {
    std::string issue;
    std::string approved_at;
    std::string until; // the next issue's approval; empty for the last
    std::int64_t sent = 0, failed = 0, interrupted = 0, pending = 0;
    std::int64_t bounced = 0, complaints = 0, unsubscribed = 0;
};

// Every approved issue, oldest first.
std::vector<IssueTotals> letter_totals(Database& db);

} // namespace expeer
