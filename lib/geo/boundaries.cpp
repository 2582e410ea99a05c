#include "geo/boundaries.hpp"

#include "geo/subdivisions.hpp"
#include "util/invalid_input.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

namespace expeer {

namespace {

using json = nlohmann::json;

// Positions in hundred-thousandths of a degree: the stored precision, and integers, so that
// whether two segments cross is computed exactly (products stay below 2^51).
constexpr double units_per_degree = 1e5;
using Fixed = std::pair<std::int64_t, std::int64_t>;
using FixedRing = std::vector<Fixed>;

// A whole file of problems would bury the first ones; past this many, they are counted.
constexpr std::size_t max_listed_problems = 100;
// Segment pairs the crossing check may compare in one file: real outlines need a few per
// segment; a ring drawn to defeat the sweep (every segment spanning it) would need n².
constexpr std::uint64_t max_segment_comparisons = 200'000'000;
// A region may reach this far past the country's rough box, whose 1:110m outlines cut
// capes and leave out small islands.
constexpr double box_margin_degrees = 0.5;
const char* const name_keys[] = {"shapeName", "name", "NAME", "NAME_1", "name_en"};

// A value as a message quotes it; only scalars are written out, so that a value nested a
// million arrays deep costs nothing to describe.
std::string shown(const json& value) {
    if (value.is_string()) return shown_value(value.get_ref<const std::string&>());
    if (value.is_number() || value.is_boolean() || value.is_null()) return value.dump();
    return value.is_array() ? "(a list)" : "(an object)";
}

// The member, or null when absent or when `object` is no object; no copy is made.
const json& member(const json& object, const char* key) {
    static const json absent;
    if (!object.is_object()) return absent;
    const auto it = object.find(key);
    return it == object.end() ? absent : *it;
}

std::string fixed_text(const Fixed& p) {
    return fmt::format("[{}, {}]", static_cast<double>(p.first) / units_per_degree,
                       static_cast<double>(p.second) / units_per_degree);
}

std::int64_t orientation(const Fixed& a, const Fixed& b, const Fixed& c) {
    const std::int64_t cross =
        (b.first - a.first) * (c.second - a.second) - (b.second - a.second) * (c.first - a.first);
    return (cross > 0) - (cross < 0);
}

// Each segment's interior crosses the other's: a shared end (adjacent segments, a ring that
// touches itself at a vertex) is no crossing.
bool cross_properly(const Fixed& a, const Fixed& b, const Fixed& c, const Fixed& d) {
    return orientation(a, b, c) * orientation(a, b, d) < 0 &&
           orientation(c, d, a) * orientation(c, d, b) < 0;
}

// The first pair of segments found crossing, by a sweep from west to east that compares only
// segments whose extents overlap. Segment i runs from ring[i] to ring[i + 1].
std::optional<std::pair<std::size_t, std::size_t>> crossing(const FixedRing& ring,
                                                            std::uint64_t& comparisons) {
    struct Segment {
        std::int64_t west, east, south, north;
        std::size_t index;
    };
    const std::size_t count = ring.size() - 1;
    std::vector<Segment> segments;
    segments.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto& [ax, ay] = ring[i];
        const auto& [bx, by] = ring[i + 1];
        segments.push_back(
            {std::min(ax, bx), std::max(ax, bx), std::min(ay, by), std::max(ay, by), i});
    }
    std::sort(segments.begin(), segments.end(),
              [](const Segment& a, const Segment& b) { return a.west < b.west; });
    std::vector<const Segment*> active;
    for (const auto& s : segments) {
        active.erase(std::remove_if(active.begin(), active.end(),
                                    [&](const Segment* a) { return a->east < s.west; }),
                     active.end());
        for (const Segment* a : active) {
            if (++comparisons > max_segment_comparisons) return std::nullopt;
            if (a->north < s.south || a->south > s.north) continue;
            const std::size_t i = std::min(a->index, s.index), j = std::max(a->index, s.index);
            if (j == i + 1 || (i == 0 && j == count - 1)) continue;
            if (cross_properly(ring[i], ring[i + 1], ring[j], ring[j + 1])) return std::pair(i, j);
        }
        active.push_back(&s);
    }
    return std::nullopt;
}

bool has_area(const FixedRing& ring) {
    __int128 twice_area = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        twice_area += static_cast<__int128>(ring[i].first) * ring[i + 1].second -
                      static_cast<__int128>(ring[i + 1].first) * ring[i].second;
    return twice_area != 0;
}

struct Extent {
    std::int64_t west = INT64_MAX, south = INT64_MAX, east = INT64_MIN, north = INT64_MIN;
    void add(const Fixed& p) {
        west = std::min(west, p.first), east = std::max(east, p.first);
        south = std::min(south, p.second), north = std::max(north, p.second);
    }
    void include(const Extent& e) {
        add(Fixed{e.west, e.south});
        add(Fixed{e.east, e.north});
    }
    bool empty() const { return west > east; }
    // Whether it meets the box, widened by the margin; `swapped` reads it as (lat, lon).
    bool meets(const BoundingBox& box, bool swapped) const {
        const double m = box_margin_degrees * units_per_degree;
        const double x0 = static_cast<double>(swapped ? south : west),
                     x1 = static_cast<double>(swapped ? north : east);
        const double y0 = static_cast<double>(swapped ? west : south),
                     y1 = static_cast<double>(swapped ? east : north);
        return x1 >= box.west * units_per_degree - m && x0 <= box.east * units_per_degree + m &&
               y1 >= box.south * units_per_degree - m && y0 <= box.north * units_per_degree + m;
    }
    std::string text() const {
        return fmt::format("lon {}..{}, lat {}..{}", west / units_per_degree,
                           east / units_per_degree, south / units_per_degree,
                           north / units_per_degree);
    }
};

std::string box_text(const BoundingBox& b) {
    return fmt::format("lon {}..{}, lat {}..{}", b.west, b.east, b.south, b.north);
}

class Reader {
public:
    Reader(const std::string& source, const std::string& country, const std::string& region_key,
           const Subdivisions& subdivisions)
        : source_(source), country_(country), key_(region_key), subdivisions_(subdivisions) {
        const auto codes = subdivisions.codes_of(country);
        if (!codes.empty()) range_ = fmt::format(" ({} to {})", codes.front(), codes.back());
    }

