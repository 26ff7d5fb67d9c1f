// `shanzhi compare BASE POLICY [POLICY...]`: paired replicates with common random numbers; prints, for each
// headline metric, baseline, policy and the difference with its 95% interval, whether the number
// of replicates was enough, and the policy's cost-effectiveness against its full public cost
// (satisfaction per ¥1m a year and per ¥100 a resident, read by quadrant: a saving is
// satisfaction lost per ¥ saved), with several policies ranked by it;
// writes compare.csv, replicates.csv, timeseries_bands.csv and compare.json. With --assumptions,
// the same comparison across draws of the model's assumptions (compare_assumptions.*).

#include "cli/assumption_outputs.hpp"
#include "cli/commands.hpp"
#include "cli/compare_assumptions.hpp"
#include "cli/comparison_request.hpp"
#include "cli/output_directory.hpp"
#include "cli/run_summary.hpp"
#include "cli/for_whom.hpp"
#include "models/governance/experiments/comparison.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/experiments/reported_precision.hpp"
#include "sim/experiments/timeseries_bands.hpp"
#include "sim/build_info.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/json_writer.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/output/value_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <functional>
#include <memory>

namespace shanzhi::cli {
namespace {

struct CompareOptions {
  ComparisonRequest request;
  std::string out;
  bool force = false;
  bool all_metrics = false;
  bool excel = false;  ///< CSVs with a UTF-8 byte-order mark, for spreadsheet programs
};

/// Adds members to a policy's compare.json (the assumption draws); empty when there are none.
using JsonExtra = std::function<void(sim::JsonWriter&)>;

void print_table(const gov::Comparison& c, const CompareOptions& o) {
  std::printf("\n  %-30s %10s %10s %26s  %s\n", "metric (mean of last year)", "baseline", "policy",
              "difference [95% CI]", "replicates");
  // Numbers show the digits their 95% intervals support; compare.csv keeps every digit.
  for (const auto& m : c.metrics) {
    if (!o.all_metrics && !m.metric.headline) continue;
    // Each number to the digits its own 95% half-width supports (compare.csv keeps every digit).
    const auto& d = m.difference;
    const auto show = [&](double x, double half_width) { return display_value(m.metric, x, half_width); };
    const std::string interval = sim::experiments::shown_value(d.mean, m.metric.unit, d.half_width, true) + " [" +
                                 show(d.mean - d.half_width, d.half_width) + ", " +
                                 show(d.mean + d.half_width, d.half_width) + "]";
    std::printf("  %-30s %10s %10s %26s  %s\n", m.metric.name.c_str(),
                show(m.baseline_summary.mean, m.baseline_summary.half_width).c_str(),
                show(m.policy_summary.mean, m.policy_summary.half_width).c_str(), interval.c_str(),
                sim::experiments::precision_verdict(m).c_str());
  }
}

/// `yuan` rounded to the place of its uncertainty's leading digit (¥153,412 ± 4,800 → 153,000).
std::string yuan_text(double yuan, double half_width) {
  const double place = half_width > 1 ? std::pow(10.0, std::floor(std::log10(half_width))) : 1;
  const auto rounded = static_cast<std::int64_t>(std::llround(yuan / place) * static_cast<long long>(place));
  return (rounded < 0 ? "-¥" : "¥") + sim::grouped_digits(rounded < 0 ? -rounded : rounded);
}

/// The extra public cost per community a year: what a street office budgets for each community.
void print_cost_per_community(const sim::experiments::CostEffectiveness& ce, std::int64_t communities) {
  if (communities < 1 || ce.spending_difference.n == 0) return;
  const double per = 1e6 / static_cast<double>(communities);
  const auto& dc = ce.spending_difference;
  const double half = dc.half_width * per;
  std::printf("    per community: %s a year [95%% CI %s, %s] (the difference over the baseline's %lld communities)\n",
              yuan_text(dc.mean * per, half).c_str(), yuan_text((dc.mean - dc.half_width) * per, half).c_str(),
              yuan_text((dc.mean + dc.half_width) * per, half).c_str(), static_cast<long long>(communities));
}

void print_cost_effectiveness(const sim::experiments::CostEffectiveness& ce) {
  std::printf("\n  cost-effectiveness: %s against the full public cost a year (%s)\n", ce.outcome_metric.c_str(),
              ce.spending_metric.c_str());
  std::printf("    %s\n", sim::experiments::describe(ce).c_str());
  if (!ce.available) return;
  if (const auto per_resident = sim::experiments::describe_per_resident(ce); !per_resident.empty())
    std::printf("    per resident: %s\n", per_resident.c_str());
  const auto& dc = ce.spending_difference;
  std::printf("    = difference in %s (%+.2f points) / difference in %s paid in the last year (%+.3f ¥m a year);"
              " delta method\n",
              ce.outcome_metric.c_str(), ce.outcome_difference.mean, ce.spending_metric.c_str(), dc.mean);
}

/// With several policies: their cost-effectiveness in the order a planner would buy them
/// (sim::experiments::ranks_before).
void print_cost_ranking(const std::vector<gov::LoadedScenario>& policies,
                        const std::vector<sim::experiments::CostEffectiveness>& ce) {
  std::vector<std::size_t> order(ce.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return sim::experiments::ranks_before(ce[a], ce[b]); });
  std::printf("\n  cost-effectiveness ranking (full public cost; dominant, then gains by points per ¥1m, then savings "
              "by points lost per ¥1m saved, then dominated):\n");
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const auto i = order[rank];
    std::printf("  %2zu. %-30s %+8.3f ¥m/yr  %+7.2f points  %s\n", rank + 1, policies[i].document.name.c_str(),
                ce[i].spending_difference.mean, ce[i].outcome_difference.mean,
                sim::experiments::describe(ce[i]).c_str());
  }
}

