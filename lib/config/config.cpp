#include "config/config.hpp"

#include "util/error.hpp"
#include "util/url.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>

namespace expeer {

namespace {

bool is_family(const ConfigKey& k) { return k.name.ends_with(".*"); }

// Whether `name` is `k` itself or a member of the family `k`.
bool names(const ConfigKey& k, const std::string& name) {
    if (!is_family(k)) return k.name == name;
    const std::string prefix = k.name.substr(0, k.name.size() - 1); // "library.space_quota_mb."
    return name.size() > prefix.size() && name.starts_with(prefix) && name.find('.', prefix.size()) == std::string::npos;
}

} // namespace

Config::Config(std::vector<ConfigKey> keys) : keys_(std::move(keys)) {
    for (const auto& k : keys_)
        if (!is_family(k)) values_[k.name] = {k.default_value, "default"};
}

const ConfigKey& Config::key(const std::string& name) const {
    const auto it = std::find_if(keys_.begin(), keys_.end(), [&](const ConfigKey& k) { return names(k, name); });
    if (it == keys_.end()) throw Error(ErrorKind::config, fmt::format("unknown configuration key '{}'", name));
    return *it;
}

std::optional<std::string> Config::find(const std::string& name) const {
    key(name);
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second.value;
}

std::vector<std::pair<std::string, ConfigValue>> Config::entries() const {
    std::vector<std::pair<std::string, ConfigValue>> out;
    for (const auto& k : keys_)
        for (const auto& [name, value] : values_)
            if (names(k, name)) out.emplace_back(name, value);
    return out;
}

std::optional<std::string> Config::type_problem(const ConfigKey& k, const std::string& name, const std::string& value) const {
    switch (k.type) {
    case ValueType::integer: {
        if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos ||
            value.size() > 12)
            return fmt::format("'{}' must be a whole number, not '{}'", name, value);
        return std::nullopt;
    }
    case ValueType::boolean:
        if (value != "true" && value != "false")
            return fmt::format("'{}' must be true or false, not '{}'", name, value);
        return std::nullopt;
    case ValueType::choice:
        if (std::find(k.choices.begin(), k.choices.end(), value) == k.choices.end())
            return fmt::format("'{}' must be one of {}, not '{}'", name,
                               fmt::join(k.choices, ", "), value);
        return std::nullopt;
    case ValueType::path:
        if (value.empty()) return fmt::format("'{}' must not be empty", name);
        return std::nullopt;
    case ValueType::string: return std::nullopt;
    }
    return std::nullopt;
}

void Config::set(const std::string& name, const std::string& value, const std::string& origin) {
    const auto& k = key(name);
    if (const auto problem = type_problem(k, name, value))
        throw Error(ErrorKind::config, fmt::format("{}: {}", origin, *problem));
    values_[name] = {value, origin};
}

namespace {

// Walks nested maps into dotted keys, calling `visit(key, node)` on each leaf.
template <typename Visit>
void walk(const YAML::Node& node, const std::string& prefix, const Visit& visit) {
    for (const auto& item : node) {
        const std::string name = prefix.empty() ? item.first.Scalar() : prefix + "." + item.first.Scalar();
        if (item.second.IsMap()) walk(item.second, name, visit);
        else visit(name, item.first, item.second);
    }
}

} // namespace

void Config::load_file(const std::filesystem::path& file, bool required) {
    std::ifstream in(file);
    if (!in) {
        if (!required && !std::filesystem::exists(file)) return;
        throw Error(ErrorKind::config, fmt::format("cannot read '{}': {}", file.string(), std::strerror(errno)));
    }
    YAML::Node root;
    try {
        root = YAML::Load(in);
    } catch (const YAML::Exception& e) {
        throw Error(ErrorKind::config, fmt::format("{}:{}: {}", file.string(), e.mark.line + 1, e.msg));
    }
    if (root.IsNull()) return; // an empty file configures nothing
    if (!root.IsMap())
        throw Error(ErrorKind::config, fmt::format("{}: the file must be a map of keys and values", file.string()));
    std::optional<std::string> secret_key; // the first key of the file that holds a secret
    walk(root, "", [&](const std::string& name, const YAML::Node& key_node, const YAML::Node& value) {
        const std::string where = fmt::format("{}:{}", file.string(), key_node.Mark().line + 1);
        const auto known = std::find_if(keys_.begin(), keys_.end(), [&](const ConfigKey& k) { return names(k, name); });
        if (known == keys_.end())
            throw Error(ErrorKind::config, fmt::format("{}: unknown key '{}'", where, name));
        if (!value.IsScalar())
            throw Error(ErrorKind::config, fmt::format("{}: '{}' must be a single value", where, name));
        set(name, value.Scalar(), where);
        const bool secret = (known->secret && !value.Scalar().empty()) ||
                            url_without_credentials(value.Scalar()) != value.Scalar();
        if (secret && !secret_key) secret_key = name;
    });
    if (secret_key) warn_if_others_can_read(file, *secret_key);
}

// A warning, not a refusal: configuration files are often world-readable (/etc), and every
// command would stop, even those that never use the secret. Files that hold nothing but a
// secret (smtp.password_file, platform.api_key_file) are refused instead, as ssh refuses a
// private key others can read.
void Config::warn_if_others_can_read(const std::filesystem::path& file, const std::string& key) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || (st.st_mode & 077) == 0) return;
    warnings_.push_back(fmt::format("'{}' holds {} and others can read it (mode {:o}): chmod 600 it, "
                                    "or move the secret to the environment",
                                    file.string(), key, st.st_mode & 0777));
}

void Config::load_environment(const Environment& env) {
    for (const auto& k : keys_) {
        if (k.env.empty()) continue;
        if (const auto value = env.get(k.env); value && !value->empty())
            set(k.name, *value, "environment " + k.env);
    }
}

const ConfigValue& Config::entry(const std::string& name) const {
    key(name); // an unknown key is a programming error worth a clear message
    const auto it = values_.find(name);
    if (it == values_.end()) throw Error(ErrorKind::config, fmt::format("configuration key '{}' is not set", name));
    return it->second;
}

const std::string& Config::get(const std::string& name) const { return entry(name).value; }

long Config::get_integer(const std::string& name) const { return std::stol(get(name)); }

bool Config::get_boolean(const std::string& name) const { return get(name) == "true"; }

std::string Config::shown_value(const std::string& name) const {
    const auto& value = get(name);
    if (key(name).secret && !value.empty()) return "********";
    return url_without_credentials(value);
}

ConfigSources default_config_sources(const Environment& env) {
    const std::string home = env.get_or("HOME", "/root");
    return {
        env.get_or("EXPEER_SYSTEM_CONFIG", "/etc/expeer/config.yaml"),
        env.get_or("XDG_CONFIG_HOME", home + "/.config") + "/expeer/config.yaml",
        std::nullopt,
    };
}

Config load_config(const Environment& env, const ConfigSources& sources) {
    Config config(expeer_config_keys(env));
    config.load_file(sources.system_file, false);
    config.load_file(sources.user_file, false);
    if (sources.explicit_file) config.load_file(*sources.explicit_file, true);
    config.load_environment(env);
    return config;
}

} // namespace expeer
