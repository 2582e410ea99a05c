#include "util/sha256.hpp"

#include "util/error.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

namespace expeer {

struct Sha256::Impl {
    EVP_MD_CTX* context = nullptr;
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {
    impl_->context = EVP_MD_CTX_new();
    if (!impl_->context || EVP_DigestInit_ex(impl_->context, EVP_sha256(), nullptr) != 1)
        throw Error(ErrorKind::failure, "cannot start a SHA-256 digest");
}

Sha256::~Sha256() { EVP_MD_CTX_free(impl_->context); }

void Sha256::update(std::string_view data) {
    if (EVP_DigestUpdate(impl_->context, data.data(), data.size()) != 1)
        throw Error(ErrorKind::failure, "SHA-256 digest failed");
}

std::string Sha256::hex_digest() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(impl_->context, digest, &length) != 1) throw Error(ErrorKind::failure, "SHA-256 digest failed");
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

std::string sha256_hex(std::string_view data) {
    Sha256 sha;
    sha.update(data);
    return sha.hex_digest();
}

} // namespace expeer
