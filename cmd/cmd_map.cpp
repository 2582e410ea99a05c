// expeer map create|update|import|build|approve|list|show|delete
#include "commands.hpp"
#include "import_options.hpp"
#include "progress.hpp"

#include "map/map_registry.hpp"
#include "stats/world_map.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

MapRegistry registry(Context& context, DatabaseAccess access = DatabaseAccess::read_write) {
    const std::filesystem::path outlines =
        std::filesystem::path(context.config().get("templates_dir")) / "stats" / "world-110m.json";
    const auto extent = [&context, outlines](const std::string& country) {
        return country_extent(outlines, context.countries(), country);
    };
    return MapRegistry(context.database(access), context.clock(),
                       {context.countries(), context.subdivisions(), context.region_names(), extent},
                       context.config().get("actor"));
}

std::int64_t min_cell(Context& context) { return std::stoll(context.config().get("stats.min_cell")); }

nlohmann::ordered_json summary_json(const MapSummary& s) {
    nlohmann::ordered_json row;
    row["slug"] = s.map.slug;
    row["country"] = s.map.country;
    row["title_fr"] = s.map.title_fr;
    row["title_en"] = s.map.title_en;
    row["regions"] = s.regions.size();
    row["categories"] = s.categories.size();
    row["records"] = s.records;
    row["status"] = s.approved() ? "approved" : "draft";
    row["approved_at"] = s.map.approved_at ? nlohmann::ordered_json(*s.map.approved_at) : nullptr;
    return row;
}

struct CreateCommand {
    MapDefinition definition;
};

struct UpdateCommand {
    std::string slug;
    MapChanges changes;
    std::optional<std::string> boundaries, categories;
};

struct ImportCommand {
    std::string slug;
    MapImportOptions options;
    SharedImportOptions shared;
};

struct BuildCommand {
    std::string slug;
    MapBuildOptions options;
    std::vector<std::string> languages;
};

struct SlugCommand {
    std::string slug;
    std::string format;
    bool yes = false;
};

void map_import(Context& context, ImportCommand& c) {
    c.options.invalid = c.shared.invalid_rows();
    const std::string file = printable(c.options.file.string());
    const auto report = registry(context).import(c.slug, c.options, [&](const RecordProblem& p) {
        context.error(fmt::format("{}:{}: {} '{}': {}", file, p.line, p.field, p.value, p.reason));
    });
    const char* outcome = c.options.dry_run             ? "dry run: nothing written"
                          : report.written && report.rejected ? "the other lines were written"
                          : report.written                    ? "written"
                          : report.rejected ? "nothing written: fix the rejected lines, or give --skip-invalid"
                                            : "nothing to change";
    print_import_report(context, report.written, fmt::format("{} added", report.added), [&] {
        context.out << fmt::format("{}: {} records: {} added, {} updated, {} unchanged, {} rejected; {}\n", file,
                                   report.lines, report.added, report.updated, report.unchanged, report.rejected,
                                   outcome);
    });
    context.exit_code = import_exit_code(report.rejected, c.options.invalid);
}

void add_map_editing(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<CreateCommand>();
        auto& d = c->definition;
        auto* create = group.add_subcommand("create", "Make a map of one country's regions, as a draft");
        create->add_option("slug", d.slug, "Its short name: lower-case letters, digits and dashes")->required();
        create->add_option("--country", d.country, "The country (TN, Tunisie, Tunisia)")->required();
        create->add_option("--title-fr", d.title_fr, "The title in French")->required();
        create->add_option("--title-en", d.title_en, "The title in English")->required();
        create->add_option("--boundaries", d.boundaries_file, "GeoJSON of the country's regions, as in expeer-map(5)")
            ->required();
        create->add_option("--categories", d.categories_file, "YAML list of the kinds of violation: code, fr, en")
            ->required();
        create->add_option("--region-key", d.region_key, "The property holding each region's ISO 3166-2 code (shapeISO)");
        create->add_option("--attribution", d.attribution,
                           "The boundaries' credit, shown on the map (© OpenStreetMap contributors, geoBoundaries)")
            ->required();
        create->callback([&, c] {
            action = [&, c] {
                const auto s = registry(context).create(c->definition);
                context.say(fmt::format("expeer: created map '{}' ({} regions, {} categories), a draft", s.map.slug,
                                        s.regions.size(), s.categories.size()));
            };
        });
    }
    {
        auto c = std::make_shared<UpdateCommand>();
        auto* update = group.add_subcommand("update", "Change a map's titles, vocabulary or boundaries (it becomes a draft)");
        update->add_option("slug", c->slug, "The map")->required();
        update->add_option("--title-fr", c->changes.title_fr, "The title in French");
        update->add_option("--title-en", c->changes.title_en, "The title in English");
        update->add_option("--boundaries", c->boundaries, "New GeoJSON of the regions");
        update->add_option("--region-key", c->changes.region_key, "The property holding each region's code");
        update->add_option("--categories", c->categories, "New YAML vocabulary (every category in use kept)");
        update->add_option("--attribution", c->changes.attribution, "The boundaries' credit");
        update->callback([&, c] {
            action = [&, c] {
                if (c->boundaries) c->changes.boundaries_file = *c->boundaries;
                if (c->categories) c->changes.categories_file = *c->categories;
                const auto s = registry(context).update(c->slug, c->changes);
                context.say(fmt::format("expeer: updated map '{}', now a draft", s.map.slug));
            };
        });
    }
    {
        auto c = std::make_shared<ImportCommand>();
        auto* import = group.add_subcommand("import", "Bring in violation records (CSV or JSON Lines), all or nothing");
        import->add_option("slug", c->slug, "The map")->required();
        import->add_option("file", c->options.file, "One record a line, as in expeer-map(5)")->required();
        import->add_flag("--dry-run", c->options.dry_run, "Check everything; write nothing");
        import->add_flag("--skip-invalid", c->shared.skip_invalid, "Import the valid lines even if others are rejected");
        import->add_option("--rejects", c->shared.rejects, "With --skip-invalid: write rejected lines here, with a reason");
        import->add_flag("--force", c->shared.force, "Replace an existing --rejects file");
        import->callback([&, c] { action = [&, c] { map_import(context, *c); }; });
    }
}

