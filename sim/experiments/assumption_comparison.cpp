// Effects across draws of the assumptions: the draws, their spread, rankings and drivers.

#include "sim/experiments/assumption_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// The q-quantile of sorted values, interpolated between order statistics (Hyndman–Fan type 7).
double quantile_of_sorted(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}

/// Each point's settings: every factor at the design's coordinate.
std::vector<std::vector<Setting>> settings_of(const UnitDesign& design, const std::vector<Factor>& factors) {
  std::vector<std::vector<Setting>> points;
  for (std::size_t p = 0; p < design.point_count(); ++p) {
    std::vector<Setting> settings;
    for (std::size_t j = 0; j < factors.size(); ++j) settings.emplace_back(factors[j].key, factors[j].value_at(design.at(p, j)));
    points.push_back(std::move(settings));
  }
  return points;
}

EffectSpread effect_spread(const std::vector<double>& values) {
  EffectSpread out;
  out.spread = spread_of(values);
  if (out.spread.values == 0) {
    out.share_positive = out.share_negative = nan;
    return out;
  }
  const auto n = static_cast<double>(out.spread.values);
  out.share_positive = static_cast<double>(std::count_if(values.begin(), values.end(), [](double v) { return v > 0; })) / n;
  out.share_negative = static_cast<double>(std::count_if(values.begin(), values.end(), [](double v) { return v < 0; })) / n;
  return out;
}

/// Recorded weeks every successful draw has: the shortest of them.
std::vector<int> common_weeks(const std::vector<PointEffects>& points) {
  const std::vector<int>* shortest = nullptr;
  for (const auto& point : points)
    if (point.ok() && (!shortest || point.weeks.size() < shortest->size())) shortest = &point.weeks;
  return shortest ? *shortest : std::vector<int>{};
}

PolicySpread policy_spread(const std::vector<PointEffects>& points, std::size_t policy, std::size_t metrics,
                           const std::vector<int>& weeks) {
  PolicySpread out;
  std::vector<double> values;
  for (std::size_t m = 0; m < metrics; ++m) {
    values.clear();
    for (const auto& point : points)
      if (point.ok()) values.push_back(point.effects[policy * metrics + m]);
    out.metrics.push_back(effect_spread(values));
  }
  for (std::size_t w = 0; w < weeks.size(); ++w)
    for (std::size_t m = 0; m < metrics; ++m) {
      values.clear();
      for (const auto& point : points)
        if (point.ok()) {
          const std::size_t rows = point.weeks.size();
          values.push_back(point.weekly[(policy * rows + w) * metrics + m]);
        }
      out.weekly.push_back({weeks[w], m, spread_of(values)});
    }
  return out;
}

bool better(double a, double b, Direction direction) {
  return direction == Direction::lower_is_better ? a < b : a > b;
}

void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument(message);
}

}  // namespace

Spread spread_of(std::vector<double> values) {
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  Spread out;
  out.values = values.size();
  if (values.empty()) {
    out.median = out.q10 = out.q90 = out.q2_5 = out.q97_5 = nan;
    return out;
  }
  std::sort(values.begin(), values.end());
  out.median = quantile_of_sorted(values, 0.5);
  out.q10 = quantile_of_sorted(values, 0.10);
  out.q90 = quantile_of_sorted(values, 0.90);
  out.q2_5 = quantile_of_sorted(values, 0.025);
  out.q97_5 = quantile_of_sorted(values, 0.975);
  return out;
}

double EffectSpread::share_with_sign_of(double shown) const {
  if (std::isnan(shown)) return nan;
  if (shown > 0) return share_positive;
  if (shown < 0) return share_negative;
  return 1.0 - share_positive - share_negative;
}

std::size_t AssumptionComparison::failed_draws() const {
  return static_cast<std::size_t>(std::count_if(draws.begin(), draws.end(), [](const auto& d) { return !d.ok(); }));
}