    void problem(std::string field, std::string value, std::string reason) {
        if (problems_.size() < max_listed_problems)
            problems_.push_back({std::move(field), std::move(value), std::move(reason)});
        else
            ++unlisted_;
    }
    bool clean() const { return problems_.empty(); }
    [[noreturn]] void refuse() {
        if (unlisted_ > 0)
            problems_.push_back({source_, fmt::format("{} more problems", unlisted_),
                                 "not listed: fix the ones above first"});
        throw InvalidInput(std::move(problems_));
    }

    // The region's code, or "" after saying what is wrong with it.
    std::string code(const json& properties, const std::string& where) {
        const std::string field = where + " properties." + key_;
        const std::string& range = range_;
        if (!properties.is_object() || !properties.contains(key_)) {
            problem(
                field, "",
                fmt::format("missing: each feature needs its region's ISO 3166-2 code{}", range));
            return {};
        }
        const json& value = properties.at(key_);
        if (!value.is_string()) {
            problem(field, shown(value), "expected an ISO 3166-2 code as text" + range);
            return {};
        }
        const std::string& code = value.get_ref<const std::string&>();
        if (subdivisions_.is_code_of(code, country_)) return code;
        const std::string other = subdivisions_.country_of(code);
        std::string upper = text::trim(code);
        for (auto& c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!other.empty())
            problem(field, shown_value(code),
                    fmt::format("is a region of {}, not of {}", other, country_));
        else if (subdivisions_.is_code_of(upper, country_))
            problem(field, shown_value(code), fmt::format("write it {}", upper));
        else
            problem(field, shown_value(code),
                    fmt::format("is not an ISO 3166-2 code of {}{}", country_, range));
        return {};
    }

