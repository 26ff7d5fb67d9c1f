#include "cli/sweep_regression.hpp"

#include "sim/experiments/regression_summary.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace shanzhi::cli {
namespace {

namespace ex = sim::experiments;

std::string two_decimals(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%+.2f", x);
  return text;
}

void print_summary(const std::string& output, const ex::RegressionSummary& s, const ex::StoredResults& results,
                   const std::vector<std::size_t>& columns) {
  std::printf("\nRegression summary of %s (standardised coefficients, 95%% intervals; R² %.2f over %zu points)\n",
              output.c_str(), s.r_squared, s.points);
  if (s.r_squared < ex::linear_enough_r_squared)
    std::printf("  R² below %.1f: the outcome is not close to linear in the factors; read Sobol or Morris indices "
                "instead of these coefficients\n", ex::linear_enough_r_squared);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& b = s.coefficients[c];
    const std::string interval = std::isnan(b.value) ? "(does not vary)" : "[" + two_decimals(b.low) + ", " + two_decimals(b.high) + "]";
    std::printf("  %40s  %6s  %s\n", results.factors[columns[c]].key.c_str(),
                std::isnan(b.value) ? "" : two_decimals(b.value).c_str(), interval.c_str());
  }
}

}  // namespace

std::string regression_summaries(const ex::StoredResults& results, const std::vector<std::vector<double>>& means) {
  // A factor that takes names has no place in a linear model.
  const auto columns = ex::numeric_factors(results);
  std::string csv;
  sim::append_csv_line(csv, {"output", "factor", "src", "low", "high", "r_squared", "points"});
  for (std::size_t k = 0; k < results.outcomes.size(); ++k) {
    std::vector<std::vector<double>> x;
    std::vector<double> y;
    for (const auto& point : results.points) {
      if (std::isnan(means[k][point.index])) continue;
      std::vector<double> row;
      for (auto j : columns) row.push_back(*sim::numeric_value(point.settings[j].second));
      x.push_back(std::move(row));
      y.push_back(means[k][point.index]);
    }
    const auto output = results.outcomes[k].label();
    try {
      const auto s = ex::standardised_regression(x, y);
      print_summary(output, s, results, columns);
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto& b = s.coefficients[c];
        const auto field = [](double v) { return std::isnan(v) ? std::string() : sim::format_number(v); };
        sim::append_csv_line(csv, {sim::csv_field(output), sim::csv_field(results.factors[columns[c]].key), field(b.value),
                                   field(b.low), field(b.high), sim::format_number(s.r_squared), std::to_string(s.points)});
      }
    } catch (const std::invalid_argument& e) {
      std::cerr << "shanzhi analyze: " << output << ": no regression summary: " << e.what() << "\n";
    }
  }
  return csv;
}

}  // namespace shanzhi::cli
