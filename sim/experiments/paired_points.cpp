#include "sim/experiments/paired_points.hpp"

#include <omp.h>

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

/// What one replicate (every arm, one seed) at one point leaves behind: its paired differences.
struct ReplicateEffects {
  std::string error;
  std::vector<double> effects;  ///< [p · metrics + m]
  std::vector<double> weekly;   ///< [(p · rows + w) · metrics + m]
  std::vector<int> weeks;       ///< the rows every arm recorded
};

std::string message_of(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

/// Checks the shape of the runs a runner returned: one per arm, one column per metric, aligned rows.
void check_shape(const std::vector<RunSeries>& runs, std::size_t arms, std::size_t metrics) {
  if (runs.size() != arms) throw std::logic_error("a replicate runner returned the wrong number of arms");
  for (const auto& run : runs) {
    if (run.columns.size() != metrics) throw std::logic_error("a run returned the wrong number of metric columns");
    for (const auto& column : run.columns)
      if (column.size() != run.weeks.size()) throw std::logic_error("a run's metric column and weeks differ in length");
  }
}

ReplicateEffects paired_differences(const std::vector<RunSeries>& runs, const std::vector<MetricInfo>& metrics,
                                    std::size_t policies, bool keep_weekly) {
  check_shape(runs, 1 + policies, metrics.size());
  ReplicateEffects out;
  const RunSeries& base = runs.front();
  for (std::size_t p = 0; p < policies; ++p)
    for (std::size_t m = 0; m < metrics.size(); ++m)
      out.effects.push_back(summary_statistic(runs[1 + p], m, metrics[m]) - summary_statistic(base, m, metrics[m]));
  if (!keep_weekly) return out;
  std::size_t rows = base.weeks.size();
  for (const auto& run : runs) rows = std::min(rows, run.weeks.size());
  out.weeks.assign(base.weeks.begin(), base.weeks.begin() + static_cast<std::ptrdiff_t>(rows));
  for (std::size_t p = 0; p < policies; ++p)
    for (std::size_t w = 0; w < rows; ++w)
      for (std::size_t m = 0; m < metrics.size(); ++m)
        out.weekly.push_back(runs[1 + p].columns[m][w] - base.columns[m][w]);
  return out;
}

/// Averages the replicates of one point in replicate order (so sums do not depend on threads).
PointEffects mean_over_replicates(const std::vector<ReplicateEffects>& replicates, const std::vector<std::uint64_t>& seeds,
                                  std::size_t metrics, std::size_t policies) {
  PointEffects point;
  for (std::size_t r = 0; r < replicates.size(); ++r)
    if (!replicates[r].error.empty()) {
      point.error = "replicate " + std::to_string(r) + " (seed " + std::to_string(seeds[r]) + "): " + replicates[r].error;
      return point;
    }
  const double n = static_cast<double>(replicates.size());
  point.effects.assign(replicates.front().effects.size(), 0.0);
  for (const auto& replicate : replicates)
    for (std::size_t i = 0; i < point.effects.size(); ++i) point.effects[i] += replicate.effects[i] / n;

  std::size_t rows = replicates.front().weeks.size();
  for (const auto& replicate : replicates) rows = std::min(rows, replicate.weeks.size());
  if (rows == 0) return point;
  point.weeks.assign(replicates.front().weeks.begin(), replicates.front().weeks.begin() + static_cast<std::ptrdiff_t>(rows));
  point.weekly.assign(policies * rows * metrics, 0.0);
  for (const auto& replicate : replicates) {
    const std::size_t own_rows = replicate.weeks.size();
    for (std::size_t p = 0; p < policies; ++p)
      for (std::size_t w = 0; w < rows; ++w)
        for (std::size_t m = 0; m < metrics; ++m)
          point.weekly[(p * rows + w) * metrics + m] += replicate.weekly[(p * own_rows + w) * metrics + m] / n;
  }
  return point;
}

}  // namespace

std::vector<PointEffects> run_paired_points(const std::vector<std::vector<Setting>>& points,
                                            const std::vector<std::uint64_t>& seeds,
                                            const std::vector<MetricInfo>& metrics, std::size_t policies,
                                            bool keep_weekly, const ArmsAtPoint& arms,
                                            const ReplicateProgress& progress) {
  if (seeds.empty()) throw std::invalid_argument("paired points need at least one replicate seed");
  // Settings are turned into runners first, on this thread: a point that is not a valid scenario
  // fails here once instead of once per replicate.
  std::vector<ReplicateRunner> runners(points.size());
  std::vector<std::string> preparation_errors(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    try {
      runners[i] = arms(points[i]);
    } catch (const std::exception& e) {
      preparation_errors[i] = e.what();
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> tasks;  // (point, replicate)
  for (std::size_t i = 0; i < points.size(); ++i)
    if (preparation_errors[i].empty())
      for (std::size_t r = 0; r < seeds.size(); ++r) tasks.emplace_back(i, r);

  std::vector<std::vector<ReplicateEffects>> results(points.size(), std::vector<ReplicateEffects>(seeds.size()));
  std::size_t done = 0;
  const int levels = omp_get_max_active_levels();
  omp_set_max_active_levels(1);  // each model runs its own loops on its task's thread
#pragma omp parallel for schedule(dynamic, 1)
  for (std::ptrdiff_t t = 0; t < static_cast<std::ptrdiff_t>(tasks.size()); ++t) {
    const auto [point, replicate] = tasks[static_cast<std::size_t>(t)];
    ReplicateEffects& slot = results[point][replicate];
    try {
      slot = paired_differences(runners[point](seeds[replicate]), metrics, policies, keep_weekly);
    } catch (...) {
      slot = ReplicateEffects{};
      slot.error = message_of(std::current_exception());
    }
#pragma omp critical(shanzhi_paired_points_progress)
    {
      ++done;
      try {  // a progress line that cannot be shown must not stop the runs
        if (progress) progress(done, tasks.size());
      } catch (...) {
      }
    }
  }
  omp_set_max_active_levels(levels);

  std::vector<PointEffects> out;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!preparation_errors[i].empty()) {
      out.push_back(PointEffects{preparation_errors[i], {}, {}, {}});
      continue;
    }
    out.push_back(mean_over_replicates(results[i], seeds, metrics.size(), policies));
  }
  return out;
}

}  // namespace shanzhi::sim::experiments
