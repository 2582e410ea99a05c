#include "platform/html_text.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

TEST_CASE("the platform's HTML becomes plain text, paragraphs kept") {
    CHECK(html_to_text("<p>Write it down &amp; keep a copy.</p><p>Then <b>call</b> us.</p>") ==
          "Write it down & keep a copy.\n\nThen call us.");
    CHECK(html_to_text("a<br/>b<br>c") == "a\nb\nc");
    CHECK(html_to_text("&lt;script&gt; &#233;t&#xE9; &nbsp;x") == "<script> été \xc2\xa0x");
    CHECK(html_to_text("x\x1b[2Jy\tz") == "x[2Jy z"); // controls out
    CHECK(html_to_text("<p>unclosed") == "unclosed");
    CHECK(html_to_text("a & b &bogus; c") == "a & b &bogus; c");
}

TEST_CASE("a title is one line of at most so many characters, cut on a character") {
    CHECK(one_line("  Rapport\n annuel  ", 100) == "Rapport annuel");
    CHECK(one_line("Études détaillées", 6) == "Études…");
    CHECK(one_line("نور الهدى", 3) == "نور…");
}
