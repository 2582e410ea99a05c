#include "output.hpp"

#include "util/csv_writer.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace expeer::cli {

Format parse_format(const std::string& name) {
    if (name == "csv") return Format::csv;
    if (name == "json") return Format::json;
    return Format::table;
}

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names = {"table", "csv", "json"};
    return names;
}

std::string cell_text(const nlohmann::ordered_json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    return value.dump();
}

namespace {

// Through the one CSV writer of expeer, which neutralises what a spreadsheet would run.
void print_csv_row(std::ostream& out, const std::vector<std::string>& cells) { out << csv_line(cells); }

// A table is for a person at a terminal: a value that would move the cursor, clear the
// screen or reverse the text is shown escaped, whole (CSV and JSON carry it as it is).
std::string table_cell(const std::string& text) {
    return text.empty() ? "-" : printable(text, std::string::npos);
}

void print_aligned(std::ostream& out, const std::vector<std::vector<std::string>>& lines) {
    std::vector<std::size_t> widths;
    for (const auto& line : lines) {
        widths.resize(std::max(widths.size(), line.size()));
        for (std::size_t i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], text::display_width(line[i]));
    }
    for (const auto& line : lines) {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            text += line[i];
            if (i + 1 < line.size()) text += std::string(widths[i] - text::display_width(line[i]) + 2, ' ');
        }
        out << text << '\n';
    }
}

} // namespace

void print_records(std::ostream& out, const Records& records, Format format) {
    switch (format) {
    case Format::json: {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const auto& row : records.rows) array.push_back(row);
        out << array.dump(2) << '\n';
        return;
    }
    case Format::csv:
        print_csv_row(out, records.columns);
        for (const auto& row : records.rows) {
            std::vector<std::string> cells;
            for (const auto& column : records.columns) cells.push_back(cell_text(row.value(column, nlohmann::ordered_json())));
            print_csv_row(out, cells);
        }
        return;
    case Format::table: {
        const auto& columns = records.table_columns.empty() ? records.columns : records.table_columns;
        std::vector<std::vector<std::string>> lines{columns};
        for (const auto& row : records.rows) {
            std::vector<std::string> cells;
            for (const auto& column : columns) {
                const std::string cell = cell_text(row.value(column, nlohmann::ordered_json()));
                cells.push_back(table_cell(cell));
            }
            lines.push_back(std::move(cells));
        }
        print_aligned(out, lines);
        return;
    }
    }
}

void print_record(std::ostream& out, const nlohmann::ordered_json& record, Format format) {
    switch (format) {
    case Format::json: out << record.dump(2) << '\n'; return;
    case Format::csv: {
        std::vector<std::string> keys, cells;
        for (const auto& [key, value] : record.items()) {
            keys.push_back(key);
            cells.push_back(cell_text(value));
        }
        print_csv_row(out, keys);
        print_csv_row(out, cells);
        return;
    }
    case Format::table: {
        std::vector<std::vector<std::string>> lines;
        for (const auto& [key, value] : record.items()) {
            lines.push_back({key, table_cell(cell_text(value))});
        }
        print_aligned(out, lines);
        return;
    }
    }
}

} // namespace expeer::cli
