#include "map/map_registry.hpp"

#include "geo/boundaries.hpp"
#include "geo/countries.hpp"
#include "geo/subdivisions.hpp"
#include "map/categories.hpp"
#include "store/database.hpp"
#include "util/clock.hpp"
#include "util/invalid_input.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace expeer {

namespace {

// A country's regions fit in a few megabytes once simplified; a larger file is a mistake
// (a detailed national survey) that would make every page heavy.
constexpr std::uintmax_t largest_boundaries_file = 64 * 1024 * 1024;

std::string read_file(const std::filesystem::path& file, std::uintmax_t largest) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    std::ifstream in(file, std::ios::binary);
    if (error || !in) throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", file.string()));
    if (size > largest)
        throw Error(ErrorKind::data, fmt::format("'{}' is {} MB: simplify the boundaries (mapshaper, ogr2ogr "
                                                 "-simplify) to under {} MB",
                                                 file.string(), size / 1000000, largest / 1000000));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

Boundaries stored_boundaries(const MapRow& map, const Subdivisions& subdivisions) {
    return read_boundaries(map.boundaries, "map " + map.slug, map.country, "code", subdivisions);
}

std::string audit_details(const nlohmann::json& details) { return details.dump(); }

} // namespace

MapRegistry::MapRegistry(Database& db, const Clock& clock, MapGeography geography, std::string actor)
    : db_(db), clock_(clock), geography_(geography), actor_(std::move(actor)) {}

std::optional<BoundingBox> MapRegistry::extent_of(const std::string& country) const {
    return geography_.country_extent ? geography_.country_extent(country) : std::nullopt;
}

MapRow MapRegistry::found(const std::string& slug) {
    auto map = MapStore(db_).find(slug);
    if (!map) throw Error(ErrorKind::not_found, fmt::format("no map '{}' (see `expeer map list`)", shown_value(slug)));
    return *map;
}

MapSummary MapRegistry::summary(const MapRow& map) {
    MapStore store(db_);
    MapSummary s;
    s.map = map;
    s.categories = store.categories(map.id);
    s.records = store.record_count(map.id);
    const Boundaries boundaries = stored_boundaries(map, geography_.subdivisions);
    for (const auto& region : boundaries.regions) s.regions.push_back(region.code);
    s.missing_regions = boundaries.missing;
    s.map.boundaries.clear();
    return s;
}

MapSummary MapRegistry::create(const MapDefinition& d) {
    std::vector<FieldError> errors;
    if (!text::is_slug(d.slug))
        errors.push_back({"slug", shown_value(d.slug), "must be lower-case letters, digits and single dashes, 64 at most"});
    const auto country = geography_.countries.find(d.country);
    if (!country) errors.push_back({"country", shown_value(d.country), "unknown country (an ISO 3166 code: TN, MA)"});
    for (const auto& [field, title] : {std::pair<const char*, const std::string*>{"title-fr", &d.title_fr},
                                       std::pair<const char*, const std::string*>{"title-en", &d.title_en}}) {
        if (title->find_first_not_of(" \t") == std::string::npos) errors.push_back({field, "", "is required"});
        else if (const auto problem = text::single_line_problem(*title)) errors.push_back({field, shown_value(*title), *problem});
    }
    if (!errors.empty()) throw InvalidInput(std::move(errors));
    const auto categories = read_categories(d.categories_file);
    const Boundaries boundaries = read_boundaries(read_file(d.boundaries_file, largest_boundaries_file),
                                                  d.boundaries_file.filename().string(), *country, d.region_key,
                                                  geography_.subdivisions, extent_of(*country));
    return db_.write([&](Write& w) {
        MapStore store(db_);
        if (store.find(d.slug))
            throw InvalidInput({{"slug", d.slug, "is already a map's (change it with `expeer map update`)"}});
        MapRow map;
        map.slug = d.slug;
        map.country = *country;
        map.title_fr = d.title_fr;
        map.title_en = d.title_en;
        map.region_key = d.region_key;
        map.boundaries = boundaries_json(boundaries);
        map.attribution = d.attribution;
        map.created_at = map.updated_at = format_timestamp(clock_.now());
        map.id = store.insert(map);
        store.set_categories(map.id, categories);
        w.audit({0, map.created_at, actor_, "map.create", "map", d.slug,
                 audit_details({{"country", map.country}, {"regions", boundaries.regions.size()},
                                {"categories", categories.size()}})});
        return summary(map);
    });
}

