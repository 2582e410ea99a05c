#include "util/template_file.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace expeer {

std::string read_template_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::config, fmt::format("cannot read the template '{}'", file.string()));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace expeer
