#include "stats/disclosure.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace expeer;

namespace {

StatsReport report_with(std::map<std::string, std::int64_t> countries) {
    StatsReport r;
    std::int64_t total = 0;
    for (const auto& [code, count] : countries) total += count;
    r.members_by_country = std::move(countries);
    r.current.registered = total;
    r.current.accounts = total;
    r.current.registered_before = total - 10;
    r.current.new_registered = 10;
    r.current.active = 40;
    r.current.new_active = 8;
    r.previous = r.current;
    return r;
}

const CountryRow* row(const DisclosedReport& d, const std::string& code) {
    const auto it = std::find_if(d.countries.begin(), d.countries.end(), [&](const CountryRow& r) { return r.code == code; });
    return it == d.countries.end() ? nullptr : &*it;
}

DisclosureRules public_rules() {
    DisclosureRules rules;
    rules.map_classes = {1, 19, 35};
    return rules;
}

} // namespace

TEST_CASE("a small country is hidden, and so is the next one when it alone would give it away") {
    const auto r = report_with({{"CD", 173}, {"TN", 123}, {"BE", 20}, {"SE", 3}});
    const auto d = disclose(r, public_rules());
    CHECK(row(d, "CD")->members.value == 173);
    CHECK_FALSE(row(d, "SE")->members.value);
    CHECK(row(d, "SE")->members.hidden == Hidden::small);
    // The total minus the shown countries would be Sweden's 3: Belgium is hidden too.
    CHECK(row(d, "BE")->members.hidden == Hidden::protecting);
    CHECK(row(d, "TN")->members.value == 123);
    // Hidden rows come after the shown ones, by code, whatever their size.
    CHECK(d.countries[2].code == "BE");
    CHECK(d.countries[3].code == "SE");
}

TEST_CASE("a sensitive country is never listed nor counted, and the others hide its size") {
    auto rules = public_rules();
    rules.sensitive_countries = {"UG"};
    const auto d = disclose(report_with({{"CD", 173}, {"TN", 123}, {"UG", 47}, {"BI", 35}, {"NE", 19}, {"MA", 20}}), rules);
    CHECK(row(d, "UG") == nullptr);
    CHECK(d.country_count == 5);
    CHECK(d.map.at("UG") == std::nullopt);
    // Hidden cells around it must hold at least its 47 members: Niger and Morocco (39) are not
    // enough, Burundi too makes 74.
    CHECK(row(d, "NE")->members.hidden == Hidden::protecting);
    CHECK(row(d, "MA")->members.hidden == Hidden::protecting);
    CHECK(row(d, "BI")->members.hidden == Hidden::protecting);
    CHECK(row(d, "TN")->members.value == 123);
}

TEST_CASE("internal outputs show everything exactly") {
    auto rules = public_rules();
    rules.internal = true;
    rules.sensitive_countries = {"UG"};
    const auto d = disclose(report_with({{"CD", 173}, {"UG", 2}}), rules);
    CHECK(row(d, "UG")->members.value == 2);
    CHECK(d.hidden_cells.empty());
    CHECK(d.map.at("UG") == std::size_t{1});
}

TEST_CASE("counts of people below the threshold are hidden, with what would reveal them") {
    auto r = report_with({{"CD", 100}});
    r.current.active = 40;
    r.current.new_active = 38; // 2 active members who registered earlier: new_active would tell
    const auto d = disclose(r, public_rules());
    CHECK(d.people.at("active_members").value == 40);
    CHECK(d.people.at("new_active_members").hidden == Hidden::protecting);
    r.current.new_active = 3;
    CHECK(disclose(r, public_rules()).people.at("new_active_members").hidden == Hidden::small);
    // Two people left during the period: the new members would give them away.
    r.current.registered = r.current.registered_before + r.current.new_registered - 2;
    CHECK(disclose(r, public_rules()).people.at("new_members").hidden == Hidden::protecting);
}

TEST_CASE("map classes") {
    CHECK(map_class_of(0, {1, 19, 35}) == 0);
    CHECK(map_class_of(1, {1, 19, 35}) == 1);
    CHECK(map_class_of(18, {1, 19, 35}) == 1);
    CHECK(map_class_of(19, {1, 19, 35}) == 2);
    CHECK(map_class_of(500, {1, 19, 35}) == 3);
}
