#include "members/member.hpp"

#include "util/error.hpp"

#include <unicode/idna.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace expeer {

namespace {

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void lower_ascii(std::string& s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
}

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(ErrorKind::failure, "cannot load Unicode normalisation data");
    return *n;
}

icu::UnicodeString unicode(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

icu::UnicodeString normalized(const icu::UnicodeString& s) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = nfc().normalize(s, status);
    return U_FAILURE(status) ? s : out;
}

// NFC, then simple case folding (one code point for one), then NFC again: folding can undo
// composition ("Ǆ" folds to "ǆ", but "ẞ" to "ß" needs nothing), and the key must be stable.
std::string folded(std::string_view s) {
    const icu::UnicodeString composed = normalized(unicode(s));
    icu::UnicodeString out;
    for (int32_t i = 0; i < composed.length();) {
        const UChar32 c = composed.char32At(i);
        i += U16_LENGTH(c);
        out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
    return utf8(normalized(out));
}

// The domain as IDNA compares it (UTS #46, nontransitional: "ß" stays), in Unicode form, so
// that "xn--bcher-kva.example", "BÜCHER.example" and "bücher.example" are one. A name IDNA
// refuses is only put in NFC and folded: two spellings of an invalid domain still match.
std::string domain_key(std::string_view domain) {
    if (is_ascii(domain) && domain.find("xn--") == std::string_view::npos && domain.find("XN--") == std::string_view::npos) {
        std::string out(domain); // what UTS #46 does to a name of ASCII letters, digits and hyphens
        lower_ascii(out);
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    static const std::unique_ptr<icu::IDNA> idna(icu::IDNA::createUTS46Instance(UIDNA_NONTRANSITIONAL_TO_UNICODE, status));
    if (U_FAILURE(status) || !idna) return folded(domain);
    icu::UnicodeString out;
    icu::IDNAInfo info;
    status = U_ZERO_ERROR;
    idna->nameToUnicode(unicode(domain), out, info, status);
    if (U_FAILURE(status) || info.hasErrors()) return folded(domain);
    return utf8(normalized(out));
}

} // namespace

std::string email_key(std::string_view email, EmailKeyRule rule) {
    if (rule == EmailKeyRule::ascii) {
        std::string key(email);
        lower_ascii(key);
        return key;
    }
    const auto at = email.rfind('@');
    if (at == std::string_view::npos) return folded(email);
    const auto local = email.substr(0, at);
    std::string key;
    if (rule == EmailKeyRule::fold) {
        if (is_ascii(local)) {
            key = std::string(local);
            lower_ascii(key);
        } else {
            key = folded(local);
        }
    } else {
        key = is_ascii(local) ? std::string(local) : utf8(normalized(unicode(local)));
    }
    return key + "@" + domain_key(email.substr(at + 1));
}

std::string_view email_key_rule_name(EmailKeyRule rule) {
    switch (rule) {
    case EmailKeyRule::ascii: return "ascii";
    case EmailKeyRule::fold: return "fold";
    case EmailKeyRule::exact_local_part: return "exact";
    }
    return "fold";
}

std::optional<EmailKeyRule> email_key_rule_named(std::string_view name) {
    for (const auto rule : {EmailKeyRule::ascii, EmailKeyRule::fold, EmailKeyRule::exact_local_part})
        if (email_key_rule_name(rule) == name) return rule;
    return std::nullopt;
}

} // namespace expeer
