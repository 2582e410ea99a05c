#include "geo/boundaries.hpp"

#include "geo/subdivisions.hpp"
#include "util/invalid_input.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace expeer;
using Catch::Matchers::Contains;

namespace expeer::test {
const Subdivisions& subdivisions(); // subdivisions_test.cpp
} // namespace expeer::test

namespace {

// Tunisia's extent in the report's world outlines (templates/stats/world-110m.json).
const BoundingBox tunisia_box{7.53, 30.31, 11.49, 37.35};

std::string ring(std::initializer_list<std::pair<double, double>> positions) {
    std::string out = "[";
    for (const auto& [lon, lat] : positions)
        out +=
            (out.size() > 1 ? ",[" : "[") + std::to_string(lon) + "," + std::to_string(lat) + "]";
    return out + "]";
}

// A square of `size` degrees with its south-west corner at (lon, lat).
std::string square(double lon, double lat, double size = 0.1) {
    return ring(
        {{lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}, {lon, lat}});
}

std::string polygon(const std::string& rings) {
    return R"({"type":"Polygon","coordinates":[)" + rings + "]}";
}

std::string feature(const std::string& code, const std::string& geometry,
                    const std::string& name = "") {
    std::string properties = code.empty() ? "{" : R"({"shapeISO":")" + code + "\"";
    if (!name.empty())
        properties +=
            (properties.size() > 1 ? "," : "") + std::string(R"("shapeName":")") + name + "\"";
    return R"({"type":"Feature","properties":)" + properties + R"(},"geometry":)" + geometry + "}";
}

std::string collection(std::initializer_list<std::string> features) {
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (const auto& f : features)
        out += (out.back() == '[' ? "" : ",") + f;
    return out + "]}";
}

Boundaries read(const std::string& geojson, const std::optional<BoundingBox>& box = tunisia_box) {
    return read_boundaries(geojson, "TN.geojson", "TN", "shapeISO", test::subdivisions(), box);
}

// The problems a file is refused with, one line each.
std::vector<std::string> problems(const std::string& geojson,
                                  const std::optional<BoundingBox>& box = tunisia_box) {
    try {
        (void)read(geojson, box);
    } catch (const InvalidInput& e) {
        std::vector<std::string> lines;
        for (const auto& error : e.errors())
            lines.push_back(describe(error));
        return lines;
    }
    return {};
}

std::string only_problem(const std::string& geojson,
                         const std::optional<BoundingBox>& box = tunisia_box) {
    const auto lines = problems(geojson, box);
    REQUIRE(lines.size() == 1);
    return lines.front();
}

