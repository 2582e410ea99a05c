// The statistics part of the configuration, read and checked once.
#pragma once

#include "stats/disclosure.hpp"
#include "stats/report.hpp"

#include <filesystem>
#include <string>

namespace expeer {

class Config;
class Countries;

struct StatsSettings {
    std::string time_zone;
    int year_starts = 1;
    StatsRules rules;
    DisclosureRules disclosure; // internal is for the command to set
    std::size_t top_countries = 9;
    std::filesystem::path templates_dir;
};

// An unknown activity kind, country or a bad class list is a config Error naming the key.
StatsSettings stats_settings(const Config& config, const Countries& countries);
// Who is left out of every count (stats.test_accounts): the report and the letter's figures.
StatsScope stats_scope(const Config& config);

// "a, b,,c" -> {"a", "b", "c"}
std::vector<std::string> split_list(const std::string& text);

} // namespace expeer
