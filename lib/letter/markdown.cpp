#include "letter/markdown.hpp"

#include "letter/typography.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

namespace expeer::markdown {

namespace {

struct Document {
    cmark_parser* parser = nullptr;
    cmark_node* root = nullptr;
    ~Document() {
        if (root) cmark_node_free(root);
        if (parser) cmark_parser_free(parser);
    }
};

// Default options: safe (raw HTML and javascript: links are left out), smart punctuation off.
constexpr int options = CMARK_OPT_DEFAULT;

void parse(Document& doc, std::string_view source) {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    doc.parser = cmark_parser_new(options);
    for (const char* name : {"autolink", "strikethrough", "table"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(doc.parser, ext);
    cmark_parser_feed(doc.parser, source.data(), source.size());
    doc.root = cmark_parser_finish(doc.parser);
}

std::string take(char* rendered) {
    std::string out(rendered ? rendered : "");
    std::free(rendered);
    return out;
}

// The nodes of one type, in reading order: collected first, since changing the tree
// while an iterator walks it is undefined.
std::vector<cmark_node*> nodes_of(cmark_node* root, cmark_node_type type) {
    std::vector<cmark_node*> found;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
        if (event == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(iter)) == type)
            found.push_back(cmark_iter_get_node(iter));
    cmark_iter_free(iter);
    return found;
}

std::string literal_text(cmark_node* node) {
    std::string text;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        if (const char* literal = cmark_node_get_literal(child)) text += literal;
        text += literal_text(child);
    }
    return text;
}

// An image becomes its description, as text.
void drop_images(cmark_node* root) {
    for (cmark_node* image : nodes_of(root, CMARK_NODE_IMAGE)) {
        while (cmark_node* child = cmark_node_first_child(image)) cmark_node_insert_before(image, child);
        cmark_node_free(image); // unlinks it
    }
}

// A link whose text is its address (an autolink) shows it already.
bool shows_its_address(cmark_node* link) {
    const std::string url = cmark_node_get_url(link) ? cmark_node_get_url(link) : "";
    const std::string text = literal_text(link);
    return url.empty() || text == url || "mailto:" + text == url;
}

void number_links(cmark_node* root, LinkReferences& references) {
    for (cmark_node* link : nodes_of(root, CMARK_NODE_LINK)) {
        if (shows_its_address(link)) continue;
        cmark_node* number = cmark_node_new(CMARK_NODE_TEXT);
        // A no-break space: the number stays on the line of the words it follows.
        const std::string text = "\u00A0[" + std::to_string(references.number(cmark_node_get_url(link))) + "]";
        cmark_node_set_literal(number, text.c_str());
        cmark_node_insert_after(link, number);
    }
}

char32_t last_character(const std::string& text) {
    if (text.empty()) return 0;
    auto at = static_cast<int32_t>(text.size());
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, at, c);
    return c < 0 ? 0 : static_cast<char32_t>(c);
}

// On text only: code, addresses, autolinks and raw HTML keep their colons and question marks.
void set_french_spacing(cmark_node* root) {
    char32_t previous = 0; // the last character before, on the same line of the same block
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        if (event != CMARK_EVENT_ENTER) continue;
        if (type == CMARK_NODE_TEXT) {
            cmark_node* parent = cmark_node_parent(node);
            if (cmark_node_get_type(parent) == CMARK_NODE_LINK && shows_its_address(parent)) {
                previous = 0;
                continue;
            }
            const std::string spaced = typography::french_spacing(cmark_node_get_literal(node), previous);
            cmark_node_set_literal(node, spaced.c_str());
            previous = last_character(spaced);
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
            previous = U' ';
        } else if (type != CMARK_NODE_EMPH && type != CMARK_NODE_STRONG && type != CMARK_NODE_LINK) {
            previous = 0; // a new block, code, raw HTML
        }
    }
    cmark_iter_free(iter);
}

void prepare(Document& doc, std::string_view source, const Rendering& rendering, bool numbered_links) {
    parse(doc, source);
    drop_images(doc.root);
    if (numbered_links && rendering.references) number_links(doc.root, *rendering.references);
    if (rendering.french_spacing) set_french_spacing(doc.root);
}

} // namespace

std::vector<Image> images(std::string_view source) {
    Document doc;
    parse(doc, source);
    std::vector<Image> found;
    for (cmark_node* image : nodes_of(doc.root, CMARK_NODE_IMAGE)) {
        const char* url = cmark_node_get_url(image);
        found.push_back({static_cast<std::size_t>(std::max(1, cmark_node_get_start_line(image))), url ? url : ""});
    }
    return found;
}

std::string escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::size_t LinkReferences::number(const std::string& url) {
    const auto it = std::find(urls_.begin(), urls_.end(), url);
    if (it != urls_.end()) return static_cast<std::size_t>(it - urls_.begin()) + 1;
    urls_.push_back(url);
    return urls_.size();
}

std::string to_html(std::string_view source, const Rendering& rendering) {
    Document doc;
    prepare(doc, source, rendering, false);
    return take(cmark_render_html(doc.root, options, cmark_parser_get_syntax_extensions(doc.parser)));
}

std::string to_text(std::string_view source, int width, const Rendering& rendering) {
    Document doc;
    prepare(doc, source, rendering, true);
    return take(cmark_render_plaintext(doc.root, options, width));
}

} // namespace expeer::markdown
