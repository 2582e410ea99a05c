// The public report against an attacker with a calculator: what it publishes (its JSON, as
// anyone would download it) is turned into an outsider's equations here, written apart from
// the library's own model, and every hidden count is worked out with GLPK and, on small
// networks, by trying every whole number.
#include "stats/disclosure.hpp"

#include "../disclosure/brute_force.hpp"
#include "../scratch.hpp"
#include "disclosure/integer_bounds.hpp"
#include "stats/render.hpp"
#include "stats/report_cells.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

using namespace expeer;

namespace {

const std::vector<std::string>& codes() {
    static const std::vector<std::string> all = {
        "CD", "TN", "BE", "FR", "UG", "BI", "MA", "NE", "CF", "CM", "SN", "CI", "ML", "BF", "TD", "RW", "KE", "GN",
        "TG", "BJ", "MG", "DZ", "CH", "CA", "HT", "CG", "GA", "SD", "SS", "ET", "NG", "GH", "LB", "EG", "LY", "MR",
        "DE", "NL", "ES", "IT", "GB", "US", "LU", "PT", "SE", "CO", "GT", "PH", "MM", "TZ", "MZ", "ZA", "LR", "SL"};
    return all;
}

DisclosureRules public_rules(std::set<std::string> sensitive = {}) {
    DisclosureRules rules;
    rules.map_classes = {1, 19, 35};
    rules.sensitive_countries = std::move(sensitive);
    return rules;
}

// A report whose figures agree with each other as the database's would.
StatsReport consistent_report(std::map<std::string, std::int64_t> countries, std::mt19937& rng) {
    StatsReport r;
    r.period = make_period("2023-08-01", "2024-07-31", "Europe/Brussels");
    r.previous_period = r.period.previous();
    r.active_kinds = {"news"};
    std::int64_t total = 0;
    for (const auto& [code, n] : countries) total += n;
    r.members_by_country = std::move(countries);
    auto pick = [&](std::int64_t high) { return high <= 0 ? 0 : static_cast<std::int64_t>(rng() % (high + 1)); };
    auto& c = r.current;
    c.registered = total;
    c.new_registered = pick(total);
    const std::int64_t left = pick(8);
    c.registered_before = total - c.new_registered + left;
    c.active = pick(total);
    c.new_active = std::max<std::int64_t>(0, pick(std::min(c.new_registered, c.active)));
    if (c.active - c.new_active > total - c.new_registered) c.active = c.new_active + (total - c.new_registered);
    auto& p = r.previous;
    p.registered = c.registered_before;
    p.new_registered = pick(p.registered);
    p.registered_before = p.registered - p.new_registered + pick(5);
    p.active = pick(p.registered);
    p.new_active = pick(std::min(p.new_registered, p.active));
    if (p.active - p.new_active > p.registered - p.new_registered) p.active = p.new_active + (p.registered - p.new_registered);
    p.accounts = p.registered + pick(6);
    c.accounts = p.accounts + c.new_registered + pick(4) + (c.registered > p.registered + c.new_registered ? 0 : 0);
    c.accounts = std::max(c.accounts, c.registered + pick(3));
    if (c.accounts - p.accounts < c.new_registered) c.accounts = p.accounts + c.new_registered;
    return r;
}

std::map<std::string, std::int64_t> random_countries(std::mt19937& rng, std::size_t count, std::int64_t biggest) {
    std::map<std::string, std::int64_t> out;
    auto shuffled = codes();
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (std::size_t i = 0; i < count && i < shuffled.size(); ++i) {
        // Many countries of 1 to 4 members, as networks have.
        const std::int64_t n = rng() % 3 == 0 ? 1 + static_cast<std::int64_t>(rng() % 4)
                                               : static_cast<std::int64_t>(rng() % (biggest + 1));
        if (n > 0) out[shuffled[i]] = n;
    }
    if (rng() % 4 == 0) out[""] = 1 + static_cast<std::int64_t>(rng() % 6); // members who gave no country
    return out;
}

nlohmann::json public_json(const DisclosedReport& d) {
    const ReportLanguage language("en");
    const ReportContext context{d, language, test::countries(), 9, {}};
    return nlohmann::json::parse(render_report(ReportFormat::json, context));
}

// What an outsider makes of a published count: its bounds from its label.
struct Unknown {
    std::string what;
    std::int64_t truth = 0;
    Interval bounds;
    bool sensitive = false;
    bool at_risk = true; // a small value needs protection (a published count, those who left...)
};

// The outsider's equations, from the JSON alone (and the map's "not shown" countries).
struct OutsiderModel {
    std::vector<Unknown> unknowns;
    std::vector<LinearEquality> equalities;
    std::int64_t min_cell = 5;

