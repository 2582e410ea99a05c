// Markdown (GitHub's dialect, through cmark-gfm) as email HTML and as plain text. Raw HTML in
// the source is dropped: the letter's authors write Markdown, and nothing else reaches the page.
// No image reaches it either: an image from another server tells that server who opens the
// letter, and when; the source refuses them (letter/source), and the rendering keeps only an
// image's description, for what comes from the database.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace expeer::markdown {

struct Image {
    std::size_t line = 0; // in the text, from 1
    std::string url;
};

// Every image of a text, inline or by reference, in a table or a link, in reading order.
std::vector<Image> images(std::string_view source);

// Text with Markdown's punctuation escaped, for what the database puts in a Markdown text
// (a space's label, a file's name): it shows as written, and makes no link or image.
std::string escape(std::string_view text);

// The addresses a plain text edition lists at its end, numbered in the order they first
// appear in the edition ("the report [1]"); an address already listed keeps its number.
class LinkReferences {
public:
    std::size_t number(const std::string& url);
    const std::vector<std::string>& urls() const { return urls_; }

private:
    std::vector<std::string> urls_;
};

struct Rendering {
    bool french_spacing = false;          // typography::french_spacing on the text, not on code
    LinkReferences* references = nullptr; // to_text: "the report [1]" for a link whose address is not shown
};

std::string to_html(std::string_view source, const Rendering& rendering = {});
std::string to_text(std::string_view source, int width = 72, const Rendering& rendering = {});

} // namespace expeer::markdown
