// Other names of regions that records may use, by ISO 3166-2 code: Arabic, and the usual
// spellings iso-codes does not give ("Kef" for Le Kef). Shipped as
// templates/map/region-names.yaml; the format is in expeer-map(5).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace expeer {

using RegionNames = std::map<std::string, std::vector<std::string>>;

// A file that cannot be read is a configuration error (a broken installation); every problem
// in it is named with its line (InvalidInput).
RegionNames read_region_names(const std::filesystem::path& file);

} // namespace expeer