    // The term of a published value: a constant, or a new unknown.
    std::pair<std::optional<std::size_t>, std::int64_t> term(const nlohmann::json& value, const std::string& hidden,
                                                            std::int64_t truth, bool listed, const std::string& what) {
        if (!value.is_null()) return {std::nullopt, value.get<std::int64_t>()};
        Interval bounds{listed ? 1 : 0, std::nullopt};
        if (hidden == "fewer_than_min_cell") bounds = {1, min_cell - 1};
        unknowns.push_back({what, truth, bounds, false});
        return {unknowns.size() - 1, 0};
    }
    std::size_t slack(const std::string& what, std::int64_t truth, bool at_risk) {
        unknowns.push_back({what, truth, {0, std::nullopt}, false, at_risk});
        return unknowns.size() - 1;
    }
    // Σ coefficient · term = 0.
    void equal(const std::vector<std::pair<std::pair<std::optional<std::size_t>, std::int64_t>, std::int64_t>>& terms) {
        LinearEquality e;
        for (const auto& [t, coefficient] : terms) {
            if (t.first) e.terms.emplace_back(*t.first, coefficient);
            else e.constant -= coefficient * t.second;
        }
        if (!e.terms.empty()) equalities.push_back(e);
    }
};

// `widest`: the same equations with every count but the headline figures withheld, the most
// protection the report could give (the cap of the man page).
OutsiderModel outsider_model(const nlohmann::json& j, const StatsReport& truth, const std::set<std::string>& sensitive,
                             bool widest = false) {
    OutsiderModel m;
    m.min_cell = j.at("min_cell");
    std::map<std::string, nlohmann::json> figures;
    for (const auto& f : j.at("figures")) figures[f.at("id")] = f;
    using Term = std::pair<std::optional<std::size_t>, std::int64_t>;
    auto figure = [&](const std::string& id, bool previous, std::int64_t value) -> Term {
        const auto& f = figures.at(id);
        // The JSON says why the current value is hidden; the previous one is null or a number.
        const auto& shown = previous ? f.at("previous") : f.at("value");
        std::string hidden = previous ? std::string() : f.at("hidden").is_null() ? "" : f.at("hidden").get<std::string>();
        const bool headline = id == "registered_members" || id == "active_members";
        if (widest && (!headline || !shown.is_number())) return m.term(nullptr, "withheld", value, false, id + (previous ? " (previous)" : ""));
        return m.term(shown, hidden, value, false, id + (previous ? " (previous)" : ""));
    };
    const auto& c = truth.current;
    const auto& p = truth.previous;
    const Term R = figure("registered_members", false, c.registered), R0 = figure("registered_members", true, p.registered);
    const Term N = figure("new_members", false, c.new_registered), N0 = figure("new_members", true, p.new_registered);
    const Term A = figure("active_members", false, c.active), A0 = figure("active_members", true, p.active);
    const Term NA = figure("new_active_members", false, c.new_active), NA0 = figure("new_active_members", true, p.new_active);
    const Term ACC = figure("accounts", false, c.accounts), ACC0 = figure("accounts", true, p.accounts);
    // Those who left and earlier members who came back point at people; the others only
    // restate what the exact headline figures say between them (the man page's list).
    auto slack = [&](const std::string& what, std::int64_t value) -> Term {
        return {m.slack(what, value, what == "left" || what == "returning active"), 0};
    };
    // Registered at the end = before + new − left.
    m.equal({{R, 1}, {R0, -1}, {N, -1}, {slack("left", c.registered_before - c.registered + c.new_registered), 1}});
    for (const auto& [r, n, a, na, acc, f] : {std::tuple{R, N, A, NA, ACC, c}, std::tuple{R0, N0, A0, NA0, ACC0, p}}) {
        const Term returning = slack("returning active", f.active - f.new_active);
        m.equal({{n, 1}, {na, -1}, {slack("new not active", f.new_registered - f.new_active), -1}});
        m.equal({{a, 1}, {na, -1}, {returning, -1}});
        m.equal({{r, 1}, {n, -1}, {returning, -1},
                 {slack("earlier not active", f.registered - f.new_registered - (f.active - f.new_active)), -1}});
        m.equal({{acc, 1}, {r, -1}, {slack("accounts not counted", f.accounts - f.registered), -1}});
    }
    m.equal({{ACC, 1}, {ACC0, -1}, {N, -1}, {slack("new accounts not counted", c.accounts - p.accounts - c.new_registered), -1}});
    // The countries add up to the registered members, the sensitive ones unseen.
    std::vector<std::pair<Term, std::int64_t>> total = {{R, -1}};
    std::optional<std::int64_t> smallest_shown;
    for (const auto& row : j.at("members_by_country").at("rows"))
        if (!row.at("members").is_null())
            smallest_shown = std::min(smallest_shown.value_or(row.at("members").get<std::int64_t>()),
                                      row.at("members").get<std::int64_t>());
    for (const auto& row : j.at("members_by_country").at("rows")) {
        const std::string code = row.at("code").is_null() ? "" : row.at("code").get<std::string>();
        const std::string hidden = row.at("hidden").is_null() ? "" : row.at("hidden").get<std::string>();
        Term t = widest ? m.term(nullptr, "withheld", truth.members_by_country.at(code), true, "country " + code)
                        : m.term(row.at("members"), hidden, truth.members_by_country.at(code), true, "country " + code);
        // The documented rule: cover is the smallest shown country first.
        if (!widest && t.first && hidden == "withheld" && smallest_shown) m.unknowns[*t.first].bounds.high = *smallest_shown;
        total.emplace_back(t, 1);
    }
    for (const auto& code : sensitive) {
        const auto it = truth.members_by_country.find(code);
        m.unknowns.push_back({"sensitive " + code, it == truth.members_by_country.end() ? 0 : it->second, {0, std::nullopt}, true});
        total.emplace_back(Term{m.unknowns.size() - 1, 0}, 1);
    }
    m.equal(total);
    return m;
}

std::vector<Interval> solve(const OutsiderModel& m) {
    std::vector<Interval> bounds;
    for (const auto& u : m.unknowns) bounds.push_back(u.bounds);
    IntegerBounds solver(bounds, m.equalities);
    std::vector<Interval> out;
    for (std::size_t i = 0; i < m.unknowns.size(); ++i) out.push_back(solver.range_of(i));
    return out;
}

// Every count an outsider cannot see is protected, by the rule the man page states.
void check_protected(const nlohmann::json& j, const StatsReport& truth, const std::set<std::string>& sensitive = {}) {
    const OutsiderModel m = outsider_model(j, truth, sensitive);
    const OutsiderModel cap = outsider_model(j, truth, sensitive, true);
    const auto intervals = solve(m);
    const auto capped = solve(cap);
    std::map<std::string, Interval> widest;
    for (std::size_t i = 0; i < cap.unknowns.size(); ++i) widest[cap.unknowns[i].what] = capped[i];
    for (std::size_t i = 0; i < m.unknowns.size(); ++i) {
        const auto& u = m.unknowns[i];
        const Interval interval = intervals[i];
        const Interval most = widest.at(u.what);
        INFO(u.what << " = " << u.truth << ": an outsider gets " << interval.low << " to "
                    << (interval.high ? std::to_string(*interval.high) : "more") << ", at best " << most.low << " to "
                    << (most.high ? std::to_string(*most.high) : "more"));
        REQUIRE(interval.contains(u.truth));
        if (most.single()) continue; // the headline figures alone give it
        if (u.sensitive && u.truth > 0) {
            if (most.low == 0) CHECK(interval.low == 0);
            const std::int64_t asked = most.high ? std::min(u.truth + m.min_cell - 1, *most.high) : u.truth + m.min_cell - 1;
            CHECK((!interval.high || *interval.high >= asked));
        }
        if (!u.sensitive && u.at_risk && u.truth >= 1 && u.truth < m.min_cell) {
            CHECK_FALSE(interval.single());
            const std::int64_t asked = most.high ? std::min(m.min_cell - 2, *most.high - most.low) : m.min_cell - 2;
            CHECK((!interval.high || *interval.high - interval.low >= asked));
        }
    }
}

const CountryRow* row(const DisclosedReport& d, const std::string& code) {
    const auto it = std::find_if(d.countries.begin(), d.countries.end(), [&](const CountryRow& r) { return r.code == code; });
    return it == d.countries.end() ? nullptr : &*it;
}

// The demo network's countries at the end of July 2024.
std::map<std::string, std::int64_t> demo_countries() {
    std::map<std::string, std::int64_t> out = {{"CD", 173}, {"TN", 123}, {"BE", 103}, {"FR", 56}, {"UG", 47},
                                               {"BI", 35},  {"MA", 20},  {"NE", 19},  {"CF", 13}};
    const auto& all = codes();
    for (std::size_t i = 9; i < all.size(); ++i) out[all[i]] = i < 9 + 23 ? 1 : 5 + static_cast<std::int64_t>(i % 4);
    return out;
}

} // namespace

