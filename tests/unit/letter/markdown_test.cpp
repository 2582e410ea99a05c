#include "letter/markdown.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("every image of a text is found, with its line") {
    const auto found = markdown::images("Texte ![a](https://tracker.example/a.gif).\n"
                                        "\n"
                                        "Par référence : ![b][pixel]\n"
                                        "\n"
                                        "| x | y |\n"
                                        "|---|---|\n"
                                        "| 1 | ![c](https://tracker.example/c.gif) |\n"
                                        "\n"
                                        "[![d](//tracker.example/d.gif)](https://example.org)\n"
                                        "\n"
                                        "[pixel]: https://tracker.example/b.gif\n");
    REQUIRE(found.size() == 4);
    CHECK(found[0].line == 1);
    CHECK(found[0].url == "https://tracker.example/a.gif");
    CHECK(found[1].line == 3);
    CHECK(found[1].url == "https://tracker.example/b.gif");
    CHECK(found[2].line == 7);
    CHECK(found[3].line == 9);
    CHECK(found[3].url == "//tracker.example/d.gif");
    CHECK(markdown::images(
              "[a link](https://example.org) and <img src=https://tracker.example/p.gif>")
              .empty());
}

TEST_CASE("no image and no raw HTML reaches the HTML or the text") {
    const std::string source = "Voir ![le logo](https://tracker.example/p.gif) et "
                               "<img src=\"https://tracker.example/q.gif\">.\n\n| a |\n|---|\n| "
                               "![t](https://tracker.example/t.gif) |\n";
    const std::string html = markdown::to_html(source);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("tracker.example") == std::string::npos);
    CHECK(html.find("le logo") != std::string::npos); // the description stays
    const std::string text = markdown::to_text(source);
    CHECK(text.find("tracker.example") == std::string::npos);
    CHECK(text.find("<img") == std::string::npos);
}

TEST_CASE("the text keeps every link's address, numbered") {
    markdown::LinkReferences references;
    const markdown::Rendering rendering{false, &references};
    const std::string first = markdown::to_text("Read [the report](https://example.org/report) and "
                                                "[the annex](https://example.org/annex).",
                                                72, rendering);
    CHECK(first == "Read the report\u00A0[1] and the annex\u00A0[2].\n");
    // Numbers go on across the edition; an address given again keeps its number, and one
    // that shows already (an autolink) is not repeated.
    const std::string second =
        markdown::to_text("Again [the report](https://example.org/report), see "
                          "https://example.org/shown or <news@example.org>.",
                          72, rendering);
    CHECK(second ==
          "Again the report\u00A0[1], see https://example.org/shown or news@example.org.\n");
    CHECK(references.urls() ==
          std::vector<std::string>{"https://example.org/report", "https://example.org/annex"});
    // The HTML has its links, unnumbered.
    CHECK(markdown::to_html("[the report](https://example.org/report)", rendering) ==
          "<p><a href=\"https://example.org/report\">the report</a></p>\n");
}

TEST_CASE("French spacing in Markdown leaves code, addresses and autolinks alone") {
    const markdown::Rendering french{true, nullptr};
    const std::string html =
        markdown::to_html("**Attention**: voir `a:b ?` et [le site](https://example.org/?q=1) ou "
                          "https://example.org/x?y !",
                          french);
    CHECK(html == "<p><strong>Attention</strong>\u202F: voir <code>a:b ?</code> et "
                  "<a href=\"https://example.org/?q=1\">le site</a> ou "
                  "<a href=\"https://example.org/x?y\">https://example.org/x?y</a>\u202F!</p>\n");
}

TEST_CASE("text from the database is shown as written, not read as Markdown") {
    CHECK(
        markdown::to_html(markdown::escape("![x](https://tracker.example/p.gif) *notes*_v2.pdf")) ==
        "<p>![x](https://tracker.example/p.gif) *notes*_v2.pdf</p>\n");
    CHECK(
        markdown::to_html("- " + markdown::escape("[click](https://phish.example)")).find("<a ") ==
        std::string::npos);
}
