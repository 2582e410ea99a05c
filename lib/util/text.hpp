// Text helpers for people's names in any script: validation, folding for search, collation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer::text {

bool is_valid_utf8(std::string_view s);

// Why a single-line field (a name, a title, a label, a file name, a configuration value)
// cannot be stored as given, or nothing if it can: invalid UTF-8; a line break (CR, LF, NEL
// U+0085, U+2028, U+2029); NUL or another C0 or C1 control character or DEL; a bidirectional
// control (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C); more than 30 combining marks on
// one character (Unicode's stream-safe limit, UAX #15). Tabs pass.
//
// Bidirectional controls are refused rather than isolated: an Arabic or Hebrew name needs
// none (its letters carry their direction, and every output isolates fields where it shows
// them: <bdi> in HTML), while one override can make "gnp.exe" read "exe.png" or reverse an
// address in a list. Joiners (ZWJ, ZWNJ), which Persian, Indic scripts and emoji need, pass.
std::optional<std::string> single_line_problem(std::string_view s);

// The same for text of several lines (a news body, a description): LF and CRLF pass, and so
// do bidirectional marks and isolates (U+200E, U+200F, U+061C, U+2066-2069), which long
// mixed-direction texts use; embeddings and overrides (U+202A-202E), a lone CR, other line
// breaks and control characters do not.
std::optional<std::string> multi_line_problem(std::string_view s);

// How long a field may be: in characters as a reader counts them (grapheme clusters), and in
// bytes, so that neither 200,000 zero-width spaces (200,000 characters, no column) nor one
// letter under 100,000 combining marks (one character, 200,001 bytes) passes.
struct TextLimit {
    std::size_t characters;
    std::size_t bytes;
};

// A limit of `characters`, with bytes enough for any script: 16 a character on average
// (a Devanagari syllable takes 6 to 12, a flag 8).
constexpr TextLimit limit_for(std::size_t characters) { return {characters, characters * 16}; }

// Grapheme clusters (ICU's character BreakIterator): "é" typed as e + accent is one, and so
// is a flag or an emoji joined with ZWJ.
std::size_t character_count(std::string_view s);

// "is longer than N bytes" or "is longer than N characters", or nothing. Bytes are checked
// first, so that a huge value costs no Unicode segmentation.
std::optional<std::string> length_problem(std::string_view s, TextLimit limit);

// Whether `s` shows anything: a value made only of spaces, zero-width and other format or
// default-ignorable characters (ZWSP, ZWJ, BOM, soft hyphen, Hangul fillers, the Braille
// blank) or of combining marks on nothing is empty to a reader.
bool has_visible_character(std::string_view s);

// Every rule of a single-line field at once: single_line_problem, then length_problem, then a
// value that is not empty must show something ("is empty: it has only invisible characters").
// Whether an empty value is allowed is the field's own rule.
std::optional<std::string> single_line_field_problem(std::string_view s, TextLimit limit);

// Canonical composition (NFC): what was typed decomposed is stored as it is typed composed.
// Invalid UTF-8 is returned as it is.
std::string nfc(std::string_view s);

std::string trim(std::string_view s);

// Lower-case, without accents or Arabic diacritics, compatibility forms unified
// ("Benoît" and "BENOIT" fold alike), for matching what a person typed.
std::string fold(std::string_view s);

// fold(), with every run of punctuation or spaces made one space: for names of places.
std::string fold_words(std::string_view s);

// Number of characters a terminal shows (combining marks take no column).
std::size_t display_width(std::string_view s);

// Sorts strings as a reader expects in any script (ICU root collation).
void sort_for_people(std::vector<std::string>& values);

// Compares two strings by ICU root collation: negative, zero or positive.
class Collator {
public:
    Collator();
    ~Collator();
    Collator(const Collator&) = delete;
    Collator& operator=(const Collator&) = delete;
    int compare(std::string_view a, std::string_view b) const;

private:
    struct Impl;
    Impl* impl_;
};

// A short name that goes into URLs and file names (a space's, a map's): lower-case ASCII
// letters, digits and single dashes, not at either end, 64 at most.
bool is_slug(std::string_view s);

// Levenshtein distance in code points, for suggesting the nearest names.
std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace expeer::text
