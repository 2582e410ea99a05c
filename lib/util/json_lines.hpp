// JSON Lines as imports read them: one JSON value a line, read as a stream in bounded memory.
// A line is at most max_line_bytes (a longer one, /dev/zero included, ends the reading with
// an error naming the line), and a value nests at most max_depth arrays and objects: the
// parser refuses deeper ones as it meets them, since copying or printing a value recurses
// on its depth, and 200,000 nested arrays overflow the stack. Lines end in LF, CRLF or, in
// old Mac exports, CR alone (detected on the first line).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

struct JsonLinesLimits {
    std::size_t max_line_bytes = 1024 * 1024;
    int max_depth = 32;
};

struct JsonLine {
    std::size_t line = 0; // from 1
    std::string text;     // without its line end (nor, on the first line, a byte-order mark)
    nlohmann::json value; // null when `error` is set
    std::string error;    // why the line is no JSON value: "is not valid JSON (at byte 12)"
};

class JsonLinesReader {
public:
    // `source` names the file in errors.
    JsonLinesReader(std::istream& in, std::string source, JsonLinesLimits limits = {});

    // The next line that is not blank; false at the end. An Error (data) for a line longer
    // than the limit, an Error (io) when the stream cannot be read.
    bool next(JsonLine& line);

    std::uint64_t bytes_read() const { return bytes_read_; }
    bool uses_cr_only() const { return cr_only_ == 1; }

private:
    bool fill();
    bool read_line(std::string& text); // false at the end

    std::istream& in_;
    std::string source_;
    JsonLinesLimits limits_;
    std::string data_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
    int cr_only_ = -1; // not known until the first line end
    bool eof_ = false;
    std::uint64_t bytes_read_ = 0;
};

// The whole of `text` as JsonLinesReader reads a file: one entry point for tests and fuzzers,
// with no file-system access. A line that is no JSON value comes back with its `error` set;
// an Error (data) for what ends the reading (a line over the limit), naming `source`.
std::vector<JsonLine> read_json_lines(std::string_view text, const std::string& source = "input",
                                      JsonLinesLimits limits = {});

// One JSON text, nesting at most `max_depth` arrays and objects; nothing, and the reason in
// `error`, if it is not valid JSON or nests deeper.
std::optional<nlohmann::json> parse_json_bounded(std::string_view text, int max_depth, std::string& error);

// A JSON Lines line with `"reason": reason` added after its keys, as a rejects file holds it.
// `line` must be a JSON object that parse_json_bounded accepted.
std::string json_line_with_reason(std::string_view line, const std::string& reason);

} // namespace expeer
