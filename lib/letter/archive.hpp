// The letter's web archive: every issue that was sent, as it was approved, in each language,
// with nobody's name or token; an index per language by year, and an Atom feed per language,
// so that the network's website can publish it as static files.
#pragma once

#include <filesystem>
#include <string>

namespace expeer {

class Config;
class Database;

// Writes ISSUE.LANG.html, index.LANG.html and feed.LANG.xml into `out` (made if need be);
// returns the number of issues. `directory` holds the sources, for approvals from before the
// editions were kept.
std::size_t write_archive(Database& db, const Config& config, const std::filesystem::path& directory,
                          const std::filesystem::path& out);

} // namespace expeer
