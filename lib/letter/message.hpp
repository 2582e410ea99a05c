// A member's copy of the letter as an email: multipart/alternative (text and HTML), the list
// headers of RFC 2369 and RFC 8058, and nothing that tracks the reader.
#pragma once

#include "letter/edition.hpp"

#include <string>

namespace expeer {

struct LetterSettings {
    std::string from_address;       // letter@network.example
    std::string from_name;          // The ExPEERience Letter
    std::string from_name_fr;       // on the French edition, when set
    std::string from_name_en;
    std::string list_id;            // letter.network.example
    std::string unsubscribe_mailto; // unsubscribe@network.example
    std::string unsubscribe_url;    // https://network.example/unsubscribe (the token is added)
    std::string token_secret;
    std::string bounce_address;     // bounces@network.example: each copy's envelope sender, VERP
};

struct OutgoingMessage {
    std::string from;       // envelope sender: a member's own bounce address (VERP) when set
    std::string to;         // envelope recipient
    std::string message_id; // <...>
    std::string data;       // the whole message, CRLF lines
};

// A member's copy, or a test copy for the editors: "[TEST]" before its subject and a
// Message-ID of its own each time, so that a mail service does not drop a second test as a
// duplicate of the first.
enum class CopyKind { member, test };

// The recipient's name and address go in headers only through mime::mailbox, which no line
// break survives; an address that is not plausible is refused (an Error) before anything.
OutgoingMessage letter_message(const LetterEdition& edition, const std::string& issue, std::int64_t member_id,
                               const std::string& name, const std::string& address, const LetterSettings& settings,
                               const std::string& now, CopyKind kind = CopyKind::member);

// The settings from the configuration (letter.*), checked: an Error names the missing key.
class Config;
LetterSettings letter_settings(const Config& config);

} // namespace expeer
