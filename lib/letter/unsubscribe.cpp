#include "letter/unsubscribe.hpp"

#include <charconv>

namespace expeer {

namespace {

// Base64url without padding: 22 characters for the 16 bytes, safe in a URL's query.
std::string signature(const std::string& secret, std::int64_t member_id) {
    const auto mac = member_signature(secret, "unsubscribe", member_id);
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned bits = 0, value = 0;
    for (const unsigned char byte : mac) {
        value = (value << 8) | byte;
        bits += 8;
        while (bits >= 6) {
            out += alphabet[(value >> (bits - 6)) & 63];
            bits -= 6;
        }
    }
    if (bits > 0) out += alphabet[(value << (6 - bits)) & 63];
    return out;
}

} // namespace

std::string unsubscribe_token(const std::string& secret, std::int64_t member_id) {
    return std::to_string(member_id) + "-" + signature(secret, member_id);
}

std::optional<std::int64_t> verify_unsubscribe_token(const std::string& secret, const std::string& token) {
    const auto dash = token.find('-');
    if (dash == std::string::npos || dash == 0) return std::nullopt;
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + dash, id);
    if (ec != std::errc() || end != token.data() + dash || id <= 0) return std::nullopt;
    if (!same_signature(token.substr(dash + 1), signature(secret, id))) return std::nullopt;
    return id;
}

} // namespace expeer
