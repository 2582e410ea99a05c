// A returned message, as anyone who can write to the bounce address may send it: the reader
// must give a report for any bytes, and never a member it cannot verify.
#include "fuzz_target.hpp"
#include "letter/bounce_report.hpp"
#include "letter/verp.hpp"

#include <cctype>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input = expeer::fuzz::bytes(data, size);
    std::string lower = input; // a bounce address is read whatever its case
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    expeer::fuzz::expect_answer_or_refusal([&] {
        const auto report = expeer::read_bounce_report(input);
        // A bounce address only names a member when the input carries its signature.
        for (const auto& address : report.bounce_addresses)
            if (const auto id = expeer::verp_member("a-secret-for-the-fuzzer-only", address))
                if (lower.find(expeer::verp_address("a-secret-for-the-fuzzer-only", *id, "b@x.example").substr(2, 20)) ==
                    std::string::npos)
                    std::abort();
    });
    return 0;
}
