#include "sim/optimization/evaluator.hpp"

#include "sim/random.hpp"

#include <omp.h>

#include <algorithm>
#include <exception>
#include <limits>

namespace shanzhi::sim::optimization {
namespace {

/// Mixed into the master seed for the report's replicates, so they share no seed with the search.
constexpr std::uint64_t report_stream = 0x7265706F7274ull;  // "report"
/// Mixed into the master seed for sampling scenarios, so they do not follow the runs' seeds.
constexpr std::uint64_t scenario_stream = 0x7363656E6172ull;  // "scenar"

/// A point's identity: its settings in shortest round-trip form (exact for doubles).
std::string key_of(const ex::Settings& settings) {
  std::string key;
  for (const auto& [name, value] : settings) key += name + "=" + format_value(value) + ";";
  return key;
}

}  // namespace

std::uint64_t ReplicateSet::seed(std::size_t scenario, std::size_t k) const {
  if (nested) return derive_seed(derive_seed(master_seed, scenario), k) >> 11;
  return ex::run_seed(master_seed, scenario, count, k);
}

ReplicateSet search_replicates(const RunSetup& setup) {
  return {0, static_cast<std::size_t>(setup.replicates), setup.master_seed, false};
}

ReplicateSet report_replicates(const RunSetup& setup, std::size_t count) {
  return {static_cast<std::size_t>(setup.replicates), count, derive_seed(setup.master_seed, report_stream), true};
}

Scenarios sample_scenarios(const RunSetup& setup, std::size_t count) {
  Scenarios scenarios;
  if (setup.uncertainties.empty()) {
    scenarios.unit.emplace_back();
    scenarios.settings.emplace_back();
    return scenarios;
  }
  ex::DesignSpec spec;
  spec.kind = ex::DesignKind::latin_hypercube;
  spec.samples = static_cast<std::int64_t>(count);
  spec.seed = derive_seed(setup.master_seed, scenario_stream);
  const auto design = ex::build_design(spec, setup.uncertainties.size(), {});
  for (std::size_t s = 0; s < design.point_count(); ++s) {
    std::vector<double> unit;
    ex::Settings settings;
    for (std::size_t j = 0; j < setup.uncertainties.size(); ++j) {
      unit.push_back(design.at(s, j));
      settings.emplace_back(setup.uncertainties[j].key, setup.uncertainties[j].value_at(design.at(s, j)));
    }
    scenarios.unit.push_back(std::move(unit));
    scenarios.settings.push_back(std::move(settings));
  }
  return scenarios;
}

struct Evaluator::Job {
  std::size_t policy = 0, scenario = 0, k = 0;
  ex::RunPlan plan;
  bool twin = false;  ///< the same run is already queued for another candidate of the batch
  ex::RunOutcome outcome;
};

Evaluator::Evaluator(const RunSetup& setup, std::vector<Target> targets, Scenarios scenarios, ex::ResultsStore& store,
                     RunFunction run, int threads)
    : setup_(setup), targets_(std::move(targets)), scenarios_(std::move(scenarios)), store_(store), run_(std::move(run)),
      threads_(std::max(1, threads)) {
  for (const auto& target : targets_) outcome_specs_.push_back(target.outcome());
  const auto stored = store_.read_all();
  for (const auto& point : stored.points) {
    point_by_key_[key_of(point.settings)] = point.index;
    next_point_ = std::max(next_point_, point.index + 1);
  }
  for (const auto& r : stored.runs) {
    stored_[{r.point, r.replicate}] = r.ok ? r.values : std::vector<double>(targets_.size(), std::numeric_limits<double>::quiet_NaN());
    if (!r.ok) stored_errors_[{r.point, r.replicate}] = r.error;
  }
}

ex::Settings Evaluator::lever_settings(const std::vector<double>& unit) const {
  ex::Settings settings;
  for (std::size_t j = 0; j < setup_.levers.size(); ++j)
    settings.emplace_back(setup_.levers[j].key, setup_.levers[j].value_at(std::clamp(unit[j], 0.0, 1.0)));
  return settings;
}

std::size_t Evaluator::point_of(const std::vector<double>& lever_unit, std::size_t scenario) {
  ex::DesignPoint point;
  point.settings = lever_settings(lever_unit);
  point.unit = lever_unit;
  for (auto& u : point.unit) u = std::clamp(u, 0.0, 1.0);
  point.settings.insert(point.settings.end(), scenarios_.settings[scenario].begin(), scenarios_.settings[scenario].end());
  point.unit.insert(point.unit.end(), scenarios_.unit[scenario].begin(), scenarios_.unit[scenario].end());
  const auto key = key_of(point.settings);
  if (const auto found = point_by_key_.find(key); found != point_by_key_.end()) return found->second;
  point.index = next_point_++;
  store_.add_point(point);
  point_by_key_[key] = point.index;
  return point.index;
}

void Evaluator::run_jobs(std::vector<Job>& jobs) {
  std::exception_ptr store_failure;
  omp_set_max_active_levels(1);  // each model runs its own loops on its thread
  const int threads = std::max(1, std::min<int>(threads_, static_cast<int>(jobs.size())));
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    jobs[i].outcome = run_(jobs[i].plan, targets_);
#pragma omp critical(shanzhi_results_store)
    {
      try {
        if (!store_failure) store_.record(jobs[i].plan, jobs[i].outcome, outcome_specs_);
      } catch (...) {
        store_failure = std::current_exception();
      }
    }
  }
  if (store_failure) std::rethrow_exception(store_failure);
}

