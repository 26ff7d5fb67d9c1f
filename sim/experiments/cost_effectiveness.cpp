#include "sim/experiments/cost_effectiveness.hpp"

#include "sim/experiments/reported_precision.hpp"

#include <algorithm>
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

std::string to_string(CostQuadrant quadrant) {
  switch (quadrant) {
    case CostQuadrant::gain: return "gain";
    case CostQuadrant::saving: return "saving";
    case CostQuadrant::dominant: return "dominant";
    case CostQuadrant::dominated: return "dominated";
    case CostQuadrant::none: break;
  }
  return "none";
}

CostEffectiveness cost_effectiveness(const Comparison& c, const std::string& outcome_metric,
                                     const std::string& spending_metric, const std::string& per_resident_metric) {
  CostEffectiveness ce;
  ce.outcome_metric = outcome_metric;
  ce.spending_metric = spending_metric;
  ce.per_resident_metric = per_resident_metric;
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
  const double d_s = ce.outcome_difference.mean;
  if (ds.mean > 0)
    ce.quadrant = d_s > 0 ? CostQuadrant::gain : CostQuadrant::dominated;
  else
    ce.quadrant = d_s < 0 ? CostQuadrant::saving : CostQuadrant::dominant;
  ce.outcome_interval_includes_zero =
      ce.outcome_difference.n >= 2 && std::fabs(d_s) <= ce.outcome_difference.half_width;
  if (const auto* per_resident = per_resident_metric.empty() ? nullptr : find_metric(c, per_resident_metric)) {
    const auto d_per_resident = differences(*per_resident, 1.0);
    ce.spending_per_resident_difference = mean_with_interval(d_per_resident);
    // Points per ¥100 a resident: the ratio per ¥1 times 100.
    std::vector<double> hundreds;
    for (double d : d_per_resident) hundreds.push_back(d / 100.0);
    ce.points_per_100_yuan_per_resident = ratio_of_means(d_outcome, hundreds);
  }
  return ce;
}

namespace {

std::string interval_text(const RatioInterval& q, int decimals) {
  if (q.n < 2) return "";
  return " [95% CI " + fixed(q.low, decimals) + ", " + fixed(q.high, decimals) + "]";
}

/// The decimals a ratio's own interval supports, at most `most` (one replicate: `most`).
int ratio_decimals(const RatioInterval& q, int most) {
  if (q.n < 2) return most;
  return supported_decimals(std::max(q.high - q.ratio, q.ratio - q.low), most);
}

std::string caveat(const CostEffectiveness& ce) {
  return ce.outcome_interval_includes_zero ? "; the satisfaction difference's 95% interval includes zero" : "";
}

}  // namespace

std::string describe(const CostEffectiveness& ce) {
  if (!ce.available) return "n/a (" + ce.unavailable_reason + ")";
  const auto& q = ce.points_per_million;
  const double ds = ce.outcome_difference.mean, dc = ce.spending_difference.mean;
  switch (ce.quadrant) {
    case CostQuadrant::gain:
      return "gain: " + fixed(q.ratio, ratio_decimals(q, 2)) + " points gained per ¥1m spent a year" +
             interval_text(q, ratio_decimals(q, 2)) + caveat(ce);
    case CostQuadrant::saving:
      // Both differences are negative: the ratio is the satisfaction given up per ¥1m saved.
      return "saving: " + fixed(q.ratio, ratio_decimals(q, 2)) + " points lost per ¥1m saved a year" +
             interval_text(q, ratio_decimals(q, 2)) + caveat(ce);
    case CostQuadrant::dominant:
      return "dominant: saves ¥" + fixed(-dc, 3) + "m a year and gains " + fixed(ds, 2) + " points" + caveat(ce);
    case CostQuadrant::dominated:
      return "dominated: costs ¥" + fixed(dc, 3) + "m more a year and loses " + fixed(-ds, 2) + " points" + caveat(ce);
    case CostQuadrant::none: break;
  }
  return "n/a";
}

std::string describe_per_resident(const CostEffectiveness& ce) {
  const auto& q = ce.points_per_100_yuan_per_resident;
  if (!ce.available || q.n == 0) return "";
  const std::string per = " (" + fixed(ce.spending_per_resident_difference.mean, 1) + " ¥ a resident a year)";
  switch (ce.quadrant) {
    case CostQuadrant::gain:
      return fixed(q.ratio, ratio_decimals(q, 3)) + " points gained per ¥100 spent a resident a year" +
             interval_text(q, ratio_decimals(q, 3)) + per;
    case CostQuadrant::saving:
      return fixed(q.ratio, ratio_decimals(q, 3)) + " points lost per ¥100 saved a resident a year" +
             interval_text(q, ratio_decimals(q, 3)) + per;
    case CostQuadrant::dominant:
    case CostQuadrant::dominated:
      return "no trade-off to price" + per;
    case CostQuadrant::none: break;
  }
  return "";
}

bool ranks_before(const CostEffectiveness& a, const CostEffectiveness& b) {
  auto order = [](const CostEffectiveness& ce) {
    if (!ce.available) return 4;
    switch (ce.quadrant) {
      case CostQuadrant::dominant: return 0;
      case CostQuadrant::gain: return 1;
      case CostQuadrant::saving: return 2;
      case CostQuadrant::dominated: return 3;
      case CostQuadrant::none: break;
    }
    return 4;
  };
  const int oa = order(a), ob = order(b);
  if (oa != ob) return oa < ob;
  switch (a.quadrant) {
    case CostQuadrant::gain: return a.points_per_million.ratio > b.points_per_million.ratio;
    case CostQuadrant::saving: return a.points_per_million.ratio < b.points_per_million.ratio;
    case CostQuadrant::dominant:
    case CostQuadrant::dominated: return a.outcome_difference.mean > b.outcome_difference.mean;
    case CostQuadrant::none: break;
  }
  return false;
}

}  // namespace shanzhi::sim::experiments
