#include "map/map_page.hpp"

#include "geo/region_drawing.hpp"
#include "util/csv_writer.hpp"
#include "util/html.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace expeer {

namespace {

struct Words {
    const char* cases;
    const char* fewer_than;
    const char* hidden;
    const char* none;
    const char* by_category;
    const char* by_gender;
    const char* by_status;
    const char* region;
    const char* total;
    const char* not_drawn;
    const char* legend;
    const char* period;
    const char* draft;
    const char* how;
    const char* close;
    const char* boundaries;
};

const Words& words(const std::string& language) {
    static const Words fr = {"cas",
                             "moins de {}",
                             "non publié",
                             "aucun",
                             "Par type",
                             "Par genre",
                             "Par état du dossier",
                             "Région",
                             "Total",
                             "Régions que la carte ne dessine pas : {}",
                             "Nombre de cas",
                             "Cas enregistrés de {} à {}",
                             "BROUILLON : cette carte n'est pas approuvée pour publication",
                             "Les nombres inférieurs à {} ne sont pas publiés, ni ceux qui permettraient de les "
                             "retrouver, afin que personne ne puisse être identifié.",
                             "Fermer",
                             "Limites"};
    static const Words en = {"cases",
                             "fewer than {}",
                             "not published",
                             "none",
                             "By kind",
                             "By gender",
                             "By status of the case",
                             "Region",
                             "Total",
                             "Regions the map does not draw: {}",
                             "Number of cases",
                             "Cases recorded from {} to {}",
                             "DRAFT: this map is not approved for publication",
                             "Counts under {} are not published, nor those that would give them away, so that nobody "
                             "can be identified.",
                             "Close",
                             "Boundaries"};
    return language == "fr" ? fr : en;
}

std::string shown_text(const ShownCount& c, std::int64_t min_cell, const std::string& language) {
    switch (c.shown) {
    case Shown::exact: return std::to_string(c.value);
    case Shown::fewer_than: return fmt::format(fmt::runtime(words(language).fewer_than), min_cell);
    case Shown::hidden: return words(language).hidden;
    }
    return "";
}

// The class of a region's total: 0 none, 1.. the classes; -1 not shown. A region shown as
// "fewer than N" keeps the first class only when that class holds every count below N.
int class_of(const ShownCount& c, const std::vector<std::int64_t>& classes, std::int64_t min_cell) {
    const auto of = [&](std::int64_t v) {
        int found = 0;
        for (std::size_t i = 0; i < classes.size(); ++i)
            if (v >= classes[i]) found = static_cast<int>(i) + 1;
        return found;
    };
    if (c.shown == Shown::exact) return of(c.value);
    if (c.shown == Shown::fewer_than && of(1) == of(min_cell - 1)) return of(1);
    return -1;
}

// Five steps of one hue that differ in lightness, so that they read in grey and for
// colour-blind readers (ColorBrewer's "Oranges", light to dark).
const char* const fills[] = {"#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"};

std::string month_label(const std::string& month, const std::string& language) {
    static const char* const fr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                     "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    static const char* const en[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
    if (month.size() != 7) return month;
    const int m = std::stoi(month.substr(5, 2));
    if (m < 1 || m > 12) return month;
    return fmt::format("{} {}", (language == "fr" ? fr : en)[m - 1], month.substr(0, 4));
}

std::string name_of(const MapPageInput& input, const std::string& code, const std::string& language) {
    const auto names = input.names.find(language);
    if (names != input.names.end())
        if (const auto it = names->second.find(code); it != names->second.end()) return it->second;
    return code;
}

std::string breakdown_table(const MapPageInput& input, const Breakdown& b, const std::string& language) {
    const Words& w = words(language);
    const std::int64_t n = input.figures.min_cell;
    std::string out;
    const auto table = [&](const char* caption, const std::vector<std::pair<std::string, ShownCount>>& rows) {
        out += fmt::format("<table><caption>{}</caption><tbody>", html_escape(caption));
        for (const auto& [label, count] : rows)
            out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", html_escape(label),
                               html_escape(shown_text(count, n, language)));
        out += "</tbody></table>";
    };
    std::vector<std::pair<std::string, ShownCount>> rows;
    for (std::size_t i = 0; i < input.categories.size(); ++i)
        rows.push_back({language == "fr" ? input.categories[i].fr : input.categories[i].en, b.by_category[i]});
    table(w.by_category, rows);
    rows.clear();
    for (std::size_t i = 0; i < all_genders().size(); ++i) rows.push_back({gender_label(all_genders()[i], language), b.by_gender[i]});
    table(w.by_gender, rows);
    rows.clear();
    for (std::size_t i = 0; i < all_statuses().size(); ++i)
        rows.push_back({status_label(all_statuses()[i], language), b.by_status[i]});
    table(w.by_status, rows);
    return out;
}

