#include "stats/world_map.hpp"

#include "geo/countries.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>

namespace expeer {

std::pair<double, double> equal_earth(double longitude, double latitude) {
    constexpr double a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796;
    const double m = std::sqrt(3.0) / 2.0;
    const double lambda = longitude * M_PI / 180.0;
    const double phi = latitude * M_PI / 180.0;
    const double theta = std::asin(m * std::sin(phi));
    const double t2 = theta * theta, t6 = t2 * t2 * t2;
    const double x = lambda * std::cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)));
    const double y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2));
    return {x, y};
}

namespace {

using Point = std::pair<double, double>;
using Line = std::vector<Point>;

// TopoJSON arcs are quantised and delta-encoded: decode them to longitude and latitude.
std::vector<Line> decode_arcs(const nlohmann::json& topology) {
    const auto& transform = topology.at("transform");
    const double sx = transform.at("scale")[0], sy = transform.at("scale")[1];
    const double tx = transform.at("translate")[0], ty = transform.at("translate")[1];
    std::vector<Line> arcs;
    for (const auto& arc : topology.at("arcs")) {
        Line line;
        long x = 0, y = 0;
        for (const auto& position : arc) {
            x += position[0].get<long>();
            y += position[1].get<long>();
            line.emplace_back(static_cast<double>(x) * sx + tx, static_cast<double>(y) * sy + ty);
        }
        arcs.push_back(std::move(line));
    }
    return arcs;
}

// A ring from its arcs; ~i is arc i backwards, and each arc starts where the last ended.
Line ring_of(const nlohmann::json& indexes, const std::vector<Line>& arcs) {
    Line ring;
    for (const auto& index_json : indexes) {
        const long index = index_json.get<long>();
        const bool reversed = index < 0;
        const auto& arc = arcs.at(static_cast<std::size_t>(reversed ? ~index : index));
        Line part(arc);
        if (reversed) std::reverse(part.begin(), part.end());
        ring.insert(ring.end(), part.begin() + (ring.empty() ? 0 : 1), part.end());
    }
    return ring;
}

// Russia's far east and Fiji cross the 180th meridian, so their rings jump from one edge of
// the map to the other. Such a ring is drawn on the side where most of it lies, pressed
// against that edge, rather than as a band across the world.
Line clamped_at_antimeridian(Line ring) {
    bool crosses = false;
    for (std::size_t i = 1; i < ring.size(); ++i)
        if (std::abs(ring[i].first - ring[i - 1].first) > 180) crosses = true;
    if (!crosses) return ring;
    std::size_t east = 0;
    for (const auto& p : ring) east += p.first > 0;
    const bool eastern = east * 2 >= ring.size();
    for (auto& p : ring) {
        if (eastern && p.first < 0) p.first = 180;
        if (!eastern && p.first > 0) p.first = -180;
    }
    return ring;
}

} // namespace

namespace {

nlohmann::json read_topology(const std::filesystem::path& topojson) {
    std::ifstream in(topojson);
    if (!in) throw Error(ErrorKind::config, fmt::format("cannot read the world map '{}'", topojson.string()));
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::config, fmt::format("cannot parse the world map '{}': {}", topojson.string(), e.what()));
    }
}

std::vector<nlohmann::json> polygons_of(const nlohmann::json& geometry) {
    std::vector<nlohmann::json> polygons;
    if (geometry.at("type") == "Polygon") polygons.push_back(geometry.at("arcs"));
    else if (geometry.at("type") == "MultiPolygon")
        for (const auto& p : geometry.at("arcs")) polygons.push_back(p);
    return polygons;
}

} // namespace

std::optional<BoundingBox> country_extent(const std::filesystem::path& topojson, const Countries& countries,
                                          const std::string& code) {
    const nlohmann::json topology = read_topology(topojson);
    const auto arcs = decode_arcs(topology);
    for (const auto& geometry : topology.at("objects").at("countries").at("geometries")) {
        if (!geometry.contains("id") || countries.from_numeric(geometry.at("id").get<std::string>()) != code) continue;
        std::optional<BoundingBox> box;
        for (const auto& polygon : polygons_of(geometry))
            for (const auto& ring_arcs : polygon) {
                const Line ring = ring_of(ring_arcs, arcs);
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    const auto [lon, lat] = ring[i];
                    if (i > 0 && std::abs(lon - ring[i - 1].first) > 180) return std::nullopt;
                    if (!box) box = BoundingBox{lon, lat, lon, lat};
                    box->west = std::min(box->west, lon);
                    box->east = std::max(box->east, lon);
                    box->south = std::min(box->south, lat);
                    box->north = std::max(box->north, lat);
                }
            }
        // Outward to a hundredth of a degree: messages quote it, and the outlines are coarser.
        if (box) *box = {std::floor(box->west * 100) / 100, std::floor(box->south * 100) / 100,
                         std::ceil(box->east * 100) / 100, std::ceil(box->north * 100) / 100};
        return box;
    }
    return std::nullopt;
}

WorldMap load_world_map(const std::filesystem::path& topojson, const Countries& countries, double width) {
    const nlohmann::json topology = read_topology(topojson);
    const auto arcs = decode_arcs(topology);
    const double max_x = equal_earth(180, 0).first; // the equator is the widest
    const double top = equal_earth(0, 90).second;
    const double scale = width / (2 * max_x);
    const double south = equal_earth(0, -60).second; // Antarctica is left out
    WorldMap map;
    map.width = width;
    map.height = std::ceil((top - south) * scale);
    for (const auto& geometry : topology.at("objects").at("countries").at("geometries")) {
        MapCountry country;
        if (geometry.contains("id")) country.code = countries.from_numeric(geometry.at("id").get<std::string>()).value_or("");
        country.name = geometry.at("properties").value("name", "");
        if (country.code == "AQ") continue;
        for (const auto& polygon : polygons_of(geometry))
            for (const auto& ring_arcs : polygon) {
                const Line ring = clamped_at_antimeridian(ring_of(ring_arcs, arcs));
                double last_x = std::numeric_limits<double>::infinity(), last_y = 0;
                std::string path;
                std::size_t points = 0;
                for (const auto& [lon, lat] : ring) {
                    const auto [px, py] = equal_earth(lon, lat);
                    const double x = (px + max_x) * scale, y = (top - py) * scale;
                    // Points closer than half a unit to the last one add bytes, not shape.
                    if (points > 0 && std::abs(x - last_x) < 0.5 && std::abs(y - last_y) < 0.5) continue;
                    path += fmt::format("{}{:.1f},{:.1f}", points ? "L" : "M", x, y);
                    last_x = x;
                    last_y = y;
                    ++points;
                }
                if (points >= 3) country.path += path + "Z";
            }
        if (!country.path.empty()) map.countries.push_back(std::move(country));
    }
    return map;
}

} // namespace expeer
