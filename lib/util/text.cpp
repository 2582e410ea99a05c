#include "util/text.hpp"

#include "util/error.hpp"

#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace expeer::text {

namespace {

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

bool is_valid_utf8(std::string_view s) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(s.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
        if (c < 0) return false;
    }
    return true;
}

namespace {

bool is_line_separator(UChar32 c) { return c == 0x85 || c == 0x2028 || c == 0x2029; }

bool is_control(UChar32 c) { return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f); }

bool is_bidi_override(UChar32 c) { return c >= 0x202a && c <= 0x202e; }

bool is_bidi_mark_or_isolate(UChar32 c) {
    return c == 0x200e || c == 0x200f || c == 0x061c || (c >= 0x2066 && c <= 0x2069);
}

constexpr int max_combining_marks = 30; // UAX #15's stream-safe text format

// Calls `problem(c, next)` on every code point but ASCII letters, digits and punctuation,
// after checking the whole text is UTF-8; returns the first problem found.
template <typename Problem>
std::optional<std::string> first_problem(std::string_view s, Problem&& problem) {
    if (!is_valid_utf8(s)) return "is not valid UTF-8";
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    int marks = 0;
    for (int32_t i = 0; i < length;) {
        if (bytes[i] >= 0x20 && bytes[i] < 0x7f) { // the common case: printable ASCII
            ++i;
            marks = 0;
            continue;
        }
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        const UChar32 next = i < length ? static_cast<UChar32>(bytes[i]) : -1;
        if (auto p = problem(c, next)) return p;
        if (c >= 0x300 && u_getCombiningClass(c) != 0) {
            if (++marks > max_combining_marks)
                return fmt::format("has more than {} combining marks on one character", max_combining_marks);
        } else {
            marks = 0;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> single_line_problem(std::string_view s) {
    return first_problem(s, [](UChar32 c, UChar32) -> std::optional<std::string> {
        if (c == '\r' || c == '\n' || is_line_separator(c)) return "contains a line break";
        if (c == 0) return "contains a NUL character";
        if (is_control(c)) return "contains a control character";
        if (is_bidi_override(c) || is_bidi_mark_or_isolate(c)) return "contains a bidirectional control character";
        return std::nullopt;
    });
}

std::optional<std::string> multi_line_problem(std::string_view s) {
    return first_problem(s, [](UChar32 c, UChar32 next) -> std::optional<std::string> {
        if (c == '\n') return std::nullopt;
        if (c == '\r') return next == '\n' ? std::nullopt : std::optional<std::string>("contains a carriage return without a line feed");
        if (is_line_separator(c)) return "contains a line break other than LF";
        if (c == 0) return "contains a NUL character";
        if (is_control(c)) return "contains a control character";
        if (is_bidi_override(c)) return "contains a bidirectional override or embedding";
        return std::nullopt;
    });
}

std::size_t character_count(std::string_view s) {
    if (is_ascii(s)) { // one character a byte, but CR LF is one
        std::size_t count = s.size();
        for (std::size_t i = 1; i < s.size(); ++i)
            if (s[i - 1] == '\r' && s[i] == '\n') --count;
        return count;
    }
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> characters(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (!characters) throw Error(ErrorKind::failure, "cannot load Unicode segmentation data");
    UText* text = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
    if (U_FAILURE(status)) throw Error(ErrorKind::failure, "cannot segment text");
    characters->setText(text, status);
    std::size_t count = 0;
    for (int32_t at = characters->next(); at != icu::BreakIterator::DONE; at = characters->next()) ++count;
    characters->setText(icu::UnicodeString()); // let go of `s` before the UText closes
    utext_close(text);
    return count;
}

std::optional<std::string> length_problem(std::string_view s, TextLimit limit) {
    if (s.size() > limit.bytes) return fmt::format("is longer than {} bytes", limit.bytes);
    if (s.size() <= limit.characters) return std::nullopt; // never more characters than bytes
    if (character_count(s) > limit.characters) return fmt::format("is longer than {} characters", limit.characters);
    return std::nullopt;
}

bool has_visible_character(std::string_view s) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return true; // shown as a replacement character
        if (u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
        if (c == 0x2800) continue; // the Braille blank: a symbol, but an empty cell
        switch (u_charType(c)) {
        case U_CONTROL_CHAR:
        case U_FORMAT_CHAR:
        case U_NON_SPACING_MARK:
        case U_COMBINING_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_SPACE_SEPARATOR:
        case U_LINE_SEPARATOR:
        case U_PARAGRAPH_SEPARATOR:
        case U_SURROGATE:
            continue;
        default:
            return true;
        }
    }
    return false;
}

std::optional<std::string> single_line_field_problem(std::string_view s, TextLimit limit) {
    if (auto problem = single_line_problem(s)) return problem;
    if (auto problem = length_problem(s, limit)) return problem;
    if (!s.empty() && !has_visible_character(s)) return "is empty: it has only invisible characters";
    return std::nullopt;
}

std::string nfc(std::string_view s) {
    if (is_ascii(s) || !is_valid_utf8(s)) return std::string(s);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* composer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(ErrorKind::failure, "cannot load Unicode normalisation data");
    const auto input = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (composer->isNormalized(input, status) && U_SUCCESS(status)) return std::string(s);
    status = U_ZERO_ERROR;
    const icu::UnicodeString composed = composer->normalize(input, status);
    if (U_FAILURE(status)) return std::string(s);
    std::string out;
    composed.toUTF8String(out);
    return out;
}

std::string trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

namespace {

const icu::Normalizer2& nfkd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status)) throw Error(ErrorKind::failure, "cannot load Unicode normalisation data");
    return *n;
}

// Decomposes, drops combining marks (accents, harakat), folds case.
icu::UnicodeString fold_unicode(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const auto input = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    icu::UnicodeString decomposed = nfkd().normalize(input, status);
    if (U_FAILURE(status)) return input;
    icu::UnicodeString out;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c == 0x0640) continue; // Arabic tatweel only stretches a word
        out.append(c);
    }
    out.foldCase();
    return out;
}

} // namespace

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

} // namespace

