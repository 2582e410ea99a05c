#include "letter/unsubscribe_page.hpp"

#include "letter/unsubscribe.hpp"
#include "util/html.hpp"

#include <fmt/format.h>

namespace expeer {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decoded(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The first value of `name` in a query string.
std::optional<std::string> query_value(const std::string& query, std::string_view name) {
    std::size_t start = 0;
    while (start <= query.size()) {
        const std::size_t end = std::min(query.find('&', start), query.size());
        const std::string_view pair(query.data() + start, end - start);
        const auto equals = pair.find('=');
        if (percent_decoded(pair.substr(0, equals)) == name)
            return equals == std::string_view::npos ? "" : percent_decoded(pair.substr(equals + 1));
        start = end + 1;
    }
    return std::nullopt;
}

struct Words {
    const char* title;
    const char* question;
    const char* button;
    const char* done;
    const char* not_subscribed;
};

const Words& words_for(const std::string& language) {
    static const Words fr = {"Se désabonner de La Lettre ExPEERience",
                             "Vous ne recevrez plus La Lettre ExPEERience à cette adresse. Confirmez-vous ?",
                             "Me désabonner", "C’est fait : vous ne recevrez plus La Lettre ExPEERience.",
                             "Vous n’êtes pas abonné·e à La Lettre ExPEERience : il n’y a rien à faire."};
    static const Words en = {"Unsubscribe from The ExPEERience Letter",
                             "You will no longer receive The ExPEERience Letter at this address. Do you confirm?",
                             "Unsubscribe me", "Done: you will no longer receive The ExPEERience Letter.",
                             "You are not subscribed to The ExPEERience Letter: there is nothing to do."};
    return language == "fr" ? fr : en;
}

WebResponse page(int status, const std::string& language, const std::string& title, const std::string& content) {
    WebResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "text/html; charset=utf-8"},
                 {"Cache-Control", "no-store"},
                 {"X-Robots-Tag", "noindex"},
                 {"Referrer-Policy", "no-referrer"},
                 {"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"}};
    r.body = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"color-scheme\" content=\"light dark\">\n<title>{}</title>\n</head>\n"
                         "<body style=\"font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;"
                         "padding:0 1rem;line-height:1.5\">\n<h1>{}</h1>\n{}</body>\n</html>\n",
                         language, html_escape(title), html_escape(title), content);
    return r;
}

} // namespace

WebResponse unsubscribe_page(const WebRequest& request, const std::string& token_secret,
                             const std::string& fallback_language, const UnsubscribeActions& actions) {
    const bool get = request.method == "GET" || request.method == "HEAD";
    if (!get && request.method != "POST") {
        WebResponse r = page(405, "en", "Method not allowed", "<p>GET or POST only.</p>\n");
        r.headers.emplace_back("Allow", "GET, HEAD, POST");
        return r;
    }
    const auto token = query_value(request.query, "token");
    const auto member = token ? verify_unsubscribe_token(token_secret, *token) : std::nullopt;
    const auto language = member ? actions.language_of(*member) : std::nullopt;
    if (!language) // a forged or mangled link, or a member since erased: nothing to tell apart
        return page(400, "en", "Lien non valide · Invalid link",
                    "<p lang=\"fr\">Ce lien de désabonnement n’est pas valide. Écrivez-nous pour vous "
                    "désabonner.</p>\n<p>This unsubscribe link is not valid. Write to us to unsubscribe.</p>\n");
    const std::string lang = *language == "fr" || *language == "en" ? *language : fallback_language;
    const Words& w = words_for(lang);
    if (get)
        // The same address with its token: the button posts back here.
        return page(200, lang, w.title,
                    fmt::format("<p>{}</p>\n<form method=\"post\" action=\"?token={}\">\n"
                                "<button type=\"submit\" style=\"font-size:1.1rem;padding:.5rem 1.2rem\">{}</button>\n"
                                "</form>\n",
                                html_escape(w.question), html_escape(*token), html_escape(w.button)));
    const bool was_subscribed = actions.unsubscribe(*member);
    return page(200, lang, w.title, fmt::format("<p>{}</p>\n", html_escape(was_subscribed ? w.done : w.not_subscribed)));
}

std::string cgi_response(const WebResponse& response) {
    const char* reason = response.status == 200   ? "OK"
                         : response.status == 400 ? "Bad Request"
                         : response.status == 405 ? "Method Not Allowed"
                                                  : "Internal Server Error";
    std::string out = fmt::format("Status: {} {}\r\n", response.status, reason);
    for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
    return out + "\r\n" + response.body;
}

} // namespace expeer
