#include "members/export.hpp"

#include "members/member_json.hpp"
#include "members/registry.hpp"
#include "util/csv_writer.hpp"

namespace expeer {

ExportFormat export_format_for(const std::filesystem::path& file) {
    const auto extension = file.extension().string();
    if (extension == ".json") return ExportFormat::json;
    if (extension == ".jsonl" || extension == ".ndjson") return ExportFormat::jsonl;
    return ExportFormat::csv;
}

namespace {

// csv_line neutralises what a spreadsheet would run.
std::string csv_cell(const nlohmann::ordered_json& value) {
    if (value.is_null()) return "";
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

} // namespace

std::size_t export_members(MemberRegistry& registry, const ExportOptions& options,
                           const std::function<void(std::string_view)>& write) {
    std::size_t count = 0;
    if (options.format == ExportFormat::csv) {
        if (options.byte_order_mark) write("\xef\xbb\xbf");
        write(csv_line(member_fields()));
    }
    if (options.format == ExportFormat::json) write("[");
    registry.for_each(options.filter, [&](const Member& member) {
        const auto json = member_to_json(member);
        switch (options.format) {
        case ExportFormat::csv: {
            std::vector<std::string> cells;
            for (const auto& field : member_fields()) cells.push_back(csv_cell(json.at(field)));
            write(csv_line(cells));
            break;
        }
        case ExportFormat::json:
            write(count ? ",\n  " : "\n  ");
            write(json.dump());
            break;
        case ExportFormat::jsonl:
            write(json.dump());
            write("\n");
            break;
        }
        ++count;
    });
    if (options.format == ExportFormat::json) write(count ? "\n]\n" : "]\n");
    return count;
}

} // namespace expeer
