// Members out to CSV, JSON or JSON Lines, in a form the import reads back unchanged.
#pragma once

#include "members/member.hpp"

#include <filesystem>
#include <functional>
#include <string_view>

namespace expeer {

class MemberRegistry;

enum class ExportFormat { csv, json, jsonl };

// From the extension: .json, .jsonl or .ndjson; CSV otherwise.
ExportFormat export_format_for(const std::filesystem::path& file);

struct ExportOptions {
    ExportFormat format = ExportFormat::csv;
    MemberFilter filter;
    bool byte_order_mark = true; // CSV: lets spreadsheets see UTF-8 (Excel needs it for accents)
};

// Writes the members the filter selects, in id order, through `write`; returns how many.
// CSV cells that a spreadsheet would run as formulas are neutralised.
std::size_t export_members(MemberRegistry& registry, const ExportOptions& options,
                           const std::function<void(std::string_view)>& write);

} // namespace expeer
