#include "util/url.hpp"

#include <algorithm>
#include <curl/curl.h>
#include <memory>

namespace expeer {

namespace {

struct UrlHandle {
    CURLU* h = curl_url();
    ~UrlHandle() { curl_url_cleanup(h); }
    std::optional<std::string> part(CURLUPart which) const {
        char* value = nullptr;
        if (curl_url_get(h, which, &value, 0) != CURLUE_OK || !value) return std::nullopt;
        std::string out(value);
        curl_free(value);
        return out;
    }
};

} // namespace

std::optional<ParsedUrl> parse_url(const std::string& url) {
    UrlHandle u;
    if (!u.h || curl_url_set(u.h, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return std::nullopt;
    ParsedUrl p;
    p.scheme = u.part(CURLUPART_SCHEME).value_or("");
    std::transform(p.scheme.begin(), p.scheme.end(), p.scheme.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    p.host = u.part(CURLUPART_HOST).value_or("");
    if (p.host.size() > 2 && p.host.front() == '[' && p.host.back() == ']')
        p.host = p.host.substr(1, p.host.size() - 2);
    if (const auto port = u.part(CURLUPART_PORT)) p.port = std::stol(*port);
    p.path = u.part(CURLUPART_PATH).value_or("/");
    p.has_credentials =
        u.part(CURLUPART_USER).has_value() || u.part(CURLUPART_PASSWORD).has_value();
    if (p.scheme.empty() || p.host.empty()) return std::nullopt;
    return p;
}

bool is_loopback_host(const std::string& host) {
    std::string h = host;
    std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::tolower(c); });
    if (h == "localhost" || h == "::1") return true;
    // 127.0.0.0/8, written as four decimal numbers: libcurl's host part as it will resolve it.
    int parts[4];
    char tail = 0;
    if (std::sscanf(h.c_str(), "%d.%d.%d.%d%c", &parts[0], &parts[1], &parts[2], &parts[3],
                    &tail) != 4)
        return false;
    return parts[0] == 127 &&
           std::all_of(parts, parts + 4, [](int p) { return p >= 0 && p <= 255; });
}

std::string url_without_credentials(const std::string& url) {
    UrlHandle u;
    if (!u.h || curl_url_set(u.h, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return url;
    const bool user = u.part(CURLUPART_USER).has_value(),
               password = u.part(CURLUPART_PASSWORD).has_value();
    if (!user && !password) return url;
    if (user) curl_url_set(u.h, CURLUPART_USER, "***", 0);
    if (password) curl_url_set(u.h, CURLUPART_PASSWORD, "***", 0);
    return u.part(CURLUPART_URL).value_or("***");
}

} // namespace expeer
