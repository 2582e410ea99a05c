#include "brute_force.hpp"
#include "disclosure/audit.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

// A country table: each count its own row, all adding up to a total shown exactly.
Publication table(const std::vector<std::pair<std::int64_t, Label>>& rows,
                  std::int64_t min_cell = 5) {
    Publication p(min_cell);
    Relation total{{}, 0, "the rows add up to the total"};
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        FigureCell c;
        c.id = "row" + std::to_string(i);
        c.value = rows[i].first;
        c.label = rows[i].second;
        c.listed = true;
        c.cover_group = "rows";
        p.add(c);
        total.terms.push_back({c.id, 1});
        sum += c.value;
    }
    FigureCell t;
    t.id = "total";
    t.value = sum;
    t.role = Role::headline;
    t.headline = true;
    p.add(t);
    total.terms.push_back({"total", -1});
    REQUIRE_FALSE(p.relate(total));
    return p;
}

} // namespace

TEST_CASE("the demo network's attack: 23 countries of \"fewer than 5\" that add up to 23") {
    std::vector<std::pair<std::int64_t, Label>> rows = {
        {173, Label::exact}, {123, Label::exact}, {5, Label::exact}};
    for (int i = 0; i < 23; ++i)
        rows.emplace_back(1, Label::fewer_than);
    const auto audit = audit_publication(table(rows));
    REQUIRE(audit.cells.size() == 23);
    for (const auto& cell : audit.cells) {
        CHECK(cell.interval == Interval{1, 1});
        CHECK(cell.exposed);
    }
    CHECK_FALSE(audit.passed());
}

TEST_CASE("a small network: 23 members, 21 shown, two hidden cells of 1") {
    const auto audit = audit_publication(table(
        {{12, Label::exact}, {9, Label::exact}, {1, Label::fewer_than}, {1, Label::fewer_than}}));
    CHECK(audit.find("row2")->interval == Interval{1, 1});
    CHECK(audit.find("row3")->exposed);
}

TEST_CASE("a hidden cell is protected when it may be anything \"fewer than 5\" allows") {
    // Withholding the 9 lets each small cell be 1 to 4; the 9 is then at most the smallest
    // shown row (12), since cover is taken smallest first.
    const auto p = table(
        {{12, Label::exact}, {9, Label::withheld}, {1, Label::fewer_than}, {1, Label::fewer_than}});
    const auto audit = audit_publication(p);
    CHECK(audit.find("row2")->interval == Interval{1, 4});
    CHECK(audit.find("row1")->interval == Interval{3, 9});
    CHECK(audit.find("row1")->need == Need::none);
    CHECK(audit.passed());
    // The same, tried with every whole number.
    const auto brute = testing::brute_force_intervals(p, 40);
    for (const auto& cell : audit.cells)
        CHECK(brute.at(cell.id) == cell.interval);
}

TEST_CASE("an interval narrower than \"fewer than 5\" is not protection") {
    const Interval open{0, std::nullopt}; // the cap: nothing fixed narrows the cell
    // 1 to 3 is more than one value, but it tells more than the label: not protected.
    CHECK_FALSE(is_protected(Need::small, 2, {1, 3}, 5, open));
    CHECK(is_protected(Need::small, 2, {1, 4}, 5, open));
    CHECK(is_protected(Need::small, 2, {0, 3}, 5,
                       open)); // a derived count may be 0: as wide is enough
    CHECK(is_protected(Need::small, 2, {2, std::nullopt}, 5, open));
    CHECK_FALSE(is_protected(Need::small, 2, {3, 3}, 5, open));
    CHECK(is_protected(Need::sensitive, 6, {0, 12}, 5, open));
    CHECK_FALSE(
        is_protected(Need::sensitive, 6, {1, 60}, 5, open)); // one could tell it has members
    CHECK_FALSE(
        is_protected(Need::sensitive, 6, {0, 8}, 5, open)); // nor more than 8: too close to 6
}

TEST_CASE("the protection asked is capped at what the exact headline figures allow") {
    // Three countries make a network of 7 shown exactly: withheld, each is 1 to 5 at most.
    CHECK(is_protected(Need::small, 2, {1, 5}, 7, {1, 5}));
    CHECK_FALSE(is_protected(Need::small, 2, {2, 5}, 7, {1, 5}));
    // A network of 2 in one country: the total says it all, nothing can protect it.
    CHECK(is_protected(Need::small, 2, {2, 2}, 5, {2, 2}));
    auto p = table({{3, Label::withheld}, {2, Label::withheld}, {2, Label::withheld}}, 7);
    const auto audit = audit_publication(p);
    CHECK(audit.passed());
    CHECK(audit.find("row0")->widest == Interval{1, 5});
}

TEST_CASE("a sensitive category, never listed, must keep 0 possible") {
    Publication p(5);
    for (const auto& [id, value, label] :
         {std::tuple<const char*, std::int64_t, Label>{"a", 30, Label::exact},
          {"b", 8, Label::withheld},
          {"secret", 6, Label::not_listed}}) {
        FigureCell c;
        c.id = id;
        c.value = value;
        c.label = label;
        c.listed = label != Label::not_listed;
        c.sensitive = label == Label::not_listed;
        c.cover_group = "rows";
        p.add(c);
    }
    FigureCell total;
    total.id = "total";
    total.value = 44;
    total.role = Role::headline;
    total.headline = true;
    p.add(total);
    REQUIRE_FALSE(p.relate({{{"a", 1}, {"b", 1}, {"secret", 1}, {"total", -1}}, 0, "total"}));
    // b + secret = 14, b from 1 to 30: the secret one may be 0.
    auto audit = audit_publication(p);
    CHECK(audit.find("secret")->interval == Interval{0, 13});
    CHECK(audit.passed());
    // Shown, b would give the secret one away.
    p.set_label("b", Label::exact);
    audit = audit_publication(p);
    CHECK(audit.find("secret")->exposed);
}

TEST_CASE("a relation the truth breaks is left out and said") {
    Publication p(5);
    FigureCell a;
    a.id = "a";
    a.value = 3;
    p.add(a);
    const auto note = p.relate({{{"a", 1}}, 4, "a letter said 4"});
    REQUIRE(note);
    CHECK_THAT(*note, Catch::Contains("a letter said 4"));
    CHECK(p.relations().empty());
}
