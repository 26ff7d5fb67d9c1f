// The Planning tab's logic without a window: a database made by a tiny two-objective
// optimization (NSGA-II on the viz tests' tiny district, with a budget) opens with its policies,
// front and re-evaluated intervals; the front is the non-dominated set on the chosen objectives;
// a policy maps to the very scenario its stored runs used; compare mode runs it against its base
// scenario with common random numbers; bad databases give an error instead of throwing.

#include "viz_test_helpers.hpp"

#include "core/planning.hpp"
#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/experiments/objectives.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "sim/optimization/optimizer.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace shanzhi;
using namespace shanzhi::viz;
using namespace shanzhi::viz::test;
namespace fs = std::filesystem;
namespace ex = sim::experiments;

namespace {

constexpr std::size_t report_points = 2;

std::string optimization_text() {
  return "[optimization]\n"
         "name = \"viz_tiny_front\"\n"
         "base = \"" + source_path("viz/tests/data/tiny.toml") + "\"\n"
         "weeks = 30\nburn_in_weeks = 4\nreplicates = 2\nseed = 7\n"
         "algorithm = \"nsga2\"\npopulation = 8\ngenerations = 1\n"
         "report_points = " + std::to_string(report_points) + "\nreport_replicates = 3\n\n"
         "[[factor]]\nkey = \"purchase.budget_per_community_yuan\"\nmin = 0\nmax = 400000\nrole = \"lever\"\n\n"
         "[[factor]]\nkey = \"admin.task_cut_share\"\nmin = 0\nmax = 0.6\nrole = \"lever\"\n\n"
         "[[objective]]\nmetric = \"satisfaction_vulnerable_mean\"\nstatistic = \"mean_last_year\"\ndirection = \"maximize\"\n\n"
         "[[objective]]\nmetric = \"worker_burnout_mean\"\nstatistic = \"mean_last_year\"\ndirection = \"minimize\"\n\n"
         "[budget]\nmetric = \"budget_spent_year\"\nstatistic = \"max\"\nlimit = 400000\npenalty = 50\n";
}

/// A temporary folder with the optimization file and the database it produced (made once).
struct TinyOptimization {
  fs::path dir;
  fs::path database;
  sim::optimization::OptimizationReport report;
  TinyOptimization() {
    dir = fs::temp_directory_path() / ("shanzhi_viz_planning_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto file = dir / "front.toml";
    std::ofstream(file) << optimization_text();
    database = dir / "front.sqlite";
    const auto spec = sim::optimization::load_optimization(file, gov::experiment_schema());
    auto store = ex::ResultsStore::open_for_sweep(database, sim::optimization::optimization_store_experiment(spec),
                                                  ex::ExperimentPlan{});
    report = sim::optimization::optimize(spec, store, gov::target_runner(spec.setup.base), 2);
  }
  ~TinyOptimization() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

const TinyOptimization& tiny_optimization() {
  static const TinyOptimization made;
  return made;
}

const opt::PlanningResults& tiny_results() {
  static const opt::PlanningResults results = [] {
    auto opened = open_planning(tiny_optimization().database);
    INFO(opened.error);
    REQUIRE(opened.session);
    return opened.session->results;
  }();
  return results;
}

/// What the optimizer minimizes: each objective in minimization form plus the budget penalty.
std::vector<double> fitness(const opt::PlanningResults& r, const opt::PlannedPolicy& p) {
  const double overrun = std::max(0.0, p.cost - r.budget.limit) / r.budget.limit;
  std::vector<double> f;
  for (std::size_t o = 0; o < r.objectives.size(); ++o)
    f.push_back((r.objectives[o].maximize ? -p.values[o] : p.values[o]) + r.budget.penalty * overrun);
  return f;
}

bool dominates(const std::vector<double>& a, const std::vector<double>& b) {
  bool better = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i]) return false;
    better = better || a[i] < b[i];
  }
  return better;
}

sim::ParamValue value_of(const gov::GovernanceParameters& p, const std::string& key) {
  for (const auto& e : gov::governance_schema().entries())
    if (e.info.key == key) return e.get(p);
  FAIL("no key " << key);
  return {};
}

}  // namespace

