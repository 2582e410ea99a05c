// Text helpers for people's names in any script: validation, folding for search, collation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer::text {

bool is_valid_utf8(std::string_view s);

// Why a single-line field cannot be stored as given, or nothing if it can:
// invalid UTF-8, CR, LF, NUL or another control character.
std::optional<std::string> single_line_problem(std::string_view s);

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

// Levenshtein distance in code points, for suggesting the nearest names.
std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace expeer::text