TEST_CASE("the demo network: no hidden country's count can be worked out, the main ones stay shown") {
    std::mt19937 rng(1);
    const auto report = consistent_report(demo_countries(), rng);
    const auto d = disclose(report, public_rules());
    REQUIRE(d.audit.passed());
    CHECK(d.exposed.empty());
    for (const auto* code : {"CD", "TN", "BE", "FR", "UG", "BI", "MA", "NE", "CF"})
        CHECK(row(d, code)->members.value == report.members_by_country.at(code));
    CHECK(d.people.at("registered_members").value == report.current.registered);
    CHECK(d.people.at("active_members").value == report.current.active);
    CHECK(d.covered >= 1);
    const auto j = public_json(d);
    check_protected(j, report);
    // 23 countries of one member were all pinned before: the cover hides at least one more.
    std::size_t small = 0, withheld = 0;
    for (const auto& r : d.countries) {
        small += r.members.hidden == Hidden::small;
        withheld += r.members.hidden == Hidden::withheld;
    }
    CHECK(small + withheld >= 24);
}

TEST_CASE("a sensitive country is never listed nor counted, and the others hide its size") {
    std::mt19937 rng(2);
    const auto report =
        consistent_report({{"CD", 173}, {"TN", 123}, {"UG", 47}, {"BI", 35}, {"NE", 19}, {"MA", 20}}, rng);
    const auto d = disclose(report, public_rules({"UG", "SY"}));
    CHECK(row(d, "UG") == nullptr);
    CHECK(d.country_count == 5);
    CHECK(d.map.at("UG") == std::nullopt);
    CHECK(d.map.at("SY") == std::nullopt);
    CHECK(d.audit.passed());
    check_protected(public_json(d), report, {"UG", "SY"});
    CHECK(row(d, "CD")->members.value == 173);
}

