// A member id signed with the installation's secret (letter.token_secret), for one purpose:
// the unsubscribe link's token and the bounce address both name a member this way, and the
// purpose is part of what is signed, so that one can never be passed off as the other.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace expeer {

// A config Error unless the secret is set and long enough (16 characters).
void check_token_secret(const std::string& secret);

// The first 16 bytes (128 bits: plenty against guessing, and short in a URL or an address)
// of HMAC-SHA256("expeer-PURPOSE:ID"). `purpose` is a fixed word: "unsubscribe", "bounce".
std::array<unsigned char, 16> member_signature(const std::string& secret, std::string_view purpose,
                                               std::int64_t member_id);

// Whether two signatures, as written, are the same, in a time that does not tell how much of
// them was.
bool same_signature(std::string_view given, std::string_view expected);

} // namespace expeer
