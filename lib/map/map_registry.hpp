// The violation maps of the network: made from a country's region boundaries and a
// vocabulary of kinds of violation, fed with records, listed, shown, deleted. Records are
// personal data: deleting a map leaves nothing of them in the database's files.
#pragma once

#include "geo/boundaries.hpp"
#include "map/map_record.hpp"
#include "map/record_reader.hpp"
#include "map/region_names.hpp"
#include "store/map_store.hpp"
#include "util/rejects.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Clock;
class Countries;
class Database;
class Subdivisions;

struct MapDefinition {
    std::string slug;
    std::string country; // as a person writes it: TN, Tunisie, Tunisia
    std::string title_fr;
    std::string title_en;
    std::filesystem::path boundaries_file;
    std::filesystem::path categories_file;
    std::string region_key = "shapeISO";
    std::string attribution; // the boundaries' credit, shown on every page
};

struct MapChanges {
    std::optional<std::string> title_fr, title_en, attribution, region_key;
    std::optional<std::filesystem::path> boundaries_file, categories_file;
};

struct MapSummary {
    MapRow map; // boundaries left out
    std::vector<MapCategory> categories;
    std::int64_t records = 0;
    std::vector<std::string> regions;         // ISO 3166-2 codes the boundaries draw
    std::vector<std::string> missing_regions; // the country's regions the boundaries lack
    bool approved() const { return map.approved_checksum.has_value(); }
};

struct MapImportOptions {
    std::filesystem::path file;
    bool dry_run = false;
    InvalidRows invalid;
    Encoding encoding = Encoding::utf8;
};

struct MapBuildOptions {
    std::vector<std::string> languages = {"fr", "en"};
    std::filesystem::path out;
    std::int64_t min_cell = 5;
    bool draft = false; // build what is not approved, with a banner saying so
};

struct MapBuildReport {
    std::vector<std::string> files; // in `out`
    std::int64_t records = 0;
    std::int64_t hidden = 0; // counts not shown exactly
    std::string checksum;    // of the published figures and shapes
};

struct MapImportReport {
    std::size_t lines = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t rejected = 0;
    bool written = false;
};

// The places a map's regions and names come from, loaded once by the caller.
struct MapGeography {
    const Countries& countries;
    const Subdivisions& subdivisions;
    const RegionNames& other_names; // Arabic and other spellings, by code
    // The country's rough extent, to refuse regions drawn elsewhere; none when unknown.
    std::function<std::optional<BoundingBox>(const std::string& country)> country_extent;
};

class MapRegistry {
public:
    MapRegistry(Database& db, const Clock& clock, MapGeography geography, std::string actor);

    MapSummary create(const MapDefinition& definition);
    // A change of boundaries or categories that records depend on is refused while records
    // would fall outside it; any change makes an approved map a draft again.
    MapSummary update(const std::string& slug, const MapChanges& changes);
    std::vector<MapSummary> list();
    MapSummary show(const std::string& slug);
    struct Deletion {
        std::int64_t records = 0; // that went with it
        bool forgotten = true;    // no old copy left in the database's files (another reader can keep one)
    };
    Deletion remove(const std::string& slug);

    MapImportReport import(const std::string& slug, const MapImportOptions& options,
                           const std::function<void(const RecordProblem&)>& on_problem);

    // The pages, GeoJSON and CSV of the map into `options.out`, all or none. Only what was
    // approved is built, unless `draft`; the disclosure audit must pass in any case.
    MapBuildReport build(const std::string& slug, const MapBuildOptions& options);
    // Pins what the map publishes now (its checksum): `build` makes exactly that, and a
    // change of records, boundaries or vocabulary makes it a draft again.
    MapBuildReport approve(const std::string& slug, std::int64_t min_cell);

    // What a record's region may be written as: the code, or a name of the region.
    RecordVocabulary vocabulary(const MapRow& map, const std::vector<MapCategory>& categories) const;

private:
    MapRow found(const std::string& slug);
    std::optional<BoundingBox> extent_of(const std::string& country) const;
    MapSummary summary(const MapRow& map);
    struct Publication;
    Publication publication(const MapRow& map, std::int64_t min_cell);

    Database& db_;
    const Clock& clock_;
    MapGeography geography_;
    std::string actor_;
};

} // namespace expeer
