#include "util/invalid_input.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace expeer {

std::string describe(const FieldError& error) {
    return fmt::format("{} '{}': {}", error.field, error.value, error.reason);
}

std::string shown_value(std::string_view value) {
    std::string out;
    // Cut where a character starts: a long value must not end in half a character and then be
    // shown as invalid.
    std::size_t cut = std::min<std::size_t>(value.size(), 80);
    while (cut > 0 && cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xc0) == 0x80) --cut;
    for (unsigned char c : value.substr(0, cut)) {
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\0') out += "\\0";
        else if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
        else out += static_cast<char>(c);
    }
    if (value.size() > cut) out += "...";
    if (!text::is_valid_utf8(out)) return "(not valid UTF-8)";
    return out;
}

namespace {

std::string join_errors(const std::vector<FieldError>& errors) {
    std::vector<std::string> lines;
    for (const auto& e : errors) lines.push_back(describe(e));
    return fmt::format("{}", fmt::join(lines, "; "));
}

} // namespace

InvalidInput::InvalidInput(std::vector<FieldError> errors)
    : Error(ErrorKind::data, join_errors(errors)), errors_(std::move(errors)) {}

} // namespace expeer
