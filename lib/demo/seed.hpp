// A synthetic network for demonstrations and benchmarks: about 900 fictional members in 55
// countries, 320 spaces, news, comments and files, shaped like the network's 2023-2024 report
// (August to July). Every name and address is invented (example.org); the same seed gives the
// same network.
#pragma once

#include <cstdint>
#include <string>

namespace expeer {

class Clock;
class Database;

struct SeedSummary {
    std::int64_t members = 0;
    std::int64_t spaces = 0;
    std::int64_t news = 0;
    std::int64_t comments = 0;
    std::int64_t activities = 0;
};

// Fills an empty database (anything in it is an Error: nothing is written), in one transaction.
SeedSummary seed_demo_network(Database& db, const Clock& clock, const std::string& actor);

} // namespace expeer
