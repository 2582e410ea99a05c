// URLs read with libcurl's own parser (curl_url), never by hand: what libcurl will connect to
// is what these functions say.
#pragma once

#include <optional>
#include <string>

namespace expeer {

struct ParsedUrl {
    std::string scheme; // lower case: "https"
    std::string host;   // "tracim.network.example", "127.0.0.1", "::1" (no brackets)
    std::optional<long> port;
    std::string path;             // "/" when none
    bool has_credentials = false; // user or password inside the URL
};

// Nothing when `url` is not an absolute URL libcurl accepts.
std::optional<ParsedUrl> parse_url(const std::string& url);

// localhost, 127.0.0.0/8 or ::1: traffic that never leaves this machine.
bool is_loopback_host(const std::string& host);

// The URL with any user and password replaced by "***", for messages and `config show`.
std::string url_without_credentials(const std::string& url);

} // namespace expeer
