// An issue of The ExPEERience Letter as its editors write it: a YAML file (expeer-letter(5))
// with an editorial and items in sections, each text in French and in English, in Markdown.
#pragma once

#include "util/invalid_input.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

// Where a text starts in the file, so that an error names the line of what is wrong in it.
struct TextPlace {
    std::size_t line = 0;       // the text's first line
    bool line_for_line = false; // a literal block (|): each of its lines is one of the file's
    // The file's line of the text's line `text_line` (from 1); a folded or quoted text's lines
    // are not the file's, and are named by its first.
    std::size_t line_of(std::size_t text_line) const { return line_for_line ? line + text_line - 1 : line; }
};

// A text in both languages; one may be missing until the issue is checked.
struct Bilingual {
    std::optional<std::string> fr;
    std::optional<std::string> en;
    std::size_t line = 0; // where it is in the file, for errors
    TextPlace fr_place;
    TextPlace en_place;
};

struct LetterLink {
    std::string url;
    Bilingual label;
    std::size_t line = 0;
};

struct LetterItem {
    Bilingual title;
    Bilingual body; // Markdown
    std::vector<LetterLink> links;
};

struct LetterSection {
    std::string id; // analyses | events | opportunities | press_review
    std::vector<LetterItem> items;
};

struct LetterSource {
    std::string issue; // "2024-09"
    Bilingual subject;
    Bilingual editorial; // Markdown
    std::vector<LetterSection> sections; // in the order of letter_section_ids()
    std::string sha256; // of the file as read: what an approval names
};

const std::vector<std::string>& letter_section_ids();

// "2024-09": a year and a month, checked (a usage Error otherwise).
void check_issue_name(const std::string& issue);
// The skeleton of a new issue, with its subject and sections ready to fill.
std::string new_letter_source(const std::string& issue);
// Reads and checks the structure, and that no Markdown text has an image; a bad file is
// InvalidInput naming line and field.
LetterSource read_letter_source(const std::filesystem::path& file);
// The same from the file's text: `issue` is its stem ("2024-09"), `name` its name for errors.
LetterSource parse_letter_source(const std::string& text, const std::string& issue, const std::string& name);
// Every text missing one language, as "line 12: sections.analyses[1].title: no English text".
std::vector<FieldError> missing_translations(const LetterSource& source);

// What `letter new` leaves to write is marked [[like this]], on one line: every text (or link
// address) that still has such a mark, with its line. An issue with one is not approved.
std::vector<FieldError> placeholders_left(const LetterSource& source);

} // namespace expeer
