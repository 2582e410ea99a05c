#include "brute_force.hpp"
#include "disclosure/protection.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

Publication table(const std::vector<std::int64_t>& rows, std::int64_t min_cell = 5) {
    Publication p(min_cell);
    Relation total{{}, 0, "the rows add up to the total"};
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        FigureCell c;
        c.id = "row" + std::to_string(i);
        c.value = rows[i];
        c.label = rows[i] < min_cell ? Label::fewer_than : Label::exact;
        c.listed = true;
        c.cover_group = "rows";
        p.add(c);
        total.terms.push_back({c.id, 1});
        sum += rows[i];
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

std::size_t withheld(const Publication& p) {
    std::size_t n = 0;
    for (const auto& c : p.cells())
        n += c.label == Label::withheld;
    return n;
}

} // namespace

TEST_CASE("23 countries of one member each: one more country hidden, the smallest") {
    std::vector<std::int64_t> rows = {173, 123, 103, 6, 5};
    for (int i = 0; i < 23; ++i)
        rows.push_back(1);
    auto p = table(rows);
    const auto outcome = protect_publication(p);
    CHECK(outcome.audit.passed());
    CHECK(outcome.covered == std::vector<std::string>{"row4"}); // the 5, smallest shown
    CHECK(outcome.coarsened.empty());
    CHECK(p.at("row0").label == Label::exact);
    for (const auto& cell : outcome.audit.cells)
        if (cell.need == Need::small) CHECK(cell.interval == Interval{1, 4});
}

TEST_CASE("two countries of 4 make the whole network: only saying \"hidden\" protects them") {
    auto p = table({4, 4});
    const auto outcome = protect_publication(p);
    CHECK(outcome.audit.passed());
    CHECK(outcome.covered.empty());
    CHECK(outcome.coarsened.size() == 1);
    // One is "hidden": 4 to 7, not known to be below 5; the other may be 1 to 4.
    CHECK(outcome.audit.find("row0")->interval == Interval{4, 7});
    CHECK(outcome.audit.find("row1")->interval == Interval{1, 4});
}

TEST_CASE("headline and published counts are never hidden as cover") {
    auto p = table({30, 2});
    // Only the total and one shown row could cover: the row is published already.
    auto* row = p.find("row0");
    row->role = Role::published;
    const auto outcome = protect_publication(p);
    CHECK(p.at("total").label == Label::exact);
    CHECK(p.at("row0").label == Label::exact);
    CHECK_FALSE(outcome.audit.passed()); // 32 − 30 = 2: the earlier output gave it away
}

TEST_CASE("random small tables: protected, and brute force agrees with the audit") {
    std::mt19937 rng(2024);
    for (int round = 0; round < 400; ++round) {
        std::vector<std::int64_t> rows;
        const std::size_t n = 2 + rng() % 3;
        for (std::size_t i = 0; i < n; ++i)
            rows.push_back(rng() % 3 == 0 ? 1 + rng() % 4 : 5 + rng() % 6);
        auto p = table(rows);
        const auto outcome = protect_publication(p);
        INFO("round " << round);
        REQUIRE(outcome.audit.passed());
        const auto brute = testing::brute_force_intervals(p, p.at("total").value);
        // The cap, found the same way: every row withheld.
        auto everything_hidden = p;
        for (std::size_t i = 0; i < n; ++i)
            everything_hidden.set_label("row" + std::to_string(i), Label::withheld);
        const auto widest = testing::brute_force_intervals(everything_hidden, p.at("total").value);
        for (const auto& cell : outcome.audit.cells) {
            REQUIRE(brute.count(cell.id));
            CHECK(brute.at(cell.id) == cell.interval);
            CHECK(widest.at(cell.id) == cell.widest);
            CHECK(is_protected(cell.need, cell.value, brute.at(cell.id), 5, widest.at(cell.id)));
        }
        // Only cover and coarsening withhold a count; the rest is shown or "fewer than".
        CHECK(withheld(p) == outcome.covered.size() + outcome.coarsened.size());
    }
}
