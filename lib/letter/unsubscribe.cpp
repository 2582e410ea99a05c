#include "letter/unsubscribe.hpp"

#include "util/error.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <charconv>

namespace expeer {

void check_token_secret(const std::string& secret) {
    if (secret.size() < 16)
        throw Error(ErrorKind::config, "letter.token_secret must be set, at least 16 characters (EXPEER_LETTER_TOKEN_SECRET)");
}

namespace {

std::string signature(const std::string& secret, std::int64_t member_id) {
    check_token_secret(secret);
    const std::string message = "expeer-unsubscribe:" + std::to_string(member_id);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
    // 16 bytes (128 bits) are plenty against guessing, and keep the URL short.
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned bits = 0, value = 0;
    for (unsigned i = 0; i < 16; ++i) {
        value = (value << 8) | mac[i];
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
    const std::string expected = signature(secret, id);
    const std::string given = token.substr(dash + 1);
    if (given.size() != expected.size() || CRYPTO_memcmp(given.data(), expected.data(), given.size()) != 0)
        return std::nullopt;
    return id;
}

} // namespace expeer