MapSummary MapRegistry::update(const std::string& slug, const MapChanges& c) {
    std::optional<std::vector<MapCategory>> categories;
    if (c.categories_file) categories = read_categories(*c.categories_file);
    std::optional<std::string> boundaries_text;
    if (c.boundaries_file) boundaries_text = read_file(*c.boundaries_file, largest_boundaries_file);
    return db_.write([&](Write& w) {
        MapStore store(db_);
        MapRow map = found(slug);
        std::vector<std::string> fields;
        const auto apply = [&](const std::optional<std::string>& value, std::string& into, const char* field) {
            if (!value) return;
            if (const auto problem = text::single_line_problem(*value))
                throw InvalidInput({{field, shown_value(*value), *problem}});
            into = *value;
            fields.push_back(field);
        };
        apply(c.title_fr, map.title_fr, "title_fr");
        apply(c.title_en, map.title_en, "title_en");
        apply(c.attribution, map.attribution, "attribution");
        if (c.region_key) map.region_key = *c.region_key;
        if (boundaries_text) {
            const Boundaries boundaries = read_boundaries(*boundaries_text, c.boundaries_file->filename().string(),
                                                          map.country, map.region_key, geography_.subdivisions,
                                                          extent_of(map.country));
            std::set<std::string> drawn;
            for (const auto& region : boundaries.regions) drawn.insert(region.code);
            std::set<std::string> lost;
            store.for_each_record(map.id, [&](const MapRecord& r) {
                if (!drawn.count(r.region)) lost.insert(r.region);
            });
            if (!lost.empty())
                throw Error(ErrorKind::data, fmt::format("the new boundaries lack regions that records are in: {} "
                                                         "(correct or delete those records first)",
                                                         fmt::join(lost, ", ")));
            map.boundaries = boundaries_json(boundaries);
            fields.push_back("boundaries");
        }
        if (categories) {
            store.set_categories(map.id, *categories);
            if (const auto outside = store.records_outside(map.id); outside > 0)
                throw Error(ErrorKind::data, fmt::format("{} record(s) have a category the new vocabulary lacks: "
                                                         "keep their codes, or import them again with new ones first",
                                                         outside));
            fields.push_back("categories");
        }
        // Whatever changed, what was approved is not what would be built any more.
        map.approved_checksum.reset();
        map.approved_at.reset();
        map.approved_by.reset();
        map.updated_at = format_timestamp(clock_.now());
        store.update(map);
        w.audit({0, map.updated_at, actor_, "map.update", "map", slug, audit_details({{"fields", fields}})});
        return summary(map);
    });
}

std::vector<MapSummary> MapRegistry::list() {
    return db_.read([&](Read&) {
        std::vector<MapSummary> out;
        for (const auto& map : MapStore(db_).all()) out.push_back(summary(map));
        return out;
    });
}

MapSummary MapRegistry::show(const std::string& slug) {
    return db_.read([&](Read&) { return summary(found(slug)); });
}

MapRegistry::Deletion MapRegistry::remove(const std::string& slug) {
    Deletion deletion;
    deletion.records = db_.write([&](Write& w) {
        MapStore store(db_);
        const MapRow map = found(slug);
        const std::int64_t count = store.record_count(map.id);
        store.remove(map.id);
        w.audit({0, format_timestamp(clock_.now()), actor_, "map.delete", "map", slug,
                 audit_details({{"records", count}})});
        return count;
    });
    // The records are personal data: no old copy of them stays in the database's files.
    deletion.forgotten = db_.checkpoint_and_truncate();
    return deletion;
}

