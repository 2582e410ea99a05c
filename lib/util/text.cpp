#include "util/text.hpp"

#include "util/error.hpp"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace expeer::text {

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

std::optional<std::string> single_line_problem(std::string_view s) {
    if (!is_valid_utf8(s)) return "is not valid UTF-8";
    for (unsigned char c : s) {
        if (c == '\r' || c == '\n') return "contains a line break";
        if (c == '\0') return "contains a NUL character";
        if (c < 0x20 && c != '\t') return "contains a control character";
        if (c == 0x7f) return "contains a control character";
    }
    return std::nullopt;
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

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

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

} // namespace expeer::text