TEST_CASE("internal outputs show everything exactly") {
    std::mt19937 rng(3);
    auto rules = public_rules({"UG"});
    rules.internal = true;
    const auto d = disclose(consistent_report({{"CD", 173}, {"UG", 2}}, rng), rules);
    CHECK(row(d, "UG")->members.value == 2);
    CHECK(d.hidden_cells.empty());
    CHECK(d.map.at("UG") == std::size_t{1});
}

TEST_CASE("people figures: what would give away those who left or the few returning members is hidden") {
    std::mt19937 rng(4);
    auto r = consistent_report({{"CD", 100}}, rng);
    auto& c = r.current;
    c.new_registered = 50;
    c.registered_before = 52; // 2 left: new members would tell
    c.active = 40;
    c.new_active = 38; // 2 earlier members active: new active members would tell
    r.previous.registered = 52;
    r.previous.new_registered = 20;
    r.previous.new_active = 5;
    r.previous.active = 15;
    r.previous.accounts = 60;
    c.accounts = r.previous.accounts + 60;
    const auto d = disclose(r, public_rules());
    CHECK(d.audit.passed());
    CHECK(d.people.at("registered_members").value == 100);
    CHECK(d.people.at("active_members").value == 40);
    CHECK_FALSE(d.people.at("new_active_members").value);
    CHECK_FALSE(d.people.at("new_members").value);
    check_protected(public_json(d), r);
}

