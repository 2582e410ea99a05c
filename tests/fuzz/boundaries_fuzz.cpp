// The boundaries of a violation map's regions, as a person prepares them in QGIS or
// mapshaper (or an attacker writes them). What is accepted is also stored and drawn, so the
// writer and the drawing see every file the reader lets through.
#include "config/config_keys.hpp"
#include "config/environment.hpp"
#include "fuzz_target.hpp"
#include "geo/boundaries.hpp"
#include "geo/region_drawing.hpp"
#include "geo/subdivisions.hpp"

namespace {

// Loaded once: the fuzzer calls the target many thousand times a second.
const expeer::Subdivisions& subdivisions() {
    static const expeer::Subdivisions loaded = [] {
        std::string iso, locale;
        for (const auto& key : expeer::expeer_config_keys(expeer::Environment{})) {
            if (key.name == "iso_codes_dir") iso = key.default_value;
            if (key.name == "locale_dir") locale = key.default_value;
        }
        return expeer::Subdivisions::load(iso, locale);
    }();
    return loaded;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& known = subdivisions(); // outside: a missing iso-codes is no finding
    expeer::fuzz::expect_answer_or_refusal([&] {
        // Tunisia's rough extent, as the report's world outlines give it.
        const expeer::BoundingBox tunisia{7.53, 30.31, 11.49, 37.35};
        const auto boundaries = expeer::read_boundaries(
            expeer::fuzz::bytes(data, size), "fuzz.geojson", "TN", "shapeISO", known, tunisia);
        (void)expeer::boundaries_json(boundaries);
        (void)expeer::draw_regions(boundaries, 400);
    });
    return 0;
}
