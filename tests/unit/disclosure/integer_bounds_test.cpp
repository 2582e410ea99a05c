#include "disclosure/integer_bounds.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <random>

using namespace expeer;

namespace {

// The range of each variable over every whole-number solution, by trying them all.
std::vector<Interval> enumerate(const std::vector<Interval>& variables,
                                const std::vector<LinearEquality>& equalities) {
    std::vector<std::int64_t> value(variables.size());
    std::vector<Interval> seen(variables.size(), Interval{1 << 20, std::int64_t{-1}});
    std::function<void(std::size_t)> search = [&](std::size_t k) {
        if (k == variables.size()) {
            for (const auto& e : equalities) {
                std::int64_t sum = 0;
                for (const auto& [v, c] : e.terms)
                    sum += c * value[v];
                if (sum != e.constant) return;
            }
            for (std::size_t v = 0; v < value.size(); ++v) {
                seen[v].low = std::min(seen[v].low, value[v]);
                seen[v].high = std::max(*seen[v].high, value[v]);
            }
            return;
        }
        for (std::int64_t x = variables[k].low; x <= *variables[k].high; ++x) {
            value[k] = x;
            search(k + 1);
        }
    };
    search(0);
    return seen;
}

} // namespace

TEST_CASE("one total: the closed form gives what trying every whole number gives") {
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        const std::size_t n = 1 + rng() % 5;
        std::vector<Interval> variables;
        std::vector<std::int64_t> truth;
        LinearEquality total;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t low = rng() % 4, high = low + rng() % 6;
            variables.push_back({low, high});
            truth.push_back(
                low + static_cast<std::int64_t>(rng() % static_cast<unsigned>(high - low + 1)));
            total.terms.emplace_back(i, 1);
            total.constant += truth.back();
        }
        INFO("round " << round);
        CHECK(sum_bounds(variables, total.constant) == enumerate(variables, {total}));
        IntegerBounds solver(variables, {total});
        for (std::size_t i = 0; i < n; ++i)
            CHECK(solver.range_of(i) == enumerate(variables, {total})[i]);
    }
}

TEST_CASE(
    "linked equalities: GLPK's bounds are those of the whole numbers, not of the relaxation") {
    std::mt19937 rng(11);
    std::size_t blind_solves = 0, knowing_solves = 0;
    for (int round = 0; round < 600; ++round) {
        const std::size_t n = 2 + rng() % 4;
        std::vector<Interval> variables;
        std::vector<std::int64_t> truth;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t low = rng() % 3, high = low + rng() % 5;
            variables.push_back({low, high});
            truth.push_back(
                low + static_cast<std::int64_t>(rng() % static_cast<unsigned>(high - low + 1)));
        }
        std::vector<LinearEquality> equalities;
        for (std::size_t e = 0, m = 1 + rng() % 2; e < m; ++e) {
            LinearEquality eq;
            for (std::size_t i = 0; i < n; ++i)
                if (const int c = static_cast<int>(rng() % 5) - 2; c != 0) {
                    eq.terms.emplace_back(i, c);
                    eq.constant += c * truth[i];
                }
            if (!eq.terms.empty()) equalities.push_back(eq);
        }
        const auto expected = enumerate(variables, equalities);
        IntegerBounds solver(variables, equalities);
        // Knowing the truth spares solves (where propagation meets a seen solution), never
        // changes an answer.
        IntegerBounds knowing(variables, equalities);
        CHECK(knowing.add_known_solution(truth));
        INFO("round " << round);
        for (std::size_t i = 0; i < n; ++i) {
            CHECK(solver.range_of(i) == expected[i]);
            CHECK(knowing.range_of(i) == expected[i]);
        }
        blind_solves += solver.solves();
        knowing_solves += knowing.solves();
    }
    // Not each time (the solutions seen on the way differ), but on the whole.
    CHECK(knowing_solves < blind_solves);
}

TEST_CASE("a table's ranges that propagation and the truth settle need no solver") {
    // A 2×2 table with its margins known: x00 + x01 = 3, x10 + x11 = 2, x00 + x10 = 4,
    // x01 + x11 = 1, truth {3, 0, 1, 1}. Every variable ranges over what the margins allow,
    // but only solving shows which ends are reached; with the truth, some are seen already.
    const std::vector<Interval> variables(4, Interval{0, std::int64_t{9}});
    const std::vector<LinearEquality> margins = {{{{0, 1}, {1, 1}}, 3}, {{{2, 1}, {3, 1}}, 2},
                                                 {{{0, 1}, {2, 1}}, 4}, {{{1, 1}, {3, 1}}, 1}};
    const auto expected = enumerate(variables, margins);
    IntegerBounds blind(variables, margins), knowing(variables, margins);
    CHECK(knowing.add_known_solution({3, 0, 1, 1}));
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(blind.range_of(i) == expected[i]);
        CHECK(knowing.range_of(i) == expected[i]);
    }
    CHECK(blind.solves() > 0);
    CHECK(knowing.solves() < blind.solves());
    // A "solution" that breaks an equality is refused, and changes nothing.
    IntegerBounds wrong(variables, margins);
    CHECK_FALSE(wrong.add_known_solution({3, 0, 0, 1}));
    CHECK_FALSE(wrong.add_known_solution({3, 0, 1}));
    for (std::size_t i = 0; i < 4; ++i) CHECK(wrong.range_of(i) == expected[i]);
}

TEST_CASE("a relaxation would say 0 to 1 where only 0 or 1 solve the equation in whole numbers") {
    // 2x + 2y = 2 with x, y in [0, 1]: y = 1 − x, so both range over {0, 1}; and 2x − 2y = 1
    // has no whole-number solution, which the auditor must never meet (the truth solves it).
    IntegerBounds solver({{0, 1}, {0, 1}}, {{{{0, 2}, {1, 2}}, 2}});
    CHECK(solver.range_of(0) == Interval{0, 1});
    IntegerBounds odd({{0, 3}, {0, 3}}, {{{{0, 2}, {1, 2}}, 4}, {{{0, 1}, {1, -1}}, 0}});
    CHECK(odd.range_of(0) == Interval{1, 1});
}

TEST_CASE("a count with no upper bound stays unbounded") {
    IntegerBounds solver({{0, std::nullopt}, {2, 5}}, {{{{0, 1}, {1, -1}}, 0}});
    CHECK(solver.range_of(0) == Interval{2, 5});
    IntegerBounds free({{0, std::nullopt}, {0, std::nullopt}}, {{{{0, 1}, {1, -1}}, 3}});
    CHECK(free.range_of(0) == Interval{3, std::nullopt});
    CHECK(sum_bounds({{1, std::nullopt}, {1, 4}}, 10) == std::vector<Interval>{{6, 9}, {1, 4}});
}