/// The cost-effectiveness as compare.csv rows: the ratios in the difference columns, the quadrant
/// in the verdict column.
std::vector<std::vector<std::string>> cost_effectiveness_rows(const sim::experiments::CostEffectiveness& ce) {
  auto number = [&](double x) { return ce.available ? sim::format_number(x) : std::string(); };
  const std::string verdict = ce.available ? sim::experiments::to_string(ce.quadrant) + " (delta method)"
                                           : "n/a: " + ce.unavailable_reason;
  // Which way is better depends on the quadrant: more points per ¥ spent, fewer lost per ¥ saved.
  const std::string direction = ce.quadrant == sim::experiments::CostQuadrant::gain     ? "higher"
                                : ce.quadrant == sim::experiments::CostQuadrant::saving ? "lower"
                                                                                        : "neutral";
  const auto& q = ce.points_per_million;
  std::vector<std::vector<std::string>> rows{
      {"satisfaction_per_million_yuan", "points per ¥1m a year", direction, "", "", "", "", number(q.ratio),
       number(q.low), number(q.high), std::to_string(ce.outcome_difference.n), verdict,
       "difference in " + ce.outcome_metric + " / difference in " + ce.spending_metric +
           " (¥m paid in the last 52 recorded weeks); a saving's ratio is points lost per ¥1m saved"}};
  const auto& r = ce.points_per_100_yuan_per_resident;
  if (!ce.per_resident_metric.empty()) {
    auto per_resident = [&](double x) { return ce.available && r.n > 0 ? sim::format_number(x) : std::string(); };
    rows.push_back({"satisfaction_per_100_yuan_per_resident", "points per ¥100 a resident a year", direction, "", "", "",
                    "", per_resident(r.ratio), per_resident(r.low), per_resident(r.high),
                    std::to_string(ce.outcome_difference.n), verdict,
                    "difference in " + ce.outcome_metric + " / difference in " + ce.per_resident_metric +
                        " / 100 (¥ a resident paid in the last 52 recorded weeks)"});
  }
  return rows;
}

std::string comparison_csv(const gov::Comparison& c, const sim::experiments::CostEffectiveness& ce) {
  std::string out;
  sim::append_csv_line(out, {"metric", "unit", "direction", "baseline_mean", "baseline_half_width", "policy_mean",
                             "policy_half_width", "difference", "difference_low", "difference_high", "replicates",
                             "verdict", "statistic"});
  for (const auto& m : c.metrics) {
    const auto& d = m.difference;
    sim::append_csv_line(out, {sim::csv_field(m.metric.name), sim::csv_field(m.metric.unit),
                               std::string(sim::to_string(m.metric.direction)),
                               sim::format_number(m.baseline_summary.mean), sim::format_number(m.baseline_summary.half_width),
                               sim::format_number(m.policy_summary.mean), sim::format_number(m.policy_summary.half_width),
                               sim::format_number(d.mean), sim::format_number(d.mean - d.half_width),
                               sim::format_number(d.mean + d.half_width), std::to_string(d.n),
                               sim::csv_field(sim::experiments::precision_verdict(m)), sim::csv_field(m.statistic)});
  }
  for (const auto& row : cost_effectiveness_rows(ce)) sim::append_csv_line(out, row);
  return out;
}

