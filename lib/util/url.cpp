#include "util/url.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <cstring>

namespace expeer {

namespace {

struct UrlHandle {
    CURLU* h = curl_url();
    UrlHandle() = default;
    UrlHandle(const UrlHandle&) = delete;
    UrlHandle& operator=(const UrlHandle&) = delete;
    ~UrlHandle() { curl_url_cleanup(h); }

    bool set(const std::string& url) {
        // Schemes this libcurl was built without are still read, to be refused by name.
        return h && curl_url_set(h, CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) ==
                        CURLUE_OK;
    }
    std::optional<std::string> part(CURLUPart which) const {
        char* value = nullptr;
        if (curl_url_get(h, which, &value, 0) != CURLUE_OK || !value) return std::nullopt;
        std::string out(value);
        curl_free(value);
        return out;
    }
};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

std::optional<ParsedUrl> parse_url(const std::string& url) {
    UrlHandle u;
    if (!u.set(url)) return std::nullopt;
    ParsedUrl p;
    p.scheme = lower(u.part(CURLUPART_SCHEME).value_or(""));
    p.host = u.part(CURLUPART_HOST).value_or("");
    if (p.host.size() > 2 && p.host.front() == '[' && p.host.back() == ']')
        p.host = p.host.substr(1, p.host.size() - 2);
    if (const auto port = u.part(CURLUPART_PORT)) p.port = std::stol(*port);
    p.path = u.part(CURLUPART_PATH).value_or("/");
    p.has_credentials =
        u.part(CURLUPART_USER).has_value() || u.part(CURLUPART_PASSWORD).has_value();
    p.url = u.part(CURLUPART_URL).value_or("");
    if (p.scheme.empty() || p.host.empty() || p.url.empty()) return std::nullopt;
    return p;
}

bool is_loopback_host(const std::string& host) {
    const std::string h = lower(host);
    if (h == "localhost") return true; // libcurl resolves it to loopback itself, no DNS
    in_addr v4{};
    if (::inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    return ::inet_pton(AF_INET6, h.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

std::string url_without_credentials(std::string_view text) {
    const auto scheme_end = text.find("://");
    if (scheme_end == std::string_view::npos) return std::string(text);
    UrlHandle u;
    if (u.set(std::string(text))) {
        const bool user = u.part(CURLUPART_USER).has_value(),
                   password = u.part(CURLUPART_PASSWORD).has_value();
        if (!user && !password) return std::string(text);
        if (user) curl_url_set(u.h, CURLUPART_USER, "***", 0);
        if (password) curl_url_set(u.h, CURLUPART_PASSWORD, "***", 0);
        if (const auto masked = u.part(CURLUPART_URL)) return *masked;
    }
    const auto at = text.rfind('@');
    if (at == std::string_view::npos || at < scheme_end) return std::string(text);
    return std::string(text.substr(0, scheme_end + 3)) + "***" + std::string(text.substr(at));
}

} // namespace expeer
