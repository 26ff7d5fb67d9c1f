#pragma once
// An optimization's results in the window (the Planning tab): open the database `shanzhi
// optimize` wrote, place every evaluated policy on two chosen axes (objectives, the budget's cost
// or the search order) with the Pareto front and the report's re-evaluated intervals, and turn a
// policy into a run to watch. The logic without a window, unit-tested in viz/tests.
//
// A loaded policy runs as a planner would check it: the optimization's base scenario with the
// optimization's weeks and burn-in, the policy's levers as the scenario's reform values (in force
// from week 0, as in the runs that scored it), the base scenario's own seed, and compare mode
// against the base scenario itself (same seed and weeks) as the baseline.

#include "core/run_setup.hpp"
#include "sim/optimization/planning_results.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace shanzhi::viz {

namespace opt = sim::optimization;

struct PlanningSession {
  std::string path;  ///< the database as opened
  opt::PlanningResults results;
};

/// The result of opening a database: a session, or the reason it cannot be shown.
struct PlanningOpen {
  std::optional<PlanningSession> session;
  std::string error;
};

/// Opens an optimization database. A missing file, a file that is not a results database, a
/// sweep's database or an unreadable one gives `error` (never throws). A relative base scenario
/// path that does not exist from the working directory is looked up under `fallback_root` (the
/// repository: optimizations are usually run from there).
PlanningOpen open_planning(const std::filesystem::path& database, const std::filesystem::path& fallback_root = {});

/// What an axis of the planning plot shows.
struct PlanningAxis {
  enum class Kind { objective, cost, evaluation } kind = Kind::objective;
  std::size_t objective = 0;  ///< for Kind::objective
};

/// Every axis the results offer: each objective, the budget's cost (with a budget), the search
/// order ("evaluation").
std::vector<PlanningAxis> planning_axes(const opt::PlanningResults& results);
/// The default pair: the first two objectives; with one objective, search order against it.
std::pair<std::size_t, std::size_t> default_axes(const opt::PlanningResults& results);

/// One policy on the plot.
struct PlanningPoint {
  std::size_t policy = 0;  ///< index into results.policies (its evaluation order)
  double x = 0, y = 0;
  bool on_front = false;
  bool within_budget = true;
  /// The report's re-evaluation on fresh replicates, when it has one on either axis: where the
  /// policy lies by it (axes without an interval keep the search value) and the 95% intervals.
  bool reevaluated = false;
  double fresh_x = 0, fresh_y = 0;
  bool has_x_interval = false, has_y_interval = false;
  double x_low = 0, x_high = 0, y_low = 0, y_high = 0;
};

/// The policies with finite values on both axes (failed or interrupted evaluations are left
/// out), front points last so they are drawn on top.
std::vector<PlanningPoint> planning_points(const opt::PlanningResults& results, const PlanningAxis& x_axis,
                                           const PlanningAxis& y_axis);

/// Indices into `points` of the front points in increasing x, for the line that joins them.
std::vector<std::size_t> front_line(const std::vector<PlanningPoint>& points);

/// The number the window shows for `policy`: its id in the `evaluation` column of the CSV
/// `shanzhi optimize` writes (0 = first evaluated). Policies are in the search's first-evaluation
/// order, as the report's evaluations are (one per distinct lever settings).
inline std::size_t evaluation_id(std::size_t policy) { return policy; }

/// How many policies are on the front (with one objective: the best, with any exact ties).
std::size_t front_size(const opt::PlanningResults& results);

/// The value of `axis` for `policy` (NaN when the policy has none).
double axis_value(const opt::PlanningResults& results, std::size_t policy, const PlanningAxis& axis);

/// The run of a policy as described at the top of this file. Throws sim::ScenarioError when the
/// base scenario cannot be read or the levers are invalid with it.
RunSetup policy_run_setup(const opt::PlanningResults& results, std::size_t policy);

}  // namespace shanzhi::viz
