#include "geo/region_drawing.hpp"

#include "geo/boundaries.hpp"
#include "geo/subdivisions.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace expeer;

namespace expeer::test {
const Subdivisions& subdivisions(); // subdivisions_test.cpp
} // namespace expeer::test

namespace {

using Outline = std::vector<std::pair<double, double>>;

// The subpaths of path data as draw_regions writes it: "M1.0,2.0L3.0,4.0...Z" each.
std::vector<Outline> outlines_of(const std::string& path) {
    std::vector<Outline> outlines;
    const char* p = path.c_str();
    while (*p) {
        const char command = *p++;
        if (command == 'Z') continue;
        REQUIRE((command == 'M' || command == 'L'));
        if (command == 'M') outlines.emplace_back();
        char* end = nullptr;
        const double x = std::strtod(p, &end);
        REQUIRE(*end == ',');
        const double y = std::strtod(end + 1, &end);
        outlines.back().emplace_back(x, y);
        p = end;
    }
    return outlines;
}

// Inside by the even-odd rule, as a browser fills a region with holes.
bool inside(double x, double y, const std::vector<Outline>& outlines) {
    bool in = false;
    for (const auto& o : outlines)
        for (std::size_t i = 0, j = o.size() - 1; i < o.size(); j = i++)
            if ((o[i].second > y) != (o[j].second > y) &&
                x < (o[j].first - o[i].first) * (y - o[i].second) / (o[j].second - o[i].second) +
                        o[i].first)
                in = !in;
    return in;
}

Ring square(double lon, double lat, double size) {
    return {{lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}, {lon, lat}};
}

Boundaries one_region(std::vector<RegionPolygon> polygons) {
    Boundaries b;
    b.country = "TN";
    b.regions.push_back({"TN-11", "Tunis", std::move(polygons)});
    return b;
}

} // namespace

TEST_CASE("region drawing: a square region is a square", "[geo]") {
    // At the equator a degree of longitude is as long as a degree of latitude.
    const auto drawing = draw_regions(one_region({{square(-0.5, -0.5, 1), {}}}), 100);
    CHECK(drawing.width == 100);
    CHECK(drawing.height == 100);
    REQUIRE(drawing.regions.size() == 1);
    const auto& shape = drawing.regions[0];
    CHECK(shape.code == "TN-11");
    const auto outlines = outlines_of(shape.path);
    REQUIRE(outlines.size() == 1);
    REQUIRE(outlines[0].size() == 4);
    for (const auto& [x, y] : outlines[0]) {
        CHECK((x == Approx(2) || x == Approx(98)));
        CHECK((y == Approx(2).margin(0.1) || y == Approx(98).margin(0.1)));
    }
    CHECK(shape.area == Approx(96 * 96).epsilon(0.01));
    CHECK(shape.label_x == Approx(50).margin(1));
    CHECK(shape.label_y == Approx(50).margin(1));
}

TEST_CASE("region drawing: longitudes shrink with the latitude, north is up", "[geo]") {
    // At 60°N a degree of longitude is half a degree of latitude: two degrees by one is square.
    Boundaries b = one_region({{{{10, 59.5}, {12, 59.5}, {12, 60.5}, {10, 60.5}, {10, 59.5}}, {}}});
    b.regions.push_back({"TN-12", "", {{square(11, 58.5, 0.5), {}}}}); // to the south
    const auto drawing = draw_regions(b, 200);
    const auto north = outlines_of(drawing.regions[0].path)[0];
    const auto south = outlines_of(drawing.regions[1].path)[0];
    const auto [x0, x1] = std::minmax({north[0].first, north[1].first, north[2].first});
    const auto [y0, y1] = std::minmax({north[0].second, north[1].second, north[2].second});
    CHECK((x1 - x0) == Approx(y1 - y0).epsilon(0.03));
    for (const auto& p : south)
        CHECK(p.second > y1);
}

TEST_CASE("region drawing: holes stay empty, and the label avoids them", "[geo]") {
    const auto drawing =
        draw_regions(one_region({{square(0, 0, 1), {square(0.1, 0.1, 0.8)}}}), 100);
    const auto& shape = drawing.regions[0];
    const auto outlines = outlines_of(shape.path);
    REQUIRE(outlines.size() == 2);
    CHECK(shape.area == Approx(96 * 96 * (1 - 0.64)).epsilon(0.01));
    CHECK(inside(shape.label_x, shape.label_y, outlines));
    CHECK_FALSE(inside(50, 50, outlines));
}

TEST_CASE("region drawing: the label of a C-shaped region is inside it, not at its centre",
          "[geo]") {
    const Ring c = {{0, 0},   {1, 0}, {1, 0.2}, {0.2, 0.2}, {0.2, 0.8},
                    {1, 0.8}, {1, 1}, {0, 1},   {0, 0}};
    const auto drawing = draw_regions(one_region({{c, {}}}), 100);
    const auto& shape = drawing.regions[0];
    CHECK(inside(shape.label_x, shape.label_y, outlines_of(shape.path)));
    CHECK(shape.label_x < 25);
}

TEST_CASE("region drawing: an empty map has no regions", "[geo]") {
    const auto drawing = draw_regions(Boundaries{}, 100);
    CHECK(drawing.regions.empty());
    CHECK(drawing.height == 0);
}

TEST_CASE("region drawing: Tunisia's governorates", "[geo]") {
    std::string file;
    for (const char* candidate : {EXPEER_SOURCE_DIR "/templates/map/TN-governorates.geojson"}) {
        std::ifstream in(candidate, std::ios::binary);
        if (!in) continue;
        std::ostringstream bytes;
        bytes << in.rdbuf();
        file = bytes.str();
        break;
    }
    REQUIRE_FALSE(file.empty()); // shipped in templates/map/
    const auto boundaries =
        read_boundaries(file, "TN.geojson", "TN", "shapeISO", test::subdivisions());
    const auto drawing = draw_regions(boundaries, 400);
    REQUIRE(drawing.regions.size() == 24);
    CHECK(drawing.height > drawing.width); // Tunisia is taller than wide
    CHECK(drawing.height < 2.5 * drawing.width);
    std::size_t bytes = 0;
    for (const auto& shape : drawing.regions) {
        INFO(shape.code);
        CHECK_FALSE(shape.path.empty());
        CHECK(shape.area > 0);
        const auto outlines = outlines_of(shape.path);
        CHECK(inside(shape.label_x, shape.label_y, outlines));
        for (const auto& outline : outlines)
            for (const auto& [x, y] : outline) {
                CHECK(x >= 0);
                CHECK(x <= drawing.width);
                CHECK(y >= 0);
                CHECK(y <= drawing.height);
            }
        bytes += shape.path.size();
    }
    // Simplified to what shows: the 10,000 positions of the file make far fewer points.
    INFO(bytes << " bytes of paths");
    CHECK(bytes < 50'000);
}
