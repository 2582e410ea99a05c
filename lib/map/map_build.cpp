// MapRegistry's publishing: what a map shows, approved, then built.
#include "geo/boundaries.hpp"
#include "geo/subdivisions.hpp"
#include "map/map_figures.hpp"
#include "map/map_page.hpp"
#include "map/map_registry.hpp"
#include "store/database.hpp"
#include "util/atomic_file.hpp"
#include "util/clock.hpp"
#include "util/invalid_input.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

namespace expeer {

struct MapRegistry::Publication {
    MapRow map;
    std::vector<MapCategory> categories;
    Boundaries boundaries;
    MapFigures figures;
    std::int64_t records = 0;
    std::map<std::string, std::map<std::string, std::string>> names;
    std::string checksum;

    MapPageInput page(bool draft) const { return {map, categories, boundaries, figures, names, draft}; }
};

MapRegistry::Publication MapRegistry::publication(const MapRow& map, std::int64_t min_cell) {
    Publication p;
    MapStore store(db_);
    p.map = map;
    p.categories = store.categories(map.id);
    p.boundaries = read_boundaries(map.boundaries, "map " + map.slug, map.country, "code", geography_.subdivisions);
    std::vector<std::string> codes;
    for (const auto& region : p.boundaries.regions) codes.push_back(region.code);
    MapTally tally(codes, p.categories);
    store.for_each_record(map.id, [&](const MapRecord& record) {
        tally.add(record);
        ++p.records;
    });
    p.figures = tally.disclose(min_cell);
    if (!p.figures.audit.passed()) {
        std::vector<std::string> exposed;
        for (const auto* cell : p.figures.audit.exposed()) exposed.push_back(cell->id);
        throw Error(ErrorKind::failure, fmt::format("the map's small counts could not all be protected ({}): nothing "
                                                    "was written",
                                                    fmt::join(exposed, ", ")));
    }
    for (const auto& region : p.boundaries.regions)
        for (const char* language : {"fr", "en"})
            p.names[language][region.code] = geography_.subdivisions.name(region.code, language);
    for (const auto& code : p.boundaries.missing)
        for (const char* language : {"fr", "en"}) p.names[language][code] = geography_.subdivisions.name(code, language);
    // What is published, whatever the languages: the figures, the shapes, the titles.
    const MapPageInput page = p.page(false);
    p.checksum = sha256_hex(map_geojson(page) + map_csv(page));
    return p;
}

MapBuildReport MapRegistry::build(const std::string& slug, const MapBuildOptions& options) {
    for (const auto& language : options.languages)
        if (language != "fr" && language != "en")
            throw InvalidInput({{"lang", shown_value(language), "the map is in fr and en"}});
    const Publication p = db_.read([&](Read&) { return publication(found(slug), options.min_cell); });
    if (!options.draft) {
        if (!p.map.approved_checksum)
            throw Error(ErrorKind::data, fmt::format("map '{}' is not approved: look at it with `expeer map build {} "
                                                     "--draft --out DIR`, then `expeer map approve {}`",
                                                     slug, slug, slug));
        if (*p.map.approved_checksum != p.checksum)
            throw Error(ErrorKind::data, fmt::format("map '{}' changed since it was approved on {}: approve it again "
                                                     "after looking at the draft",
                                                     slug, p.map.approved_at.value_or("?")));
    }
    MapBuildReport report;
    report.records = p.records;
    report.hidden = p.figures.hidden;
    report.checksum = p.checksum;
    // The set appears whole or not at all; other files in the directory stay.
    AtomicDirectory out(options.out);
    const MapPageInput page = p.page(options.draft);
    for (const auto& language : options.languages) {
        report.files.push_back(fmt::format("{}.{}.html", slug, language));
        out.write(report.files.back(), map_html(page, language));
    }
    report.files.push_back(slug + ".geojson");
    out.write(report.files.back(), map_geojson(page));
    report.files.push_back(slug + ".csv");
    out.write(report.files.back(), map_csv(page));
    out.commit();
    return report;
}

MapBuildReport MapRegistry::approve(const std::string& slug, std::int64_t min_cell) {
    return db_.write([&](Write& w) {
        MapRow map = found(slug);
        const Publication p = publication(map, min_cell);
        map.approved_checksum = p.checksum;
        map.approved_at = format_timestamp(clock_.now());
        map.approved_by = actor_;
        MapStore(db_).update(map);
        w.audit({0, *map.approved_at, actor_, "map.approve", "map", slug,
                 fmt::format("{{\"checksum\":\"{}\",\"records\":{}}}", p.checksum, p.records)});
        MapBuildReport report;
        report.records = p.records;
        report.hidden = p.figures.hidden;
        report.checksum = p.checksum;
        return report;
    });
}

} // namespace expeer
