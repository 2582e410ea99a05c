// The shapes of one country's regions for the violation map, read from a GeoJSON file such
// as geoBoundaries publishes (a FeatureCollection, one feature per region, named by its
// ISO 3166-2 code in a property). Everything wrong with the file is reported at once, so the
// person preparing it can fix it in one go; what is kept is only what the map draws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace expeer {

class Subdivisions;

// (longitude, latitude) in degrees, closed: the first position is also the last.
using Ring = std::vector<std::pair<double, double>>;

struct RegionPolygon {
    Ring outer;
    std::vector<Ring> holes;
};

struct Region {
    std::string code; // ISO 3166-2: "TN-11"
    // The file's own name for the region (the first of the properties shapeName, name, NAME,
    // NAME_1, name_en that it has), else iso-codes' English name.
    std::string name;
    std::vector<RegionPolygon> polygons;
};

struct Boundaries {
    std::string country;         // ISO 3166-1 alpha-2: "TN"
    std::string region_key;      // the property the file holds the codes in: "shapeISO"
    std::vector<Region> regions; // sorted by code
    // The country's subdivisions of the types the file draws ("Governorate") that it does not
    // draw, sorted: not an error, a map says which regions it cannot show.
    std::vector<std::string> missing;
};

// Degrees, west to east and south to north (a country across the 180th meridian, such as
// Fiji, has no such box: the check it serves is skipped for it by passing none).
struct BoundingBox {
    double west = 0, south = 0, east = 0, north = 0;
};

// More positions than this in one file is refused: the map needs a few thousand, and the
// checks cost time in proportion. The caller limits the size of the file it reads.
constexpr std::size_t max_boundary_positions = 2'000'000;

// Reads and checks the file. `source` names it in messages, `region_key` is the property that
// holds each region's code ("shapeISO"). Coordinates are rounded to 5 decimals (about a metre)
// before the geometry is checked, so that what boundaries_json() stores passes again.
//
// `country_box` is the country's rough extent, from the world outlines of the report
// (stats/world_map). It is a parameter, not read here, because geo/ is below stats/ (stats
// already uses geo/countries) and the outlines are decoded there. With it, a region lying
// wholly outside the country is refused, and one whose positions fit once swapped is said
// to be written (latitude, longitude). Without it, only latitudes beyond ±90 reveal a swap.
//
// Throws InvalidInput (exit 65) listing every problem, each naming the feature by its index
// and code ("TN.geojson features[3] (TN-11) geometry.type 'Point': ...").
Boundaries read_boundaries(std::string_view geojson, const std::string& source,
                           const std::string& country, const std::string& region_key,
                           const Subdivisions& subdivisions,
                           const std::optional<BoundingBox>& country_box = std::nullopt);

// The file as it is stored: a compact FeatureCollection with the country ("country": "TN"),
// and for each region only its code (under "code" and under the region key, so that it reads
// back with either), its name ("name") and its polygons, to 5 decimals. Read back, it gives
// the same Boundaries.
std::string boundaries_json(const Boundaries& boundaries);

} // namespace expeer
