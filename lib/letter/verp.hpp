// The letter's bounce address, one per member (VERP: variable envelope return path): the
// envelope sender of each member's copy is bounces+ID-SIGNATURE@domain, made from
// letter.bounce_address, so that a bounce, whatever its mail server writes in it, comes back
// to an address that names the member, signed so that nobody can make a member's letter
// stop by writing to a guessed address.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace expeer {

// "bounces+42-3fw2mk5y7n6tq4ahbdxvz3rbpu@network.example" for bounce_address
// "bounces@network.example": the member id, a dash and the member's signature for the purpose
// "bounce" (letter/member_signature.hpp), written in lower-case base32 (RFC 4648, no padding:
// 26 characters), since some mail systems change the case of an address. A config Error when
// the bounce address is not LOCAL@DOMAIN, already holds a '+', or the result would have a
// local part longer than SMTP allows (64), and when the secret is too short.
std::string verp_address(const std::string& secret, std::int64_t member_id, const std::string& bounce_address);

// The member a VERP address names, when its signature is right; nothing for any other
// address, a forged or damaged one. Case and the angle brackets of a header are ignored.
std::optional<std::int64_t> verp_member(const std::string& secret, std::string_view address);

} // namespace expeer
