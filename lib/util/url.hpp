// URLs read with libcurl's own parser (curl_url), never by hand: what libcurl will connect to
// is what these functions say. `smtp://localhost:25@mail.example` is user "localhost",
// password "25", host mail.example: a hand parser taking "localhost" for the host would
// send the password in clear to another machine.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace expeer {

struct ParsedUrl {
    std::string scheme; // lower case: "https"
    std::string host;   // "tracim.network.example", "127.0.0.1", "::1" (no brackets)
    std::optional<long> port;
    std::string path;             // "/" when none
    bool has_credentials = false; // user or password inside the URL
    std::string url;              // as libcurl writes it back: give libcurl this one
};

// Nothing when `url` is not an absolute URL libcurl accepts.
std::optional<ParsedUrl> parse_url(const std::string& url);

// localhost, 127.0.0.0/8 or ::1, as libcurl gives a host (IPv4 numbers are normalised by it,
// so 127.1 and 0x7f000001 arrive as 127.0.0.1): traffic that never leaves this machine.
// Anything else is not, names that would need a resolver included (localhost., 0.0.0.0).
bool is_loopback_host(const std::string& host);

// The text with any user and password of a URL in it replaced by "***": for every message,
// log line and `config show` that quotes a URL. Text that libcurl cannot read but that
// looks like a URL has everything between :// and its last @ masked, since a password
// with a space or a stray @ is still a password. Text without :// is returned as it is.
std::string url_without_credentials(std::string_view text);

} // namespace expeer
