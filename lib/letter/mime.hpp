// Email messages as RFC 5322 / MIME text: CRLF lines under 78 characters, quoted-printable
// bodies, RFC 2047 encoded words for non-ASCII headers. Nothing from member data can add a
// header: every value is stripped of line breaks before it is written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace expeer::mime {

// Quoted-printable (RFC 2045): lines of at most 76 characters, CRLF line breaks.
std::string quoted_printable(std::string_view text);
// A header value as RFC 2047 encoded words when it is not plain ASCII (split to fit lines).
std::string encode_words(std::string_view text);
// "Name <address>", the name encoded and quoted as needed.
std::string mailbox(std::string_view name, std::string_view address);
// A header line (folded under 78 characters) ending in CRLF; line breaks in `value` become
// spaces, so that no value can start another header.
std::string header(std::string_view name, std::string_view value);
// The address with its domain in ASCII, as IDNA writes it (UTS #46: "bücher.example" is
// "xn--bcher-kva.example"); the local part as it is. An address whose domain IDNA refuses is
// returned unchanged (plausible_address has the last word).
std::string ascii_domain(std::string_view address);
// Whether an address is safe to give an SMTP server: one @, no spaces, brackets or controls.
bool plausible_address(std::string_view address);
// "Sun, 15 Sep 2024 08:30:00 +0000" for a stored UTC timestamp.
std::string rfc5322_date(std::string_view iso_timestamp);

struct Alternative {
    std::string text; // UTF-8, any line breaks
    std::string html;
};

// A multipart/alternative body with its Content-Type header line (boundary chosen so it
// appears in neither part).
std::string multipart_alternative(const Alternative& parts, std::string& content_type);

} // namespace expeer::mime