TEST_CASE("thousands of random networks: the public outputs never pin a hidden count") {
    std::mt19937 rng(20241202);
    for (int round = 0; round < 3000; ++round) {
        const auto countries = random_countries(rng, 3 + rng() % 50, 200);
        if (countries.empty()) continue;
        const auto report = consistent_report(countries, rng);
        std::set<std::string> sensitive;
        for (const auto& [code, n] : countries)
            if (!code.empty() && rng() % 12 == 0) sensitive.insert(code);
        if (rng() % 5 == 0) sensitive.insert("SY"); // no members there
        auto rules = public_rules(sensitive);
        rules.min_cell = 3 + static_cast<std::int64_t>(rng() % 5);
        const auto d = disclose(report, rules);
        INFO("round " << round);
        std::string dump;
        for (const auto& a : d.audit.cells)
            dump += a.id + "=" + std::to_string(a.value) + " [" + std::to_string(a.interval.low) + "," + (a.interval.high ? std::to_string(*a.interval.high) : "inf") + "] " + (a.exposed ? "EXPOSED\n" : "\n");
        for (const auto& c : d.publication.cells()) dump += c.id + "=" + std::to_string(c.value) + " label " + std::to_string(int(c.label)) + "\n";
        INFO(dump);
        REQUIRE(d.audit.passed());
        check_protected(public_json(d), report, sensitive);
    }
}

TEST_CASE("small networks: trying every whole number agrees that no hidden country can be pinned") {
    std::mt19937 rng(99);
    for (int round = 0; round < 400; ++round) {
        const auto countries = random_countries(rng, 2 + rng() % 3, 12);
        if (countries.empty()) continue;
        const auto report = consistent_report(countries, rng);
        const auto d = disclose(report, public_rules());
        REQUIRE(d.audit.passed());
        // The country table as published, brute-forced on its own.
        const auto j = public_json(d);
        Publication table(5);
        Relation total{{}, 0, "total"};
        for (const auto& r : j.at("members_by_country").at("rows")) {
            const std::string code = r.at("code").is_null() ? "none" : r.at("code").get<std::string>();
            FigureCell cell;
            cell.id = code;
            cell.value = report.members_by_country.at(code == "none" ? "" : code);
            cell.listed = true;
            cell.cover_group = "countries";
            const std::string hidden = r.at("hidden").is_null() ? "" : r.at("hidden").get<std::string>();
            cell.label = hidden.empty() ? Label::exact : hidden == "withheld" ? Label::withheld : Label::fewer_than;
            table.add(cell);
            total.terms.push_back({code, 1});
        }
        FigureCell registered;
        registered.id = "registered";
        registered.value = report.current.registered;
        registered.role = Role::headline;
        registered.headline = true;
        table.add(registered);
        total.terms.push_back({"registered", -1});
        REQUIRE_FALSE(table.relate(total));
        auto everything_hidden = table;
        for (const auto& cell : table.cells())
            if (cell.id != "registered") everything_hidden.set_label(cell.id, Label::withheld);
        const auto widest = testing::brute_force_intervals(everything_hidden, report.current.registered);
        INFO("round " << round);
        for (const auto& [id, interval] : testing::brute_force_intervals(table, report.current.registered)) {
            const auto truth = table.at(id).value;
            if (truth < 5) CHECK(is_protected(Need::small, truth, interval, 5, widest.at(id)));
        }
    }
}

