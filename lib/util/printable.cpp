#include "util/printable.hpp"

#include <cstdint>
#include <fmt/format.h>

namespace expeer {

namespace {

// The length of the UTF-8 sequence at s[i] and its code point; 0 when it is not one.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool acts_on_terminal(std::uint32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

std::string escaped(std::string_view value, std::size_t max_chars, bool keep_newlines) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < value.size();) {
        if (chars == max_chars) return out + "...";
        std::uint32_t cp = 0;
        const std::size_t n = decode(value, i, cp);
        if (n == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(value[i]));
            ++i;
        } else if (acts_on_terminal(cp) && !(keep_newlines && cp == '\n')) {
            out += cp < 0x100 ? fmt::format("\\x{:02x}", cp) : fmt::format("\\u{:04x}", cp);
            i += n;
        } else {
            out.append(value.substr(i, n));
            i += n;
        }
        ++chars;
    }
    return out;
}

} // namespace

std::string printable(std::string_view value, std::size_t max_chars) {
    return escaped(value, max_chars, false);
}

std::string printable_lines(std::string_view message) {
    return escaped(message, std::string_view::npos, true);
}

} // namespace expeer