std::vector<PolicyResult> Evaluator::evaluate(const std::vector<std::vector<double>>& policies, const ReplicateSet& set) {
  const auto nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<PolicyResult> results(policies.size());
  std::vector<Job> jobs;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    auto& result = results[i];
    result.unit = policies[i];
    for (auto& u : result.unit) u = std::clamp(u, 0.0, 1.0);
    result.levers = lever_settings(result.unit);
    result.values.assign(scenarios_.size(), std::vector<std::vector<double>>(set.count, std::vector<double>(targets_.size(), nan)));
    for (std::size_t s = 0; s < scenarios_.size(); ++s) {
      const std::size_t point = point_of(result.unit, s);
      for (std::size_t k = 0; k < set.count; ++k) {
        const ex::RunKey key{point, set.first_index + k};
        if (const auto found = stored_.find(key); found != stored_.end()) {
          result.values[s][k] = found->second;
          if (const auto error = stored_errors_.find(key); error != stored_errors_.end())
            result.errors.push_back(error->second);
          ++reused_;
          continue;
        }
        // The same run can be asked for twice in one batch (two identical candidates): run once.
        const bool queued = std::any_of(jobs.begin(), jobs.end(), [&](const Job& j) {
          return j.plan.point == key.first && j.plan.replicate == key.second;
        });
        Job job{i, s, k, {point, key.second, set.seed(s, k), result.levers}, queued, {}};
        job.plan.settings.insert(job.plan.settings.end(), scenarios_.settings[s].begin(), scenarios_.settings[s].end());
        jobs.push_back(std::move(job));
      }
    }
  }
  std::vector<Job> unique;
  for (const auto& job : jobs)
    if (!job.twin) unique.push_back(job);
  run_jobs(unique);
  simulated_ += unique.size();
  for (const auto& job : unique) {
    const ex::RunKey key{job.plan.point, job.plan.replicate};
    stored_[key] = job.outcome.ok ? job.outcome.values : std::vector<double>(targets_.size(), nan);
    if (!job.outcome.ok) stored_errors_[key] = job.outcome.error;
  }
  for (const auto& job : jobs) {
    const ex::RunKey key{job.plan.point, job.plan.replicate};
    results[job.policy].values[job.scenario][job.k] = stored_[key];
    if (const auto error = stored_errors_.find(key); error != stored_errors_.end())
      results[job.policy].errors.push_back(error->second);
  }
  return results;
}

}  // namespace shanzhi::sim::optimization
