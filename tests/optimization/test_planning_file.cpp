// Optimization and calibration files: a good file reads into the right spec, and mistakes are
// reported at file:line:column with the key, what was expected and the nearest valid name.

#include "models/governance/experiments/experiment_runner.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/optimization/planning_file.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace opt = shanzhi::sim::optimization;
using shanzhi::cli_test::contains;
using shanzhi::cli_test::source_dir;
using shanzhi::cli_test::TempDir;
using shanzhi::cli_test::write_file;

namespace {

std::string base_line() {
  return "base = \"" + (source_dir() / "scenarios" / "experiments" / "tiny_district.toml").string() + "\"\n";
}

const std::string lever =
    "[[factor]]\nkey = \"purchase.budget_per_community_yuan\"\nmin = 0\nmax = 400000\nrole = \"lever\"\n";

/// All diagnostics of loading `text` as an optimization file, one per line.
std::string optimization_errors(const std::string& text) {
  TempDir dir("opt_file");
  write_file(dir / "o.toml", text);
  try {
    opt::load_optimization(dir / "o.toml", shanzhi::gov::experiment_schema());
  } catch (const shanzhi::sim::ScenarioError& e) {
    std::string all;
    for (const auto& d : e.diagnostics()) all += d.format() + "\n";
    return all;
  }
  return "";
}

}  // namespace

TEST_CASE("A good optimization file reads into its spec", "[optimization][planning_file]") {
  const auto spec = opt::load_optimization(source_dir() / "scenarios" / "optimize" / "tiny_robust.toml",
                                           shanzhi::gov::experiment_schema());
  CHECK(spec.setup.name == "tiny_robust");
  CHECK(spec.setup.levers.size() == 3);
  CHECK(spec.setup.uncertainties.size() == 2);
  REQUIRE(spec.objectives.size() == 1);
  CHECK(spec.objectives[0].maximize);
  CHECK(spec.objectives[0].target.label() == "satisfaction_mean/mean_last_year");
  CHECK_FALSE(spec.budget.active);
  CHECK(spec.robustness.scenarios == 6);
  CHECK(spec.robustness.score == opt::RobustScore::worst);
  CHECK(spec.setup.search.algorithm == opt::Algorithm::cmaes);
  CHECK(spec.setup.replicates == 3);
}

TEST_CASE("A budget reads its metric and limit and penalty", "[optimization][planning_file]") {
  const auto spec = opt::load_optimization(source_dir() / "scenarios" / "optimize" / "tiny_budget.toml",
                                           shanzhi::gov::experiment_schema());
  CHECK(spec.budget.active);
  CHECK(spec.budget.cost.label() == "public_cost_spent_year/max");
  CHECK(spec.budget.limit == 1400000);
  CHECK(spec.budget.penalty == 50);
  CHECK(spec.report_points == 3);
  CHECK(spec.report_replicates == 12);
}

TEST_CASE("Several objectives choose NSGA-II by default", "[optimization][planning_file]") {
  const auto spec = opt::load_optimization(source_dir() / "scenarios" / "optimize" / "tiny_pareto.toml",
                                           shanzhi::gov::experiment_schema());
  CHECK(spec.objectives.size() == 2);
  CHECK(spec.setup.search.algorithm == opt::Algorithm::nsga2);
  CHECK_FALSE(spec.objectives[1].maximize);
}

