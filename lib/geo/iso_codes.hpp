// Debian's iso-codes, where expeer's countries and regions come from: one of its JSON tables
// (iso_3166-1.json, iso_3166-2.json), read whole.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>

namespace expeer {

// A file missing or not JSON is a configuration Error: the package, or iso_codes_dir.
nlohmann::json read_iso_codes_table(const std::filesystem::path& file);

} // namespace expeer