RecordVocabulary MapRegistry::vocabulary(const MapRow& map, const std::vector<MapCategory>& categories) const {
    const Boundaries boundaries = stored_boundaries(map, geography_.subdivisions);
    auto names = std::make_shared<std::map<std::string, std::string>>(); // folded name -> code
    auto shown = std::make_shared<std::vector<std::pair<std::string, std::string>>>(); // (folded, "Sfax (TN-61)")
    for (const auto& region : boundaries.regions) {
        const std::string en = geography_.subdivisions.name(region.code, "en");
        for (const auto& name : {region.code, region.name, en, geography_.subdivisions.name(region.code, "fr")})
            names->emplace(text::fold_words(name), region.code);
        // "TN-11" also as "11": projects number regions as their country's statistics do.
        names->emplace(text::fold_words(region.code.substr(region.code.find('-') + 1)), region.code);
        if (const auto other = geography_.other_names.find(region.code); other != geography_.other_names.end())
            for (const auto& name : other->second) names->emplace(text::fold_words(name), region.code);
        shown->push_back({text::fold_words(en), fmt::format("{} ({})", en, region.code)});
    }
    RecordVocabulary v;
    v.categories = categories;
    v.region_code = [names](std::string_view written) -> std::optional<std::string> {
        const auto it = names->find(text::fold_words(written));
        if (it == names->end()) return std::nullopt;
        return it->second;
    };
    v.region_suggestions = [shown](std::string_view written) {
        // The regions whose name is a typing slip away from what was written.
        const std::string key = text::fold_words(written);
        std::vector<std::pair<std::size_t, std::string>> scored;
        if (key.size() < 3) return std::vector<std::string>{};
        const std::size_t limit = std::max<std::size_t>(1, key.size() / 3);
        for (const auto& [name, label] : *shown)
            if (const auto distance = text::edit_distance(key, name); distance <= limit) scored.push_back({distance, label});
        std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::string> out;
        for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
        return out;
    };
    return v;
}

MapImportReport MapRegistry::import(const std::string& slug, const MapImportOptions& options,
                                    const std::function<void(const RecordProblem&)>& on_problem) {
    const RecordFormat format = record_format_for(options.file);
    RejectsFile rejects(options.invalid, options.dry_run);
    MapImportReport report;
    db_.write([&](Write& w) {
        MapStore store(db_);
        const MapRow map = found(slug);
        const RecordVocabulary vocabulary = this->vocabulary(map, store.categories(map.id));
        RecordReadOptions read;
        read.today = format_date(date_of(clock_.now()));
        read.encoding = options.encoding;
        if (rejects.open()) read.on_rejected_text = [&](std::string_view text) { rejects.write(text); };
        const std::string now = format_timestamp(clock_.now());
        const RecordReading reading = read_records(
            options.file, format, vocabulary, read,
            [&](const MapRecord& record, std::size_t) {
                switch (store.put_record(map.id, record, now)) {
                case RecordChange::added: ++report.added; break;
                case RecordChange::updated: ++report.updated; break;
                case RecordChange::unchanged: ++report.unchanged; break;
                }
            },
            on_problem);
        report.lines = reading.lines;
        report.rejected = reading.rejected;
        const bool changed = report.added + report.updated > 0;
        if (options.dry_run || !options.invalid.may_commit(report.rejected) || !changed) {
            w.discard();
            return;
        }
        // The map changed: what was approved is not what would be built any more.
        if (map.approved_checksum) {
            MapRow draft = map;
            draft.approved_checksum.reset();
            draft.approved_at.reset();
            draft.approved_by.reset();
            draft.updated_at = now;
            store.update(draft);
        }
        w.audit({0, now, actor_, "map.import", "map", slug,
                 audit_details({{"added", report.added}, {"updated", report.updated}, {"rejected", report.rejected}})});
        report.written = true;
    });
    if (report.written || (options.invalid.skip && !options.dry_run)) rejects.commit();
    return report;
}

} // namespace expeer
