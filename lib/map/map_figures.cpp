#include "map/map_figures.hpp"

#include "disclosure/protection.hpp"
#include "disclosure/publication.hpp"

#include <algorithm>

namespace expeer {

MapTally::MapTally(std::vector<std::string> regions, std::vector<MapCategory> categories)
    : regions_(std::move(regions)), categories_(std::move(categories)) {
    std::sort(regions_.begin(), regions_.end());
    counts_.assign(regions_.size(), empty_counts());
}

MapTally::Counts MapTally::empty_counts() const {
    Counts c;
    c.category.assign(categories_.size(), 0);
    c.gender.assign(all_genders().size(), 0);
    c.status.assign(all_statuses().size(), 0);
    return c;
}

void MapTally::add(const MapRecord& record) {
    const auto region = std::lower_bound(regions_.begin(), regions_.end(), record.region);
    const auto category = std::find_if(categories_.begin(), categories_.end(),
                                       [&](const MapCategory& c) { return c.code == record.category; });
    if (region == regions_.end() || *region != record.region || category == categories_.end()) return;
    Counts& c = counts_[static_cast<std::size_t>(region - regions_.begin())];
    ++c.total;
    ++c.category[static_cast<std::size_t>(category - categories_.begin())];
    ++c.gender[static_cast<std::size_t>(record.gender)];
    ++c.status[static_cast<std::size_t>(record.status)];
    const std::string month = record.date.substr(0, 7);
    if (first_month_.empty() || month < first_month_) first_month_ = month;
    if (month > last_month_) last_month_ = month;
}

namespace {

std::string cell_id(const std::string& scope, const char* dimension, std::size_t index) {
    return scope + "." + dimension + "." + std::to_string(index);
}

// A breakdown's three partitions of its total, each a relation an outsider can rely on.
const char* const dimensions[] = {"category", "gender", "status"};

} // namespace

MapFigures MapTally::exact() const {
    MapFigures f;
    const auto shown = [](const Counts& c) {
        Breakdown b;
        b.total = {Shown::exact, c.total};
        for (const auto v : c.category) b.by_category.push_back({Shown::exact, v});
        for (const auto v : c.gender) b.by_gender.push_back({Shown::exact, v});
        for (const auto v : c.status) b.by_status.push_back({Shown::exact, v});
        return b;
    };
    Counts country = empty_counts();
    for (std::size_t r = 0; r < regions_.size(); ++r) {
        const Counts& c = counts_[r];
        f.regions.push_back({regions_[r], shown(c)});
        country.total += c.total;
        for (std::size_t i = 0; i < c.category.size(); ++i) country.category[i] += c.category[i];
        for (std::size_t i = 0; i < c.gender.size(); ++i) country.gender[i] += c.gender[i];
        for (std::size_t i = 0; i < c.status.size(); ++i) country.status[i] += c.status[i];
    }
    f.country = shown(country);
    f.first_month = first_month_;
    f.last_month = last_month_;
    return f;
}

MapFigures MapTally::disclose(std::int64_t min_cell) const {
    MapFigures exact_figures = exact();
    Publication p(min_cell);
    const auto small = [&](std::int64_t v) { return v > 0 && v < min_cell; };
    // Scopes: "country", then "region.TN-11"...; the country's total is the headline.
    std::vector<std::pair<std::string, const Breakdown*>> scopes = {{"country", &exact_figures.country}};
    for (const auto& region : exact_figures.regions) scopes.push_back({"region." + region.code, &region.figures});
    for (std::size_t s = 0; s < scopes.size(); ++s) {
        const auto& [scope, b] = scopes[s];
        const bool country = s == 0;
        FigureCell total;
        total.id = scope;
        total.value = b->total.value;
        total.role = country ? Role::headline : Role::detail;
        total.headline = country;
        total.cover_group = country || total.value == 0 ? "" : "regions";
        total.label = small(total.value) ? Label::fewer_than : Label::exact;
        p.add(std::move(total));
        // A region with too few records shows only "fewer than N": its breakdown is withheld.
        const bool too_few = !country && small(b->total.value);
        const std::vector<ShownCount>* parts[] = {&b->by_category, &b->by_gender, &b->by_status};
        for (std::size_t d = 0; d < 3; ++d) {
            Relation sum;
            sum.terms.push_back({scope, -1});
            sum.why = scope + " is the sum of its " + dimensions[d] + "s";
            for (std::size_t i = 0; i < parts[d]->size(); ++i) {
                FigureCell cell;
                cell.id = cell_id(scope, dimensions[d], i);
                cell.value = (*parts[d])[i].value;
                // Zeros are shown on a map (a region without cases), unlike the report's
                // countries: they stay out of cover groups, whose rule bounds a withheld count
                // by the smallest shown one.
                if (cell.value > 0) cell.cover_group = scope + "." + dimensions[d];
                cell.cover_rank = country ? 0 : 1;
                cell.label = too_few ? Label::withheld : small(cell.value) ? Label::fewer_than : Label::exact;
                p.add(std::move(cell));
                sum.terms.push_back({cell_id(scope, dimensions[d], i), 1});
            }
            p.relate(std::move(sum));
        }
    }
    // The country is the sum of its regions, in total and in each part.
    Relation regions_sum;
    regions_sum.terms.push_back({"country", -1});
    regions_sum.why = "the regions add up to the country";
    for (const auto& region : exact_figures.regions) regions_sum.terms.push_back({"region." + region.code, 1});
    p.relate(std::move(regions_sum));
    const std::size_t sizes[] = {categories_.size(), all_genders().size(), all_statuses().size()};
    for (std::size_t d = 0; d < 3; ++d)
        for (std::size_t i = 0; i < sizes[d]; ++i) {
            Relation sum;
            sum.terms.push_back({cell_id("country", dimensions[d], i), -1});
            sum.why = "the regions add up to the country, by " + std::string(dimensions[d]);
            for (const auto& region : exact_figures.regions)
                sum.terms.push_back({cell_id("region." + region.code, dimensions[d], i), 1});
            p.relate(std::move(sum));
        }

    MapFigures f;
    f.min_cell = min_cell;
    f.audit = protect_publication(p).audit;
    const auto read = [&](const std::string& id) {
        const FigureCell& c = p.at(id);
        if (c.label == Label::exact) return ShownCount{Shown::exact, c.value};
        ++f.hidden;
        return ShownCount{c.label == Label::fewer_than ? Shown::fewer_than : Shown::hidden, 0};
    };
    const auto read_breakdown = [&](const std::string& scope) {
        Breakdown b;
        b.total = read(scope);
        std::vector<ShownCount>* parts[] = {&b.by_category, &b.by_gender, &b.by_status};
        for (std::size_t d = 0; d < 3; ++d)
            for (std::size_t i = 0; i < sizes[d]; ++i) parts[d]->push_back(read(cell_id(scope, dimensions[d], i)));
        return b;
    };
    f.country = read_breakdown("country");
    for (const auto& region : exact_figures.regions) f.regions.push_back({region.code, read_breakdown("region." + region.code)});
    f.first_month = first_month_;
    f.last_month = last_month_;
    return f;
}

} // namespace expeer
