// A map's vocabulary of kinds of violation, from a YAML file: a list of {code, fr, en}.
// The format is in expeer-map(5).
#pragma once

#include "map/map_record.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace expeer {

// Every problem at once, each naming the file and line (InvalidInput, exit 65); a file that
// cannot be read is exit 66.
std::vector<MapCategory> read_categories(const std::filesystem::path& file);
std::vector<MapCategory> parse_categories(const std::string& text, const std::string& name);

} // namespace expeer
