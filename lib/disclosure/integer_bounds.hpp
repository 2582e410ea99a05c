// The smallest and largest value a linear combination of whole numbers can take under linear
// equalities and bounds: what an outsider can work out of a hidden count from everything
// published. Solved exactly, by GLPK's branch and bound over the linear relaxation (the
// problems of a report have tens of unknowns, so exact costs nothing and an LP bound could be
// looser than what an attacker gets by trying whole numbers).
#pragma once

#include "disclosure/publication.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace expeer {

struct LinearEquality {
    std::vector<std::pair<std::size_t, std::int64_t>>
        terms; // variable, coefficient; each variable once
    std::int64_t constant = 0;
};

class IntegerBounds {
  public:
    // Each variable is a whole number within its interval.
    IntegerBounds(const std::vector<Interval>& variables,
                  const std::vector<LinearEquality>& equalities);
    ~IntegerBounds();
    IntegerBounds(const IntegerBounds&) = delete;
    IntegerBounds& operator=(const IntegerBounds&) = delete;

    // A solution known beforehand (the truth): its values bound each range from inside, so
    // a bound that propagation reaches from outside needs no solver. Ignored (false) when it
    // does not solve the equalities.
    bool add_known_solution(const std::vector<std::int64_t>& values);

    // The range of one variable over every whole-number solution. There must be one (the
    // truth is one): none is a bug, reported as an Error.
    Interval range_of(std::size_t variable);

    // How many times the solver ran: what the shortcuts save.
    std::size_t solves() const { return solves_; }

    // The solutions seen that reach a variable's least or greatest value seen, each once:
    // for the next problem of the same kind, whose caller checks them with
    // `add_known_solution`.
    std::vector<std::vector<std::int64_t>> extreme_solutions() const;

  private:
    struct Problem;
    std::unique_ptr<Problem> problem_;
    // Bounds from outside (propagation through the equalities: every solution is inside them)
    // and from inside (the least and greatest value seen in a solution): where the two meet,
    // the range is known without the solver.
    std::vector<Interval> outer_;
    bool outer_valid_ = true;
    std::vector<std::int64_t> seen_low_, seen_high_;
    std::vector<std::size_t> seen_low_in_, seen_high_in_; // which of `seen_` reaches them
    std::vector<std::vector<std::int64_t>> seen_;
    bool seen_any_ = false;
    std::size_t solves_ = 0;
    void saw(const std::vector<std::int64_t>& values);
    std::optional<std::int64_t> optimum(bool maximise);
};

// The same for the common case of one total: Σ x = total with each x in its interval. Exact
// in closed form: x can take every whole value between
//   max(low, total − Σ others' highs) and min(high, total − Σ others' lows),
// because the others can make up any whole amount between their lows and highs one unit at
// a time. Returns one interval per variable.
std::vector<Interval> sum_bounds(const std::vector<Interval>& variables, std::int64_t total);

} // namespace expeer