    // Adds the polygon to `polygons`, unless its outer ring vanishes when rounded (an islet
    // under a metre: left out, with its holes); false when it is refused.
    bool polygon(const json& rings, const std::string& where, Extent& extent,
                 std::vector<RegionPolygon>& polygons) {
        if (!rings.is_array() || rings.empty()) {
            problem(where, shown(rings),
                    "expected a polygon: a list of rings, the outer one first");
            return false;
        }
        RegionPolygon polygon;
        bool good = true;
        for (std::size_t r = 0; r < rings.size(); ++r) {
            const auto ring = read_ring(rings[r], fmt::format("{}[{}]", where, r));
            if (!ring) good = false;
            if (!ring || ring->empty()) continue;
            Ring degrees;
            degrees.reserve(ring->size());
            for (const auto& p : *ring) {
                degrees.emplace_back(static_cast<double>(p.first) / units_per_degree,
                                     static_cast<double>(p.second) / units_per_degree);
                if (r == 0) extent.add(p);
            }
            if (r == 0)
                polygon.outer = std::move(degrees);
            else
                polygon.holes.push_back(std::move(degrees));
        }
        if (good && !polygon.outer.empty()) polygons.push_back(std::move(polygon));
        return good;
    }

private:
    // The ring rounded to the stored precision, consecutive repeats dropped: empty when that
    // leaves it no area, nothing when it is refused.
    std::optional<FixedRing> read_ring(const json& ring, const std::string& where) {
        if (!ring.is_array()) {
            problem(where, shown(ring), "expected a ring: a list of [longitude, latitude]");
            return std::nullopt;
        }
        positions_ += ring.size();
        if (positions_ > max_boundary_positions) {
            // Said even past the listing limit: it is why the reading stopped.
            problems_.push_back(
                {source_, fmt::format("more than {} positions", max_boundary_positions),
                 "too detailed for a map: simplify it first (mapshaper -simplify 10%)"});
            refuse();
        }
        std::size_t bad = 0;
        FixedRing fixed;
        std::vector<std::size_t> origin; // fixed[k] is the ring's position origin[k]
        fixed.reserve(ring.size());
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const json& p = ring[i];
            std::string reason;
            if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
                reason = "expected a position: [longitude, latitude]";
            else if (!std::isfinite(p[0].get<double>()) || !std::isfinite(p[1].get<double>()))
                reason = "is not a finite number";
            else if (std::abs(p[0].get<double>()) > 180 || std::abs(p[1].get<double>()) > 90) {
                // A latitude past a pole that would be a longitude: written the other way round.
                const bool swapped =
                    std::abs(p[1].get<double>()) <= 180 && std::abs(p[0].get<double>()) <= 90;
                reason = swapped
                             ? "is out of range: the positions look like [latitude, longitude], "
                               "and GeoJSON writes [longitude, latitude]"
                             : "is out of range: longitude -180..180, latitude -90..90";
            }
            if (!reason.empty()) {
                if (bad++ == 0)
                    problem(fmt::format("{}[{}]", where, i),
                            p.is_array() && p.size() >= 2
                                ? fmt::format("[{}, {}]", shown(p[0]), shown(p[1]))
                                : shown(p),
                            reason);
                continue;
            }
            const Fixed position{std::llround(p[0].get<double>() * units_per_degree),
                                 std::llround(p[1].get<double>() * units_per_degree)};
            if (fixed.empty() || fixed.back() != position) {
                fixed.push_back(position);
                origin.push_back(i);
            }
        }
        if (bad > 1)
            problem(where, fmt::format("{} more positions", bad - 1), "like the one above");
        if (bad > 0) return std::nullopt;
        if (ring.size() < 4) {
            problem(where, fmt::format("{} positions", ring.size()),
                    "a ring needs at least 4 positions, the last the same as the first");
            return std::nullopt;
        }
        // Longitude and latitude only: a third value (an altitude) is not ours to compare, and
        // comparing whole JSON values would recurse into whatever a file nests there.
        const auto& first = ring.front();
        const auto& last = ring.back();
        if (first[0].get<double>() != last[0].get<double>() ||
            first[1].get<double>() != last[1].get<double>()) {
            problem(where,
                    fmt::format("{} ... {}", fixed_text(fixed.front()), fixed_text(fixed.back())),
                    "the ring is not closed: its last position must repeat the first");
            return std::nullopt;
        }
        if (fixed.size() < 4) return FixedRing{}; // a speck under a metre
        // Crossings first: a bow-tie's two loops have opposite areas, which cancel out.
        if (const auto pair = crossing(fixed, comparisons_)) {
            problem(
                where, fixed_text(fixed[pair->first]),
                fmt::format("the ring crosses itself: its segment from position {} crosses the one "
                            "from position {}",
                            origin[pair->first], origin[pair->second]));
            return std::nullopt;
        }
        if (comparisons_ > max_segment_comparisons) {
            problem(where, fmt::format("{} positions", ring.size()),
                    "too intricate to check for crossings: simplify the file first");
            return std::nullopt;
        }
        if (!has_area(fixed)) {
            Extent extent;
            for (const auto& p : fixed)
                extent.add(p);
            // A sliver under a hundred metres flattened by the rounding is lost to it; a
            // longer ring on one line is a mistake.
            if (std::max(extent.east - extent.west, extent.north - extent.south) <= 100)
                return FixedRing{};
            problem(where, fmt::format("{} positions", ring.size()),
                    "the ring encloses no area: its positions lie on one line");
            return std::nullopt;
        }
        return fixed;
    }

