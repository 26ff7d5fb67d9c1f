#include "models/governance/spec/validation.hpp"

#include "models/governance/recording/breakdown_metrics.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace shanzhi::gov {
namespace {

/// Where `key` was set, or the main file when it holds its default.
sim::SourceLocation where(const sim::ScenarioDocument& doc, const std::string& key) {
  auto it = doc.values.find(key);
  return it != doc.values.end() ? it->second.second : sim::SourceLocation{doc.path, 0, 0};
}

sim::Diagnostic error(const sim::ScenarioDocument& doc, const std::string& key, std::string message) {
  return {sim::Diagnostic::Severity::error, where(doc, key), key, std::move(message)};
}

std::string fmt(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

void check_sum_to_one(std::vector<sim::Diagnostic>& out, const sim::ScenarioDocument& doc, const GovernanceParameters& p,
                      const std::vector<std::string>& keys) {
  const auto& schema = governance_schema();
  double total = 0;
  std::string names;
  for (const auto& key : keys) {
    total += std::get<double>(schema.find(key)->get(p));
    names += (names.empty() ? "" : " + ") + key;
  }
  if (std::fabs(total - 1.0) > 1e-6)
    out.push_back(error(doc, keys.front(), names + " must sum to 1, but they sum to " + fmt(total) + "; rescale them"));
}

/// Breakdowns are kept in memory until the run ends and then written as breakdowns.csv; a large
/// district with frequent breakdowns can need more than a machine has (12,800 communities every
/// week: about 10 MB a week). Refused before the run, with the key to change.
void check_breakdown_size(std::vector<sim::Diagnostic>& out, const sim::ScenarioDocument& doc, const GovernanceParameters& p) {
  constexpr double bytes_per_row = 150;      // a row in memory: week, three strings, value
  constexpr double csv_bytes_per_row = 70;   // a line of breakdowns.csv
  constexpr double most_bytes = 2e9;         // an input guard (memory), not model behaviour
  const auto communities = static_cast<std::size_t>(p.district.streets * p.district.communities_per_street);
  const double rows_per_emit =
      static_cast<double>(breakdown_rows_per_emit(communities, static_cast<std::size_t>(p.district.streets)));
  const double rows = rows_per_emit * static_cast<double>(breakdown_emits(p.run));
  if (rows * bytes_per_row <= most_bytes) return;
  // The smallest cadence (a multiple of a quarter) that fits, if any.
  std::string advice = "set run.breakdown_every_weeks = 0 (the last week only)";
  for (std::int64_t every = 13; every <= p.run.weeks; every += 13) {
    RunParameters trial = p.run;
    trial.breakdown_every_weeks = every;
    if (rows_per_emit * static_cast<double>(breakdown_emits(trial)) * bytes_per_row <= most_bytes) {
      advice = "raise run.breakdown_every_weeks to " + fmt(static_cast<double>(every)) +
               " or more, or set it to 0 (the last week only)";
      break;
    }
  }
  out.push_back(error(doc, "run.breakdown_every_weeks",
                      "breakdowns would hold about " + fmt(std::round(rows / 1e6)) + " million rows (about " +
                          fmt(std::round(rows * bytes_per_row / 1e8) / 10) + " GB in memory and " +
                          fmt(std::round(rows * csv_bytes_per_row / 1e8) / 10) +
                          " GB in breakdowns.csv), more than the 2 GB a run may keep; " + advice));
}

}  // namespace

const std::vector<std::vector<std::string>>& weights_summing_to_one() {
  static const std::vector<std::vector<std::string>> groups{
      {"satisfaction.weight_quality", "satisfaction.weight_wait", "satisfaction.weight_fit"},
      {"purchase.award_weight_quality", "purchase.award_weight_price", "purchase.award_weight_embeddedness"},
  };
  return groups;
}

std::vector<std::pair<std::string, sim::ParamValue>> with_weights_rescaled(
    const sim::ScenarioDocument& doc, std::vector<std::pair<std::string, sim::ParamValue>> settings) {
  const auto& schema = governance_schema();
  const auto base = sim::resolve_parameters(doc, schema);
  for (const auto& group : weights_summing_to_one()) {
    std::vector<double> values;
    bool touched = false;
    for (const auto& key : group) {
      auto it = std::find_if(settings.begin(), settings.end(), [&](const auto& s) { return s.first == key; });
      touched = touched || it != settings.end();
      values.push_back(it != settings.end() ? std::get<double>(schema.find(key)->info.normalise(it->second))
                                            : std::get<double>(schema.find(key)->get(base)));
    }
    double total = 0;
    for (double v : values) total += v;
    if (!touched || total <= 0) continue;
    for (std::size_t i = 0; i < group.size(); ++i) {
      std::erase_if(settings, [&](const auto& s) { return s.first == group[i]; });
      settings.emplace_back(group[i], sim::ParamValue{values[i] / total});
    }
  }
  return settings;
}

std::vector<sim::Diagnostic> check_combination(const GovernanceParameters& p, const sim::ScenarioDocument& doc) {
  std::vector<sim::Diagnostic> out;
  for (const auto& group : weights_summing_to_one()) check_sum_to_one(out, doc, p, group);
  const auto& d = p.district;
  const double age_shares = d.share_age_0_14 + d.share_age_60_79 + d.share_age_80_plus;
  if (age_shares > 1.0)
    out.push_back(error(doc, "district.share_age_60_79",
                        "district.share_age_0_14 + share_age_60_79 + share_age_80_plus = " + fmt(age_shares) +
                            " leaves no room for residents aged 15–59; the three must sum to at most 1"));
  const double working_age = 1.0 - age_shares;
  if (age_shares <= 1.0 && d.migrant_share > working_age)
    out.push_back({sim::Diagnostic::Severity::warning, where(doc, "district.migrant_share"), "district.migrant_share",
                   "migrants are all of working age, but district.migrant_share " + fmt(d.migrant_share) +
                       " is more than the working-age share " + fmt(working_age) +
                       ": every resident aged 15–59 will be a migrant; allowed, but lower migrant_share"});
  const double residents = static_cast<double>(d.streets) * d.communities_per_street * d.residents_per_community;
  constexpr double max_residents = 20e6;  // ≈ 4 GB of resident state; well past any district
  if (residents > max_residents)
    out.push_back(error(doc, "district.residents_per_community",
                        "the district would have " + fmt(residents) + " residents (streets × communities_per_street × "
                        "residents_per_community); the limit is 20 million"));
  check_breakdown_size(out, doc, p);
  // A horizon shorter than the burn-in is legal (a quick look at the transition) but rarely
  // what a planner means: the yearly cycles (budget, tenders, appraisal) may never come round.
  if (p.run.weeks < p.run.burn_in_weeks) {
    const std::string key = doc.values.count("run.weeks") ? "run.weeks" : "run.burn_in_weeks";
    out.push_back({sim::Diagnostic::Severity::warning, where(doc, key), key,
                   "the run records " + fmt(p.run.weeks) + " weeks after a burn-in of " + fmt(p.run.burn_in_weeks) +
                       " weeks: the policies act for less time than the burn-in, so yearly cycles (budget, "
                       "tenders, appraisals) may not occur; allowed, but lengthen run.weeks to see the "
                       "reformed state"});
  }
  const auto w_res = doc.values.find("workforce.resident_evaluation_weight");
  if (w_res != doc.values.end() && p.workforce.resident_evaluation_weight < 0.5)
    out.push_back({sim::Diagnostic::Severity::warning, w_res->second.second, "workforce.resident_evaluation_weight",
                   "residents' weight " + fmt(p.workforce.resident_evaluation_weight) +
                       " is below the seed's floor of 50% (群众评价比重占50%以上); allowed for experiments"});
  return out;
}

LoadedScenario load_governance_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  const auto& schema = governance_schema();
  const auto infos = schema.infos();
  LoadedScenario loaded{sim::load_scenario(path, infos), {}};
  std::vector<sim::Diagnostic> errors;
  for (const auto& assignment : overrides) {
    try {
      sim::apply_override(loaded.document, assignment, infos);
    } catch (const sim::ScenarioError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!errors.empty()) throw sim::ScenarioError(errors);
  return checked_scenario(std::move(loaded.document));
}

LoadedScenario checked_scenario(sim::ScenarioDocument document) {
  LoadedScenario loaded{std::move(document), {}};
  loaded.parameters = sim::resolve_parameters(loaded.document, governance_schema());
  std::vector<sim::Diagnostic> errors;
  for (auto& d : check_combination(loaded.parameters, loaded.document)) {
    if (d.severity == sim::Diagnostic::Severity::error)
      errors.push_back(std::move(d));
    else
      loaded.document.warnings.push_back(std::move(d));
  }
  if (!errors.empty()) throw sim::ScenarioError(errors);
  return loaded;
}

GovernanceParameters parameters_with(const sim::ScenarioDocument& base,
                                     const std::vector<std::pair<std::string, sim::ParamValue>>& settings) {
  const auto& schema = governance_schema();
  sim::ScenarioDocument doc = base;
  std::vector<sim::Diagnostic> errors;
  for (const auto& [key, value] : settings) {
    const auto* entry = schema.find(key);
    const sim::SourceLocation where{"design point", 0, 0};
    if (!entry) {
      errors.push_back({sim::Diagnostic::Severity::error, where, key, "unknown key"});
      continue;
    }
    if (auto problem = entry->info.check(value); !problem.empty()) {
      errors.push_back({sim::Diagnostic::Severity::error, where, key, problem});
      continue;
    }
    doc.values[key] = {entry->info.normalise(value), where};
  }
  if (!errors.empty()) throw sim::ScenarioError(errors);
  GovernanceParameters params = sim::resolve_parameters(doc, schema);
  for (auto& d : check_combination(params, doc))
    if (d.severity == sim::Diagnostic::Severity::error) errors.push_back(std::move(d));
  if (!errors.empty()) throw sim::ScenarioError(errors);
  return params;
}

}  // namespace shanzhi::gov
