#include "config/environment.hpp"

namespace expeer {

Environment Environment::from_process(char** envp) {
    Environment env;
    for (char** p = envp; p && *p; ++p) {
        const std::string entry(*p);
        const auto eq = entry.find('=');
        if (eq != std::string::npos) env.variables[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    return env;
}

std::optional<std::string> Environment::get(const std::string& name) const {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
}

std::string Environment::get_or(const std::string& name, const std::string& fallback) const {
    const auto value = get(name);
    return value && !value->empty() ? *value : fallback;
}

} // namespace expeer
