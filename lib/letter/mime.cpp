#include "letter/mime.hpp"

#include "util/clock.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <unicode/idna.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <memory>

namespace expeer::mime {

namespace {

std::string base64(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

bool is_plain_ascii(std::string_view s) {
    for (const unsigned char c : s)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

std::string one_line(std::string_view s) {
    std::string out;
    for (const char c : s) out += (c == '\r' || c == '\n' || c == '\0') ? ' ' : c;
    return out;
}

// The length of the UTF-8 sequence that starts with `c`.
std::size_t sequence_length(unsigned char c) {
    if (c >= 0xf0) return 4;
    if (c >= 0xe0) return 3;
    if (c >= 0xc0) return 2;
    return 1;
}

} // namespace

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::string line;
    auto flush = [&](bool soft) {
        out += line;
        out += soft ? "=\r\n" : "\r\n";
        line.clear();
    };
    // White space at the end of a line is encoded, or a transport could strip it; when that
    // would take the line past 76 characters, the encoded character goes on a line of its own.
    auto end_line = [&] {
        if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
            const std::string encoded = fmt::format("={:02X}", static_cast<unsigned char>(line.back()));
            line.pop_back();
            if (line.size() + encoded.size() > 76) flush(true);
            line += encoded;
        }
        flush(false);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (c == '\n' || c == '\r') {
            end_line();
            continue;
        }
        std::string piece;
        if ((c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t') piece = std::string(1, static_cast<char>(c));
        else piece = fmt::format("={:02X}", c);
        // A line starting with a dot is doubled by SMTP; a "From " can be mangled: encode.
        if (line.empty() && (c == '.' || (c == 'F' && text.substr(i, 5) == "From ")))
            piece = fmt::format("={:02X}", c);
        if (line.size() + piece.size() > 75) flush(true);
        line += piece;
    }
    if (!line.empty()) end_line();
    return out;
}

std::string encode_words(std::string_view raw) {
    const std::string text = one_line(raw);
    if (is_plain_ascii(text) && text.find("=?") == std::string::npos) return text;
    // Encoded words short enough that a header's name and one word fit a 78-character line
    // (RFC 2047 allows 75), never splitting a UTF-8 sequence.
    std::string out, chunk;
    auto emit = [&] {
        if (chunk.empty()) return;
        out += (out.empty() ? "" : " ") + fmt::format("=?UTF-8?B?{}?=", base64(chunk));
        chunk.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(text[i])), text.size() - i);
        if ((chunk.size() + n + 2) / 3 * 4 > 60 - 12) emit();
        chunk.append(text, i, n);
        i += n;
    }
    emit();
    return out;
}

std::string mailbox(std::string_view name, std::string_view address) {
    const std::string clean = one_line(name);
    if (clean.empty()) return fmt::format("<{}>", one_line(address));
    if (!is_plain_ascii(clean)) return fmt::format("{} <{}>", encode_words(clean), one_line(address));
    std::string quoted = "\"";
    for (const char c : clean) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return fmt::format("{}\" <{}>", quoted, one_line(address));
}

std::string header(std::string_view name, std::string_view value) {
    const std::string line = fmt::format("{}: {}", name, one_line(value));
    // Fold at spaces so that no line passes 78 characters (encoded words have none inside).
    std::string out, current;
    std::size_t start = 0;
    while (start < line.size()) {
        std::size_t space = line.find(' ', start + 1);
        if (space == std::string::npos) space = line.size();
        const std::string word = line.substr(start, space - start);
        // Never right after the name: a value must start on the header's own line.
        if (!current.empty() && current.find(' ') != std::string::npos && current.size() + word.size() > 76) {
            out += current + "\r\n";
            current.clear();
        }
        current += word;
        start = space;
    }
    return out + current + "\r\n";
}

std::string ascii_domain(std::string_view address) {
    const auto at = address.rfind('@');
    if (at == std::string_view::npos) return std::string(address);
    const std::string_view domain = address.substr(at + 1);
    if (std::all_of(domain.begin(), domain.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(address);
    UErrorCode status = U_ZERO_ERROR;
    // Nontransitional, as members' addresses are compared: "ß" stays "ß" (xn--...), as the
    // domain's owner registered it.
    static const std::unique_ptr<icu::IDNA> idna(
        icu::IDNA::createUTS46Instance(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_USE_STD3_RULES, status));
    if (U_FAILURE(status) || !idna) return std::string(address);
    icu::UnicodeString ascii;
    icu::IDNAInfo info;
    idna->nameToASCII(icu::UnicodeString::fromUTF8(icu::StringPiece(domain.data(), static_cast<std::int32_t>(domain.size()))),
                      ascii, info, status);
    if (U_FAILURE(status) || info.hasErrors()) return std::string(address);
    std::string out(address.substr(0, at + 1));
    ascii.toUTF8String(out);
    return out;
}

bool plausible_address(std::string_view a) {
    const auto at = a.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == a.size() || a.find('@', at + 1) != std::string_view::npos)
        return false;
    for (const unsigned char c : a)
        if (c <= 0x20 || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' || c == '"' || c == '\\' ||
            c == 0x7f)
            return false;
    return true;
}

std::string rfc5322_date(std::string_view iso) {
    const auto t = parse_timestamp(iso);
    if (!t) return std::string(iso);
    const auto day = std::chrono::floor<std::chrono::days>(*t);
    const std::chrono::year_month_day ymd(day);
    const std::chrono::weekday wd(day);
    const auto secs = (*t - day).count();
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{}, {} {} {} {:02}:{:02}:{:02} +0000", days[wd.c_encoding()], static_cast<unsigned>(ymd.day()),
                       months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()), secs / 3600,
                       secs / 60 % 60, secs % 60);
}

std::string multipart_alternative(const Alternative& parts, std::string& content_type) {
    // Quoted-printable never produces "=_", so this boundary cannot appear in either part.
    const std::string boundary = "=_expeer_" + sha256_hex(parts.text + parts.html).substr(0, 24);
    content_type = fmt::format("multipart/alternative; boundary=\"{}\"", boundary);
    std::string body = "This is a message in MIME format.\r\n\r\n";
    body += "--" + boundary + "\r\n";
    body += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    body += quoted_printable(parts.text);
    body += "--" + boundary + "\r\n";
    body += "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    body += quoted_printable(parts.html);
    body += "--" + boundary + "--\r\n";
    return body;
}

} // namespace expeer::mime
