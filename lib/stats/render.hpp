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

// The pieces every format shows, so that they say the same thing.
struct ReportNote {
    std::string text;
    bool internal = false; // the "not for publication" warning
};
// "Period: 1 August 2023 – 31 July 2024 (time zone Europe/Brussels)", then "Compared with: ...".
std::vector<std::string> period_lines(const ReportContext& context);
// The internal warning or the small-numbers note, and when the figures were frozen.
std::vector<ReportNote> report_notes(const ReportContext& context);
struct ReportDefinition {
    std::string term; // a figure's label, or empty for a rule about every figure
    std::string text;
};
std::vector<ReportDefinition> report_definitions(const ReportContext& context);
struct MonthlySeries {
    const char* id; // "news_per_month", "files_per_month"
    const std::vector<MonthCount>* months;
};
std::vector<MonthlySeries> monthly_series(const StatsReport& report);
std::int64_t series_total(const std::vector<MonthCount>& months);
// A country's name in the report's language, or "Country not given".
std::string country_label(const std::string& code, const ReportContext& context);

// "DR Congo 173, Tunisia 123, ...": the main countries, shown ones only.
std::string top_countries(const ReportContext& context);

std::string render_html(const ReportContext& context); // stats/html_report.cpp

} // namespace expeer
