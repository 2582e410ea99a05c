#include "util/csv.hpp"

#include "util/error.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <sstream>

namespace expeer {

namespace {

constexpr std::size_t chunk_size = 1 << 16;

// The separator the header line uses most, outside quotes.
char detect_separator(std::string_view data) {
    std::array<std::size_t, 3> counts{}; // , ; tab
    bool quoted = false;
    for (char c : data) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ',') ++counts[0];
        if (c == ';') ++counts[1];
        if (c == '\t') ++counts[2];
    }
    const auto best = std::max_element(counts.begin(), counts.end()) - counts.begin();
    if (counts[static_cast<std::size_t>(best)] == 0) return ',';
    return ",;\t"[best];
}

} // namespace

CsvReader::CsvReader(std::istream& in, std::string source, Encoding encoding, std::optional<char> separator,
                     CsvLimits limits)
    : in_(in), source_(printable(source)), to_utf8_(encoding), requested_separator_(separator), limits_(limits) {}

bool CsvReader::fill() {
    if (eof_) return false;
    std::string raw(chunk_size, '\0');
    in_.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    raw.resize(static_cast<std::size_t>(in_.gcount()));
    if (in_.bad()) throw Error(ErrorKind::io, fmt::format("cannot read '{}'", source_));
    if (raw.empty()) {
        eof_ = true;
        return false;
    }
    bytes_read_ += raw.size();
    data_.erase(0, pos_); // keep only what is not parsed yet
    pos_ = 0;
    const std::size_t old_size = data_.size();
    to_utf8_.convert(raw, data_);
    if (cr_only_) std::replace(data_.begin() + static_cast<std::ptrdiff_t>(old_size), data_.end(), '\r', '\n');
    return true;
}

void CsvReader::start() {
    started_ = true;
    // The first line end outside quotes: a quoted field may hold a CR of its own.
    const auto first_line_end = [&](std::size_t from) {
        bool quoted = false;
        for (std::size_t i = from; i < data_.size(); ++i) {
            if (data_[i] == '"') quoted = !quoted;
            else if (!quoted && (data_[i] == '\r' || data_[i] == '\n')) return i;
        }
        return std::string::npos;
    };
    // Read enough to see how the header line ends (within the bounds: /dev/zero has no end).
    const auto line_end_seen = [&] {
        const auto end = first_line_end(0);
        return end != std::string::npos && (data_[end] == '\n' || end + 1 < data_.size());
    };
    while (!line_end_seen() && data_.size() <= limits_.max_record_bytes && fill()) {
    }
    const std::string_view head(data_.data(), std::min<std::size_t>(data_.size(), 4096));
    if (head.starts_with("\xff\xfe") || head.starts_with("\xfe\xff"))
        throw Error(ErrorKind::data, fmt::format("{}: the file is in UTF-16: save it as UTF-8 CSV", source_));
    if (head.find('\0') != std::string_view::npos)
        throw Error(ErrorKind::data, fmt::format("{}: not a text file (it contains NUL bytes)", source_));
    if (data_.starts_with("\xef\xbb\xbf")) {
        had_bom_ = true;
        pos_ = 3;
    }
    // Old Mac exports end lines with CR alone: read as LF, or the whole file is one header.
    const auto end = first_line_end(pos_);
    if (end != std::string::npos && data_[end] == '\r' && (end + 1 == data_.size() || data_[end + 1] != '\n')) {
        cr_only_ = true;
        std::replace(data_.begin(), data_.end(), '\r', '\n');
    }
    separator_ = requested_separator_.value_or(detect_separator(std::string_view(data_).substr(pos_)));
    const auto newline = data_.find('\n');
    crlf_ = newline != std::string::npos && newline > 0 && data_[newline - 1] == '\r';
}

