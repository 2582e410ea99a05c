#include "members/member.hpp"

#include <algorithm>

namespace expeer {

std::string email_key(std::string_view email) {
    std::string key(email);
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return key;
}

} // namespace expeer
