// The web side of unsubscribing: the page a member's "unsubscribe" link opens, run as a CGI
// program by any web server. A GET only shows a confirmation, in the member's language, and
// changes nothing: mail scanners open every link in a message. A POST unsubscribes: the
// page's button, or a mail client's one-click request (RFC 8058, "List-Unsubscribe=One-Click").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace expeer {

struct WebRequest {
    std::string method; // GET, POST, ...
    std::string query;  // "token=42-..."
};

struct WebResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

// What the page does to the member a valid token names: passed in, so that it knows nothing of
// the store.
struct UnsubscribeActions {
    // Their language, or nothing when there is no such member any more (erased).
    std::function<std::optional<std::string>(std::int64_t member_id)> language_of;
    // Withdraws their consent; false when they were not subscribed.
    std::function<bool(std::int64_t member_id)> unsubscribe;
};

WebResponse unsubscribe_page(const WebRequest& request, const std::string& token_secret,
                             const std::string& fallback_language, const UnsubscribeActions& actions);

// The answer as a CGI program writes it (RFC 3875): a Status header, the others, a blank
// line, the body.
std::string cgi_response(const WebResponse& response);

} // namespace expeer