TEST_CASE("An optimization database opens with its policies and front and the report's intervals", "[viz][planning]") {
  const auto& r = tiny_results();
  CHECK(r.name == "viz_tiny_front");
  REQUIRE(r.objectives.size() == 2);
  CHECK(r.objectives[0].maximize);
  CHECK_FALSE(r.objectives[1].maximize);
  CHECK(r.weeks == 30);
  CHECK(r.burn_in_weeks == 4);
  REQUIRE(r.policies.size() >= 4);
  std::size_t on_front = 0, reported = 0;
  for (const auto& p : r.policies) {
    on_front += p.on_front ? 1 : 0;
    if (p.reevaluated.empty()) continue;
    ++reported;
    CHECK(p.on_front);  // the report re-evaluates points of the front
    REQUIRE(p.reevaluated.size() == 2);
    for (const auto& i : p.reevaluated) {
      CHECK(i.low <= i.value);
      CHECK(i.value <= i.high);
      CHECK(i.high - i.low > 0);
      CHECK(i.runs == 3);
    }
  }
  CHECK(on_front >= 1);
  CHECK(reported == std::min(report_points, on_front));

  // The intervals are the optimize report's own (one scenario: the same Student-t intervals).
  const auto& report = tiny_optimization().report;
  REQUIRE(report.policies.size() == reported);
  for (const auto& policy : report.policies) {
    const auto& levers = report.evaluations[policy.evaluation].result.levers;
    const auto found = std::find_if(r.policies.begin(), r.policies.end(),
                                    [&](const opt::PlannedPolicy& p) { return p.levers == levers; });
    REQUIRE(found != r.policies.end());
    REQUIRE(found->reevaluated.size() == policy.objectives.size());
    for (std::size_t o = 0; o < policy.objectives.size(); ++o) {
      CHECK(found->reevaluated[o].value == Approx(policy.objectives[o].value).epsilon(1e-12));
      CHECK(found->reevaluated[o].low == Approx(policy.objectives[o].low).epsilon(1e-12));
      CHECK(found->reevaluated[o].high == Approx(policy.objectives[o].high).epsilon(1e-12));
    }
  }
}

TEST_CASE("The plotted front is the non-dominated set and its line runs along x", "[viz][planning]") {
  const auto& r = tiny_results();
  const auto axes = planning_axes(r);
  REQUIRE(axes.size() == 4);  // two objectives, the budget's cost, the search order
  CHECK(axes[2].kind == PlanningAxis::Kind::cost);
  const auto [x, y] = default_axes(r);
  CHECK(x == 0);
  CHECK(y == 1);
  const auto points = planning_points(r, axes[x], axes[y]);
  CHECK(points.size() == r.policies.size());
  for (const auto& a : points) {
    const auto fa = fitness(r, r.policies[a.policy]);
    bool dominated = false;
    for (const auto& b : points) dominated = dominated || dominates(fitness(r, r.policies[b.policy]), fa);
    INFO("policy " << a.policy << " at (" << a.x << ", " << a.y << ")");
    CHECK(a.on_front == !dominated);
    CHECK(a.x == r.policies[a.policy].values[0]);
    CHECK(a.has_y_interval == !r.policies[a.policy].reevaluated.empty());
    CHECK(a.reevaluated == a.has_y_interval);
    if (a.reevaluated) {
      CHECK(a.fresh_x == r.policies[a.policy].reevaluated[0].value);
      CHECK(a.x_low <= a.fresh_x);
      CHECK(a.fresh_x <= a.x_high);
    }
  }
  // Front points come last (drawn on top); the line visits them in increasing x.
  bool seen_front = false;
  for (const auto& p : points) {
    CHECK((seen_front <= p.on_front));
    seen_front = seen_front || p.on_front;
  }
  const auto line = front_line(points);
  for (std::size_t i = 1; i < line.size(); ++i) CHECK(points[line[i - 1]].x <= points[line[i]].x);
  std::size_t on_front = 0;
  for (const auto& p : points) on_front += p.on_front ? 1 : 0;
  CHECK(line.size() == on_front);

  // The search order against the first objective: x is the evaluation id (as in the CSV, from 0).
  const auto order = planning_points(r, axes[3], axes[0]);
  for (const auto& p : order) {
    CHECK(p.x == static_cast<double>(p.policy));
    CHECK_FALSE(p.has_x_interval);
    CHECK(p.fresh_x == p.x);
  }
}

