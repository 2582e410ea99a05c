#include "platform/settings.hpp"

#include "config/config.hpp"
#include "stats/settings.hpp"
#include "util/error.hpp"
#include "util/url.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>

namespace expeer {

namespace {

[[noreturn]] void bad(const Config& config, const std::string& key, const std::string& why) {
    throw Error(ErrorKind::config, fmt::format("{} '{}' ({}): {}", key, config.shown_value(key),
                                               config.entry(key).origin, why));
}

std::string read_key_file(const Config& config) {
    const std::string file = config.get("platform.api_key_file");
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) bad(config, "platform.api_key_file", "cannot be read");
    // The key opens every account of the network: a file others can read gives it away.
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        bad(config, "platform.api_key_file",
            fmt::format("others can read it (mode {:o}): chmod 600 it", st.st_mode & 0777));
    std::ifstream in(file);
    std::string key;
    if (!in || !std::getline(in, key))
        bad(config, "platform.api_key_file", "cannot be read, or is empty");
    while (!key.empty() && (key.back() == '\r' || key.back() == ' '))
        key.pop_back();
    return key;
}

} // namespace

PlatformSettings platform_settings(const Config& config) {
    PlatformSettings s;
    s.url = config.get("platform.url");
    while (!s.url.empty() && s.url.back() == '/')
        s.url.pop_back();
    if (s.url.empty()) bad(config, "platform.url", "give the platform's address, https://HOST");
    const auto url = parse_url(s.url);
    if (!url || (url->scheme != "https" && url->scheme != "http"))
        bad(config, "platform.url", "expected https://HOST (or http:// to this machine)");
    if (url->has_credentials)
        bad(config, "platform.url", "no user or password in the URL: the key authenticates");
    if (url->scheme == "http" && !is_loopback_host(url->host) &&
        !config.get_boolean("platform.insecure_http"))
        bad(config, "platform.url",
            "plain http:// would send the API key unencrypted: use https://, or set "
            "platform.insecure_http");
    s.login = config.get("platform.login");
    if (s.login.empty())
        bad(config, "platform.login",
            "give the account the API key acts as (an email or user name)");
    s.api_key = config.get("platform.api_key");
    if (s.api_key.empty() && !config.get("platform.api_key_file").empty())
        s.api_key = read_key_file(config);
    if (s.api_key.empty())
        throw Error(ErrorKind::config,
                    "no platform API key: set EXPEER_PLATFORM_API_KEY, or platform.api_key_file");
    s.invite = config.get_boolean("platform.invite");
    s.spaces = split_list(config.get("platform.spaces"));
    s.timeout_seconds = config.get_integer("platform.timeout_seconds");
    if (s.timeout_seconds < 1) bad(config, "platform.timeout_seconds", "at least 1");
    s.retries = static_cast<int>(config.get_integer("platform.retries"));
    if (s.retries < 0 || s.retries > 20) bad(config, "platform.retries", "0 to 20");
    s.retry_delay_ms = config.get_integer("platform.retry_delay_ms");
    s.page_size = config.get_integer("platform.page_size");
    if (s.page_size < 1 || s.page_size > 5000) bad(config, "platform.page_size", "1 to 5000");
    s.ca_file = config.get("platform.ca_file");
    return s;
}

} // namespace expeer
