#include "cli/compare_assumptions.hpp"

#include "cli/progress.hpp"
#include "cli/run_summary.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/parallel.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace shanzhi::cli {
namespace {

namespace ex = sim::experiments;

/// Drivers printed per policy; drivers.csv has them all.
constexpr std::size_t drivers_shown = 5;
/// Morris grid levels (even, so every level can move; see docs/experiments.md).
constexpr std::int64_t morris_levels = 4;

std::vector<const gov::LoadedScenario*> arms_of(const gov::LoadedScenario& base,
                                               const std::vector<gov::LoadedScenario>& policies) {
  std::vector<const gov::LoadedScenario*> arms{&base};
  for (const auto& p : policies) arms.push_back(&p);
  return arms;
}

/// `default`'s factors: keys that cannot vary in this comparison are left out with a note
/// (a file's factors are the user's choice, so there the same problems are errors).
std::vector<ex::Factor> usable_default_factors(std::vector<ex::Factor> factors,
                                               const std::vector<const gov::LoadedScenario*>& arms,
                                               gov::AssumptionDistrict district) {
  std::vector<ex::Factor> usable;
  for (auto& factor : factors) {
    const auto problems = gov::check_assumption_factors({factor}, arms, district);
    if (problems.empty()) usable.push_back(std::move(factor));
    else std::cout << "  left out of the draws: " << factor.key << " " << problems.front().message << "\n";
  }
  return usable;
}

std::string percent(double share) {
  if (std::isnan(share)) return "n/a";
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", 100 * share);
  return text;
}

/// Every number of a metric's row is shown to the precision its uncertainty supports: the larger
/// of the seed interval's half-width and half the 10–90% range across draws.
struct RowPrecision {
  const sim::MetricInfo& metric;
  double half_width;

