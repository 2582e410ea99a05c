// Templates, stylesheets and maps under templates_dir: read whole; a missing one is a
// configuration error naming it.
#pragma once

#include <filesystem>
#include <string>

namespace expeer {

std::string read_template_file(const std::filesystem::path& file);

} // namespace expeer