std::string bands_csv(const gov::Comparison& c) {
  std::string out;
  sim::append_csv_line(out, {"week", "metric", "arm", "mean", "lo", "hi"});
  for (const auto& b : sim::experiments::timeseries_bands(c)) {
    const auto& i = b.band;
    sim::append_csv_line(out, {std::to_string(b.week), c.metrics[b.metric].metric.name, std::string(sim::experiments::to_string(b.arm)),
                               sim::format_number(i.mean), sim::format_number(i.mean - i.half_width),
                               sim::format_number(i.mean + i.half_width)});
  }
  return out;
}

std::string replicates_csv(const gov::Comparison& c) {
  std::string out;
  sim::append_csv_line(out, {"replicate", "seed", "metric", "baseline", "policy", "difference"});
  for (std::size_t r = 0; r < c.replicates; ++r)
    for (const auto& m : c.metrics)
      sim::append_csv_line(out, {std::to_string(r), std::to_string(c.seeds[r]), m.metric.name,
                                 sim::format_number(m.baseline[r]), sim::format_number(m.policy[r]),
                                 sim::format_number(m.policy[r] - m.baseline[r])});
  return out;
}

void interval_json(sim::JsonWriter& json, const sim::experiments::MeanInterval& i) {
  json.begin_object();
  json.key("mean").value(i.mean);
  json.key("low").value(i.mean - i.half_width);
  json.key("high").value(i.mean + i.half_width);
  json.end_object();
}

void cost_effectiveness_json(sim::JsonWriter& json, const sim::experiments::CostEffectiveness& ce) {
  json.key("cost_effectiveness").begin_object();
  json.key("outcome_metric").value(ce.outcome_metric);
  json.key("spending_metric").value(ce.spending_metric);
  json.key("spending_statistic").value("CNY paid in the last 52 recorded weeks");
  json.key("method").value("ratio of paired mean differences; 95% interval by the delta method (Student t, R-1 df)");
  json.key("outcome_difference_points");
  interval_json(json, ce.outcome_difference);
  json.key("spending_difference_million_yuan");
  interval_json(json, ce.spending_difference);
  json.key("available").value(ce.available);
  json.key("quadrant").value(sim::experiments::to_string(ce.quadrant));
  json.key("reading").value(sim::experiments::describe(ce));
  if (ce.available) {
    json.key("points_per_million_yuan").begin_object();
    json.key("ratio").value(ce.points_per_million.ratio);
    json.key("low").value(ce.points_per_million.low);
    json.key("high").value(ce.points_per_million.high);
    json.end_object();
    if (ce.points_per_100_yuan_per_resident.n > 0) {
      json.key("per_resident_metric").value(ce.per_resident_metric);
      json.key("spending_difference_yuan_per_resident");
      interval_json(json, ce.spending_per_resident_difference);
      json.key("points_per_100_yuan_per_resident").begin_object();
      json.key("ratio").value(ce.points_per_100_yuan_per_resident.ratio);
      json.key("low").value(ce.points_per_100_yuan_per_resident.low);
      json.key("high").value(ce.points_per_100_yuan_per_resident.high);
      json.end_object();
    }
  } else {
    json.key("points_per_million_yuan").null_value();
    json.key("reason").value(ce.unavailable_reason);
  }
  json.end_object();
}

/// The keys the policy sets to another value than the baseline, with where each came from (a
/// file:line, "--with"): the whole policy, also when it was composed on the command line.
void policy_changes_json(sim::JsonWriter& json, const gov::LoadedScenario& base, const gov::LoadedScenario& policy) {
  json.key("changes").begin_array();
  for (const auto& [key, entry] : policy.document.values) {
    const auto in_base = base.document.values.find(key);
    if (in_base != base.document.values.end() && in_base->second.first == entry.first) continue;
    json.begin_object();
    json.key("key").value(key);
    json.key("value").value(sim::format_value(entry.first));
    json.key("source").value(entry.second.describe());
    json.end_object();
  }
  json.end_array();
}