AssumptionComparison compare_under_assumptions(const std::vector<MetricInfo>& metrics, std::size_t policies,
                                               const std::vector<Factor>& factors, const AssumptionPlan& plan,
                                               const ArmsAtPoint& arms, const ReplicateProgress& progress) {
  require(!factors.empty(), "a comparison under assumptions needs at least one factor");
  require(plan.draws >= 2, "a comparison under assumptions needs at least 2 draws");
  require(plan.replicates_per_draw >= 1, "a comparison under assumptions needs at least 1 replicate per draw");
  require(policies >= 1, "a comparison needs at least one policy");
  DesignSpec spec{.kind = DesignKind::latin_hypercube,
                  .samples = static_cast<std::int64_t>(plan.draws),
                  .seed = plan.master_seed};
  const UnitDesign design = build_design(spec, factors.size(), {});
  const auto settings = settings_of(design, factors);

  AssumptionComparison out;
  out.metrics = metrics;
  out.policies = policies;
  out.replicates_per_draw = plan.replicates_per_draw;
  out.seeds = replicate_seeds(plan.replicates_per_draw, plan.master_seed);
  const auto points = run_paired_points(settings, out.seeds, metrics, policies, true, arms, progress);

  for (std::size_t d = 0; d < points.size(); ++d) {
    AssumptionDraw draw;
    draw.unit.assign(design.unit.begin() + static_cast<std::ptrdiff_t>(d * factors.size()),
                     design.unit.begin() + static_cast<std::ptrdiff_t>((d + 1) * factors.size()));
    draw.settings = settings[d];
    draw.error = points[d].error;
    if (draw.ok())
      for (std::size_t p = 0; p < policies; ++p)
        draw.effects.emplace_back(points[d].effects.begin() + static_cast<std::ptrdiff_t>(p * metrics.size()),
                                  points[d].effects.begin() + static_cast<std::ptrdiff_t>((p + 1) * metrics.size()));
    out.draws.push_back(std::move(draw));
  }
  out.weeks = common_weeks(points);
  for (std::size_t p = 0; p < policies; ++p) out.spreads.push_back(policy_spread(points, p, metrics.size(), out.weeks));
  return out;
}

RankingAgreement ranking_agreement(const AssumptionComparison& comparison, std::size_t metric,
                                   const std::vector<double>& reference) {
  require(reference.size() == comparison.policies, "a ranking needs one reference effect per policy");
  require(metric < comparison.metrics.size(), "a ranking's metric is not among the compared metrics");
  const Direction direction = comparison.metrics[metric].direction;
  RankingAgreement out;
  out.metric = metric;
  out.order.resize(comparison.policies);
  std::iota(out.order.begin(), out.order.end(), std::size_t{0});
  std::stable_sort(out.order.begin(), out.order.end(),
                   [&](std::size_t a, std::size_t b) { return better(reference[a], reference[b], direction); });

  std::size_t holds = 0, first_holds = 0;
  for (const auto& draw : comparison.draws) {
    if (!draw.ok()) continue;
    std::vector<double> effect;
    for (std::size_t p = 0; p < comparison.policies; ++p) effect.push_back(draw.effects[p][metric]);
    if (!std::all_of(effect.begin(), effect.end(), [](double v) { return std::isfinite(v); })) continue;
    ++out.draws;
    bool in_order = true;
    for (std::size_t i = 0; i + 1 < out.order.size(); ++i)
      in_order = in_order && !better(effect[out.order[i + 1]], effect[out.order[i]], direction);
    bool first = true;
    for (std::size_t p = 0; p < effect.size(); ++p) first = first && !better(effect[p], effect[out.order.front()], direction);
    holds += in_order;
    first_holds += first;
  }
  out.probability = out.draws ? static_cast<double>(holds) / static_cast<double>(out.draws) : nan;
  out.first_probability = out.draws ? static_cast<double>(first_holds) / static_cast<double>(out.draws) : nan;
  return out;
}

