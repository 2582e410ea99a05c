#include "disclosure/integer_bounds.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <glpk.h>

namespace expeer {

struct IntegerBounds::Problem {
    glp_prob* lp = nullptr;
    int columns = 0;
    std::vector<Interval> variables;
    std::vector<LinearEquality> equalities;
    ~Problem() {
        if (lp) glp_delete_prob(lp);
    }
};

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) == (b < 0))) ? q + 1 : q;
}

// Bounds every whole-number solution lies within, by tightening each variable from each
// equality in turn (a x_k = c − Σ others) until nothing changes. Sound at every step, so a
// cap on the rounds costs only shortcuts. Nothing when it finds no solution at all (the
// solver then reports it).
std::optional<std::vector<Interval>> propagate(std::vector<Interval> v,
                                               const std::vector<LinearEquality>& equalities) {
    for (int round = 0; round < 64; ++round) {
        bool changed = false;
        for (const auto& e : equalities) {
            // Σ a x over the equality: its least and greatest value, with how many terms
            // have no bound on that side.
            std::int64_t least = 0, greatest = 0;
            int least_open = 0, greatest_open = 0;
            for (const auto& [k, a] : e.terms) {
                const Interval& x = v[k];
                if (a > 0) {
                    least += a * x.low;
                    if (x.high) greatest += a * *x.high; else ++greatest_open;
                } else {
                    greatest += a * x.low;
                    if (x.high) least += a * *x.high; else ++least_open;
                }
            }
            // Sums computed before a term was tightened are wider than they now are: still
            // sound. A variable is in an equality once, so its own share is the one summed.
            for (const auto& [k, a] : e.terms) {
                Interval& x = v[k];
                // The others' least and greatest: the whole's, less this term's own share.
                const bool own_least_open = a > 0 ? false : !x.high;
                const bool own_greatest_open = a > 0 ? !x.high : false;
                const std::int64_t own_least = a > 0 ? a * x.low : (x.high ? a * *x.high : 0);
                const std::int64_t own_greatest = a > 0 ? (x.high ? a * *x.high : 0) : a * x.low;
                const bool others_least_known = least_open - (own_least_open ? 1 : 0) == 0;
                const bool others_greatest_known = greatest_open - (own_greatest_open ? 1 : 0) == 0;
                // a x_k lies in [c − others' greatest, c − others' least].
                std::optional<std::int64_t> ax_low, ax_high;
                if (others_greatest_known) ax_low = e.constant - (greatest - own_greatest);
                if (others_least_known) ax_high = e.constant - (least - own_least);
                std::optional<std::int64_t> low, high;
                if (a > 0) {
                    if (ax_low) low = ceil_div(*ax_low, a);
                    if (ax_high) high = floor_div(*ax_high, a);
                } else {
                    if (ax_high) low = ceil_div(*ax_high, a);
                    if (ax_low) high = floor_div(*ax_low, a);
                }
                if (low && *low > x.low) {
                    x.low = *low;
                    changed = true;
                }
                if (high && (!x.high || *high < *x.high)) {
                    x.high = *high;
                    changed = true;
                }
                if (x.high && *x.high < x.low) return std::nullopt;
            }
        }
        if (!changed) break;
    }
    return v;
}

} // namespace

