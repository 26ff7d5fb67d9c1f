#include "core/planning.hpp"

#include "models/governance/spec/validation.hpp"
#include "sim/experiments/results_store.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shanzhi::viz {
namespace {

constexpr double no_value = std::numeric_limits<double>::quiet_NaN();

/// The base scenario as the optimization named it, or under `root` when that path does not
/// exist from here (a relative path from the folder the optimization ran in).
std::string resolve_base(const std::string& base, const std::filesystem::path& root) {
  std::error_code ec;
  const std::filesystem::path path(base);
  if (std::filesystem::exists(path, ec) || path.is_absolute() || root.empty()) return base;
  const auto under_root = root / path;
  return std::filesystem::exists(under_root, ec) ? under_root.lexically_normal().string() : base;
}

/// The re-evaluated value and interval of `axis` for `policy`, if the report has them.
bool axis_interval(const opt::PlanningResults& results, std::size_t policy, const PlanningAxis& axis, double& value,
                   double& low, double& high) {
  const auto& p = results.policies[policy];
  if (axis.kind != PlanningAxis::Kind::objective || axis.objective >= p.reevaluated.size()) return false;
  const auto& interval = p.reevaluated[axis.objective];
  if (!std::isfinite(interval.value) || !std::isfinite(interval.low) || !std::isfinite(interval.high)) return false;
  value = interval.value;
  low = interval.low;
  high = interval.high;
  return true;
}

}  // namespace

PlanningOpen open_planning(const std::filesystem::path& database, const std::filesystem::path& fallback_root) {
  PlanningOpen out;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(database, ec)) {
    out.error = database.string() + ": no such file";
    return out;
  }
  try {
    PlanningSession session;
    session.path = database.string();
    session.results = opt::load_planning_results(database);
    session.results.base_path = resolve_base(session.results.base_path, fallback_root);
    if (session.results.objectives.empty()) throw sim::experiments::StoreRefused("the optimization has no objective");
    out.session = std::move(session);
  } catch (const std::exception& e) {  // StoreRefused, StoreError, or a malformed stored file
    const std::string what = e.what();  // the store's messages usually name the file already
    out.error = what.rfind(database.string(), 0) == 0 ? what : database.string() + ": " + what;
  }
  return out;
}

std::vector<PlanningAxis> planning_axes(const opt::PlanningResults& results) {
  std::vector<PlanningAxis> axes;
  for (std::size_t o = 0; o < results.objectives.size(); ++o) axes.push_back({PlanningAxis::Kind::objective, o});
  if (results.budget.active) axes.push_back({PlanningAxis::Kind::cost, 0});
  axes.push_back({PlanningAxis::Kind::evaluation, 0});
  return axes;
}

std::pair<std::size_t, std::size_t> default_axes(const opt::PlanningResults& results) {
  if (results.objectives.size() >= 2) return {0, 1};
  return {planning_axes(results).size() - 1, 0};  // search order against the one objective
}

std::size_t front_size(const opt::PlanningResults& results) {
  return static_cast<std::size_t>(
      std::count_if(results.policies.begin(), results.policies.end(), [](const auto& p) { return p.on_front; }));
}

double axis_value(const opt::PlanningResults& results, std::size_t policy, const PlanningAxis& axis) {
  const auto& p = results.policies[policy];
  switch (axis.kind) {
    case PlanningAxis::Kind::objective: return axis.objective < p.values.size() ? p.values[axis.objective] : no_value;
    case PlanningAxis::Kind::cost: return results.budget.active ? p.cost : no_value;
    case PlanningAxis::Kind::evaluation: return static_cast<double>(evaluation_id(policy));
  }
  return no_value;
}

std::vector<PlanningPoint> planning_points(const opt::PlanningResults& results, const PlanningAxis& x_axis,
                                           const PlanningAxis& y_axis) {
  std::vector<PlanningPoint> points;
  for (std::size_t p = 0; p < results.policies.size(); ++p) {
    PlanningPoint point;
    point.policy = p;
    point.x = axis_value(results, p, x_axis);
    point.y = axis_value(results, p, y_axis);
    if (!std::isfinite(point.x) || !std::isfinite(point.y)) continue;
    point.on_front = results.policies[p].on_front;
    point.within_budget = results.policies[p].within_budget;
    point.fresh_x = point.x;
    point.fresh_y = point.y;
    point.has_x_interval = axis_interval(results, p, x_axis, point.fresh_x, point.x_low, point.x_high);
    point.has_y_interval = axis_interval(results, p, y_axis, point.fresh_y, point.y_low, point.y_high);
    point.reevaluated = point.has_x_interval || point.has_y_interval;
    points.push_back(point);
  }
  std::stable_partition(points.begin(), points.end(), [](const PlanningPoint& p) { return !p.on_front; });
  return points;
}

std::vector<std::size_t> front_line(const std::vector<PlanningPoint>& points) {
  std::vector<std::size_t> line;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (points[i].on_front) line.push_back(i);
  std::sort(line.begin(), line.end(), [&](std::size_t a, std::size_t b) {
    return points[a].x != points[b].x ? points[a].x < points[b].x : points[a].y < points[b].y;
  });
  return line;
}

RunSetup policy_run_setup(const opt::PlanningResults& results, std::size_t policy) {
  if (policy >= results.policies.size()) {
    sim::Diagnostic d;
    d.where.file = results.file_path;
    d.message = "no policy " + std::to_string(policy + 1) + " (the optimization evaluated " +
                std::to_string(results.policies.size()) + ")";
    throw sim::ScenarioError({d});
  }
  // The optimization's horizon, so the run is the one its objectives were measured on.
  std::vector<std::string> overrides;
  if (results.weeks > 0) overrides.push_back("run.weeks=" + std::to_string(results.weeks));
  if (results.burn_in_weeks >= 0) overrides.push_back("run.burn_in_weeks=" + std::to_string(results.burn_in_weeks));
  auto base = gov::load_governance_scenario(results.base_path, overrides);

  RunSetup setup;
  setup.document = base.document;
  // The levers become scenario values (not a mid-run change), so they are the reform package
  // from week 0, as in the optimization's runs, and later lever edits keep them.
  const sim::SourceLocation from{results.file_path + " (policy " + std::to_string(policy + 1) + ")", 0, 0};
  for (const auto& [key, value] : results.policies[policy].levers) setup.document.values[key] = {value, from};
  setup.document.name = results.name + " #" + std::to_string(policy + 1);
  setup.document.description = "Policy " + std::to_string(policy + 1) + " of optimization " + results.name +
                               " on " + base.document.name;
  setup.parameters = gov::parameters_with(setup.document, {});
  setup.baseline = std::make_shared<const gov::GovernanceParameters>(std::move(base.parameters));
  return setup;
}

}  // namespace shanzhi::viz