namespace {

/// Ranks 1..n with ties given their average rank.
std::vector<double> average_ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : nan;
}

}  // namespace

std::vector<FactorAssociation> associations_with_effect(const AssumptionComparison& comparison, std::size_t policy,
                                                        std::size_t metric) {
  require(policy < comparison.policies, "an association's policy is not among the compared policies");
  require(metric < comparison.metrics.size(), "an association's metric is not among the compared metrics");
  std::vector<const AssumptionDraw*> usable;
  for (const auto& draw : comparison.draws)
    if (draw.ok() && std::isfinite(draw.effects[policy][metric])) usable.push_back(&draw);
  std::vector<FactorAssociation> out;
  const std::size_t factors = usable.empty() ? 0 : usable.front()->unit.size();
  std::vector<double> effect;
  for (const auto* draw : usable) effect.push_back(draw->effects[policy][metric]);
  const auto effect_ranks = average_ranks(effect);
  for (std::size_t f = 0; f < factors; ++f) {
    std::vector<double> value;
    for (const auto* draw : usable) value.push_back(draw->unit[f]);
    out.push_back({f, usable.size() < 3 ? nan : pearson(average_ranks(value), effect_ranks)});
  }
  std::stable_sort(out.begin(), out.end(), [](const FactorAssociation& a, const FactorAssociation& b) {
    if (std::isnan(a.rho) || std::isnan(b.rho)) return !std::isnan(a.rho) && std::isnan(b.rho);
    return std::fabs(a.rho) > std::fabs(b.rho);
  });
  return out;
}

double association_noise_level(std::size_t draws) {
  return draws == 0 ? nan : 2.0 / std::sqrt(static_cast<double>(draws));
}

EffectDrivers drivers_of_effect(const std::vector<MetricInfo>& metrics, std::size_t policies,
                                const std::vector<Factor>& factors, const DriverPlan& plan, const ArmsAtPoint& arms,
                                const ReplicateProgress& progress) {
  require(!factors.empty(), "drivers of an effect need at least one factor");
  require(plan.trajectories >= 2, "drivers of an effect need at least 2 Morris trajectories");
  require(plan.replicates_per_point >= 1, "drivers of an effect need at least 1 replicate per point");
  DesignSpec spec{.kind = DesignKind::morris,
                  .samples = static_cast<std::int64_t>(plan.trajectories),
                  .levels = plan.levels,
                  .seed = plan.master_seed};
  EffectDrivers out;
  out.design = build_design(spec, factors.size(), {});
  out.points = settings_of(out.design, factors);
  const auto seeds = replicate_seeds(plan.replicates_per_point, plan.master_seed);
  const auto points = run_paired_points(out.points, seeds, metrics, policies, false, arms, progress);
  for (std::size_t i = 0; i < points.size(); ++i)
    if (!points[i].ok()) {
      out.error = "Morris point " + std::to_string(i) + ": " + points[i].error;
      return out;
    }
  out.indices.assign(policies, {});
  std::vector<double> y(points.size());
  for (std::size_t p = 0; p < policies; ++p)
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      for (std::size_t i = 0; i < points.size(); ++i) y[i] = points[i].effects[p * metrics.size() + m];
      const bool finite = std::all_of(y.begin(), y.end(), [](double v) { return std::isfinite(v); });
      out.indices[p].push_back(finite ? morris_indices(out.design, y)
                                      : std::vector<MorrisIndex>(factors.size(), MorrisIndex{nan, nan, nan}));
    }
  return out;
}

std::vector<std::size_t> drivers_by_importance(const std::vector<MorrisIndex>& indices) {
  std::vector<std::size_t> order(indices.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double x = indices[a].mu_star, y = indices[b].mu_star;
    if (std::isnan(y)) return !std::isnan(x);
    return !std::isnan(x) && x > y;
  });
  return order;
}

}  // namespace shanzhi::sim::experiments
