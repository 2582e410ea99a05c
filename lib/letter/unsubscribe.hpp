// One-click unsubscribe (RFC 8058): each message carries a token that names the member and
// is signed with the installation's secret, so the website can withdraw consent without a
// login, and nobody can unsubscribe someone else by guessing.
#pragma once

#include "letter/member_signature.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace expeer {

// "42-Qm9uam91ciEhIQ": the member id and a truncated HMAC-SHA256 of it.
std::string unsubscribe_token(const std::string& secret, std::int64_t member_id);
// The member a token names, when its signature is right.
std::optional<std::int64_t> verify_unsubscribe_token(const std::string& secret, const std::string& token);

} // namespace expeer