    const std::string& source_;
    const std::string& country_;
    const std::string& key_;
    const Subdivisions& subdivisions_;
    std::string range_; // " (TN-11 to TN-83)", for the messages about codes
    std::vector<FieldError> problems_;
    std::size_t unlisted_ = 0;
    std::size_t positions_ = 0;
    std::uint64_t comparisons_ = 0;
};

std::string region_name(const json& properties, const std::string& where, Reader& reader) {
    if (!properties.is_object()) return {};
    for (const char* key : name_keys) {
        const auto it = properties.find(key);
        if (it == properties.end() || !it->is_string()) continue;
        const std::string& name = it->get_ref<const std::string&>();
        if (const auto problem = text::single_line_field_problem(name, text::limit_for(100))) {
            reader.problem(fmt::format("{} properties.{}", where, key), shown_value(name),
                           *problem);
            return {};
        }
        return name;
    }
    return {};
}

std::vector<std::string> missing_regions(const Boundaries& boundaries,
                                         const Subdivisions& subdivisions) {
    std::set<std::string> types, drawn;
    for (const auto& region : boundaries.regions) {
        types.insert(subdivisions.type(region.code));
        drawn.insert(region.code);
    }
    std::vector<std::string> missing;
    for (const auto& code : subdivisions.codes_of(boundaries.country))
        if (types.count(subdivisions.type(code)) && !drawn.count(code)) missing.push_back(code);
    return missing;
}

// Refuses the features that lie wholly outside the country's box, saying when they would
// fit with their coordinates swapped.
void check_in_box(const std::vector<std::pair<std::string, Extent>>& extents,
                  const BoundingBox& box, const std::string& source, const std::string& country,
                  Reader& reader) {
    std::vector<std::pair<std::string, Extent>> outside, swapped;
    Extent all;
    for (const auto& [where, extent] : extents) {
        all.include(extent);
        if (!extent.meets(box, false))
            (extent.meets(box, true) ? swapped : outside).emplace_back(where, extent);
    }
    // Every region swapped is one mistake of the whole file, said once.
    if (swapped.size() > 1 && swapped.size() == extents.size()) {
        reader.problem(source + " coordinates", all.text(),
                       fmt::format("the positions look like [latitude, longitude] ({} lies at {}): "
                                   "GeoJSON writes [longitude, latitude]",
                                   country, box_text(box)));
        swapped.clear();
    }
    for (const auto& [where, extent] : swapped)
        reader.problem(where + " geometry", extent.text(),
                       fmt::format("lies outside {} ({}), but inside once read as [latitude, "
                                   "longitude]: GeoJSON writes [longitude, latitude]",
                                   country, box_text(box)));
    for (const auto& [where, extent] : outside)
        reader.problem(where + " geometry", extent.text(),
                       fmt::format("lies outside {} ({})", country, box_text(box)));
}

} // namespace

