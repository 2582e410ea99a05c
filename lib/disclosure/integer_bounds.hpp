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

    // The range of one variable over every whole-number solution. There must be one (the
    // truth is one): none is a bug, reported as an Error.
    Interval range_of(std::size_t variable);

  private:
    struct Problem;
    std::unique_ptr<Problem> problem_;
};

// The same for the common case of one total: Σ x = total with each x in its interval. Exact
// in closed form: x can take every whole value between
//   max(low, total − Σ others' highs) and min(high, total − Σ others' lows),
// because the others can make up any whole amount between their lows and highs one unit at
// a time. Returns one interval per variable.
std::vector<Interval> sum_bounds(const std::vector<Interval>& variables, std::int64_t total);

} // namespace expeer