IntegerBounds::IntegerBounds(const std::vector<Interval>& variables,
                             const std::vector<LinearEquality>& equalities)
    : problem_(std::make_unique<Problem>()) {
    problem_->variables = variables;
    problem_->equalities = equalities;
    glp_term_out(GLP_OFF); // the library never writes to the terminal
    auto* lp = problem_->lp = glp_create_prob();
    problem_->columns = static_cast<int>(variables.size());
    if (!variables.empty()) glp_add_cols(lp, problem_->columns);
    for (int j = 1; j <= problem_->columns; ++j) {
        const Interval& v = variables[static_cast<std::size_t>(j - 1)];
        const auto low = static_cast<double>(v.low);
        if (!v.high)
            glp_set_col_bnds(lp, j, GLP_LO, low, 0.0);
        else if (*v.high == v.low)
            glp_set_col_bnds(lp, j, GLP_FX, low, low);
        else if (*v.high > v.low)
            glp_set_col_bnds(lp, j, GLP_DB, low, static_cast<double>(*v.high));
        else
            throw Error(ErrorKind::failure,
                        fmt::format("disclosure: empty interval [{}, {}]", v.low, *v.high));
        glp_set_col_kind(lp, j, GLP_IV);
    }
    std::vector<int> rows(1), cols(1); // GLPK counts from 1
    std::vector<double> values(1);
    if (!equalities.empty()) glp_add_rows(lp, static_cast<int>(equalities.size()));
    for (std::size_t i = 0; i < equalities.size(); ++i) {
        const int row = static_cast<int>(i) + 1;
        const auto constant = static_cast<double>(equalities[i].constant);
        glp_set_row_bnds(lp, row, GLP_FX, constant, constant);
        for (const auto& [variable, coefficient] : equalities[i].terms) {
            rows.push_back(row);
            cols.push_back(static_cast<int>(variable) + 1);
            values.push_back(static_cast<double>(coefficient));
        }
    }
    glp_load_matrix(lp, static_cast<int>(rows.size()) - 1, rows.data(), cols.data(), values.data());
    if (auto outer = propagate(variables, equalities))
        outer_ = std::move(*outer);
    else
        outer_valid_ = false;
}

bool IntegerBounds::add_known_solution(const std::vector<std::int64_t>& values) {
    const auto& variables = problem_->variables;
    if (values.size() != variables.size()) return false;
    for (std::size_t k = 0; k < values.size(); ++k)
        if (values[k] < variables[k].low || (variables[k].high && values[k] > *variables[k].high))
            return false;
    for (const auto& e : problem_->equalities) {
        std::int64_t sum = 0;
        for (const auto& [k, a] : e.terms) sum += a * values[k];
        if (sum != e.constant) return false;
    }
    saw(values);
    return true;
}

IntegerBounds::~IntegerBounds() = default;

void IntegerBounds::saw(const std::vector<std::int64_t>& values) {
    const std::size_t at = seen_.size();
    if (!seen_any_) {
        seen_low_ = seen_high_ = values;
        seen_low_in_.assign(values.size(), at);
        seen_high_in_.assign(values.size(), at);
        seen_any_ = true;
    }
    bool useful = at == 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (values[k] < seen_low_[k]) {
            seen_low_[k] = values[k];
            seen_low_in_[k] = at;
            useful = true;
        }
        if (values[k] > seen_high_[k]) {
            seen_high_[k] = values[k];
            seen_high_in_[k] = at;
            useful = true;
        }
    }
    if (useful) seen_.push_back(values);
}

std::vector<std::vector<std::int64_t>> IntegerBounds::extreme_solutions() const {
    std::vector<bool> extreme(seen_.size(), false);
    for (const auto i : seen_low_in_) extreme[i] = true;
    for (const auto i : seen_high_in_) extreme[i] = true;
    std::vector<std::vector<std::int64_t>> out;
    for (std::size_t i = 0; i < seen_.size(); ++i)
        if (extreme[i]) out.push_back(seen_[i]);
    return out;
}

