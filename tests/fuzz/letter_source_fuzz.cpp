// The letter's YAML source, as an editor (or a broken editor) may write it.
#include "fuzz_target.hpp"
#include "letter/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    expeer::fuzz::expect_answer_or_refusal([&] {
        const auto source = expeer::parse_letter_source(expeer::fuzz::bytes(data, size), "2024-09", "2024-09.yaml");
        (void)expeer::missing_translations(source);
    });
    return 0;
}