constexpr const char* style = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#222;line-height:1.4}
h1{font-size:1.6rem;margin:.2rem 0}
.draft{background:#b00;color:#fff;padding:.5rem;font-weight:bold}
.map{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.map svg{flex:1 1 18rem;max-width:32rem;height:auto}
.side{flex:1 1 16rem}
.map path{stroke:#fff;stroke-width:.8}
.map a:focus path,.map a:hover path{stroke:#222;stroke-width:2}
.map a:focus{outline:none}
.c0{fill:#eee}.cx{fill:url(#hatch)}
.legend{list-style:none;padding:0;margin:0}
.legend li{margin:.2rem 0}
.legend span{display:inline-block;width:1rem;height:1rem;margin-right:.4rem;vertical-align:middle;border:1px solid #999}
.detail{display:none;border:1px solid #ccc;padding:.5rem 1rem;margin:1rem 0}
.detail:target{display:block;background:#fff7ec}
table{border-collapse:collapse;margin:.5rem 0}
td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #ddd}
td{text-align:right}
caption{text-align:left;font-weight:bold}
footer{font-size:.85rem;color:#555;margin-top:2rem}
@media print{.detail{display:block;break-inside:avoid}}
)css";

} // namespace

std::vector<std::int64_t> map_classes(const MapFigures& figures) {
    std::vector<std::int64_t> shown;
    for (const auto& r : figures.regions)
        if (r.figures.total.shown == Shown::exact && r.figures.total.value > 0) shown.push_back(r.figures.total.value);
    std::sort(shown.begin(), shown.end());
    // The first class starts at 1, so that "fewer than N" has a class of its own when N is
    // below the next bound; the others at quantiles of the shown counts.
    std::vector<std::int64_t> bounds = {1};
    if (shown.empty()) return bounds;
    for (int step = 1; step < 5; ++step) {
        const std::int64_t bound = shown[shown.size() * static_cast<std::size_t>(step) / 5];
        if (bound > bounds.back() && bound >= figures.min_cell) bounds.push_back(bound);
    }
    return bounds;
}

std::string map_html(const MapPageInput& input, const std::string& language) {
    const Words& w = words(language);
    const MapFigures& f = input.figures;
    const std::string title = language == "fr" ? input.map.title_fr : input.map.title_en;
    const RegionDrawing drawing = draw_regions(input.boundaries, 600);
    const auto classes = map_classes(f);
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                  "style-src 'unsafe-inline'; img-src data:\">\n<title>{}</title>\n<style>{}</style>\n"
                                  "</head>\n<body>\n",
                                  language, html_escape(title), style);
    if (input.draft) out += fmt::format("<p class=\"draft\">{}</p>\n", html_escape(w.draft));
    out += fmt::format("<h1>{}</h1>\n", html_escape(title));
    const std::string total = shown_text(f.country.total, f.min_cell, language);
    out += fmt::format("<p><strong>{} {}</strong>", html_escape(total), w.cases);
    if (!f.first_month.empty())
        out += fmt::format(" · {}", html_escape(fmt::format(fmt::runtime(w.period), month_label(f.first_month, language),
                                                            month_label(f.last_month, language))));
    out += "</p>\n<div class=\"map\">\n";
    out += fmt::format("<svg viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"{}\">\n", drawing.width,
                       drawing.height, html_escape(title));
    out += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
           "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" "
           "x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/></pattern></defs>\n";
    for (std::size_t i = 0; i < drawing.regions.size(); ++i) {
        const auto& shape = drawing.regions[i];
        const auto figures = std::find_if(f.regions.begin(), f.regions.end(),
                                          [&](const RegionFigures& r) { return r.code == shape.code; });
        if (figures == f.regions.end()) continue;
        const int c = class_of(figures->figures.total, classes, f.min_cell);
        const std::string name = name_of(input, shape.code, language);
        const std::string label = fmt::format("{}: {} {}", name, shown_text(figures->figures.total, f.min_cell, language), w.cases);
        const std::string fill = c < 0 ? "class=\"cx\"" : c == 0 ? "class=\"c0\"" : fmt::format("fill=\"{}\"", fills[c - 1]);
        out += fmt::format("<a href=\"#{}\" aria-label=\"{}\"><title>{}</title><path {} d=\"{}\"/></a>\n", shape.code,
                           html_escape(label), html_escape(label), fill, shape.path);
    }
    out += "</svg>\n<div class=\"side\">\n<p><strong>" + html_escape(w.legend) + "</strong></p>\n<ul class=\"legend\">\n";
    out += fmt::format("<li><span class=\"c0\" style=\"background:#eee\"></span>{}</li>\n", w.none);
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const std::string range = i + 1 < classes.size() ? fmt::format("{}–{}", classes[i], classes[i + 1] - 1)
                                                         : fmt::format("{}+", classes[i]);
        out += fmt::format("<li><span style=\"background:{}\"></span>{}</li>\n", fills[i], range);
    }
    out += fmt::format("<li><span style=\"background:repeating-linear-gradient(45deg,#fff 0 3px,#999 3px 5px)\"></span>{}"
                       "</li>\n</ul>\n",
                       html_escape(w.hidden));
    // The details, beside the map: each opens when its region is chosen (:target), without
    // script, by a click or by the keyboard (the regions are links).
    for (const auto& region : f.regions) {
        out += fmt::format("<section class=\"detail\" id=\"{}\"><h2>{}</h2><p>{}: {}</p>", region.code,
                           html_escape(name_of(input, region.code, language)), w.total,
                           html_escape(shown_text(region.figures.total, f.min_cell, language)));
        if (region.figures.total.shown == Shown::exact && region.figures.total.value > 0)
            out += breakdown_table(input, region.figures, language);
        out += fmt::format("<p><a href=\"#\">{}</a></p></section>\n", w.close);
    }
    out += "</div>\n</div>\n";
    if (!input.boundaries.missing.empty()) {
        std::vector<std::string> names;
        for (const auto& code : input.boundaries.missing) names.push_back(name_of(input, code, language));
        out += fmt::format("<p>{}</p>\n", html_escape(fmt::format(fmt::runtime(w.not_drawn), fmt::join(names, ", "))));
    }
    // Every region in a table too: the figures without the map, for screen readers and print.
    out += fmt::format("<table><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>\n", w.region, w.total);
    for (const auto& region : f.regions)
        out += fmt::format("<tr><th scope=\"row\"><a href=\"#{}\">{}</a></th><td>{}</td></tr>\n", region.code,
                           html_escape(name_of(input, region.code, language)),
                           html_escape(shown_text(region.figures.total, f.min_cell, language)));
    out += "</tbody></table>\n";
    out += fmt::format("<h2>{}</h2>{}", html_escape(title), breakdown_table(input, f.country, language));
    out += fmt::format("<footer><p>{}</p><p>{}: {}</p></footer>\n</body>\n</html>\n",
                       html_escape(fmt::format(fmt::runtime(w.how), f.min_cell)), w.boundaries,
                       html_escape(input.map.attribution));
    return out;
}

namespace {

nlohmann::ordered_json count_json(const ShownCount& c) {
    if (c.shown == Shown::exact) return c.value;
    return nullptr;
}

const char* shown_name(const ShownCount& c) {
    return c.shown == Shown::exact ? "exact" : c.shown == Shown::fewer_than ? "fewer_than" : "not_published";
}

nlohmann::ordered_json breakdown_json(const MapPageInput& input, const Breakdown& b) {
    nlohmann::ordered_json out;
    out["total"] = count_json(b.total);
    out["total_shown"] = shown_name(b.total);
    for (std::size_t i = 0; i < input.categories.size(); ++i) out["category"][input.categories[i].code] = count_json(b.by_category[i]);
    for (std::size_t i = 0; i < all_genders().size(); ++i) out["gender"][gender_name(all_genders()[i])] = count_json(b.by_gender[i]);
    for (std::size_t i = 0; i < all_statuses().size(); ++i) out["status"][status_name(all_statuses()[i])] = count_json(b.by_status[i]);
    return out;
}

} // namespace

std::string map_geojson(const MapPageInput& input) {
    nlohmann::ordered_json out;
    out["type"] = "FeatureCollection";
    out["country"] = input.map.country;
    out["title"] = {{"fr", input.map.title_fr}, {"en", input.map.title_en}};
    out["attribution"] = input.map.attribution;
    out["min_cell"] = input.figures.min_cell;
    out["country_figures"] = breakdown_json(input, input.figures.country);
    out["features"] = nlohmann::ordered_json::array();
    for (const auto& region : input.boundaries.regions) {
        const auto figures = std::find_if(input.figures.regions.begin(), input.figures.regions.end(),
                                          [&](const RegionFigures& r) { return r.code == region.code; });
        nlohmann::ordered_json feature;
        feature["type"] = "Feature";
        feature["properties"] = {{"code", region.code},
                                 {"name_fr", name_of(input, region.code, "fr")},
                                 {"name_en", name_of(input, region.code, "en")}};
        if (figures != input.figures.regions.end()) feature["properties"]["figures"] = breakdown_json(input, figures->figures);
        nlohmann::ordered_json polygons = nlohmann::ordered_json::array();
        for (const auto& polygon : region.polygons) {
            nlohmann::ordered_json rings = nlohmann::ordered_json::array();
            for (const auto* ring : [&] {
                     std::vector<const Ring*> all = {&polygon.outer};
                     for (const auto& hole : polygon.holes) all.push_back(&hole);
                     return all;
                 }()) {
                nlohmann::ordered_json positions = nlohmann::ordered_json::array();
                for (const auto& [lon, lat] : *ring) positions.push_back({lon, lat});
                rings.push_back(std::move(positions));
            }
            polygons.push_back(std::move(rings));
        }
        feature["geometry"] = {{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
        out["features"].push_back(std::move(feature));
    }
    return out.dump() + "\n";
}

std::string map_csv(const MapPageInput& input) {
    const std::int64_t n = input.figures.min_cell;
    // Machine-readable: a count, "<N" for fewer than N, or empty when not published.
    const auto cell = [&](const ShownCount& c) {
        return c.shown == Shown::exact ? std::to_string(c.value) : c.shown == Shown::fewer_than ? fmt::format("<{}", n) : "";
    };
    std::vector<std::string> header = {"region", "name_fr", "name_en", "total"};
    for (const auto& c : input.categories) header.push_back("category." + c.code);
    for (const auto g : all_genders()) header.push_back(std::string("gender.") + gender_name(g));
    for (const auto s : all_statuses()) header.push_back(std::string("status.") + status_name(s));
    std::string out = csv_line(header);
    const auto row = [&](const std::string& code, const std::string& fr, const std::string& en, const Breakdown& b) {
        std::vector<std::string> fields = {code, fr, en, cell(b.total)};
        for (const auto& c : b.by_category) fields.push_back(cell(c));
        for (const auto& c : b.by_gender) fields.push_back(cell(c));
        for (const auto& c : b.by_status) fields.push_back(cell(c));
        out += csv_line(fields);
    };
    for (const auto& region : input.figures.regions)
        row(region.code, name_of(input, region.code, "fr"), name_of(input, region.code, "en"), region.figures);
    row(input.map.country, "", "", input.figures.country);
    return out;
}

} // namespace expeer
