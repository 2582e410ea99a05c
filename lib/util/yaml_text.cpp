#include "util/yaml_text.hpp"

#include "util/invalid_input.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace expeer {

YAML::Node load_yaml_text(const std::string& text, const std::string& name) {
    if (!text::is_valid_utf8(text)) throw InvalidInput({{name, "YAML", "is not valid UTF-8 (save the file as UTF-8)"}});
    try {
        return YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw InvalidInput({{fmt::format("{}:{}", name, e.mark.line + 1), "YAML", e.msg}});
    }
}

} // namespace expeer
