#include "letter/verp.hpp"

#include "letter/member_signature.hpp"
#include "util/error.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace expeer {

namespace {

constexpr const char* purpose = "bounce";

std::string base32(const std::array<unsigned char, 16>& bytes) {
    static const char* alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    std::string out;
    unsigned bits = 0, value = 0;
    for (const unsigned char byte : bytes) {
        value = ((value << 8) | byte) & 0xffff;
        bits += 8;
        while (bits >= 5) {
            out += alphabet[(value >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return out;
}

} // namespace

std::string verp_address(const std::string& secret, std::int64_t member_id, const std::string& bounce_address) {
    const auto at = bounce_address.rfind('@');
    if (at == std::string::npos || at == 0 || at + 1 == bounce_address.size() ||
        bounce_address.find('+') != std::string::npos)
        throw Error(ErrorKind::config, fmt::format("letter.bounce_address '{}': expected LOCAL@DOMAIN with no '+' "
                                                   "(EXPEER_LETTER_BOUNCE_ADDRESS)",
                                                   printable(bounce_address)));
    const std::string local = bounce_address.substr(0, at) + "+" + std::to_string(member_id) + "-" +
                              base32(member_signature(secret, purpose, member_id));
    if (local.size() > 64) // RFC 5321, 4.5.3.1.1
        throw Error(ErrorKind::config, fmt::format("letter.bounce_address '{}': its part before '@' is too long "
                                                   "for a member's bounce address",
                                                   printable(bounce_address)));
    return local + bounce_address.substr(at);
}

std::optional<std::int64_t> verp_member(const std::string& secret, std::string_view address) {
    while (!address.empty() && (address.front() == '<' || address.front() == ' ')) address.remove_prefix(1);
    while (!address.empty() && (address.back() == '>' || address.back() == ' ')) address.remove_suffix(1);
    const auto at = address.rfind('@');
    if (at == std::string_view::npos) return std::nullopt;
    const std::string local = lower(address.substr(0, at));
    const auto plus = local.rfind('+');
    if (plus == std::string::npos) return std::nullopt;
    const std::string_view token = std::string_view(local).substr(plus + 1);
    const auto dash = token.find('-');
    if (dash == std::string_view::npos || dash == 0) return std::nullopt;
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + dash, id);
    if (ec != std::errc() || end != token.data() + dash || id <= 0) return std::nullopt;
    if (!same_signature(token.substr(dash + 1), base32(member_signature(secret, purpose, id)))) return std::nullopt;
    return id;
}

} // namespace expeer
