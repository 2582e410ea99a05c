// A disclosed report as text: terminal table, CSV, JSON, Markdown or one HTML page. The
// same figures give the same bytes: nothing here reads the clock.
#pragma once

#include "stats/disclosure.hpp"
#include "stats/language.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace expeer {

class Countries;

enum class ReportFormat { table, csv, json, markdown, html };

const std::vector<std::string>& report_format_names(); // "table", "csv", ...
ReportFormat report_format(const std::string& name);
std::string report_file_extension(ReportFormat format); // "txt", "csv", "json", "md", "html"

struct ReportContext {
    const DisclosedReport& report;
    const ReportLanguage& language;
    const Countries& countries;
    std::size_t top_countries = 9;
    std::filesystem::path templates_dir; // the stylesheet and the world map, for HTML
};

std::string render_report(ReportFormat format, const ReportContext& context);

// One line of the figures table, shared by every format.
struct FigureRow {
    std::string id;
    Cell value;
    Cell previous;
    std::optional<std::int64_t> change; // when both are shown
    std::string extra;                  // "of 320" after active spaces
};
std::vector<FigureRow> figure_rows(const DisclosedReport& report, const ReportLanguage& language);
// "fewer than 5", "hidden" or the number.
std::string cell_text(const Cell& cell, const DisclosureRules& rules, const ReportLanguage& language);
// The definition of a figure, or "" when it has none of its own.
std::string definition(const std::string& id, const StatsReport& report, const ReportLanguage& language);

// "DR Congo 173, Tunisia 123, ...": the main countries, shown ones only.
std::string top_countries(const ReportContext& context);

std::string render_html(const ReportContext& context); // stats/html_report.cpp

} // namespace expeer