std::string comparison_json(const CompareOptions& o, const gov::LoadedScenario& base, const gov::LoadedScenario& policy,
                            const gov::Comparison& c, const sim::experiments::CostEffectiveness& ce, double seconds,
                            const JsonExtra& extra) {
  sim::JsonWriter json;
  json.begin_object();
  json.key("shanzhi_version").value(std::string(sim::shanzhi_version()));
  json.key("git_commit").value(std::string(sim::shanzhi_git_commit()));
  json.key("command_line").value(invocation());
  json.key("replicates").value(static_cast<std::int64_t>(c.replicates));
  json.key("master_seed").value(std::to_string(o.request.seed));
  json.key("seeds").begin_array();
  for (auto s : c.seeds) json.value(std::to_string(s));
  json.end_array();
  json.key("statistic").value("mean over the last 52 recorded weeks (year-to-date money: paid in those weeks)");
  json.key("wall_seconds").value(seconds);
  cost_effectiveness_json(json, ce);
  if (const auto communities = community_count(base);
      communities > 0 && ce.spending_difference.n > 0) {
    const double per = 1e6 / static_cast<double>(communities);
    const auto& dc = ce.spending_difference;
    json.key("public_cost_difference_yuan_per_community").begin_object();
    json.key("communities").value(static_cast<std::int64_t>(communities));
    json.key("mean").value(dc.mean * per);
    json.key("low").value((dc.mean - dc.half_width) * per);
    json.key("high").value((dc.mean + dc.half_width) * per);
    json.end_object();
  }
  if (extra) extra(json);
  for (const auto* scenario : {&base, &policy}) {
    json.key(scenario == &base ? "baseline" : "policy").begin_object();
    json.key("name").value(scenario->document.name);
    json.key("path").value(scenario->document.path);
    json.key("files").begin_array();
    for (const auto& [path, text] : scenario->document.sources) {
      json.begin_object();
      json.key("path").value(path);
      json.key("text").value(text);
      json.end_object();
    }
    json.end_array();
    if (scenario == &policy) policy_changes_json(json, base, policy);
    json.end_object();
  }
  json.end_object();
  return json.str();
}

/// Folder names for several policies' results: the scenario name, made unique.
std::vector<std::string> result_folder_names(const std::vector<gov::LoadedScenario>& policies) {
  std::vector<std::string> names;
  for (const auto& p : policies) {
    std::string name;
    for (unsigned char ch : p.document.name) name += (std::isalnum(ch) || ch == '-' || ch == '_') ? static_cast<char>(ch) : '_';
    if (name.empty()) name = "policy";
    const std::string stem = name;
    for (int n = 2; std::find(names.begin(), names.end(), name) != names.end(); ++n) name = stem + "-" + std::to_string(n);
    names.push_back(name);
  }
  return names;
}

void write_comparison_files(const std::filesystem::path& dir, const CompareOptions& o, const gov::LoadedScenario& base,
                            const gov::LoadedScenario& policy, const gov::Comparison& result,
                            const sim::experiments::CostEffectiveness& ce, double seconds, const JsonExtra& extra) {
  std::filesystem::create_directories(dir);
  // All or nothing: on a write failure the files already written are removed again.
  write_result_files(dir, for_spreadsheets({{"compare.csv", comparison_csv(result, ce)},
                                            {"replicates.csv", replicates_csv(result)},
                                            {"timeseries_bands.csv", bands_csv(result)},
                                            {"for_whom.csv", for_whom_csv(result)},
                                            {"compare.json", comparison_json(o, base, policy, result, ce, seconds, extra)}},
                                           o.excel));
}

void print_comparison(const gov::Comparison& result, const sim::experiments::CostEffectiveness& ce,
                      const gov::LoadedScenario& base, const CompareOptions& o) {
  print_table(result, o);
  print_cost_effectiveness(ce);
  print_cost_per_community(ce, community_count(base));
  print_for_whom(result);
}

