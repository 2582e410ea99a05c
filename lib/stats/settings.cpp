#include "stats/settings.hpp"

#include "activity/activity.hpp"
#include "config/config.hpp"
#include "geo/countries.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace expeer {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const std::string item = text::trim(std::string_view(text).substr(start, comma - start));
        if (!item.empty()) items.push_back(item);
        start = comma + 1;
    }
    return items;
}

namespace {

[[noreturn]] void bad(const Config& config, const std::string& key, const std::string& why) {
    throw Error(ErrorKind::config, fmt::format("{} '{}' ({}): {}", key, config.get(key), config.entry(key).origin, why));
}

} // namespace

StatsScope stats_scope(const Config& config) { return {split_list(config.get("stats.test_accounts"))}; }

StatsSettings stats_settings(const Config& config, const Countries& countries) {
    StatsSettings s;
    s.time_zone = config.get("stats.time_zone");
    s.year_starts = static_cast<int>(config.get_integer("stats.year_starts"));
    if (s.year_starts < 1 || s.year_starts > 12) bad(config, "stats.year_starts", "a month, 1 to 12");

    s.rules.active_kinds = split_list(config.get("stats.active_kinds"));
    if (s.rules.active_kinds.empty()) bad(config, "stats.active_kinds", "give at least one activity kind");
    for (const auto& kind : s.rules.active_kinds)
        if (std::find(activity_kinds().begin(), activity_kinds().end(), kind) == activity_kinds().end())
            bad(config, "stats.active_kinds", fmt::format("'{}' is not an activity kind (news, comment, file, "
                                                          "membership, login, view)", kind));
    s.rules.scope = stats_scope(config);

    s.disclosure.min_cell = config.get_integer("stats.min_cell");
    if (s.disclosure.min_cell < 1) bad(config, "stats.min_cell", "at least 1");
    for (const auto& name : split_list(config.get("stats.sensitive_countries"))) {
        const auto code = countries.find(name);
        if (!code) bad(config, "stats.sensitive_countries", fmt::format("unknown country '{}'", name));
        s.disclosure.sensitive_countries.insert(*code);
    }
    for (const auto& bound : split_list(config.get("stats.map_classes"))) {
        long value = 0;
        try {
            std::size_t used = 0;
            value = std::stol(bound, &used);
            if (used != bound.size()) throw std::invalid_argument(bound);
        } catch (const std::exception&) {
            bad(config, "stats.map_classes", fmt::format("'{}' is not a whole number", bound));
        }
        if (value < 1 || (!s.disclosure.map_classes.empty() && value <= s.disclosure.map_classes.back()))
            bad(config, "stats.map_classes", "lower bounds of the classes above 0, increasing, from 1");
        s.disclosure.map_classes.push_back(value);
    }
    if (s.disclosure.map_classes.empty() || s.disclosure.map_classes.size() > 6)
        bad(config, "stats.map_classes", "between 1 and 6 classes above 0");
    s.top_countries = static_cast<std::size_t>(std::max(0L, config.get_integer("stats.top_countries")));
    s.templates_dir = config.get("templates_dir");
    return s;
}

} // namespace expeer
