#include "util/json_lines.hpp"

#include "util/error.hpp"
#include "util/printable.hpp"

#include <algorithm>
#include <fmt/format.h>

#include <sstream>

namespace expeer {

namespace {

constexpr std::size_t chunk_size = 1 << 16;

struct TooDeep {};

// nlohmann's parser is iterative, but it has no depth limit of its own: its callback, told the
// depth of every array and object as it starts, stops the parsing before it goes deeper.
template <typename Json>
std::optional<Json> parse_bounded(std::string_view text, int max_depth, std::string& error) {
    const typename Json::parser_callback_t deep = [max_depth](int depth, typename Json::parse_event_t event, Json&) {
        using Event = typename Json::parse_event_t;
        if ((event == Event::object_start || event == Event::array_start) && depth >= max_depth) throw TooDeep{};
        return true;
    };
    try {
        return Json::parse(text, deep);
    } catch (const TooDeep&) {
        error = fmt::format("nests arrays and objects more than {} deep", max_depth);
    } catch (const typename Json::parse_error& e) {
        // Not e.what(): it quotes the bytes read, which may be anything.
        error = fmt::format("is not valid JSON (at byte {})", e.byte);
    } catch (const typename Json::exception&) {
        error = "is not valid JSON";
    }
    return std::nullopt;
}

} // namespace

std::optional<nlohmann::json> parse_json_bounded(std::string_view text, int max_depth, std::string& error) {
    return parse_bounded<nlohmann::json>(text, max_depth, error);
}

std::string json_line_with_reason(std::string_view line, const std::string& reason) {
    std::string error;
    auto object = parse_bounded<nlohmann::ordered_json>(line, JsonLinesLimits{}.max_depth, error);
    if (!object || !object->is_object()) object = nlohmann::ordered_json{{"line", std::string(line)}};
    (*object)["reason"] = reason;
    return object->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

JsonLinesReader::JsonLinesReader(std::istream& in, std::string source, JsonLinesLimits limits)
    : in_(in), source_(printable(source)), limits_(limits) {}

bool JsonLinesReader::fill() {
    if (eof_) return false;
    data_.erase(0, pos_);
    pos_ = 0;
    const std::size_t old_size = data_.size();
    // No more room than what is left to read, when the stream knows (a file, a string): a short
    // input is not given a zeroed 64 kB buffer.
    const std::streamsize left = in_.rdbuf()->in_avail();
    const std::size_t want = left > 0 ? std::min(chunk_size, static_cast<std::size_t>(left)) : chunk_size;
    data_.resize(old_size + want);
    in_.read(data_.data() + old_size, static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(in_.gcount());
    data_.resize(old_size + got);
    if (in_.bad()) throw Error(ErrorKind::io, fmt::format("cannot read '{}'", source_));
    bytes_read_ += got;
    if (got == 0) eof_ = true;
    return got > 0;
}

bool JsonLinesReader::read_line(std::string& text) {
    std::size_t searched = pos_;
    for (;;) {
        const char* ends = cr_only_ == 1 ? "\r" : cr_only_ == 0 ? "\n" : "\r\n";
        const std::size_t end = data_.find_first_of(ends, searched);
        if (end != std::string::npos && cr_only_ == -1 && data_[end] == '\r' && end + 1 == data_.size() && fill()) {
            searched = pos_; // fill() moved the data: look again, now that what follows the CR is known
            continue;
        }
        if (end != std::string::npos) {
            if (cr_only_ == -1) cr_only_ = data_[end] == '\r' && (end + 1 == data_.size() || data_[end + 1] != '\n');
            if (end - pos_ > limits_.max_line_bytes) break;
            text.assign(data_, pos_, end - pos_);
            pos_ = end + 1;
            if (!text.empty() && text.back() == '\r') text.pop_back();
            ++line_;
            return true;
        }
        if (data_.size() - pos_ > limits_.max_line_bytes) break;
        searched = data_.size() - pos_;
        if (!fill()) {
            if (pos_ == data_.size()) return false;
            text.assign(data_, pos_);
            pos_ = data_.size();
            if (!text.empty() && text.back() == '\r') text.pop_back();
            ++line_;
            return true;
        }
    }
    throw Error(ErrorKind::data,
                fmt::format("{}:{}: the line is longer than {} bytes", source_, line_ + 1, limits_.max_line_bytes));
}

bool JsonLinesReader::next(JsonLine& line) {
    while (read_line(line.text)) {
        if (line_ == 1 && line.text.starts_with("\xef\xbb\xbf")) line.text.erase(0, 3);
        if (line.text.find_first_not_of(" \t\r") == std::string::npos) continue;
        line.line = line_;
        line.error.clear();
        auto value = parse_json_bounded(line.text, limits_.max_depth, line.error);
        line.value = value ? std::move(*value) : nlohmann::json();
        return true;
    }
    return false;
}

std::vector<JsonLine> read_json_lines(std::string_view text, const std::string& source, JsonLinesLimits limits) {
    std::istringstream in{std::string(text)};
    JsonLinesReader reader(in, source, limits);
    std::vector<JsonLine> lines;
    JsonLine line;
    while (reader.next(line)) lines.push_back(line);
    return lines;
}

} // namespace expeer
