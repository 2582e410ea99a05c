#include "platform/html_text.hpp"

#include "util/text.hpp"

#include <array>
#include <cstdint>

namespace expeer {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes the entity at html[i] ('&'); returns how many bytes it took, 0 if none.
std::size_t entity(std::string_view html, std::size_t i, std::string& out) {
    const auto end = html.find(';', i);
    if (end == std::string_view::npos || end - i > 10) return 0;
    const std::string_view name = html.substr(i + 1, end - i - 1);
    static const std::array<std::pair<std::string_view, std::uint32_t>, 7> named = {
        {{"amp", '&'},
         {"lt", '<'},
         {"gt", '>'},
         {"quot", '"'},
         {"apos", '\''},
         {"nbsp", 0xA0},
         {"#39", '\''}}};
    for (const auto& [n, cp] : named)
        if (name == n) {
            append_utf8(out, cp);
            return end - i + 1;
        }
    if (name.size() > 1 && name[0] == '#') {
        std::uint32_t cp = 0;
        const bool hex = name[1] == 'x' || name[1] == 'X';
        for (const char c : name.substr(hex ? 2 : 1)) {
            int digit = c >= '0' && c <= '9'          ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                      : -1;
            if (digit < 0 || cp > 0x10FFFF) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
        }
        append_utf8(out, cp);
        return end - i + 1;
    }
    return 0;
}

bool block_tag(std::string_view tag) {
    for (const auto* b : {"p",   "/p",  "br", "br/", "div", "/div", "li",         "/li",
                          "tr",  "/tr", "h1", "h2",  "h3",  "h4",   "/h1",        "/h2",
                          "/h3", "/h4", "ul", "/ul", "ol",  "/ol",  "blockquote", "/blockquote"})
        if (tag == b) return true;
    return false;
}

} // namespace

std::string html_to_text(std::string_view html) {
    std::string raw;
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const auto close = html.find('>', i);
            if (close == std::string_view::npos) break;
            std::string_view tag = html.substr(i + 1, close - i - 1);
            tag = tag.substr(0, tag.find_first_of(" \t\n/", tag.starts_with('/') ? 1 : 0));
            std::string lower(tag);
            for (auto& ch : lower)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (block_tag(lower)) raw += '\n';
            i = close + 1;
        } else if (c == '&') {
            const std::size_t used = entity(html, i, raw);
            if (used == 0) raw += '&';
            i += used ? used : 1;
        } else {
            raw += c;
            ++i;
        }
    }
    // Control characters out (tabs become spaces), spaces collapsed, at most one blank line.
    std::string out;
    std::size_t newlines = 0;
    for (const unsigned char c : raw) {
        if (c == '\n' || c == '\r') {
            while (!out.empty() && out.back() == ' ')
                out.pop_back();
            if (!out.empty() && newlines < 2) out += '\n';
            ++newlines;
            continue;
        }
        if (c < 0x20 || c == 0x7f) {
            if (c == '\t' && !out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
            continue;
        }
        if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
        out += static_cast<char>(c);
        newlines = 0;
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return text::is_valid_utf8(out) ? out : std::string();
}

std::string one_line(std::string_view text, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    bool space = false; // white space seen since the last character kept
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f) {
            space = !out.empty();
            continue;
        }
        const bool starts_character = (c & 0xC0) != 0x80;
        if (starts_character) {
            if (chars + (space ? 1 : 0) >= max_chars) return out + "…";
            if (space) {
                out += ' ';
                ++chars;
                space = false;
            }
            ++chars;
        }
        out += ch;
    }
    return text::is_valid_utf8(out) ? out : std::string();
}

} // namespace expeer