/// Writes every policy's files into the staging folder; false (said on stderr) when one failed.
bool write_all_files(const OutputDirectory& out, const CompareOptions& o, const LoadedComparison& loaded,
                     const ComparisonResults& results, const std::vector<std::string>& folders) {
  const bool several = loaded.policies.size() > 1;
  try {
    for (std::size_t i = 0; i < loaded.policies.size(); ++i) {
      JsonExtra extra;
      if (results.assumptions)
        extra = [&, i](sim::JsonWriter& json) {
          assumptions_json(json, *results.assumptions, i, results.comparisons[i], folders);
        };
      write_comparison_files(several ? out.writing() / folders[i] : out.writing(), o, loaded.base, loaded.policies[i],
                             results.comparisons[i], results.cost_effectiveness[i], results.seconds, extra);
    }
    if (results.assumptions)
      write_result_files(out.writing(),
                         for_spreadsheets(assumption_files(*results.assumptions, results.comparisons, folders), o.excel));
  } catch (const std::exception& e) {
    std::cerr << "shanzhi compare: " << e.what() << "\n";
    return false;
  }
  return true;
}

void print_where_results_are(const OutputDirectory& out, const ComparisonResults& results, bool several) {
  std::cout << "Ran in " << std::fixed << std::setprecision(1) << results.seconds << " s. Results in "
            << out.path.string() << (several ? "/POLICY/" : "/")
            << " (compare.csv, replicates.csv, timeseries_bands.csv, for_whom.csv, compare.json)\n";
  if (const auto& a = results.assumptions)
    std::cout << "Assumption files in " << out.path.string() << "/ (assumptions.csv, assumption_draws.csv, assumption_bands.csv"
              << (a->rankings.empty() ? "" : ", ranking.csv") << ", assumption_screening.csv"
              << (a->drivers && a->drivers->ok() ? ", drivers.csv" : "") << ")\n";
}

int compare(const CompareOptions& o) {
  auto loaded = load_comparison(o.request, "shanzhi compare");
  if (!loaded) return exit_bad_input;
  OutputDirectory out;
  try {
    out = prepare_output_directory(o.out, "compare-" + comparison_label(*loaded), o.request.seed, o.force);
  } catch (const OutputRefused& e) {
    std::cerr << "shanzhi compare: " << e.what() << "\n";
    return exit_bad_input;
  }
  ComparisonResults results;
  try {
    results = run_comparison(o.request, *loaded);
  } catch (const std::exception& e) {
    std::cerr << "shanzhi compare: assumption draws: " << e.what() << "\n";
    return exit_failure;
  }
  const auto& policies = loaded->policies;
  const bool several = policies.size() > 1;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    if (several) std::cout << "\n== " << policies[i].document.name << " against " << loaded->base.document.name << " ==\n";
    print_comparison(results.comparisons[i], results.cost_effectiveness[i], loaded->base, o);
  }
  if (several) print_cost_ranking(policies, results.cost_effectiveness);
  std::cout << "\n  difference = policy − baseline, paired by seed; 'enough' = 95% interval within ±25% of the effect;\n"
            << "  money (*spent_year) = paid in the last 52 weeks\n" << std::flush;
  const auto folders = result_folder_names(policies);
  if (results.assumptions)
    print_assumptions(*results.assumptions, results.comparisons, folders, loaded->base.document.name, o.all_metrics);
  if (!write_all_files(out, o, *loaded, results, folders)) return exit_failure;
  try {
    publish(out);
  } catch (const std::exception& e) {
    std::cerr << "shanzhi compare: " << e.what() << "\n";
    return exit_failure;
  }
  print_where_results_are(out, results, several);
  if (results.assumptions && drivers_failed(*results.assumptions)) return exit_failure;
  return exit_ok;
}

}  // namespace

Command add_compare_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("compare", "Compare a policy scenario with a baseline (paired replicates, 95% CIs)");
  auto o = std::make_shared<CompareOptions>();
  add_comparison_options(*cmd, o->request);
  cmd->add_option("--out", o->out, "Output directory (default: results/runs/compare-BASE-vs-POLICY-...)");
  cmd->add_flag("--force", o->force, "Overwrite results already in --out");
  cmd->add_flag("--all", o->all_metrics, "Print every metric, not only the headline ones");
  cmd->add_flag("--excel", o->excel,
                "Start each CSV with a UTF-8 byte-order mark, so spreadsheet programs show Chinese names correctly");
  return {cmd, [o] { return compare(*o); }};
}

}  // namespace shanzhi::cli
