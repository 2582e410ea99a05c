// What a violation map publishes: the records counted by region, and by category, gender
// and status within each region and for the whole country, with small counts hidden by the
// same rules and the same auditor as the annual report (disclosure/). No cell of region ×
// category × gender is published at all; a region with fewer records than the threshold
// shows only "fewer than N", and no hidden count can be worked out from the others.
#pragma once

#include "disclosure/audit.hpp"
#include "map/map_record.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

enum class Shown { exact, fewer_than, hidden };

struct ShownCount {
    Shown shown = Shown::exact;
    std::int64_t value = 0; // meaningful only when exact: never read it otherwise
};

struct Breakdown {
    ShownCount total;
    std::vector<ShownCount> by_category; // in the vocabulary's order
    std::vector<ShownCount> by_gender;   // in all_genders() order
    std::vector<ShownCount> by_status;   // in all_statuses() order
};

struct RegionFigures {
    std::string code; // ISO 3166-2
    Breakdown figures;
};

struct MapFigures {
    std::int64_t min_cell = 0;
    Breakdown country;
    std::vector<RegionFigures> regions; // every region of the map, by code, 0 included
    std::string first_month;             // the records' span, "2023-01" (empty without records)
    std::string last_month;
    std::int64_t hidden = 0;             // counts not shown exactly
    DisclosureAudit audit;               // of what is published: passed, or the build stops
};

// Counts the records (each given once to `add`) and protects the counts. `regions` are the
// map's regions, `categories` its vocabulary; a record outside either is an error the caller
// checked before.
class MapTally {
public:
    MapTally(std::vector<std::string> regions, std::vector<MapCategory> categories);
    void add(const MapRecord& record);
    MapFigures disclose(std::int64_t min_cell) const;
    // The exact counts, for the internal view only (never published).
    MapFigures exact() const;

private:
    struct Counts {
        std::int64_t total = 0;
        std::vector<std::int64_t> category, gender, status;
    };
    Counts empty_counts() const;

    std::vector<std::string> regions_;
    std::vector<MapCategory> categories_;
    std::vector<Counts> counts_; // by region index
    std::string first_month_, last_month_;
};

} // namespace expeer
