// The platform part of the configuration, read and checked once: where the platform is, who
// the key acts as, and how patiently to talk to it.
#pragma once

#include <string>
#include <vector>

namespace expeer {

class Config;

struct PlatformSettings {
    std::string url;                 // https://tracim.network.example (the API is under /api)
    std::string login;               // an email or a user name
    std::string api_key;             // a secret: never printed, never in a message
    bool invite = false;             // push: the platform emails an invitation to each new account
    std::vector<std::string> spaces; // slugs whose contents a pull reads; empty: all
    long timeout_seconds = 30;
    int retries = 4;
    long retry_delay_ms = 1000;
    long page_size = 500;
    std::string ca_file;
};

// A missing url, login or key, an http:// URL to another machine (unless
// platform.insecure_http) or a key file others may read is a config Error naming the key.
PlatformSettings platform_settings(const Config& config);

} // namespace expeer