// The optimum of the current objective over whole numbers; nothing when it is unbounded. Each
// whole-number solution met on the way is kept: it bounds the other ranges from inside.
std::optional<std::int64_t> IntegerBounds::optimum(bool maximise) {
    auto* lp = problem_->lp;
    glp_set_obj_dir(lp, maximise ? GLP_MAX : GLP_MIN);
    ++solves_;
    glp_smcp simplex;
    glp_init_smcp(&simplex);
    simplex.msg_lev = GLP_MSG_OFF;
    simplex.presolve = GLP_OFF; // keeps the basis, so the next objective starts from it
    if (glp_simplex(lp, &simplex) != 0) {
        // A basis GLPK cannot factorise: start again from a fresh one.
        glp_adv_basis(lp, 0);
        if (glp_simplex(lp, &simplex) != 0)
            throw Error(ErrorKind::failure, "disclosure: the solver failed");
    }
    const int status = glp_get_status(lp);
    if (status == GLP_UNBND) return std::nullopt;
    if (status != GLP_OPT)
        throw Error(ErrorKind::failure, "disclosure: the published figures admit no solution");
    // An optimal vertex in whole numbers is the whole-number optimum: tables and their totals
    // mostly give such vertices, and branching would only confirm it.
    const int n = glp_get_num_cols(lp);
    std::vector<std::int64_t> vertex(static_cast<std::size_t>(n));
    bool whole = true;
    for (int j = 1; j <= n && whole; ++j) {
        const double x = glp_get_col_prim(lp, j);
        whole = std::abs(x - std::round(x)) < 1e-9;
        vertex[static_cast<std::size_t>(j - 1)] = std::llround(x);
    }
    if (whole) {
        saw(vertex);
        return std::llround(glp_get_obj_val(lp));
    }
    glp_iocp branch;
    glp_init_iocp(&branch);
    branch.msg_lev = GLP_MSG_OFF;
    if (glp_intopt(lp, &branch) != 0 || glp_mip_status(lp) != GLP_OPT)
        throw Error(ErrorKind::failure,
                    "disclosure: no whole-number solution of the published figures");
    for (int j = 1; j <= n; ++j)
        vertex[static_cast<std::size_t>(j - 1)] = std::llround(glp_mip_col_val(lp, j));
    saw(vertex);
    return std::llround(glp_mip_obj_val(lp));
}

Interval IntegerBounds::range_of(std::size_t variable) {
    // Where the least value seen in a solution is also the least propagation allows, it is
    // the minimum; the same for the maximum. Only the other bounds need the solver.
    const auto low_known = [&] {
        return seen_any_ && outer_valid_ && outer_[variable].low == seen_low_[variable];
    };
    const auto high_known = [&] {
        return seen_any_ && outer_valid_ && outer_[variable].high &&
               *outer_[variable].high == seen_high_[variable];
    };
    if (low_known() && high_known()) return {seen_low_[variable], seen_high_[variable]};
    auto* lp = problem_->lp;
    for (int j = 1; j <= problem_->columns; ++j)
        glp_set_obj_coef(lp, j, 0.0);
    glp_set_obj_coef(lp, static_cast<int>(variable) + 1, 1.0);
    const auto low = low_known() ? std::optional(seen_low_[variable]) : optimum(false);
    // Every variable has a lower bound, so its minimum exists.
    if (!low) throw Error(ErrorKind::failure, "disclosure: a count without a lower bound");
    const auto high = high_known() ? std::optional(seen_high_[variable]) : optimum(true);
    return {*low, high};
}

std::vector<Interval> sum_bounds(const std::vector<Interval>& variables, std::int64_t total) {
    std::int64_t lows = 0;
    std::int64_t highs = 0;
    std::size_t unbounded = 0;
    for (const auto& v : variables) {
        lows += v.low;
        if (v.high)
            highs += *v.high;
        else
            ++unbounded;
    }
    std::vector<Interval> out;
    out.reserve(variables.size());
    for (const auto& v : variables) {
        // Σ of the others' highs, when they are all bounded.
        const bool others_bounded = unbounded == 0 || (unbounded == 1 && !v.high);
        std::int64_t low = v.low;
        if (others_bounded) low = std::max(low, total - (highs - v.high.value_or(0)));
        std::int64_t high = total - (lows - v.low);
        if (v.high) high = std::min(high, *v.high);
        if (low > high)
            throw Error(ErrorKind::failure, "disclosure: the published figures admit no solution");
        out.push_back({low, high});
    }
    return out;
}

} // namespace expeer
