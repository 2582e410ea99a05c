// Markdown (GitHub's dialect, through cmark-gfm) as email HTML and as plain text. Raw HTML in
// the source is dropped: the letter's authors write Markdown, and nothing else reaches the page.
#pragma once

#include <string>
#include <string_view>

namespace expeer::markdown {

std::string to_html(std::string_view source);
std::string to_text(std::string_view source, int width = 72);

} // namespace expeer::markdown
