#include "stats/render.hpp"

#include "geo/countries.hpp"
#include "util/csv_writer.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace expeer {

const std::vector<std::string>& report_format_names() {
    static const std::vector<std::string> names = {"table", "csv", "json", "markdown", "html"};
    return names;
}

ReportFormat report_format(const std::string& name) {
    const auto& names = report_format_names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        throw Error(ErrorKind::usage, fmt::format("report format '{}': expected one of table, csv, json, markdown, html", name));
    return static_cast<ReportFormat>(it - names.begin());
}

std::string report_file_extension(ReportFormat format) {
    switch (format) {
    case ReportFormat::table: return "txt";
    case ReportFormat::csv: return "csv";
    case ReportFormat::json: return "json";
    case ReportFormat::markdown: return "md";
    case ReportFormat::html: return "html";
    }
    return "txt";
}

std::string cell_text(const Cell& cell, const DisclosureRules& rules, const ReportLanguage& language) {
    if (cell.value) return language.number(*cell.value);
    if (cell.hidden == Hidden::small) return fmt::format(fmt::runtime(language.text("fewer_than")), language.number(rules.min_cell));
    return language.text("hidden");
}

namespace {

Cell exact(std::int64_t value) { return {value, Hidden::no}; }

std::string kinds_list(const StatsReport& report, const ReportLanguage& language) {
    std::string out;
    for (const auto& kind : report.active_kinds) out += (out.empty() ? "" : ", ") + language.text("kind_" + kind);
    return out;
}

} // namespace

std::string definition(const std::string& id, const StatsReport& report, const ReportLanguage& language) {
    if (id == "active_members")
        return fmt::format(fmt::runtime(language.text("def_active_members")), kinds_list(report, language));
    for (const auto& own : {"registered_members", "accounts", "new_members", "new_active_members", "news", "comments",
                            "news_and_comments_total", "files", "files_total", "active_spaces", "public_activity",
                            "countries"})
        if (id == own) return language.text(std::string("def_") + own);
    return {};
}

std::vector<FigureRow> figure_rows(const DisclosedReport& d, const ReportLanguage& language) {
    const auto& c = d.exact->current;
    const auto& p = d.exact->previous;
    std::vector<FigureRow> rows;
    auto add = [&](const std::string& id, Cell value, Cell previous, std::string extra = {}) {
        FigureRow row{id, value, previous, std::nullopt, std::move(extra)};
        if (value.value && previous.value) row.change = *value.value - *previous.value;
        rows.push_back(std::move(row));
    };
    for (const auto* id : {"registered_members", "accounts", "new_members", "active_members", "new_active_members"})
        add(id, d.people.at(id), d.people.at(std::string("previous.") + id));
    add("news", exact(c.news), exact(p.news));
    add("comments", exact(c.comments), exact(p.comments));
    add("news_and_comments_total", exact(c.news_and_comments_total), exact(p.news_and_comments_total));
    add("files", exact(c.files), exact(p.files));
    add("files_total", exact(c.files_total), exact(p.files_total));
    add("active_spaces", exact(c.active_spaces), exact(p.active_spaces),
        fmt::format("{} {}", language.text("of"), language.number(c.spaces)));
    add("public_activity", exact(c.public_activity), exact(p.public_activity));
    add("confidential_activity", exact(c.confidential_activity), exact(p.confidential_activity));
    add("outside_spaces_activity", exact(c.outside_spaces_activity), exact(p.outside_spaces_activity));
    add("countries", exact(d.country_count), {std::nullopt, Hidden::no});
    return rows;
}

namespace {

std::string pad(const std::string& s, std::size_t width, bool right) {
    const std::size_t w = text::display_width(s);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

// Columns aligned by display width; the first is left-aligned, the others right-aligned.
std::string aligned(const std::vector<std::vector<std::string>>& rows, const std::string& indent = "") {
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], text::display_width(row[i]));
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line = indent;
        for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "  " : "") + pad(row[i], widths[i], i > 0);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string change_text(const FigureRow& row, const ReportLanguage& l) {
    return row.change ? l.signed_number(*row.change) : "";
}

} // namespace

