#pragma once
// Effects with their assumption uncertainty. The paired comparison (paired_comparison.hpp) gives
// a policy's effect with its seed interval at the scenario's own assumed numbers; here the same
// paired comparison is repeated at K Latin-hypercube draws of those numbers (factors.hpp), and
// the spread of the effect across draws is summarised: median, the 10–90% and 2.5–97.5% ranges,
// the share of draws whose effect has a given sign, and how often several policies keep their
// ranking. A Morris design over the same factors, with the effect itself as the output, ranks
// the assumptions that drive the effect (what a planner should measure first).
//
// Every point (draw or Morris point) runs the SAME replicate seeds, so differences between points
// come from the assumptions and not from seeds (common random numbers across points as well as
// across arms). An effect at one point is the mean paired difference over its replicates, so the
// spread across draws still holds the seed noise of that mean.
//
// Model-independent: the model supplies a function that turns one point's settings into the
// runner of one replicate of every arm (baseline first, then each policy).

#include "sim/experiments/analysis.hpp"
#include "sim/experiments/design.hpp"
#include "sim/experiments/factors.hpp"
#include "sim/experiments/paired_points.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace shanzhi::sim::experiments {

/// How the draws are made.
struct AssumptionPlan {
  std::size_t draws = 64;               ///< K: Latin-hypercube points over the factors
  std::size_t replicates_per_draw = 3;  ///< R_d: paired replicates at every draw, the same seeds in each
  std::uint64_t master_seed = 1;        ///< seeds the design and the replicates (replicate_seeds)
};

/// The spread of values across draws: the median and the 10%, 90%, 2.5% and 97.5% quantiles
/// (linear interpolation between order statistics, Hyndman–Fan type 7, as R and numpy do by
/// default). Non-finite values are left out; all NaN when no value is left.
struct Spread {
  double median = 0;
  double q10 = 0, q90 = 0;
  double q2_5 = 0, q97_5 = 0;
  std::size_t values = 0;  ///< finite values the quantiles are of
};
Spread spread_of(std::vector<double> values);

/// One metric's effect across draws.
struct EffectSpread {
  Spread spread;
  double share_positive = 0;  ///< of the finite draws, the share with an effect above zero
  double share_negative = 0;  ///< ... below zero
  /// Share of draws whose effect has the sign of `shown` (for a zero `shown`: share exactly 0).
  double share_with_sign_of(double shown) const;
};

/// The effect's spread across draws at one recorded week.
struct WeeklySpread {
  int week = 0;
  std::size_t metric = 0;
  Spread spread;
};

struct PolicySpread {
  std::vector<EffectSpread> metrics;  ///< per metric, in the runs' column order
  std::vector<WeeklySpread> weekly;   ///< per week (ascending), then metric
};

struct AssumptionDraw {
  std::vector<double> unit;        ///< the design's coordinates, one per factor
  std::vector<Setting> settings;   ///< the factors' values
  std::string error;               ///< why the draw failed, or empty
  /// [policy][metric]: policy − baseline of the summary statistic, mean over the replicates.
  std::vector<std::vector<double>> effects;
  bool ok() const { return error.empty(); }
};

struct AssumptionComparison {
  std::vector<MetricInfo> metrics;
  std::size_t policies = 0;
  std::size_t replicates_per_draw = 0;
  std::vector<std::uint64_t> seeds;  ///< the replicate seeds, the same at every draw
  std::vector<AssumptionDraw> draws;
  std::vector<int> weeks;            ///< recorded weeks every successful run has
  std::vector<PolicySpread> spreads; ///< per policy; over the successful draws
  std::size_t failed_draws() const;
};

/// Runs `plan.replicates_per_draw` paired replicates of every arm at each of `plan.draws`
/// Latin-hypercube draws of `factors` (the design's seed is the master seed), spread over threads
/// by (draw, replicate); results do not depend on the thread count. `metrics` are the columns
/// every run returns. Throws std::invalid_argument for no factors, fewer than 2 draws or no
/// replicates.
AssumptionComparison compare_under_assumptions(const std::vector<MetricInfo>& metrics, std::size_t policies,
                                               const std::vector<Factor>& factors, const AssumptionPlan& plan,
                                               const ArmsAtPoint& arms, const ReplicateProgress& progress = {});

/// How often the policies keep their order by one metric across draws.
struct RankingAgreement {
  std::size_t metric = 0;
  std::vector<std::size_t> order;  ///< policies, best first by the reference effects
  double probability = 0;          ///< share of draws in which no policy ranks worse than the next
  double first_probability = 0;    ///< share of draws in which order[0] is at least as good as every other
  std::size_t draws = 0;           ///< successful draws with every policy's effect finite
};

/// Ranks the policies by `reference` (one effect per policy; the metric's direction decides what
/// is better, a neutral metric ranks by value, higher first; ties keep the policies' order) and
/// measures how often the draws agree.
RankingAgreement ranking_agreement(const AssumptionComparison& comparison, std::size_t metric,
                                   const std::vector<double>& reference);

/// A screen of the assumptions from the draws already run (no extra runs): the Spearman rank
/// correlation between each factor's value and the effect across the successful draws. Cheap but
/// only a screen: with K draws, |ρ| below about 2/√K is within noise, and an assumption that acts
/// only through interactions is missed (the Morris design of drivers_of_effect measures those).
struct FactorAssociation {
  std::size_t factor = 0;
  double rho = 0;  ///< NaN when the effect or the factor does not vary across the draws
};

/// Every factor's association with one policy's effect on one metric, strongest |ρ| first (NaN
/// last; ties keep the factors' order).
std::vector<FactorAssociation> associations_with_effect(const AssumptionComparison& comparison, std::size_t policy,
                                                        std::size_t metric);

/// The noise level of a rank correlation over `draws` independent draws: 2/√K (about a 95% band
/// for ρ = 0 when K is not tiny).
double association_noise_level(std::size_t draws);

/// How the Morris design on the effect is made.
struct DriverPlan {
  std::size_t trajectories = 10;
  std::int64_t levels = 4;
  std::size_t replicates_per_point = 3;
  std::uint64_t master_seed = 1;
};

/// Morris statistics of the effect (policy − baseline) per factor: μ* and σ in the metric's
/// units per move across the factor's whole range.
struct EffectDrivers {
  UnitDesign design;
  std::vector<std::vector<Setting>> points;  ///< the settings of every design point
  std::string error;                         ///< the first failed point; no indices then
  /// [policy][metric][factor]; NaN for a metric whose effect is not finite at every point.
  std::vector<std::vector<std::vector<MorrisIndex>>> indices;
  bool ok() const { return error.empty(); }
};

/// Runs the Morris design and computes the elementary effects of every metric's effect.
EffectDrivers drivers_of_effect(const std::vector<MetricInfo>& metrics, std::size_t policies,
                                const std::vector<Factor>& factors, const DriverPlan& plan, const ArmsAtPoint& arms,
                                const ReplicateProgress& progress = {});

/// Factor indices ordered by μ*, largest first (NaN last; ties keep the factors' order).
std::vector<std::size_t> drivers_by_importance(const std::vector<MorrisIndex>& indices);

}  // namespace shanzhi::sim::experiments
