// The CSV reader of the imports, as a spreadsheet (or an attacker) may write a file. The first
// byte picks the encoding the file is declared in, so all three decoders are fuzzed.
#include "fuzz_target.hpp"
#include "util/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const expeer::Encoding encodings[] = {expeer::Encoding::utf8, expeer::Encoding::windows_1252,
                                          expeer::Encoding::latin_1};
    const auto encoding = encodings[data[0] % 3];
    expeer::fuzz::expect_answer_or_refusal([&] {
        // Small limits, so that the fuzzer reaches them rather than the machine's memory.
        expeer::CsvLimits limits;
        limits.max_record_bytes = 64 * 1024;
        (void)expeer::read_csv(expeer::fuzz::bytes(data + 1, size - 1), "fuzz.csv", encoding, limits);
    });
    return 0;
}
