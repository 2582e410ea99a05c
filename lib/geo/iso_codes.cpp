#include "geo/iso_codes.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

#include <fstream>

namespace expeer {

nlohmann::json read_iso_codes_table(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::config, fmt::format("cannot read '{}': install Debian's iso-codes package or set "
                                                   "iso_codes_dir",
                                                   file.string()));
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::config, fmt::format("cannot parse '{}': {}", file.string(), e.what()));
    }
}

} // namespace expeer
