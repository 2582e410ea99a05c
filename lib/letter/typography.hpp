// How the letter's text is set: French spacing before high punctuation, and a text cut short
// for the preheader without breaking a character or a word.
#pragma once

#include <string>
#include <string_view>

namespace expeer::typography {

// French typography: a narrow no-break space (U+202F) before ':', ';', '?' and '!'. An ordinary
// or no-break space already there is replaced; one already narrow is kept; none is added where
// the mark sits inside a token ("16:00", "https://", "?id=") or after another mark ("?!").
// `previous` is the character just before `text` (from a text it follows on the same line, as
// "**Attention**" before ": ..."), 0 if none.
std::string french_spacing(std::string_view text, char32_t previous = 0);

// Runs of spaces and line breaks made one space, then at most `characters` characters as a
// reader counts them (grapheme clusters): cut at the last word boundary that fits, with an
// ellipsis, so that no byte sequence, accent or word is cut in two.
std::string shorten(std::string_view text, std::size_t characters);

} // namespace expeer::typography