  std::string signed_value(double x) const {
    if (std::isnan(x)) return "n/a";
    return (x > 0 ? "+" : "") + display_value(metric, x, half_width);
  }
  std::string range(double low, double high) const { return "[" + signed_value(low) + ", " + signed_value(high) + "]"; }
};

void print_policy_table(const AssumptionResults& r, const gov::Comparison& main, std::size_t policy, bool all_metrics) {
  std::printf("\n  %-30s %31s %9s %24s %24s %8s\n", "metric (mean of last year)", "effect [95% seed CI]", "median",
              "10-90% of draws", "2.5-97.5% of draws", "P(sign)");
  for (std::size_t m = 0; m < main.metrics.size(); ++m) {
    const auto& metric = main.metrics[m].metric;
    if (!all_metrics && !metric.headline) continue;
    const auto& d = main.metrics[m].difference;
    const auto& e = r.draws.spreads[policy].metrics[m];
    const double band_half_width = std::isnan(e.spread.q90) ? 0.0 : (e.spread.q90 - e.spread.q10) / 2;
    const RowPrecision row{metric, std::max(d.half_width, band_half_width)};
    const std::string seed = row.signed_value(d.mean) + " " + row.range(d.mean - d.half_width, d.mean + d.half_width);
    std::printf("  %-30s %31s %9s %24s %24s %8s\n", metric.name.c_str(), seed.c_str(),
                row.signed_value(e.spread.median).c_str(), row.range(e.spread.q10, e.spread.q90).c_str(),
                row.range(e.spread.q2_5, e.spread.q97_5).c_str(), percent(e.share_with_sign_of(d.mean)).c_str());
  }
}

void print_rankings(const AssumptionResults& r, const std::vector<std::string>& names) {
  if (r.rankings.empty()) return;
  std::printf("\n  Ranking of the policies by their effect at the scenarios' own values, and how often the draws keep it:\n");
  for (const auto& ranking : r.rankings) {
    const auto& metric = r.draws.metrics[ranking.metric];
    std::string order;
    for (const auto p : ranking.order) order += (order.empty() ? "" : " > ") + names[p];
    const char* how = metric.direction == sim::Direction::higher_is_better  ? "higher is better"
                      : metric.direction == sim::Direction::lower_is_better ? "lower is better"
                                                                            : "by value, higher first";
    std::printf("    %-28s %s (%s): holds in %s of draws; %s first in %s\n", metric.name.c_str(), order.c_str(), how,
                percent(ranking.probability).c_str(), names[ranking.order.front()].c_str(),
                percent(ranking.first_probability).c_str());
  }
}

/// The metric whose drivers are printed: satisfaction_mean, else the first headline metric.
std::size_t driver_metric(const std::vector<sim::MetricInfo>& metrics) {
  for (std::size_t m = 0; m < metrics.size(); ++m)
    if (metrics[m].name == "satisfaction_mean") return m;
  for (std::size_t m = 0; m < metrics.size(); ++m)
    if (metrics[m].headline) return m;
  return 0;
}

/// The free screen from the draws (no extra runs): the assumptions whose values go with the effect.
void print_associations(const AssumptionResults& r, const std::vector<std::string>& names) {
  const std::size_t m = driver_metric(r.draws.metrics);
  const std::size_t ok = r.draws.draws.size() - r.draws.failed_draws();
  const auto& schema = gov::governance_schema();
  std::printf("\n  Assumptions most associated with the effect on %s across the %zu draws (Spearman rank\n"
              "  correlation of the assumption's value with the effect; |rho| below %.2f is within noise at %zu draws;\n"
              "  a screen at no extra cost: --why measures the drivers with a Morris design):\n",
              r.draws.metrics[m].name.c_str(), ok, ex::association_noise_level(ok), ok);
  for (std::size_t p = 0; p < names.size(); ++p) {
    if (names.size() > 1) std::printf("    %s:\n", names[p].c_str());
    const auto associations = ex::associations_with_effect(r.draws, p, m);
    for (std::size_t i = 0; i < std::min(drivers_shown, associations.size()); ++i) {
      const auto& a = associations[i];
      if (std::isnan(a.rho)) break;
      const auto& factor = r.setup.factors[a.factor];
      const auto* entry = schema.find(factor.key);
      std::printf("    %zu. %-40s rho %+5.2f%s  %s\n", i + 1, factor.key.c_str(), a.rho,
                  std::fabs(a.rho) < ex::association_noise_level(ok) ? " (noise)" : "",
                  entry ? entry->info.meaning.c_str() : "");
    }
  }
}

void print_drivers(const AssumptionResults& r, const std::vector<std::string>& names) {
  if (!r.drivers) return;
  if (!r.drivers->ok()) {
    std::printf("\n  Drivers could not be computed: %s\n", r.drivers->error.c_str());
    return;
  }
  const std::size_t m = driver_metric(r.draws.metrics);
  const auto& metric = r.draws.metrics[m];
  const auto& schema = gov::governance_schema();
  std::printf("\n  What drives the effect on %s (Morris: %zu trajectories x %zu points, %zu replicates per point;\n"
              "  mu* and sigma = change of the effect when an assumption moves across its whole range):\n",
              metric.name.c_str(), r.driver_plan.trajectories, r.setup.factors.size() + 1,
              r.driver_plan.replicates_per_point);
  for (std::size_t p = 0; p < names.size(); ++p) {
    if (names.size() > 1) std::printf("    %s:\n", names[p].c_str());
    const auto& indices = r.drivers->indices[p][m];
    const auto order = ex::drivers_by_importance(indices);
    for (std::size_t i = 0; i < std::min(drivers_shown, order.size()); ++i) {
      const auto& factor = r.setup.factors[order[i]];
      const auto* entry = schema.find(factor.key);
      std::printf("    %zu. %-40s mu* %9s  sigma %9s  %s\n", i + 1, factor.key.c_str(),
                  display_value(metric, indices[order[i]].mu_star).c_str(),
                  display_value(metric, indices[order[i]].sigma).c_str(), entry ? entry->info.meaning.c_str() : "");
    }
  }
}

}  // namespace

