// Resolved configuration: every key's value and where it came from.
//
// Order of precedence, lowest first (each layer overrides the ones before it):
//   1. built-in defaults (config_keys.cpp)
//   2. /etc/expeer/config.yaml                      ($EXPEER_SYSTEM_CONFIG moves it, for tests)
//   3. $XDG_CONFIG_HOME/expeer/config.yaml          (~/.config when unset)
//   4. --config FILE
//   5. EXPEER_* environment variables
//   6. command-line flags (--db, --actor...)
#pragma once

#include "config/config_keys.hpp"
#include "config/environment.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

struct ConfigValue {
    std::string value;
    std::string origin; // "default", "/etc/expeer/config.yaml:3", "environment EXPEER_DB"...
};

class Config {
public:
    explicit Config(std::vector<ConfigKey> keys);

    // Reads a YAML file; an unknown key or a value of the wrong type is an Error naming the
    // file, the line and the key. A missing file is skipped unless `required`.
    void load_file(const std::filesystem::path& file, bool required);
    void load_environment(const Environment& env);
    // Sets one key (a flag, or a test), checking its type.
    void set(const std::string& key, const std::string& value, const std::string& origin);

    const std::string& get(const std::string& key) const;
    // A key of a family (or any key) when it is set; nothing otherwise.
    std::optional<std::string> find(const std::string& key) const;
    // Every value in force, in the order of the key table, families' members by name.
    std::vector<std::pair<std::string, ConfigValue>> entries() const;
    long get_integer(const std::string& key) const;
    bool get_boolean(const std::string& key) const;
    const ConfigValue& entry(const std::string& key) const;

    // The value as it may be shown: secrets masked, and the user and password of a URL.
    std::string shown_value(const std::string& key) const;
    // What whoever runs expeer should be told about the files read: a file that holds a
    // secret (a secret key, a URL with a password) and that others can read.
    const std::vector<std::string>& warnings() const { return warnings_; }
    const std::vector<ConfigKey>& keys() const { return keys_; }

private:
    const ConfigKey& key(const std::string& name) const;
    // Why `value` does not fit the key's type, if it does not.
    std::optional<std::string> type_problem(const ConfigKey& key, const std::string& name, const std::string& value) const;
    void warn_if_others_can_read(const std::filesystem::path& file, const std::string& key);

    std::vector<ConfigKey> keys_;
    std::map<std::string, ConfigValue> values_;
    std::vector<std::string> warnings_;
};

struct ConfigSources {
    std::filesystem::path system_file;
    std::filesystem::path user_file;
    std::optional<std::filesystem::path> explicit_file;
};

// Where the files of layers 2 and 3 are, given the environment.
ConfigSources default_config_sources(const Environment& env);

// Layers 1 to 5; the caller applies layer 6 with Config::set.
Config load_config(const Environment& env, const ConfigSources& sources);

} // namespace expeer
