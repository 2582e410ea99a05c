// SHA-256 through OpenSSL, fed piece by piece.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace expeer {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view data);
    std::string hex_digest(); // 64 lower-case hex digits; ends the hashing

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

std::string sha256_hex(std::string_view data);

} // namespace expeer
