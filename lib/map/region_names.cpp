#include "map/region_names.hpp"

#include "util/invalid_input.hpp"
#include "util/text.hpp"
#include "util/yaml_text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

namespace expeer {

RegionNames read_region_names(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::config, fmt::format("cannot read '{}' (region names of the maps)", file.string()));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string name = file.filename().string();
    const YAML::Node root = load_yaml_text(bytes.str(), name);
    RegionNames names;
    if (root.IsNull()) return names;
    if (!root.IsMap()) throw InvalidInput({{name, "YAML", "expected region codes, each with a list of names"}});
    std::vector<FieldError> errors;
    for (const auto& entry : root) {
        const std::string where = fmt::format("{}:{}", name, entry.first.Mark().line + 1);
        const std::string code = entry.first.IsScalar() ? entry.first.Scalar() : "";
        if (code.size() < 4 || code[2] != '-') {
            errors.push_back({where, "code", fmt::format("'{}' is not an ISO 3166-2 code (TN-11)", shown_value(code))});
            continue;
        }
        if (!entry.second.IsSequence()) {
            errors.push_back({where, code, "expected a list of names: [تونس, Tunis]"});
            continue;
        }
        for (const auto& item : entry.second) {
            const std::string value = item.IsScalar() ? item.Scalar() : "";
            if (const auto problem = text::single_line_problem(value); problem || value.empty())
                errors.push_back({where, code, problem.value_or("a name is empty")});
            else names[code].push_back(value);
        }
    }
    if (!errors.empty()) throw InvalidInput(std::move(errors));
    return names;
}

} // namespace expeer
