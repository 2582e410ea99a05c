// The files a violation map is published as, made from its protected figures: a
// self-contained HTML page per language (the map drawn inline in SVG, nothing fetched), a
// GeoJSON of the regions with their published figures for the network's own website, and
// a CSV of the same figures. Nothing here sees a record, a note or an exact small count.
#pragma once

#include "geo/boundaries.hpp"
#include "map/map_figures.hpp"
#include "store/map_store.hpp"

#include <map>
#include <string>
#include <vector>

namespace expeer {

struct MapPageInput {
    const MapRow& map;
    const std::vector<MapCategory>& categories;
    const Boundaries& boundaries;
    const MapFigures& figures;
    // Region names by code, in each language: {"fr": {"TN-11": "Tunis"}}.
    std::map<std::string, std::map<std::string, std::string>> names;
    bool draft = false; // a banner says it is not for publication
};

std::string map_html(const MapPageInput& input, const std::string& language);
std::string map_geojson(const MapPageInput& input);
std::string map_csv(const MapPageInput& input);

// The choropleth's classes of region totals: lower bounds, from 1, that split the regions'
// shown counts into at most five steps of increasing darkness.
std::vector<std::int64_t> map_classes(const MapFigures& figures);

} // namespace expeer
