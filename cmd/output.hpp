// How data reaches stdout: an aligned table for people, CSV and JSON for programs.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace expeer::cli {

enum class Format { table, csv, json };

Format parse_format(const std::string& name); // "table", "csv", "json"
const std::vector<std::string>& format_names();

// Rows of the same shape. `table_columns` are the keys an aligned table shows (the widest
// data is left to CSV and JSON); empty means every key of the first row.
struct Records {
    std::vector<std::string> columns;
    std::vector<std::string> table_columns;
    std::vector<nlohmann::ordered_json> rows;
};

void print_records(std::ostream& out, const Records& records, Format format);
// One object: "key  value" lines in a table, a header and one row in CSV.
void print_record(std::ostream& out, const nlohmann::ordered_json& record, Format format);

// A cell as text: null is empty, booleans are yes/no.
std::string cell_text(const nlohmann::ordered_json& value);

} // namespace expeer::cli
