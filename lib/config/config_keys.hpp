// The table of every configuration key: its type, default, environment variable and
// whether it is a secret. config/expeer.example.yaml and expeer-config(5) document each.
#pragma once

#include <string>
#include <vector>

namespace expeer {

enum class ValueType { string, integer, boolean, path, choice };

struct ConfigKey {
    std::string name;          // dotted: "members.default_language"; a family ends in ".*"
                               // ("library.space_quota_mb.*": one key per space slug)
    ValueType type;
    std::string default_value; // as text; may be computed from the environment
    std::string env;           // EXPEER_... variable that sets it
    bool secret = false;       // masked wherever it is shown
    std::vector<std::string> choices = {};
    std::string description = {};
};

struct Environment; // config/environment.hpp

// The keys expeer knows, with defaults resolved against `env` (XDG directories, $USER).
std::vector<ConfigKey> expeer_config_keys(const Environment& env);

} // namespace expeer