void add_map_publishing(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<BuildCommand>();
        auto* build = group.add_subcommand("build", "Write the map's pages, GeoJSON and CSV, safe to publish");
        build->add_option("slug", c->slug, "The map")->required();
        build->add_option("--lang", c->languages, "fr, en, or both (the default)")->delimiter(',');
        build->add_option("--out", c->options.out, "The directory to write into (other files there are kept)")
            ->required();
        build->add_flag("--draft", c->options.draft, "Build a map not approved yet, marked as a draft, to look at");
        build->callback([&, c] {
            action = [&, c] {
                if (!c->languages.empty()) c->options.languages = c->languages;
                c->options.min_cell = min_cell(context);
                const auto r = registry(context, DatabaseAccess::read_only).build(c->slug, c->options);
                context.say(fmt::format("expeer: wrote {} to '{}' ({} records, {} counts not shown){}",
                                        fmt::join(r.files, ", "), printable(c->options.out.string()), r.records,
                                        r.hidden, c->options.draft ? ": a draft, not for publication" : ""));
            };
        });
    }
    {
        auto c = std::make_shared<SlugCommand>();
        auto* approve = group.add_subcommand("approve", "Approve what the map shows now for publication");
        approve->add_option("slug", c->slug, "The map")->required();
        approve->callback([&, c] {
            action = [&, c] {
                const auto r = registry(context).approve(c->slug, min_cell(context));
                context.say(fmt::format("expeer: approved map '{}' ({} records, checksum {})", c->slug, r.records,
                                        r.checksum.substr(0, 12)));
            };
        });
    }
}

void add_map_reading(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<SlugCommand>();
        auto* list = group.add_subcommand("list", "List the maps");
        add_format_option(*list, c->format);
        list->callback([&, c] {
            action = [&, c] {
                Records records;
                records.columns = {"slug", "country", "title_fr", "title_en", "regions", "categories", "records",
                                   "status", "approved_at"};
                for (const auto& s : registry(context, DatabaseAccess::read_only).list()) records.rows.push_back(summary_json(s));
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<SlugCommand>();
        auto* show = group.add_subcommand("show", "Show a map: its regions, vocabulary and records count");
        show->add_option("slug", c->slug, "The map")->required();
        add_format_option(*show, c->format);
        show->callback([&, c] {
            action = [&, c] {
                const auto s = registry(context, DatabaseAccess::read_only).show(c->slug);
                auto row = summary_json(s);
                row["region_key"] = s.map.region_key;
                row["attribution"] = s.map.attribution;
                row["region_codes"] = s.regions;
                row["missing_regions"] = s.missing_regions;
                nlohmann::ordered_json categories = nlohmann::ordered_json::array();
                for (const auto& cat : s.categories) categories.push_back({{"code", cat.code}, {"fr", cat.fr}, {"en", cat.en}});
                row["vocabulary"] = categories;
                if (context.format(c->format) == Format::json) {
                    context.out << row.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
                    return;
                }
                // A field a line: lists joined, the vocabulary as "code: French / English".
                row["region_codes"] = fmt::format("{}", fmt::join(s.regions, " "));
                row["missing_regions"] = fmt::format("{}", fmt::join(s.missing_regions, " "));
                row.erase("vocabulary");
                for (const auto& cat : s.categories) row["category " + cat.code] = cat.fr + " / " + cat.en;
                Records records;
                records.columns = {"field", "value"};
                for (const auto& [key, value] : row.items())
                    records.rows.push_back({{"field", key}, {"value", value.is_string() ? value.get<std::string>() : value.dump()}});
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<SlugCommand>();
        auto* remove = group.add_subcommand("delete", "Delete a map and all its records, leaving nothing of them");
        remove->add_option("slug", c->slug, "The map")->required();
        remove->add_flag("--yes", c->yes, "Really delete (without it, says what would go)");
        remove->callback([&, c] {
            action = [&, c] {
                if (!c->yes) {
                    const auto s = registry(context, DatabaseAccess::read_only).show(c->slug);
                    context.say(fmt::format("expeer: would delete map '{}' and its {} records: run again with --yes",
                                            c->slug, s.records));
                    return;
                }
                const auto deletion = registry(context).remove(c->slug);
                context.say(fmt::format("expeer: deleted map '{}' and its {} records", c->slug, deletion.records));
                if (!deletion.forgotten) context.warn(old_copies_kept);
            };
        });
    }
}

} // namespace

void add_map_commands(CLI::App& group, Context& context, Action& action) {
    add_map_editing(group, context, action);
    add_map_publishing(group, context, action);
    add_map_reading(group, context, action);
}

} // namespace expeer::cli