TEST_CASE("A policy becomes the scenario its stored runs used, against its base scenario", "[viz][planning]") {
  const auto& r = tiny_results();
  std::size_t chosen = 0;
  while (!r.policies[chosen].on_front) ++chosen;
  const auto& policy = r.policies[chosen];
  const auto setup = policy_run_setup(r, chosen);
  CHECK(setup.parameters.run.weeks == 30);
  CHECK(setup.parameters.run.burn_in_weeks == 4);
  CHECK(setup.changes.empty());
  for (const auto& [key, value] : policy.levers) {
    INFO(key);
    CHECK(value_of(setup.parameters, key) == value);
  }
  REQUIRE(setup.baseline);
  const auto base = open_run_file(source_path("viz/tests/data/tiny.toml"));
  CHECK(setup.baseline->run.seed == base.parameters.run.seed);
  CHECK(setup.parameters.run.seed == base.parameters.run.seed);
  CHECK(setup.baseline->run.weeks == 30);
  CHECK(value_of(*setup.baseline, "admin.task_cut_share") == value_of(base.parameters, "admin.task_cut_share"));

  // With a stored run's seed, the scenario reproduces that run's objectives exactly.
  const auto stored = ex::ResultsStore::open_read_only(tiny_optimization().database).read_all();
  const ex::StoredRun* first = nullptr;
  for (const auto& run : stored.runs)
    if (run.point == policy.points[0] && run.replicate == 0) first = &run;
  REQUIRE(first);
  std::vector<sim::optimization::Target> targets;
  for (const auto& o : r.objectives) targets.push_back(o.target);
  const auto again = gov::run_targets(setup.document, ex::RunPlan{0, 0, first->seed, {}}, targets);
  REQUIRE(again.ok);
  for (std::size_t o = 0; o < targets.size(); ++o) {
    const auto k = static_cast<std::size_t>(
        std::find_if(stored.outcomes.begin(), stored.outcomes.end(),
                     [&](const ex::OutcomeSpec& s) { return s.label() == targets[o].label(); }) -
        stored.outcomes.begin());
    REQUIRE(k < stored.outcomes.size());
    CHECK(again.values[o] == first->values[k]);
  }
}

TEST_CASE("A loaded policy runs in compare mode against its base scenario with the same seed", "[viz][planning]") {
  const auto& r = tiny_results();
  std::size_t chosen = 0;
  while (!r.policies[chosen].on_front) ++chosen;
  SimulationController policy_run(policy_run_setup(r, chosen), false);
  policy_run.set_compare(true);
  policy_run.run_to(6);
  const auto s = settle(policy_run);
  REQUIRE(s->compare_active);
  CHECK(s->compare_against_base);
  CHECK(s->compare_from_week == 0);
  REQUIRE(s->baseline_rows.size() == s->frames.size());

  // The baseline twin is the base scenario with the optimization's horizon, week for week.
  auto base = open_run_file(source_path("viz/tests/data/tiny.toml"));
  base.parameters.run.weeks = 30;
  base.parameters.run.burn_in_weeks = 4;
  SimulationController base_run(base, false);
  base_run.run_to(6);
  const auto b = settle(base_run);
  REQUIRE(b->frames.size() == s->frames.size());
  const auto m = metric_index(*b, "satisfaction_mean");
  REQUIRE(m >= 0);
  const auto base_series = metric_series(*b, static_cast<std::size_t>(m));
  const auto baseline = baseline_series(*s, static_cast<std::size_t>(m));
  REQUIRE(baseline.y.size() == base_series.y.size());
  for (std::size_t i = 0; i < baseline.y.size(); ++i) CHECK(baseline.y[i] == base_series.y[i]);

  // Reset with a new seed keeps the baseline on the same seed as the policy run.
  policy_run.reset(99);
  policy_run.run_to(2);
  const auto after = settle(policy_run);
  CHECK(after->seed == 99);
  CHECK(after->compare_against_base);
  REQUIRE(after->setup.baseline);
  CHECK(after->setup.baseline->run.seed == 99);
}

TEST_CASE("A bad or non-optimization database gives an error and no session", "[viz][planning]") {
  const auto& made = tiny_optimization();
  const auto missing = open_planning(made.dir / "no_such.sqlite");
  CHECK_FALSE(missing.session);
  CHECK(missing.error.find("no such file") != std::string::npos);

  const auto text_file = made.dir / "not_a_database.sqlite";
  std::ofstream(text_file) << "this is not an SQLite database\n";
  const auto garbage = open_planning(text_file);
  CHECK_FALSE(garbage.session);
  CHECK(garbage.error.find(text_file.string()) == 0);

  const auto scenario = open_planning(source_path("viz/tests/data/tiny.toml"));
  CHECK_FALSE(scenario.session);
  CHECK_FALSE(scenario.error.empty());

  // A sweep's results database is a results database but holds no optimization.
  const auto sweep_db = made.dir / "sweep.sqlite";
  {
    const auto sweep = ex::load_experiment(source_path("scenarios/experiments/tiny_lhs.toml"), gov::experiment_schema());
    (void)ex::ResultsStore::open_for_sweep(sweep_db, sweep, ex::plan_experiment(sweep));
  }
  const auto not_optimization = open_planning(sweep_db);
  CHECK_FALSE(not_optimization.session);
  CHECK(not_optimization.error.find("not an optimization") != std::string::npos);

  // A policy whose base scenario has gone cannot be loaded: a ScenarioError, shown in the window.
  auto moved = tiny_results();
  moved.base_path = (made.dir / "gone.toml").string();
  CHECK_THROWS_AS(policy_run_setup(moved, 0), sim::ScenarioError);
  CHECK_THROWS_AS(policy_run_setup(moved, moved.policies.size()), sim::ScenarioError);
}