Boundaries read_boundaries(std::string_view geojson, const std::string& source,
                           const std::string& country, const std::string& region_key,
                           const Subdivisions& subdivisions,
                           const std::optional<BoundingBox>& country_box) {
    json root;
    try {
        root = json::parse(geojson);
    } catch (const json::exception& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ...", or a number
        // too large for a double ("[json.exception.out_of_range.406] number overflow ...")
        std::string what = e.what();
        if (const auto end = what.find("] "); end != std::string::npos) what.erase(0, end + 2);
        throw InvalidInput({{source, "JSON", "is not valid JSON: " + printable(what, 200)}});
    }
    if (member(root, "type") != "FeatureCollection")
        throw InvalidInput(
            {{source + " type", shown(root.is_object() ? member(root, "type") : root),
              "expected a GeoJSON FeatureCollection, one feature per region"}});
    const json& features = member(root, "features");
    if (!features.is_array())
        throw InvalidInput(
            {{source + " features", shown(features), "expected a list of features"}});
    if (features.empty())
        throw InvalidInput({{source + " features", "[]",
                             "there is no region to draw: was the right layer exported?"}});

    Reader reader(source, country, region_key, subdivisions);
    Boundaries boundaries;
    boundaries.country = country;
    boundaries.region_key = region_key;
    std::map<std::string, std::size_t> first_feature;    // code -> index
    std::vector<std::pair<std::string, Extent>> extents; // of each feature, for the box check
    for (std::size_t i = 0; i < features.size(); ++i) {
        const json& feature = features[i];
        std::string where = fmt::format("{} features[{}]", source, i);
        if (member(feature, "type") != "Feature") {
            reader.problem(where, shown(feature.is_object() ? member(feature, "type") : feature),
                           "expected a Feature");
            continue;
        }
        const json& properties = member(feature, "properties");
        Region region;
        region.code = reader.code(properties, where);
        if (!region.code.empty()) {
            const auto [it, first] = first_feature.emplace(region.code, i);
            if (!first)
                reader.problem(fmt::format("{} properties.{}", where, region_key), region.code,
                               fmt::format("also the code of features[{}]: draw a region as one "
                                           "feature (a MultiPolygon when it has several parts)",
                                           it->second));
            where += " (" + region.code + ")";
        }
        region.name = region_name(properties, where, reader);
        if (region.name.empty() && !region.code.empty())
            region.name = subdivisions.name(region.code, "en");

        const json& geometry = member(feature, "geometry");
        const json& type = geometry.is_object() ? member(geometry, "type") : geometry;
        if (type != "Polygon" && type != "MultiPolygon") {
            reader.problem(where + " geometry.type", shown(type),
                           "expected Polygon or MultiPolygon");
            continue;
        }
        const json& coordinates = member(geometry, "coordinates");
        const std::string at = where + " geometry.coordinates";
        Extent extent;
        bool good = true;
        if (type == "Polygon") {
            good = reader.polygon(coordinates, at, extent, region.polygons);
        } else if (!coordinates.is_array() || coordinates.empty()) {
            reader.problem(at, shown(coordinates), "expected a list of polygons");
            good = false;
        } else {
            for (std::size_t p = 0; p < coordinates.size(); ++p)
                good &= reader.polygon(coordinates[p], fmt::format("{}[{}]", at, p), extent,
                                       region.polygons);
        }
        if (good && region.polygons.empty())
            reader.problem(at, "",
                           "nothing is left to draw once rounded to 5 decimals (about a metre)");
        if (good && !extent.empty()) extents.emplace_back(where, extent);
        if (!region.code.empty()) boundaries.regions.push_back(std::move(region));
    }
    if (country_box) check_in_box(extents, *country_box, source, country, reader);
    if (!reader.clean()) reader.refuse();

    std::sort(boundaries.regions.begin(), boundaries.regions.end(),
              [](const Region& a, const Region& b) { return a.code < b.code; });
    boundaries.missing = missing_regions(boundaries, subdivisions);
    return boundaries;
}

std::string boundaries_json(const Boundaries& boundaries) {
    const auto ring_json = [](const Ring& ring) {
        nlohmann::ordered_json positions = nlohmann::ordered_json::array();
        for (const auto& [lon, lat] : ring)
            positions.push_back({std::round(lon * units_per_degree) / units_per_degree,
                                 std::round(lat * units_per_degree) / units_per_degree});
        return positions;
    };
    nlohmann::ordered_json features = nlohmann::ordered_json::array();
    for (const auto& region : boundaries.regions) {
        nlohmann::ordered_json polygons = nlohmann::ordered_json::array();
        for (const auto& polygon : region.polygons) {
            nlohmann::ordered_json rings =
                nlohmann::ordered_json::array({ring_json(polygon.outer)});
            for (const auto& hole : polygon.holes)
                rings.push_back(ring_json(hole));
            polygons.push_back(std::move(rings));
        }
        nlohmann::ordered_json properties = {{"code", region.code}};
        // A file that kept its codes under "name" reads its names from the next usual key.
        const bool key_is_name = boundaries.region_key == "name";
        if (!boundaries.region_key.empty()) properties[boundaries.region_key] = region.code;
        properties[key_is_name ? name_keys[0] : "name"] = region.name;
        const bool single = polygons.size() == 1;
        features.push_back({{"type", "Feature"},
                            {"properties", std::move(properties)},
                            {"geometry",
                             {{"type", single ? "Polygon" : "MultiPolygon"},
                              {"coordinates", single ? polygons[0] : polygons}}}});
    }
    const nlohmann::ordered_json collection = {{"type", "FeatureCollection"},
                                               {"country", boundaries.country},
                                               {"features", std::move(features)}};
    return collection.dump();
}

} // namespace expeer
