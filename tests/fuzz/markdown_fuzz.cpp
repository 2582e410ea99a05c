// The letter's Markdown, rendered as the email's HTML and as its plain-text part.
#include "fuzz_target.hpp"
#include "letter/markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string source = expeer::fuzz::bytes(data, size);
    expeer::fuzz::expect_answer_or_refusal([&] {
        (void)expeer::markdown::to_html(source);
        (void)expeer::markdown::to_text(source, 72);
        (void)expeer::markdown::to_text(source, 1);
    });
    return 0;
}
