#include "sim/experiments/cost_effectiveness.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

double mean_of(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

std::vector<double> differences(const MetricComparison& m, double scale) {
  std::vector<double> d;
  for (std::size_t r = 0; r < m.baseline.size(); ++r) d.push_back((m.policy[r] - m.baseline[r]) * scale);
  return d;
}

std::string fixed(double x, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  return text;
}

}  // namespace

RatioInterval ratio_of_means(const std::vector<double>& numerator, const std::vector<double>& denominator,
                             double confidence) {
  if (numerator.empty() || numerator.size() != denominator.size())
    throw std::invalid_argument("ratio_of_means needs equally many numerators and denominators, at least one");
  RatioInterval result;
  result.n = numerator.size();
  const double a = mean_of(numerator), b = mean_of(denominator);
  result.ratio = a / b;
  result.low = result.high = result.ratio;
  if (result.n < 2) return result;
  std::vector<double> linearised;
  for (std::size_t r = 0; r < result.n; ++r) linearised.push_back((numerator[r] - result.ratio * denominator[r]) / b);
  const double half_width = mean_with_interval(linearised, confidence).half_width;
  result.low = result.ratio - half_width;
  result.high = result.ratio + half_width;
  return result;
}

CostEffectiveness cost_effectiveness(const Comparison& c, const std::string& outcome_metric,
                                     const std::string& spending_metric) {
  CostEffectiveness ce;
  ce.outcome_metric = outcome_metric;
  ce.spending_metric = spending_metric;
  const auto* outcome = find_metric(c, ce.outcome_metric);
  const auto* spending = find_metric(c, ce.spending_metric);
  if (!outcome || !spending) {
    ce.unavailable_reason = "the model records no " + (outcome ? ce.spending_metric : ce.outcome_metric);
    return ce;
  }
  const auto d_outcome = differences(*outcome, 1.0);
  const auto d_spending = differences(*spending, 1e-6);
  ce.outcome_difference = mean_with_interval(d_outcome);
  ce.spending_difference = mean_with_interval(d_spending);
  const auto& ds = ce.spending_difference;
  if (!(std::fabs(ds.mean) * 1e6 >= negligible_spending_difference_yuan)) {
    ce.unavailable_reason = "no difference in annual spending";
    return ce;
  }
  if (ds.n >= 2 && std::fabs(ds.mean) <= ds.half_width) {
    ce.unavailable_reason = "the spending difference's interval includes zero";
    return ce;
  }
  ce.points_per_million = ratio_of_means(d_outcome, d_spending);
  ce.available = true;
  return ce;
}

std::string describe(const CostEffectiveness& ce) {
  if (!ce.available) return "n/a (" + ce.unavailable_reason + ")";
  const auto& q = ce.points_per_million;
  std::string text = fixed(q.ratio, 2) + " points per ¥1m a year";
  if (q.n >= 2) text += " [95% CI " + fixed(q.low, 2) + ", " + fixed(q.high, 2) + "]";
  return text;
}

}  // namespace shanzhi::sim::experiments