std::vector<std::string> period_lines(const ReportContext& cx) {
    const auto& l = cx.language;
    const auto& r = *cx.report.exact;
    return {l.text("period") + l.text("colon") +
                fmt::format("{} – {} ({} {})", l.date(r.period.from), l.date(r.period.to), l.text("time_zone"),
                            r.period.time_zone),
            l.text("compared_with") + l.text("colon") + l.date(r.previous_period.from) + " – " +
                l.date(r.previous_period.to)};
}

std::vector<ReportNote> report_notes(const ReportContext& cx) {
    const auto& d = cx.report;
    const auto& l = cx.language;
    std::vector<ReportNote> notes;
    if (d.rules.internal) notes.push_back({l.text("internal"), true});
    else notes.push_back({fmt::format(fmt::runtime(l.text("public_note")), l.number(d.rules.min_cell)), false});
    // Which ways protected the hidden counts, as statistical offices say in their notes.
    if (d.covered == 1) notes.push_back({l.text("covered_one"), false});
    if (d.covered > 1) notes.push_back({fmt::format(fmt::runtime(l.text("covered_many")), l.number(static_cast<std::int64_t>(d.covered))), false});
    if (d.coarsened == 1)
        notes.push_back({fmt::format(fmt::runtime(l.text("coarsened_one")), l.number(d.rules.min_cell)), false});
    if (d.coarsened > 1)
        notes.push_back({fmt::format(fmt::runtime(l.text("coarsened_many")), l.number(static_cast<std::int64_t>(d.coarsened)),
                                     l.number(d.rules.min_cell)),
                         false});
    if (d.exact->snapshot_taken_at)
        notes.push_back(
            {fmt::format(fmt::runtime(l.text("snapshot_note")), l.date(d.exact->snapshot_taken_at->substr(0, 10))), false});
    if (d.exact->previous_published_at)
        notes.push_back(
            {fmt::format(fmt::runtime(l.text("previous_note")), l.date(d.exact->previous_published_at->substr(0, 10))), false});
    return notes;
}

std::vector<ReportDefinition> report_definitions(const ReportContext& cx) {
    const auto& l = cx.language;
    std::vector<ReportDefinition> out = {{"", l.text("def_counted")}};
    for (const auto& row : figure_rows(cx.report, l)) {
        const auto text = definition(row.id, *cx.report.exact, l);
        if (!text.empty()) out.push_back({l.text(row.id), text});
    }
    out.push_back({"", l.text("def_months")});
    if (!cx.report.rules.internal)
        out.push_back({"", fmt::format(fmt::runtime(l.text("def_public")), l.number(cx.report.rules.min_cell))});
    return out;
}

std::vector<MonthlySeries> monthly_series(const StatsReport& report) {
    return {{"news_per_month", &report.news_per_month}, {"files_per_month", &report.files_per_month}};
}

std::int64_t series_total(const std::vector<MonthCount>& months) {
    std::int64_t sum = 0;
    for (const auto& m : months) sum += m.count;
    return sum;
}

std::string country_label(const std::string& code, const ReportContext& cx) {
    return code.empty() ? cx.language.text("not_given") : cx.countries.short_name(code, cx.language.code());
}

std::string top_countries(const ReportContext& cx) {
    std::string top;
    std::size_t listed = 0;
    for (const auto& row : cx.report.countries) {
        if (listed == cx.top_countries || row.code.empty() || !row.members.value) continue;
        top += fmt::format("{}{} {}", listed ? ", " : "", cx.countries.short_name(row.code, cx.language.code()),
                           cx.language.number(*row.members.value));
        ++listed;
    }
    return top;
}

