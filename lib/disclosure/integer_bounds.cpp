#include "disclosure/integer_bounds.hpp"

#include "util/error.hpp"

#include <cmath>
#include <fmt/format.h>
#include <glpk.h>

namespace expeer {

struct IntegerBounds::Problem {
    glp_prob* lp = nullptr;
    int columns = 0;
    ~Problem() {
        if (lp) glp_delete_prob(lp);
    }
};

IntegerBounds::IntegerBounds(const std::vector<Interval>& variables,
                             const std::vector<LinearEquality>& equalities)
    : problem_(std::make_unique<Problem>()) {
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
}

IntegerBounds::~IntegerBounds() = default;

namespace {

// The optimum of the current objective over whole numbers; nothing when it is unbounded.
std::optional<std::int64_t> optimum(glp_prob* lp) {
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
    bool whole = true;
    for (int j = 1, n = glp_get_num_cols(lp); j <= n && whole; ++j) {
        const double x = glp_get_col_prim(lp, j);
        whole = std::abs(x - std::round(x)) < 1e-9;
    }
    if (whole) return std::llround(glp_get_obj_val(lp));
    glp_iocp branch;
    glp_init_iocp(&branch);
    branch.msg_lev = GLP_MSG_OFF;
    if (glp_intopt(lp, &branch) != 0 || glp_mip_status(lp) != GLP_OPT)
        throw Error(ErrorKind::failure,
                    "disclosure: no whole-number solution of the published figures");
    return std::llround(glp_mip_obj_val(lp));
}

} // namespace

Interval IntegerBounds::range_of(std::size_t variable) {
    auto* lp = problem_->lp;
    for (int j = 1; j <= problem_->columns; ++j)
        glp_set_obj_coef(lp, j, 0.0);
    glp_set_obj_coef(lp, static_cast<int>(variable) + 1, 1.0);
    glp_set_obj_dir(lp, GLP_MIN);
    const auto low = optimum(lp);
    glp_set_obj_dir(lp, GLP_MAX);
    const auto high = optimum(lp);
    // Every variable has a lower bound, so its minimum exists.
    if (!low) throw Error(ErrorKind::failure, "disclosure: a count without a lower bound");
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