void CsvReader::check_bounds(const CsvRecord& record, const std::string& field, std::size_t bytes, bool quoted) const {
    const char* hint = quoted ? " (a quote never closed?)" : "";
    const std::size_t number = record.fields.size() + 1; // of the field being read
    if (number > limits_.max_fields)
        throw Error(ErrorKind::data, fmt::format("{}:{}: field {}: more than {} fields in one record", source_, line_,
                                                 number, limits_.max_fields));
    if (field.size() > limits_.max_field_bytes)
        throw Error(ErrorKind::data, fmt::format("{}:{}: field {}: longer than {} bytes{}", source_, line_, number,
                                                 limits_.max_field_bytes, hint));
    if (bytes > limits_.max_record_bytes)
        throw Error(ErrorKind::data, fmt::format("{}:{}: field {}: the record is longer than {} bytes{}", source_,
                                                 line_, number, limits_.max_record_bytes, hint));
}

bool CsvReader::parse(CsvRecord& record, std::size_t& consumed_lines) {
    record.fields.clear();
    consumed_lines = 0;
    std::string field;
    std::size_t i = pos_;
    const std::size_t n = data_.size();
    for (;;) {
        check_bounds(record, field, i - pos_);
        // At the start of a field.
        if (i < n && data_[i] == '"') {
            ++i;
            for (;;) {
                const std::size_t quote = data_.find('"', i);
                if (quote == std::string::npos) { // the quoted field goes on
                    field.append(data_, i, std::min(n - i, limits_.max_field_bytes + 1));
                    check_bounds(record, field, n - pos_, true);
                    return false;
                }
                consumed_lines += static_cast<std::size_t>(std::count(data_.begin() + static_cast<std::ptrdiff_t>(i),
                                                                      data_.begin() + static_cast<std::ptrdiff_t>(quote), '\n'));
                field.append(data_, i, quote - i);
                check_bounds(record, field, quote - pos_, true);
                i = quote + 1;
                if (i == n && !eof_) return false; // is it "" or the end? more data tells
                if (i < n && data_[i] == '"') {
                    field += '"';
                    ++i;
                    continue;
                }
                break;
            }
        }
        // Unquoted text, or what follows a closing quote up to the separator.
        const std::size_t end = std::min(data_.find_first_of(std::string{separator_, '\n'}, i), n);
        field.append(data_, i, end - i);
        i = end;
        check_bounds(record, field, i - pos_);
        if (i == n && !eof_) return false;
        if (i < n && data_[i] == separator_) {
            record.fields.push_back(std::move(field));
            field.clear();
            ++i;
            continue;
        }
        // End of line (or of input): a CR before LF belongs to the line end.
        if (!field.empty() && field.back() == '\r' && i < n) field.pop_back();
        record.fields.push_back(std::move(field));
        if (i < n) {
            ++i;
            ++consumed_lines;
        }
        pos_ = i;
        return true;
    }
}

bool CsvReader::next(CsvRecord& record) {
    if (!started_) start();
    for (;;) {
        // Skip blank lines between records.
        if (pos_ >= data_.size()) {
            if (!fill()) return false;
            continue;
        }
        const char c = data_[pos_];
        if (c == '\n') {
            ++line_;
            ++pos_;
            continue;
        }
        if (c == '\r') {
            if (pos_ + 1 >= data_.size()) {
                if (!fill()) ++pos_; // a lone CR at the very end
                continue;
            }
            if (data_[pos_ + 1] == '\n') {
                pos_ += 2;
                ++line_;
                continue;
            }
        }
        const std::size_t saved = pos_;
        std::size_t lines = 0;
        if (parse(record, lines)) {
            record.line = line_;
            line_ += lines;
            return true;
        }
        pos_ = saved;
        if (!fill()) {
            if (parse(record, lines)) { // eof_ is set: the record ends with the input
                record.line = line_;
                line_ += lines;
                return true;
            }
            throw Error(ErrorKind::data, fmt::format("{}:{}: field {}: a quoted field is never closed", source_, line_,
                                                     record.fields.size() + 1));
        }
    }
}

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& source, Encoding encoding, CsvLimits limits) {
    std::istringstream in{std::string(text)};
    CsvReader reader(in, source, encoding, {}, limits);
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record)) records.push_back(record);
    return records;
}

} // namespace expeer