TEST_CASE("Optimization file mistakes are reported at their line and column", "[optimization][planning_file]") {
  const std::string head = "[optimization]\n" + base_line();
  const std::string objective = "[[objective]]\nmetric = \"satisfaction_mean\"\ndirection = \"maximize\"\n";

  SECTION("an unknown field gets the nearest name") {
    const auto errors = optimization_errors(head + "replicate = 3\n" + lever + objective);
    CHECK(contains(errors, "o.toml:3:1: error: key 'optimization.replicate': unknown field; did you mean 'optimization.replicates'?"));
  }
  SECTION("an unknown metric gets the nearest metric") {
    const auto errors = optimization_errors(head + lever + "[[objective]]\nmetric = \"satisfaction_mea\"\ndirection = \"maximize\"\n");
    CHECK(contains(errors, "o.toml:9:10: error: key 'objective.metric': unknown metric 'satisfaction_mea'; did you mean 'satisfaction_mean'?"));
  }
  SECTION("a wrong direction names the choices") {
    const auto errors = optimization_errors(head + lever + "[[objective]]\nmetric = \"satisfaction_mean\"\ndirection = \"maximise\"\n");
    CHECK(contains(errors, "o.toml:10:13: error: key 'objective.direction': unknown direction \"maximise\"; expected one of maximize | minimize; did you mean 'maximize'?"));
  }
  SECTION("CMA-ES refuses two objectives") {
    const auto errors = optimization_errors(head + "algorithm = \"cmaes\"\n" + lever + objective +
                                            "[[objective]]\nmetric = \"budget_spent_year\"\ndirection = \"minimize\"\n");
    CHECK(contains(errors, "o.toml:3:13: error: key 'optimization.algorithm': cmaes optimizes one objective"));
  }
  SECTION("uncertainties need a robustness table") {
    const auto errors = optimization_errors(head + lever + "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n" + objective);
    CHECK(contains(errors, "key 'robustness': uncertainty factors need a [robustness] table"));
  }
  SECTION("a budget needs a limit and a lever needs a range") {
    const auto errors = optimization_errors(head + "[[factor]]\nkey = \"information.queue_rule\"\nvalues = [\"fifo\", \"priority\"]\nrole = \"lever\"\n" +
                                            objective + "[budget]\nmetric = \"budget_spent_year\"\n");
    CHECK(contains(errors, "o.toml:3:1: error: key 'information.queue_rule': a searched or fitted factor needs a range"));
    CHECK(contains(errors, "key 'budget.limit': missing"));
  }
  SECTION("no objective at all") {
    const auto errors = optimization_errors(head + lever);
    CHECK(contains(errors, "key 'objective': no [[objective]] tables"));
  }
}

TEST_CASE("Calibration files read their parameters and statistic", "[optimization][planning_file]") {
  const auto spec = opt::load_calibration(source_dir() / "scenarios" / "calibrate" / "tiny_recovery.toml",
                                          shanzhi::gov::experiment_schema());
  CHECK(spec.setup.levers.size() == 2);
  CHECK(spec.setup.levers[0].key == "needs.rate_scale");
  CHECK(spec.statistic == shanzhi::sim::experiments::Statistic::mean_last_year);

  TempDir dir("cal_file");
  write_file(dir / "c.toml", "[calibration]\n" + base_line() + "statistc = \"final\"\n" + lever);
  try {
    opt::load_calibration(dir / "c.toml", shanzhi::gov::experiment_schema());
    FAIL("a calibration file with an unknown field was accepted");
  } catch (const shanzhi::sim::ScenarioError& e) {
    CHECK(contains(e.what(), "c.toml:3:1: error: key 'calibration.statistc': unknown field; did you mean 'calibration.statistic'?"));
  }
}

TEST_CASE("Every shipped optimization and calibration file loads", "[optimization][planning_file]") {
  const auto schema = shanzhi::gov::experiment_schema();
  std::size_t files = 0;
  for (const char* folder : {"optimize", "calibrate"})
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "scenarios" / folder)) {
      if (entry.path().extension() != ".toml") continue;
      INFO(entry.path().string());
      ++files;
      if (std::string(folder) == "optimize") {
        const auto spec = opt::load_optimization(entry.path(), schema);
        CHECK(spec.warnings.empty());
        CHECK_NOTHROW(shanzhi::gov::parameters_with(spec.setup.base, {}));
      } else {
        const auto spec = opt::load_calibration(entry.path(), schema);
        CHECK(spec.warnings.empty());
        CHECK_NOTHROW(shanzhi::gov::parameters_with(spec.setup.base, {}));
      }
    }
  CHECK(files >= 5);
}
