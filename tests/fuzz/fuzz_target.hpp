// What a fuzz target may see go wrong: expeer's own refusals (an Error, InvalidInput among
// them) are the answers bad input must get; anything else escaping, a crash or a sanitizer report is a
// bug the fuzzer stops on.
#pragma once

#include "util/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace expeer::fuzz {

template <typename Call> void expect_answer_or_refusal(Call&& call) {
    try {
        call();
    } catch (const Error&) {
    }
}

inline std::string bytes(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

} // namespace expeer::fuzz
