// The unsubscribe page's request, as a web server hands it over: any method and query string.
// A valid token must never be forged from noise, and the page must never echo raw input.
#include "fuzz_target.hpp"
#include "letter/unsubscribe.hpp"
#include "letter/unsubscribe_page.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input = expeer::fuzz::bytes(data, size);
    const auto newline = input.find('\n');
    expeer::WebRequest request;
    request.method = newline == std::string::npos ? "POST" : input.substr(0, newline);
    request.query = newline == std::string::npos ? input : input.substr(newline + 1);
    const std::string secret = "a-secret-for-the-fuzzer-only";
    expeer::UnsubscribeActions actions;
    actions.language_of = [](std::int64_t) -> std::optional<std::string> { return "fr"; };
    actions.unsubscribe = [&](std::int64_t id) {
        // Only a token signed with the secret reaches here.
        if (!request.query.empty() && request.query.find(expeer::unsubscribe_token(secret, id)) == std::string::npos &&
            request.query.find('%') == std::string::npos && request.query.find('+') == std::string::npos)
            std::abort();
        return true;
    };
    expeer::fuzz::expect_answer_or_refusal([&] {
        const auto response = expeer::unsubscribe_page(request, secret, "en", actions);
        const std::string whole = expeer::cgi_response(response);
        if (whole.find("<script") != std::string::npos) std::abort();
    });
    return 0;
}