void add_assumption_options(CLI::App& compare, AssumptionOptions& o) {
  auto* source = compare.add_option(
      "--assumptions", o.source,
      "Also compare across Latin-hypercube draws of the assumptions: a factor file ([[factor]] tables) or "
      "'default' (every assumption key with a plausible range)");
  source->type_name("FILE|default");
  compare.add_option("--draws", o.draws, "Assumption draws K (default 64)")->check(CLI::Range(2, 100000))->needs(source);
  compare.add_option("--draw-replicates", o.replicates_per_draw,
                     "Paired replicates per draw, the same seeds in every draw (default 3)")
      ->check(CLI::Range(1, 1000))
      ->needs(source);
  compare.add_option("--assumption-district", o.district,
                     "Where the draws run: small (the district of scenarios/small_district.toml, default) or "
                     "scenario (the scenarios' own district); the seed interval always uses the scenarios' own")
      ->check(CLI::IsMember({"small", "scenario"}))
      ->needs(source);
  auto* why = compare.add_flag("--why", o.why, "Rank the assumptions that drive the effect (Morris on the effect); writes drivers.csv");
  why->needs(source);
  compare.add_option("--why-trajectories", o.why_trajectories, "Morris trajectories for --why (default 10)")
      ->check(CLI::Range(2, 10000))
      ->needs(why);
}

std::optional<AssumptionSetup> prepare_assumptions(const AssumptionOptions& o, const gov::LoadedScenario& base,
                                                   const std::vector<gov::LoadedScenario>& policies) {
  AssumptionSetup setup;
  setup.source = o.source;
  setup.district = o.district == "scenario" ? gov::AssumptionDistrict::scenario : gov::AssumptionDistrict::small;
  const auto arms = arms_of(base, policies);
  try {
    if (o.source == "default") {
      setup.factors = usable_default_factors(gov::default_assumption_factors(), arms, setup.district);
      if (setup.factors.empty()) {
        std::cerr << "shanzhi compare: --assumptions default: no assumption key has a plausible range that can vary "
                     "in this comparison (see `shanzhi params`); give a factor file of [[factor]] tables instead "
                     "(docs/experiments.md)\n";
        return std::nullopt;
      }
    } else {
      setup.factors = ex::load_factor_file(o.source, gov::governance_schema().infos());
      if (auto problems = gov::check_assumption_factors(setup.factors, arms, setup.district); !problems.empty())
        throw sim::ScenarioError(std::move(problems));
    }
  } catch (const sim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return std::nullopt;
  } catch (const std::logic_error& e) {  // a plausible range outside its key's range: the schema's mistake
    std::cerr << "shanzhi compare: --assumptions default: " << e.what() << "\n";
    return std::nullopt;
  }
  return setup;
}

std::string district_text(gov::AssumptionDistrict district) {
  if (district == gov::AssumptionDistrict::scenario) return "the scenarios' own district";
  return "the small district (" + gov::small_district_description() + ")";
}

bool drivers_failed(const AssumptionResults& r) { return r.drivers && !r.drivers->ok(); }

