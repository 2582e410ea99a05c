#include "letter/message.hpp"

#include "config/config.hpp"
#include "letter/mime.hpp"
#include "letter/unsubscribe.hpp"
#include "letter/verp.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>
#include <openssl/rand.h>

namespace expeer {

namespace {

std::string url_with_token(const std::string& base, const std::string& token) {
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "token=" + token;
}

} // namespace

OutgoingMessage letter_message(const LetterEdition& edition, const std::string& issue, std::int64_t member_id,
                               const std::string& name, const std::string& address, const LetterSettings& s,
                               const std::string& now, CopyKind kind) {
    if (!mime::plausible_address(address))
        throw Error(ErrorKind::data, fmt::format("member {}: the address cannot be used in a message", member_id));
    const std::string token = unsubscribe_token(s.token_secret, member_id);
    const std::string unsubscribe_https = url_with_token(s.unsubscribe_url, token);
    const PersonalCopy copy = personalise(edition, name, unsubscribe_https);

    OutgoingMessage m;
    // Bounces come back to an address that names the member (VERP): `letter bounces` knows
    // whose address failed without reading anyone's reply. Test copies go to editors.
    m.from = s.bounce_address.empty() || kind == CopyKind::test ? s.from_address
                                                                : verp_address(s.token_secret, member_id, s.bounce_address);
    // The domain in ASCII (IDNA): valid with any server, where a raw UTF-8 domain needs one that
    // offered SMTPUTF8.
    m.to = mime::ascii_domain(address);
    const std::string domain = s.from_address.substr(s.from_address.find('@') + 1);
    // The same for every attempt at the same copy, so a receiving server can tell a retry.
    m.message_id = fmt::format("<letter-{}-{}-{}.{}@{}>", issue, edition.language, member_id,
                               sha256_hex(s.token_secret + issue + std::to_string(member_id)).substr(0, 12), domain);
    if (kind == CopyKind::test) {
        unsigned char random[9];
        if (RAND_bytes(random, sizeof random) != 1) throw Error(ErrorKind::failure, "no random bytes for a Message-ID");
        std::string hex;
        for (const unsigned char byte : random) hex += fmt::format("{:02x}", byte);
        m.message_id = fmt::format("<letter-{}-{}-test.{}@{}>", issue, edition.language, hex, domain);
    }
    std::string content_type;
    const std::string body = mime::multipart_alternative({copy.text, copy.html}, content_type);
    std::string& d = m.data;
    const std::string& edition_from_name = edition.language == "fr" && !s.from_name_fr.empty()   ? s.from_name_fr
                                           : edition.language == "en" && !s.from_name_en.empty() ? s.from_name_en
                                                                                                  : s.from_name;
    d += mime::header("From", mime::mailbox(edition_from_name, s.from_address));
    d += mime::header("To", mime::mailbox(name, m.to));
    d += mime::header("Subject", mime::encode_words((kind == CopyKind::test ? "[TEST] " : "") + edition.subject));
    d += mime::header("Date", mime::rfc5322_date(now));
    d += mime::header("Message-ID", m.message_id);
    d += mime::header("List-Id", fmt::format("{} <{}>", mime::encode_words(s.from_name), s.list_id));
    // Both carry the member's token: the https one in its address, the mailto one in its
    // subject, so that a request sent from another address (an alias, a forward) still
    // names the member.
    d += mime::header("List-Unsubscribe", fmt::format("<mailto:{}?subject=unsubscribe%20{}>, <{}>",
                                                      s.unsubscribe_mailto, token, unsubscribe_https));
    d += mime::header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    // Bulk mail: no out-of-office or auto-replies back to the sender (RFC 3834 readers honour
    // Precedence; Exchange reads its own header).
    d += mime::header("Precedence", "bulk");
    d += mime::header("X-Auto-Response-Suppress", "OOF, AutoReply");
    d += mime::header("Content-Language", edition.language);
    d += mime::header("MIME-Version", "1.0");
    d += mime::header("Content-Type", content_type);
    d += "\r\n";
    d += body;
    return m;
}

LetterSettings letter_settings(const Config& config) {
    LetterSettings s;
    s.from_address = config.get("letter.from");
    s.from_name = config.get("letter.from_name");
    s.from_name_fr = config.get("letter.from_name_fr");
    s.from_name_en = config.get("letter.from_name_en");
    s.list_id = config.get("letter.list_id");
    s.unsubscribe_mailto = config.get("letter.unsubscribe_mailto");
    s.unsubscribe_url = config.get("letter.unsubscribe_url");
    s.token_secret = config.get("letter.token_secret");
    s.bounce_address = config.get("letter.bounce_address");
    for (const auto& [key, value] : {std::pair{"letter.from", s.from_address}, std::pair{"letter.list_id", s.list_id},
                                     std::pair{"letter.unsubscribe_mailto", s.unsubscribe_mailto},
                                     std::pair{"letter.unsubscribe_url", s.unsubscribe_url}})
        if (value.empty()) throw Error(ErrorKind::config, fmt::format("{} must be set to build or send the letter", key));
    if (!mime::plausible_address(s.from_address) || !mime::plausible_address(s.unsubscribe_mailto))
        throw Error(ErrorKind::config, "letter.from and letter.unsubscribe_mailto must be email addresses");
    if (!s.unsubscribe_url.starts_with("https://"))
        throw Error(ErrorKind::config, "letter.unsubscribe_url must be an https:// address");
    check_token_secret(s.token_secret);
    return s;
}

} // namespace expeer
