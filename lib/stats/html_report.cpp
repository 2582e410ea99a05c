// The report as one HTML page: no script, no web font, nothing fetched, so that it opens
// offline and is safe to email. Charts are inline SVG with a title, a description and the
// data table under each, for screen readers and for print.
#include "geo/countries.hpp"
#include "stats/render.hpp"
#include "stats/world_map.hpp"
#include "util/error.hpp"
#include "util/template_file.hpp"
#include "util/html.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace expeer {

namespace {

std::string e(std::string_view s) { return html_escape(s); }

// Sequential blues (ColorBrewer), readable with every common colour-vision deficiency; a
// neutral grey for no members, so that 0 is never mistaken for a small class.
const std::vector<std::string>& palette(std::size_t classes) {
    static const std::vector<std::vector<std::string>> blues = {
        {"#6baed6"},
        {"#9ecae1", "#3182bd"},
        {"#bdd7e7", "#6baed6", "#2171b5"},
        {"#bdd7e7", "#6baed6", "#3182bd", "#08519c"},
        {"#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"},
        {"#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"},
    };
    if (classes == 0 || classes > blues.size())
        throw Error(ErrorKind::config, fmt::format("stats.map_classes: between 1 and {} classes above 0", blues.size()));
    return blues[classes - 1];
}
constexpr const char* no_members_colour = "#ececec";

std::string class_label(std::size_t index, const std::vector<std::int64_t>& classes, const ReportLanguage& l) {
    if (index == 0) return l.number(0);
    const std::int64_t low = classes[index - 1];
    if (index == classes.size()) return fmt::format(fmt::runtime(l.text("and_more")), l.number(low));
    const std::int64_t high = classes[index] - 1;
    return low == high ? l.number(low) : fmt::format("{} – {}", l.number(low), l.number(high));
}

std::string class_colour(std::size_t index, const std::vector<std::int64_t>& classes) {
    return index == 0 ? no_members_colour : palette(classes.size())[index - 1];
}

// A bar chart of one value per month, with the value above each bar.
std::string bar_chart(const std::string& id, const std::string& title, const std::vector<MonthCount>& months,
                      const ReportLanguage& l) {
    const double width = 720, height = 260, left = 10, bottom = 36, top = 24;
    const double plot = height - bottom - top;
    std::int64_t max = 1;
    for (const auto& m : months) max = std::max(max, m.count);
    const double slot = (width - 2 * left) / static_cast<double>(std::max<std::size_t>(months.size(), 1));
    const double bar = slot * 0.7;
    const std::string description =
        months.empty() ? std::string()
                       : fmt::format(fmt::runtime(l.text("chart_description")), l.month_year(months.front().month),
                                     l.month_year(months.back().month));
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
        "aria-labelledby=\"{}-title {}-desc\">\n<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>\n",
        width, height, width, height, id, id, id, e(title), id, e(description));
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#777\"/>\n", left, height - bottom,
                       width - left, height - bottom);
    for (std::size_t i = 0; i < months.size(); ++i) {
        const auto& m = months[i];
        const double h = plot * static_cast<double>(m.count) / static_cast<double>(max);
        const double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
        const double y = height - bottom - h;
        svg += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                           "fill=\"#2171b5\"><title>{}{}{}</title></rect>\n",
                           x, y, bar, h, e(l.month_year(m.month)), e(l.text("colon")), e(l.number(m.count)));
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"13\" "
                           "fill=\"#1a1a1a\">{}</text>\n",
                           x + bar / 2, y - 6, e(l.number(m.count)));
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"12\" "
                           "fill=\"#444\">{}</text>\n",
                           x + bar / 2, height - bottom + 16, e(l.month_short(m.month)));
        if (i == 0 || m.month.substr(5, 2) == "01")
            svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\" "
                               "fill=\"#777\">{}</text>\n",
                               x + bar / 2, height - bottom + 31, m.month.substr(0, 4));
    }
    return svg + "</svg>\n";
}

std::string world_map(const ReportContext& cx) {
    const auto& d = cx.report;
    const auto& l = cx.language;
    const auto& classes = d.rules.map_classes;
    const WorldMap map = load_world_map(cx.templates_dir / "stats" / "world-110m.json", cx.countries, 960);
    std::string labels;
    for (std::size_t i = 0; i <= classes.size(); ++i)
        labels += (i ? ", " : "") + class_label(i, classes, l);
    const std::string description =
        fmt::format(fmt::runtime(l.text("map_description")), classes.size() + 1, labels);
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
        "aria-labelledby=\"map-title map-desc\">\n<title id=\"map-title\">{}</title>\n<desc id=\"map-desc\">{}</desc>\n"
        "<defs><pattern id=\"not-shown\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8c8c8c\" stroke-width=\"2.5\"/></pattern></defs>\n"
        "<g stroke=\"#ffffff\" stroke-width=\"0.5\" stroke-linejoin=\"round\">\n",
        map.width, map.height, map.width, map.height, e(l.text("map_title")), e(description));
    for (const auto& country : map.countries) {
        std::string fill = no_members_colour, what = class_label(0, classes, l);
        if (const auto it = d.map.find(country.code); !country.code.empty() && it != d.map.end()) {
            if (it->second) {
                fill = class_colour(*it->second, classes);
                what = class_label(*it->second, classes, l);
            } else {
                fill = "url(#not-shown)";
                what = l.text("map_not_shown");
            }
        }
        const std::string name = country.code.empty() ? country.name : cx.countries.short_name(country.code, l.code());
        svg += fmt::format("<path class=\"country\" fill=\"{}\" d=\"{}\"><title>{}{}{}</title></path>\n", fill,
                           country.path, e(name), e(l.text("colon")), e(what));
    }
    svg += "</g>\n</svg>\n";
    std::string legend = "<ul class=\"legend\">\n";
    for (std::size_t i = 0; i <= classes.size(); ++i)
        legend += fmt::format("<li><span class=\"swatch\" style=\"background:{}\"></span>{}</li>\n",
                              class_colour(i, classes), e(class_label(i, classes, l)));
    if (!d.rules.internal)
        legend += fmt::format("<li><span class=\"swatch\" style=\"background:repeating-linear-gradient(45deg,#fff 0 2px,"
                              "#8c8c8c 2px 4px)\"></span>{}</li>\n",
                              e(l.text("map_not_shown")));
    legend += "</ul>\n";
    return "<figure class=\"map\">\n" + svg + "<figcaption>" + e(l.text("map_title")) + "</figcaption>\n" + legend +
           "</figure>\n";
}

