// expeer config show
#include "commands.hpp"

namespace expeer::cli {

namespace {

struct ConfigShowOptions {
    bool origin = false;
    std::string format;
};

void config_show(Context& context, const ConfigShowOptions& options) {
    const Config& config = context.config();
    Records records;
    records.columns = {"key", "value"};
    if (options.origin) records.columns.push_back("origin");
    for (const auto& [name, value] : config.entries()) {
        nlohmann::ordered_json row;
        row["key"] = name;
        row["value"] = config.shown_value(name);
        if (options.origin) row["origin"] = value.origin;
        records.rows.push_back(std::move(row));
    }
    print_records(context.out, records, context.format(options.format));
}

} // namespace

void add_config_commands(CLI::App& group, Context& context, Action& action) {
    auto options = std::make_shared<ConfigShowOptions>();
    auto* show = group.add_subcommand("show", "Show every configuration value, secrets masked");
    show->add_flag("--origin", options->origin, "Also show where each value comes from");
    add_format_option(*show, options->format);
    show->callback([&, options] { action = [&, options] { config_show(context, *options); }; });
}

} // namespace expeer::cli
