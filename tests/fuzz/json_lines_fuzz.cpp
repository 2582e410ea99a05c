// The JSON Lines reader of the imports: any bytes, deep nesting, lines without end.
#include "fuzz_target.hpp"
#include "util/json_lines.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    expeer::fuzz::expect_answer_or_refusal([&] {
        for (const auto& line : expeer::read_json_lines(expeer::fuzz::bytes(data, size), "fuzz.jsonl"))
            if (line.value.is_object()) (void)expeer::json_line_with_reason(line.text, "fuzzed");
    });
    return 0;
}
