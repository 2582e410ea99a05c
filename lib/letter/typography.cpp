#include "letter/typography.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

#include <memory>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace expeer::typography {

namespace {

constexpr char32_t narrow_no_break_space = 0x202F;
constexpr char32_t no_break_space = 0xA0;

bool is_high_punctuation(char32_t c) {
    return c == U':' || c == U';' || c == U'?' || c == U'!';
}

bool is_closing(char32_t c) {
    return std::u32string_view(U")]»\"'’”").find(c) != std::u32string_view::npos;
}

// A mark after which "Quoi?" is a word and its question mark, not "?id=" or "16:00".
bool ends_word(char32_t next) {
    return next == 0 || u_isUWhiteSpace(static_cast<UChar32>(next)) || is_high_punctuation(next) ||
           is_closing(next) || next == U'.' || next == U',' || next == U'…';
}

std::u32string code_points(std::string_view s) {
    std::u32string out;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

std::string utf8(std::u32string_view s) {
    std::string out;
    for (const char32_t c : s) {
        uint8_t buffer[U8_MAX_LENGTH];
        int32_t length = 0;
        U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
        out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
    }
    return out;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool has_letter_or_digit(std::string_view s) {
    for (const char32_t c : code_points(s))
        if (u_isalnum(static_cast<UChar32>(c))) return true;
    return false;
}

// What an ellipsis should not follow: "mot,…" reads as a typo.
void trim_end(std::string& text) {
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (std::string_view tail : {" ", ",", ";", ":", "\u00A0", "\u202F"})
            if (text.ends_with(tail)) {
                text.resize(text.size() - tail.size());
                trimmed = true;
            }
    }
}

} // namespace

std::string french_spacing(std::string_view text, char32_t previous) {
    if (!text::is_valid_utf8(text)) return std::string(text);
    const std::u32string in = code_points(text);
    std::u32string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char32_t c = in[i];
        if (is_high_punctuation(c)) {
            const char32_t before = out.empty() ? previous : out.back();
            const char32_t next = i + 1 < in.size() ? in[i + 1] : 0;
            if (!out.empty() && (before == U' ' || before == no_break_space))
                out.back() = narrow_no_break_space;
            else if ((u_isalnum(static_cast<UChar32>(before)) || is_closing(before)) &&
                     ends_word(next))
                out.push_back(narrow_no_break_space);
        }
        out.push_back(c);
    }
    return utf8(out);
}

std::string shorten(std::string_view text, std::size_t characters) {
    std::string flat = collapse_spaces(text);
    if (characters == 0) return {};
    if (!text::is_valid_utf8(flat) || text::character_count(flat) <= characters) return flat;

    UErrorCode status = U_ZERO_ERROR;
    UText* segmented =
        utext_openUTF8(nullptr, flat.data(), static_cast<int64_t>(flat.size()), &status);
    std::unique_ptr<icu::BreakIterator> graphemes(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    std::unique_ptr<icu::BreakIterator> lines(
        icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !graphemes || !lines) {
        utext_close(segmented);
        throw Error(ErrorKind::failure, "cannot load Unicode segmentation data");
    }
    graphemes->setText(segmented, status);
    lines->setText(segmented, status);
    // One character fewer than allowed: the ellipsis is one.
    int32_t end = 0;
    for (std::size_t n = 0; n + 1 < characters; ++n)
        end = graphemes->next();
    // A word that ends there ("deux" of "deux, trois") fits whole; otherwise back to where a
    // line could break.
    int32_t cut = end;
    if (!lines->isBoundary(end)) {
        const int32_t next = lines->following(end);
        const auto rest = std::string_view(flat).substr(static_cast<std::size_t>(end),
                                                        static_cast<std::size_t>(next - end));
        if (has_letter_or_digit(rest)) cut = lines->preceding(end);
    }
    if (cut == icu::BreakIterator::DONE || cut <= 0)
        cut = end;                            // one long word: cut between characters
    graphemes->setText(icu::UnicodeString()); // let go of `flat` before the UText closes
    lines->setText(icu::UnicodeString());
    utext_close(segmented);

    flat.resize(static_cast<std::size_t>(cut));
    trim_end(flat);
    return flat + "…";
}

} // namespace expeer::typography
