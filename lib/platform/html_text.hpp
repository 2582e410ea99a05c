// The platform stores texts as HTML; expeer keeps them as plain text (read as Markdown): tags
// dropped, paragraphs and line breaks kept, entities decoded, control characters removed.
#pragma once

#include <string>
#include <string_view>

namespace expeer {

std::string html_to_text(std::string_view html);

// One line of at most `max_chars` characters (a title): white space collapsed, cut on a
// character boundary with "…".
std::string one_line(std::string_view text, std::size_t max_chars);

} // namespace expeer
