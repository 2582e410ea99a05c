// The world's countries as SVG paths in the Equal Earth projection (equal-area: a country's
// colour covers as much of the map as it does of the Earth), from Natural Earth outlines in
// the TopoJSON of the world-atlas package, shipped in templates/stats/.
#pragma once

#include "geo/boundaries.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace expeer {

class Countries;

struct MapCountry {
    std::string code; // alpha-2, or "" for a territory iso-codes does not name (Kosovo...)
    std::string name; // as the outlines name it
    std::string path; // SVG path data, in map units
};

struct WorldMap {
    double width = 0;
    double height = 0;
    std::vector<MapCountry> countries;
};

// Equal Earth (Šavrič, Patterson and Jenny, 2018): longitude and latitude in degrees to
// plane coordinates, x to the east and y to the north, for a sphere of radius 1.
std::pair<double, double> equal_earth(double longitude, double latitude);

// Reads the TopoJSON file and projects it to `width` map units across (Antarctica left out).
WorldMap load_world_map(const std::filesystem::path& topojson, const Countries& countries, double width);

// The country's extent in longitude and latitude from the same outlines (coarse: about a
// tenth of a degree), for checking that a map's regions are where the country is. None for
// a country the outlines lack or that crosses the 180th meridian.
std::optional<BoundingBox> country_extent(const std::filesystem::path& topojson, const Countries& countries,
                                          const std::string& code);

} // namespace expeer
