#include "util/csv_writer.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace expeer {

namespace {

// What a spreadsheet takes for the start of a formula, ASCII and full-width.
constexpr std::array<std::string_view, 10> formula_starts = {
    "=", "+", "-", "@", "\t", "\r", "\xef\xbc\x9d" /* ＝ */, "\xef\xbc\x8b" /* ＋ */,
    "\xef\xbc\x8d" /* － */, "\xef\xbc\xa0" /* ＠ */};

bool starts_formula(std::string_view text) {
    return std::any_of(formula_starts.begin(), formula_starts.end(),
                       [&](std::string_view start) { return text.starts_with(start); });
}

// -12, +3, 4.5: a number to a spreadsheet, not a formula.
bool is_plain_number(std::string_view value) {
    if (!value.empty() && (value.front() == '-' || value.front() == '+')) value.remove_prefix(1);
    const auto point = value.find('.');
    const auto digits = [](std::string_view part) {
        return !part.empty() &&
               std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (point == std::string_view::npos) return digits(value);
    return digits(value.substr(0, point)) && digits(value.substr(point + 1));
}

// The value is `quotes` or more ' followed by a formula start.
bool looks_neutralised(std::string_view value, std::size_t quotes) {
    const auto first = value.find_first_not_of('\'');
    return first != std::string_view::npos && first >= quotes && starts_formula(value.substr(first));
}

bool needs_quotes(std::string_view field, char separator) {
    return field.find_first_of(",;\t\"\r\n") != std::string_view::npos ||
           field.find(separator) != std::string_view::npos;
}

} // namespace

std::string neutralise_formula(const std::string& value) {
    if (is_plain_number(value)) return value;
    return looks_neutralised(value, 0) ? "'" + value : value;
}

std::string restore_formula(const std::string& value) {
    return looks_neutralised(value, 1) ? value.substr(1) : value;
}

std::string csv_line(const std::vector<std::string>& fields, char separator, bool crlf) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line += separator;
        const std::string field = neutralise_formula(fields[i]);
        if (!needs_quotes(field, separator)) {
            line += field;
            continue;
        }
        line += '"';
        for (char c : field) {
            if (c == '"') line += '"';
            line += c;
        }
        line += '"';
    }
    line += crlf ? "\r\n" : "\n";
    return line;
}

} // namespace expeer
