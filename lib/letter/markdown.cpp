#include "letter/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
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

} // namespace

std::string to_html(std::string_view source) {
    Document doc;
    parse(doc, source);
    return take(cmark_render_html(doc.root, options, cmark_parser_get_syntax_extensions(doc.parser)));
}

std::string to_text(std::string_view source, int width) {
    Document doc;
    parse(doc, source);
    return take(cmark_render_plaintext(doc.root, options, width));
}

} // namespace expeer::markdown