namespace {

std::string render_table(const ReportContext& cx, bool markdown) {
    const auto& d = cx.report;
    const auto& l = cx.language;
    std::string out;
    auto heading = [&](const std::string& title, int level) {
        out += markdown ? std::string(static_cast<std::size_t>(level), '#') + " " + title + "\n\n"
                        : title + "\n" + std::string(text::display_width(title), level == 1 ? '=' : '-') + "\n";
    };
    auto table = [&](const std::vector<std::vector<std::string>>& rows) {
        if (!markdown) {
            out += aligned(rows);
            return;
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::string line = "|";
            for (const auto& cell : rows[r]) line += " " + cell + " |";
            out += line + "\n";
            if (r == 0) {
                line = "|";
                for (std::size_t i = 0; i < rows[r].size(); ++i) line += i ? " ---: |" : " --- |";
                out += line + "\n";
            }
        }
    };
    heading(l.text("title"), 1);
    for (const auto& line : period_lines(cx)) out += line + "\n";
    for (const auto& note : report_notes(cx)) out += note.text + "\n";
    out += "\n";

    std::vector<std::vector<std::string>> rows = {
        {l.text("figure"), l.text("this_period"), l.text("previous_period"), l.text("change")}};
    for (const auto& row : figure_rows(d, l)) {
        std::string value = cell_text(row.value, d.rules, l);
        if (!row.extra.empty()) value += " " + row.extra;
        rows.push_back({l.text(row.id), value, row.id == "countries" ? "" : cell_text(row.previous, d.rules, l),
                        change_text(row, l)});
    }
    table(rows);
    out += "\n";

    for (const auto& [id, series] : monthly_series(*d.exact)) {
        heading(l.text(id), 2);
        std::vector<std::vector<std::string>> months = {{l.text("month"), l.text("total")}};
        for (const auto& m : *series) months.push_back({l.month_year(m.month), l.number(m.count)});
        const auto sum = series_total(*series);
        months.push_back({l.text("total"), l.number(sum)});
        table(months);
        if (!series->empty())
            out += fmt::format(fmt::runtime(l.text("per_month")),
                               l.number((sum + static_cast<std::int64_t>(series->size()) / 2) /
                                        static_cast<std::int64_t>(series->size()))) + "\n";
        out += "\n";
    }

    heading(l.text("members_by_country"), 2);
    out += fmt::format(fmt::runtime(l.text("members_in_countries")), l.number(d.country_count));
    const auto top = top_countries(cx);
    out += (top.empty() ? "" : " — " + l.text("top_countries") + " " + top) + "\n";
    std::vector<std::vector<std::string>> countries = {{l.text("country"), l.text("members")}};
    for (const auto& row : d.countries) countries.push_back({country_label(row.code, cx), cell_text(row.members, d.rules, l)});
    table(countries);
    out += "\n";

    heading(l.text("definitions"), 2);
    for (const auto& [term, text] : report_definitions(cx))
        out += "- " + (term.empty() ? text : term + l.text("colon") + text) + "\n";
    return out;
}

std::string render_csv(const ReportContext& cx) {
    const auto& d = cx.report;
    const auto& l = cx.language;
    std::string out = csv_line({"figure", "label", "value", "previous", "change", "note"});
    auto number = [](const Cell& c) { return c.value ? std::to_string(*c.value) : std::string(); };
    auto note = [&](const Cell& c) { return c.value ? std::string() : cell_text(c, d.rules, l); };
    for (const auto& row : figure_rows(d, l))
        out += csv_line({row.id, l.text(row.id), number(row.value), row.id == "countries" ? "" : number(row.previous),
                         row.change ? std::to_string(*row.change) : "", note(row.value)});
    for (const auto& [id, series] : monthly_series(*d.exact))
        for (const auto& m : *series)
            out += csv_line({std::string(id) + "." + m.month, l.text(id) + " – " + l.month_year(m.month),
                             std::to_string(m.count), "", "", ""});
    for (const auto& row : d.countries)
        out += csv_line({"members_by_country." + (row.code.empty() ? std::string("not_given") : row.code),
                         country_label(row.code, cx), number(row.members), "", "", note(row.members)});
    return out;
}

nlohmann::json cell_json(const Cell& c) { return c.value ? nlohmann::json(*c.value) : nlohmann::json(nullptr); }

std::string hidden_name(Hidden h) {
    switch (h) {
    case Hidden::no: return "";
    case Hidden::small: return "fewer_than_min_cell";
    case Hidden::withheld: return "withheld";
    }
    return "";
}

std::string render_json(const ReportContext& cx) {
    const auto& d = cx.report;
    const auto& l = cx.language;
    const auto& r = *d.exact;
    nlohmann::ordered_json j;
    j["report"] = "annual";
    j["language"] = l.code();
    j["period"] = {{"from", r.period.from}, {"to", r.period.to}, {"time_zone", r.period.time_zone}};
    j["previous_period"] = {{"from", r.previous_period.from}, {"to", r.previous_period.to}};
    j["internal"] = d.rules.internal;
    j["min_cell"] = d.rules.min_cell;
    j["snapshot_taken_at"] = r.snapshot_taken_at ? nlohmann::ordered_json(*r.snapshot_taken_at) : nlohmann::ordered_json(nullptr);
    j["active_kinds"] = r.active_kinds;
    j["counting_rule"] = l.text("def_counted");
    auto figures = nlohmann::ordered_json::array();
    for (const auto& row : figure_rows(d, l)) {
        nlohmann::ordered_json f;
        f["id"] = row.id;
        f["label"] = l.text(row.id);
        f["definition"] = definition(row.id, r, l);
        f["value"] = cell_json(row.value);
        f["previous"] = row.id == "countries" ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(cell_json(row.previous));
        f["change"] = row.change ? nlohmann::ordered_json(*row.change) : nlohmann::ordered_json(nullptr);
        if (row.id == "active_spaces") f["out_of"] = r.current.spaces;
        f["hidden"] = row.value.value ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(hidden_name(row.value.hidden));
        figures.push_back(f);
    }
    j["figures"] = figures;
    for (const auto& [id, series] : monthly_series(r)) {
        auto months = nlohmann::ordered_json::array();
        for (const auto& m : *series)
            months.push_back({{"month", m.month}, {"label", l.month_year(m.month)}, {"count", m.count}});
        j[id] = {{"label", l.text(id)}, {"total", series_total(*series)}, {"months", months}};
    }
    auto countries = nlohmann::ordered_json::array();
    for (const auto& row : d.countries) {
        nlohmann::ordered_json c;
        c["code"] = row.code.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.code);
        c["name"] = country_label(row.code, cx);
        c["members"] = cell_json(row.members);
        c["hidden"] = row.members.value ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(hidden_name(row.members.hidden));
        countries.push_back(c);
    }
    j["members_by_country"] = {{"countries", d.country_count}, {"rows", countries}};
    j["hidden_cells"] = d.hidden_cells;
    if (!d.rules.internal)
        j["disclosure"] = {{"covered", d.covered}, {"coarsened", d.coarsened}, {"audit_passed", d.audit.passed()}};
    auto definitions = nlohmann::ordered_json::array();
    for (const auto& [term, text] : report_definitions(cx))
        definitions.push_back(term.empty() ? text : term + l.text("colon") + text);
    j["definitions"] = definitions;
    return j.dump(2) + "\n";
}

} // namespace

std::string render_report(ReportFormat format, const ReportContext& context) {
    switch (format) {
    case ReportFormat::table: return render_table(context, false);
    case ReportFormat::markdown: return render_table(context, true);
    case ReportFormat::csv: return render_csv(context);
    case ReportFormat::json: return render_json(context);
    case ReportFormat::html: return render_html(context);
    }
    return {};
}

} // namespace expeer
