// YAML that people write (a letter's source, a map's vocabulary, region names): read whole,
// as UTF-8, a syntax error named by the file and line, as every other input error is.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace expeer {

// `name` is the file as messages name it. Throws InvalidInput (exit status 65).
YAML::Node load_yaml_text(const std::string& text, const std::string& name);

} // namespace expeer