std::string fold(std::string_view s) {
    if (is_ascii(s)) { // most names and every email: no need for Unicode tables
        std::string result(s);
        for (auto& c : result) c = lower_ascii(c);
        return result;
    }
    std::string result;
    fold_unicode(s).toUTF8String(result);
    return result;
}

std::string fold_words(std::string_view s) {
    if (is_ascii(s)) {
        std::string out;
        bool pending_space = false;
        for (char c : s) {
            const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum) {
                pending_space = true;
                continue;
            }
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out += lower_ascii(c);
        }
        return out;
    }
    const icu::UnicodeString folded = fold_unicode(s);
    icu::UnicodeString out;
    bool pending_space = false;
    for (int32_t i = 0; i < folded.length();) {
        const UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (u_isalnum(c)) {
            if (pending_space && !out.isEmpty()) out.append(UChar32(' '));
            pending_space = false;
            out.append(c);
        } else {
            pending_space = true;
        }
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

std::size_t display_width(std::string_view s) {
    if (is_ascii(s)) return s.size(); // every printable ASCII character takes one column
    std::size_t width = 0;
    int32_t i = 0;
    const auto length = static_cast<int32_t>(s.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
        if (c < 0) {
            ++width;
            continue;
        }
        const auto type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) continue;
        const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

struct Collator::Impl {
    std::unique_ptr<icu::Collator> collator;
};

Collator::Collator() : impl_(new Impl) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) {
        delete impl_;
        throw Error(ErrorKind::failure, "cannot load Unicode collation data");
    }
}

Collator::~Collator() { delete impl_; }

int Collator::compare(std::string_view a, std::string_view b) const {
    UErrorCode status = U_ZERO_ERROR;
    const auto result = impl_->collator->compareUTF8(icu::StringPiece(a.data(), a.size()),
                                                     icu::StringPiece(b.data(), b.size()), status);
    return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
}

void sort_for_people(std::vector<std::string>& values) {
    const Collator collator;
    std::stable_sort(values.begin(), values.end(), [&](const std::string& a, const std::string& b) {
        return collator.compare(a, b) < 0;
    });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const auto to_code_points = [](std::string_view s) {
        std::vector<UChar32> points;
        int32_t i = 0;
        const auto length = static_cast<int32_t>(s.size());
        while (i < length) {
            UChar32 c;
            U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
            points.push_back(c);
        }
        return points;
    };
    const auto x = to_code_points(a);
    const auto y = to_code_points(b);
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[y.size()];
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-' || s.find("--") != std::string_view::npos)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

} // namespace expeer::text