AssumptionResults run_assumptions(const AssumptionOptions& o, AssumptionSetup setup, const gov::LoadedScenario& base,
                                  const std::vector<gov::LoadedScenario>& policies,
                                  const std::vector<gov::Comparison>& comparisons, std::uint64_t master_seed) {
  AssumptionResults r;
  r.setup = std::move(setup);
  r.driver_plan = {.trajectories = o.why_trajectories,
                   .levels = morris_levels,
                   .replicates_per_point = o.replicates_per_draw,
                   .master_seed = master_seed};
  std::vector<sim::ScenarioDocument> documents;
  for (const auto* arm : arms_of(base, policies)) documents.push_back(arm->document);
  const auto arms = gov::arms_at_point(std::move(documents), r.setup.district);
  const auto metrics = gov::compared_metrics();

  const std::size_t arm_count = 1 + policies.size();
  const std::size_t factor_count = r.setup.factors.size();
  const std::size_t draw_runs = o.draws * o.replicates_per_draw * arm_count;
  const std::size_t driver_runs = o.why ? o.why_trajectories * (factor_count + 1) * o.replicates_per_draw * arm_count : 0;
  std::cout << "\nAssumption draws: " << o.draws << " Latin-hypercube draws of " << factor_count << " assumption"
            << (factor_count == 1 ? "" : "s") << " (" << (r.setup.source == "default" ? "default: plausible ranges" : r.setup.source)
            << ") x " << o.replicates_per_draw << " paired replicates x " << arm_count << " arms = " << draw_runs
            << " runs";
  if (o.why) std::cout << ", + " << driver_runs << " runs for --why (Morris, " << o.why_trajectories << " trajectories)";
  std::cout << ", on " << district_text(r.setup.district) << ", " << sim::thread_count() << " threads\n" << std::flush;

  const auto start = std::chrono::steady_clock::now();
  Progress progress(std::cerr, draw_runs + driver_runs, ::isatty(STDERR_FILENO) != 0);
  auto runs_done_after = [&](std::size_t runs_before) {
    return [&progress, runs_before, arm_count](std::size_t replicates, std::size_t) {
      progress.update(runs_before + replicates * arm_count);
    };
  };
  r.draws = ex::compare_under_assumptions(metrics, policies.size(), r.setup.factors,
                                          {o.draws, o.replicates_per_draw, master_seed}, arms, runs_done_after(0));
  if (o.why)
    r.drivers = ex::drivers_of_effect(metrics, policies.size(), r.setup.factors, r.driver_plan, arms,
                                      runs_done_after(draw_runs));
  progress.finish();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  for (const auto& c : comparisons) {
    std::vector<double> shown;
    for (const auto& m : c.metrics) shown.push_back(m.difference.mean);
    r.shown_effects.push_back(std::move(shown));
  }
  if (policies.size() > 1)
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      if (!metrics[m].headline) continue;
      std::vector<double> reference;
      for (const auto& shown : r.shown_effects) reference.push_back(shown[m]);
      r.rankings.push_back(ex::ranking_agreement(r.draws, m, reference));
    }
  return r;
}

void print_assumptions(const AssumptionResults& r, const std::vector<gov::Comparison>& comparisons,
                       const std::vector<std::string>& names, const std::string& baseline_name, bool all_metrics) {
  const std::size_t ok = r.draws.draws.size() - r.draws.failed_draws();
  std::printf("\n== Effects with their assumption uncertainty ==\n"
              "  %zu of %zu draws ran (%zu assumptions from %s), %zu paired replicates each (the same seeds in every "
              "draw),\n  on %s; the seed interval is from the scenarios' own values and district.\n",
              ok, r.draws.draws.size(), r.setup.factors.size(),
              r.setup.source == "default" ? "their plausible ranges" : r.setup.source.c_str(),
              r.draws.replicates_per_draw, district_text(r.setup.district).c_str());
  for (const auto& draw : r.draws.draws)
    if (!draw.ok()) {
      std::printf("  %zu draws failed; the first: %s\n", r.draws.failed_draws(), draw.error.c_str());
      break;
    }
  for (std::size_t p = 0; p < comparisons.size(); ++p) {
    if (names.size() > 1) std::printf("\n  %s against %s:", names[p].c_str(), baseline_name.c_str());
    print_policy_table(r, comparisons[p], p, all_metrics);
  }
  std::printf("\n  median and ranges: the effect across draws (each the mean of %zu replicates, so they include that "
              "seed noise);\n  P(sign) = share of draws whose effect has the sign of the seed interval's effect;\n"
              "  each row is rounded to what its wider uncertainty supports (assumptions.csv keeps every digit)\n",
              r.draws.replicates_per_draw);
  print_rankings(r, names);
  print_associations(r, names);
  print_drivers(r, names);
  std::printf("  Assumption draws ran in %.1f s\n", r.seconds);
}

}  // namespace shanzhi::cli
