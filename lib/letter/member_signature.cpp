#include "letter/member_signature.hpp"

#include "util/error.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace expeer {

void check_token_secret(const std::string& secret) {
    if (secret.size() < 16)
        throw Error(ErrorKind::config, "letter.token_secret must be set, at least 16 characters (EXPEER_LETTER_TOKEN_SECRET)");
}

std::array<unsigned char, 16> member_signature(const std::string& secret, std::string_view purpose,
                                               std::int64_t member_id) {
    check_token_secret(secret);
    const std::string message = "expeer-" + std::string(purpose) + ":" + std::to_string(member_id);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
    std::array<unsigned char, 16> truncated{};
    for (std::size_t i = 0; i < truncated.size(); ++i) truncated[i] = mac[i];
    return truncated;
}

bool same_signature(std::string_view given, std::string_view expected) {
    return given.size() == expected.size() && CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
}

} // namespace expeer