std::optional<std::string> tunisian_file() {
    for (const char* candidate : {EXPEER_SOURCE_DIR "/templates/map/TN-governorates.geojson"}) {
        std::ifstream in(candidate, std::ios::binary);
        if (!in) continue;
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("boundaries: a small file is read, sorted by code, with the regions it lacks", "[geo]") {
    const auto b = read(collection(
        {feature("TN-12", polygon(square(10.1, 36.8)), "Ariana"),
         feature("TN-11", R"({"type":"MultiPolygon","coordinates":[[)" + square(10.1, 36.7) +
                              "],[" + square(10.3, 36.7) + "]]}")}));
    CHECK(b.country == "TN");
    REQUIRE(b.regions.size() == 2);
    CHECK(b.regions[0].code == "TN-11");
    CHECK(b.regions[0].name == "Tunis"); // none in the file: iso-codes' name
    CHECK(b.regions[0].polygons.size() == 2);
    CHECK(b.regions[1].code == "TN-12");
    CHECK(b.regions[1].name == "Ariana");
    CHECK(b.regions[1].polygons[0].outer.size() == 5);
    CHECK(b.missing.size() == 22);
    CHECK(b.missing.front() == "TN-13");
}

TEST_CASE("boundaries: every refusal names the feature, the field and the value", "[geo]") {
    SECTION("an open ring") {
        CHECK_THAT(
            only_problem(collection({feature(
                "TN-11", polygon(ring({{10, 36}, {10.1, 36}, {10.1, 36.1}, {10, 36.1}})))})),
            Contains(
                "TN.geojson features[0] (TN-11) geometry.coordinates[0] '[10, 36] ... [10, 36.1]': "
                "the ring is not closed"));
    }
    SECTION("a ring of three positions") {
        CHECK_THAT(only_problem(collection(
                       {feature("TN-11", polygon(ring({{10, 36}, {10.1, 36}, {10, 36}})))})),
                   Contains("coordinates[0] '3 positions': a ring needs at least 4 positions"));
    }
    SECTION("a bow-tie") {
        CHECK_THAT(
            only_problem(collection({feature(
                "TN-11",
                polygon(ring({{10, 36}, {10.1, 36.1}, {10.1, 36}, {10, 36.1}, {10, 36}})))})),
            Contains("features[0] (TN-11) geometry.coordinates[0] '[10, 36]': the ring crosses "
                     "itself: its "
                     "segment from position 0 crosses the one from position 2"));
    }
    SECTION("a ring on one line") {
        CHECK_THAT(only_problem(collection({feature(
                       "TN-11", polygon(ring({{10, 36}, {10.1, 36.1}, {10.2, 36.2}, {10, 36}})))})),
                   Contains("encloses no area"));
    }
    SECTION("a code of another country") {
        CHECK_THAT(only_problem(collection({feature("MA-01", polygon(square(10, 36)))})),
                   Contains("TN.geojson features[0] properties.shapeISO 'MA-01': is a region of "
                            "MA, not of TN"));
    }
    SECTION("a code of no region") {
        CHECK_THAT(only_problem(collection({feature("TN-99", polygon(square(10, 36)))})),
                   Contains("'TN-99': is not an ISO 3166-2 code of TN (TN-11 to TN-83)"));
        CHECK_THAT(only_problem(collection({feature("tn-11", polygon(square(10, 36)))})),
                   Contains("'tn-11': write it TN-11"));
        CHECK_THAT(only_problem(
                       collection({R"({"type":"Feature","properties":{"shapeISO":11},"geometry":)" +
                                   polygon(square(10, 36)) + "}"})),
                   Contains("properties.shapeISO '11': expected an ISO 3166-2 code as text"));
    }
    SECTION("no code") {
        CHECK_THAT(only_problem(collection({feature("", polygon(square(10, 36)), "Tunis")})),
                   Contains("TN.geojson features[0] properties.shapeISO '': missing"));
    }
    SECTION("the same code twice") {
        CHECK_THAT(
            only_problem(collection({feature("TN-11", polygon(square(10, 36))),
                                     feature("TN-11", polygon(square(10.5, 36)))})),
            Contains("features[1] properties.shapeISO 'TN-11': also the code of features[0]"));
    }
    SECTION("a geometry that is no polygon") {
        CHECK_THAT(
            only_problem(
                collection({feature("TN-11", R"({"type":"Point","coordinates":[10,36]})")})),
            Contains(
                "features[0] (TN-11) geometry.type 'Point': expected Polygon or MultiPolygon"));
        CHECK_THAT(only_problem(collection({feature("TN-11", "null")})),
                   Contains("geometry.type 'null': expected Polygon or MultiPolygon"));
    }
    SECTION("coordinates out of range") {
        CHECK_THAT(
            only_problem(collection(
                {feature("TN-11", polygon(ring({{10, 36}, {200, 36}, {10, 37}, {10, 36}})))})),
            Contains("coordinates[0][1] '[200.0, 36.0]': is out of range: longitude -180..180"));
        CHECK_THAT(
            only_problem(
                collection({feature("TN-11", polygon(R"([[10,36],[10,"a"],[11,37],[10,36]])"))})),
            Contains("coordinates[0][1] '[10, a]': expected a position: [longitude, latitude]"));
    }
    SECTION("a region outside the country") {
        CHECK_THAT(
            only_problem(collection({feature("TN-11", polygon(square(2, 48)))})),
            Contains("features[0] (TN-11) geometry 'lon 2..2.1, lat 48..48.1': lies outside TN"));
        CHECK(
            problems(collection({feature("TN-11", polygon(square(2, 48)))}), std::nullopt).empty());
    }
    SECTION("not JSON, or not a FeatureCollection") {
        CHECK_THAT(only_problem("{\"type\":"),
                   Contains("TN.geojson 'JSON': is not valid JSON: parse error at line 1"));
        CHECK_THAT(
            only_problem(collection({feature("TN-11", polygon("[[1e999,36]]"))})),
            Contains("TN.geojson 'JSON': is not valid JSON: number overflow parsing '1e999'"));
        CHECK_THAT(only_problem(R"({"type":"Feature"})"),
                   Contains("TN.geojson type 'Feature': expected a GeoJSON FeatureCollection"));
        CHECK_THAT(only_problem("[1,2]"), Contains("TN.geojson type '(a list)'"));
        CHECK_THAT(only_problem(R"({"type":"FeatureCollection","features":{}})"),
                   Contains("TN.geojson features '(an object)': expected a list of features"));
        CHECK_THAT(only_problem(collection({"3"})),
                   Contains("TN.geojson features[0] '3': expected a Feature"));
        CHECK_THAT(only_problem(collection({})),
                   Contains("TN.geojson features '[]': there is no region to draw"));
    }
    SECTION("control characters in a value are shown escaped") {
        CHECK_THAT(only_problem(collection({feature("TN-\\u001b[2J", polygon(square(10, 36)))})),
                   Contains("'TN-\\x1b[2J'"));
        CHECK_THAT(
            only_problem(collection({feature("TN-11", polygon(square(10, 36)), "Tunis\\u202e")})),
            Contains("features[0] (TN-11) properties.shapeName"));
    }
}

TEST_CASE("boundaries: positions written [latitude, longitude] are said to be swapped", "[geo]") {
    // Tunisia's coordinates fit the world either way: only its box tells them apart.
    const std::string swapped = collection(
        {feature("TN-11", polygon(square(36, 10))), feature("TN-12", polygon(square(36.5, 10)))});
    CHECK_THAT(
        only_problem(swapped),
        Contains(
            "TN.geojson coordinates 'lon 36..36.6, lat 10..10.1': the positions look like "
            "[latitude, "
            "longitude] (TN lies at lon 7.53..11.49, lat 30.31..37.35): GeoJSON writes [longitude, "
            "latitude]"));
    CHECK_THAT(
        only_problem(collection({feature("TN-11", polygon(square(36, 10))),
                                 feature("TN-12", polygon(square(10, 36)))})),
        Contains("features[0] (TN-11) geometry 'lon 36..36.1, lat 10..10.1': lies outside TN (lon "
                 "7.53..11.49, lat 30.31..37.35), but inside once read as [latitude, longitude]"));
    // Without a box, a latitude past the pole gives it away.
    const auto lines =
        problems(collection({feature("TN-11", polygon(square(60, 120)))}), std::nullopt);
    REQUIRE(lines.size() == 2);
    CHECK_THAT(
        lines[0],
        Contains("coordinates[0][0] '[60.0, 120.0]': is out of range: the positions look like "
                 "[latitude, longitude]"));
    CHECK_THAT(lines[1], Contains("coordinates[0] '4 more positions': like the one above"));
}

TEST_CASE("boundaries: every problem of the file is listed at once", "[geo]") {
    const auto lines = problems(
        collection({feature("MA-01", polygon(square(10, 36))), feature("", polygon(square(10, 36))),
                    feature("TN-12", R"({"type":"LineString","coordinates":[]})"),
                    feature("TN-13", polygon(square(10, 36)) + "x")}));
    // The last feature is not JSON: the whole file is refused for that alone.
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines[0], Contains("not valid JSON"));
    const auto three = problems(
        collection({feature("MA-01", polygon(square(10, 36))), feature("", polygon(square(10, 36))),
                    feature("TN-12", R"({"type":"LineString","coordinates":[]})")}));
    CHECK(three.size() == 3);
}

TEST_CASE("boundaries: the stored form is compact, rounded to 5 decimals, and reads back the same",
          "[geo]") {
    const auto b = read(collection({feature("TN-11",
                                            polygon(ring({{10.123456789, 36},
                                                          {10.2, 36},
                                                          {10.2, 36.1},
                                                          {10.123456789, 36.1},
                                                          {10.123456789, 36}}) +
                                                    "," + square(10.15, 36.02, 0.01)),
                                            "Tunis")}));
    const std::string stored = boundaries_json(b);
    CHECK_THAT(
        stored,
        Contains(R"({"type":"FeatureCollection","country":"TN","features":[{"type":"Feature",)"
                 R"("properties":{"code":"TN-11","shapeISO":"TN-11","name":"Tunis"},)"
                 R"("geometry":{"type":"Polygon","coordinates":[[[10.12346,36.0],)"));
    CHECK(stored.find(' ') == std::string::npos);
    for (const char* key : {"code", "shapeISO"}) {
        auto again = read_boundaries(stored, "stored", "TN", key, test::subdivisions());
        REQUIRE(again.regions.size() == 1);
        CHECK(again.regions[0].name == "Tunis");
        CHECK(again.regions[0].polygons[0].outer == b.regions[0].polygons[0].outer);
        CHECK(again.regions[0].polygons[0].holes == b.regions[0].polygons[0].holes);
        again.region_key = "shapeISO";
        CHECK(boundaries_json(again) == stored);
    }
}

TEST_CASE("boundaries: Tunisia's 24 governorates", "[geo]") {
    const auto file = tunisian_file();
    REQUIRE(file); // shipped in templates/map/
    const auto b = read(*file);
    REQUIRE(b.regions.size() == 24);
    CHECK(b.missing.empty());
    CHECK(b.regions.front().code == "TN-11");
    CHECK(b.regions.front().name == "Tunis");
    std::size_t several = 0;
    for (const auto& region : b.regions)
        several += region.polygons.size() > 1;
    CHECK(several == 5);
    const std::string stored = boundaries_json(b);
    CHECK(stored.size() < file->size());
    const auto again =
        read_boundaries(stored, "stored", "TN", "shapeISO", test::subdivisions(), tunisia_box);
    CHECK(boundaries_json(again) == stored);
    // The same file for another country is refused feature by feature.
    try {
        (void)read_boundaries(*file, "TN.geojson", "MA", "shapeISO", test::subdivisions());
        FAIL("read");
    } catch (const InvalidInput& e) {
        CHECK(e.errors().size() == 24);
        CHECK_THAT(describe(e.errors()[0]), Contains("'TN-11': is a region of TN, not of MA"));
    }
}