std::string cell_td(const Cell& cell, const DisclosureRules& rules, const ReportLanguage& l, const std::string& extra = {}) {
    return fmt::format("<td{}>{}{}</td>", cell.value ? "" : " class=\"hidden\"", e(cell_text(cell, rules, l)),
                       extra.empty() ? "" : " " + e(extra));
}

std::string month_table(const std::vector<MonthCount>& months, const ReportLanguage& l) {
    std::string out = fmt::format("<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                                  e(l.text("month")), e(l.text("total")));
    for (const auto& m : months)
        out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", e(l.month_year(m.month)), e(l.number(m.count)));
    out += fmt::format("</tbody>\n<tfoot><tr><th scope=\"row\">{}</th><td>{}</td></tr></tfoot>\n</table>\n",
                       e(l.text("total")), e(l.number(series_total(months))));
    return out;
}

} // namespace

std::string render_html(const ReportContext& cx) {
    const auto& d = cx.report;
    const auto& l = cx.language;
    const auto& r = *d.exact;
    const std::string css = read_template_file(cx.templates_dir / "stats" / "report.css");
    const std::string title = fmt::format("{} – {} – {}", l.text("title"), l.date(r.period.from), l.date(r.period.to));
    std::string h = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
                                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
                                l.code(), e(title), css, e(l.text("title")));
    for (const auto& line : period_lines(cx)) h += fmt::format("<p class=\"period\">{}</p>\n", e(line));
    for (const auto& note : report_notes(cx))
        h += fmt::format("<p class=\"note{}\">{}</p>\n", note.internal ? " internal" : "", e(note.text));
    h += "</header>\n<main>\n";

    h += fmt::format("<section>\n<h2>{}</h2>\n<table class=\"figures\">\n<thead><tr><th scope=\"col\">{}</th>"
                     "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                     e(l.text("key_figures")), e(l.text("figure")), e(l.text("this_period")), e(l.text("previous_period")),
                     e(l.text("change")));
    for (const auto& row : figure_rows(d, l)) {
        h += fmt::format("<tr><th scope=\"row\">{}</th>{}{}<td>{}</td></tr>\n", e(l.text(row.id)),
                         cell_td(row.value, d.rules, l, row.extra),
                         row.id == "countries" ? "<td></td>" : cell_td(row.previous, d.rules, l),
                         row.change ? e(l.signed_number(*row.change)) : "");
    }
    h += "</tbody>\n</table>\n</section>\n";

    for (const auto& [id, series] : monthly_series(r)) {
        h += fmt::format("<section>\n<h2>{}</h2>\n<figure class=\"chart\">\n{}<figcaption>{}</figcaption>\n</figure>\n{}"
                         "</section>\n",
                         e(l.text(id)), bar_chart(id, l.text(id), *series, l), e(l.text(id)), month_table(*series, l));
    }

    h += fmt::format("<section>\n<h2>{}</h2>\n<p class=\"top\">{}", e(l.text("members_by_country")),
                     e(fmt::format(fmt::runtime(l.text("members_in_countries")), l.number(d.country_count))));
    const std::string top = top_countries(cx);
    if (!top.empty()) h += fmt::format(" — {} {}", e(l.text("top_countries")), e(top));
    h += "</p>\n" + world_map(cx);
    h += fmt::format("<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                     e(l.text("country")), e(l.text("members")));
    for (const auto& row : d.countries)
        h += fmt::format("<tr><td>{}</td>{}</tr>\n", e(country_label(row.code, cx)), cell_td(row.members, d.rules, l));
    h += "</tbody>\n</table>\n</section>\n";

    h += fmt::format("<section>\n<h2>{}</h2>\n<dl class=\"definitions\">\n", e(l.text("definitions")));
    for (const auto& [term, text] : report_definitions(cx)) {
        if (!term.empty()) h += fmt::format("<dt>{}</dt>\n", e(term));
        h += fmt::format("<dd>{}</dd>\n", e(text));
    }
    h += "</dl>\n</section>\n</main>\n";
    h += fmt::format("<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>\n", e(l.text("map_attribution")));
    return h;
}

} // namespace expeer