TEST_CASE("beside last year's snapshot: the previous column is as published, and nothing new is pinned") {
    std::mt19937 rng(5);
    auto report = consistent_report(demo_countries(), rng);
    report.previous.new_active = 3;
    report.previous.active = std::max(report.previous.active, std::int64_t{10});
    // Last year's snapshot published its new active members as "hidden" and its new members exactly.
    const auto previous_day = report.previous_period.to;
    const std::string span = report.previous_period.from + "/" + report.previous_period.to;
    std::vector<PublishedFigure> earlier = {
        {"report " + span, "new_active@" + span, 3, "withheld", 0, std::nullopt, false, "2023-09-01T00:00:00Z"},
        {"report " + span, "new@" + span, report.previous.new_registered, "exact", report.previous.new_registered,
         report.previous.new_registered, false, "2023-09-01T00:00:00Z"},
        {"report " + span, "registered@" + previous_day, report.previous.registered, "exact", report.previous.registered,
         report.previous.registered, false, "2023-09-01T00:00:00Z"},
    };
    const auto d = disclose(report, public_rules(), earlier);
    CHECK(d.people.at("previous.new_active_members").hidden == Hidden::withheld);
    CHECK(d.people.at("previous.new_members").value == report.previous.new_registered);
    CHECK(d.audit.passed());
    // The ledger's cells are the report's own no longer.
    CHECK_FALSE(own_cells(d).count("new_active@" + span));
    CHECK(own_cells(d).count(people_cell("new", report.period)));
}

TEST_CASE("beside the letters of the year: a month's \"fewer than 5\" cannot be worked out from the annual total") {
    std::mt19937 rng(6);
    auto report = consistent_report({{"CD", 300}, {"TN", 200}}, rng);
    report.current.new_registered = 120;
    report.current.registered_before = 500 - 120 + 10; // 10 left during the year
    report.current.new_active = std::min(report.current.new_active, std::int64_t{100});
    // Eleven letters published their month's new members exactly, one said "fewer than 5";
    // with the annual figure shown exactly, a subtraction would give the twelfth month (3).
    std::vector<PublishedFigure> letters;
    std::int64_t published = 0;
    for (const auto& month : report.period.months) {
        const auto first = month.label + "-01";
        const std::string last = format_date(std::chrono::year_month_day(
            std::chrono::year_month(std::chrono::year(std::stoi(month.label.substr(0, 4))),
                                    std::chrono::month(static_cast<unsigned>(std::stoi(month.label.substr(5))))) /
            std::chrono::last));
        const std::string cell = "new@" + first + "/" + last;
        const bool small = month.label == "2024-03";
        const std::int64_t value = small ? 3 : (month.label == "2024-07" ? 117 - published : 10);
        if (!small) published += value;
        letters.push_back({"letter " + month.label, cell, value, small ? "fewer_than" : "exact", small ? 1 : value,
                           small ? 4 : value, false, "2024-01-01T00:00:00Z"});
    }
    const auto d = disclose(report, public_rules(), letters);
    CHECK(d.audit.passed());
    CHECK_FALSE(d.people.at("new_members").value); // shown, it would pin March
    CHECK(d.people.at("registered_members").value == 500);
    // The same letters with an annual total that is no sum of them: corrected since, not linked.
    report.current.new_registered = 200;
    report.current.registered_before = 300 + 10;
    const auto corrected = disclose(report, public_rules(), letters);
    CHECK(corrected.audit.passed());
    REQUIRE_FALSE(corrected.notes.empty());
    CHECK_THAT(corrected.notes.front(), Catch::Contains("corrected in between"));
}

TEST_CASE("map classes") {
    CHECK(map_class_of(0, {1, 19, 35}) == 0);
    CHECK(map_class_of(1, {1, 19, 35}) == 1);
    CHECK(map_class_of(18, {1, 19, 35}) == 1);
    CHECK(map_class_of(19, {1, 19, 35}) == 2);
    CHECK(map_class_of(500, {1, 19, 35}) == 3);
}
