// The Planning tab's numbers are the optimize report's: `shanzhi optimize` runs a shipped
// optimization (tiny_pareto: its integer lever makes different candidates the same policy) and
// writes its policies CSV; the same database read through core/planning.* must give the same
// evaluation ids, number of evaluated policies, front and values.

#include "viz_test_helpers.hpp"

#include "core/planning.hpp"
#include "sim/parameters.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

using namespace shanzhi;
using namespace shanzhi::viz;
using namespace shanzhi::viz::test;
namespace fs = std::filesystem;

namespace {

/// One CSV line split at commas outside double quotes (quotes removed).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

/// The CSV as rows of column → text.
std::vector<std::map<std::string, std::string>> read_csv(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  REQUIRE(std::getline(in, line));
  const auto header = csv_fields(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto fields = csv_fields(line);
    REQUIRE(fields.size() == header.size());
    auto& row = rows.emplace_back();
    for (std::size_t k = 0; k < header.size(); ++k) row[header[k]] = fields[k];
  }
  return rows;
}

struct OptimizeRun {
  fs::path dir;
  std::string output;  ///< what the command printed
};

/// Runs the CLI as a planner would, into a fresh folder.
OptimizeRun run_optimize(const std::string& optimization) {
  OptimizeRun run{fs::temp_directory_path() / ("shanzhi_viz_planning_csv_" + std::to_string(::getpid())), {}};
  fs::remove_all(run.dir);
  fs::create_directories(run.dir);
  const auto log = run.dir / "optimize.log";
  const std::string command = std::string(SHANZHI_CLI_PATH) + " optimize " + source_path(optimization) + " --db " +
                              (run.dir / "db.sqlite").string() + " --out " + (run.dir / "out").string() + " --threads 1 > " +
                              log.string() + " 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(log);
  run.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  INFO(run.output);
  REQUIRE(status == 0);
  return run;
}

std::size_t evaluated_count(const std::string& output) {
  std::smatch match;
  const std::regex evaluated("Evaluated ([0-9]+) policies");
  REQUIRE(std::regex_search(output, match, evaluated));
  return static_cast<std::size_t>(std::stoul(match[1]));
}

}  // namespace

TEST_CASE("The Planning tab shows the evaluation ids, counts and values of the optimize CSV", "[viz][planning][cli]") {
  const auto run = run_optimize("scenarios/optimize/tiny_pareto.toml");
  const auto rows = read_csv(run.dir / "out" / "tiny_pareto-policies.csv");
  auto opened = open_planning(run.dir / "db.sqlite", SHANZHI_SOURCE_DIR);
  INFO(opened.error);
  REQUIRE(opened.session);
  const auto& r = opened.session->results;

  // The number of evaluations the command reports is the number of policies the tab counts.
  CHECK(r.policies.size() == evaluated_count(run.output));
  // Every reported policy is on the tab's front; tiny_pareto's front is smaller than its
  // report_points, so the CSV lists the whole front.
  REQUIRE(!rows.empty());
  CHECK(front_size(r) == rows.size());

  const std::vector<std::string> levers{"information.database_coverage", "workforce.social_work_posts_per_community",
                                        "admin.task_cut_share"};
  for (const auto& row : rows) {
    const auto evaluation = static_cast<std::size_t>(std::stoul(row.at("evaluation")));
    INFO("CSV rank " << row.at("rank") << ", evaluation " << evaluation);
    // The tab's number for the policy is the CSV's evaluation id, and it names the same policy.
    REQUIRE(evaluation < r.policies.size());
    CHECK(evaluation_id(evaluation) == evaluation);
    const auto& policy = r.policies[evaluation];
    CHECK(policy.on_front);
    REQUIRE(policy.levers.size() == levers.size());
    for (std::size_t k = 0; k < levers.size(); ++k) {
      CHECK(policy.levers[k].first == levers[k]);
      CHECK(sim::format_value(policy.levers[k].second) == row.at(levers[k]));
    }
    for (std::size_t o = 0; o < r.objectives.size(); ++o) {
      const auto label = r.objectives[o].target.label();
      CHECK(policy.values[o] == Approx(std::stod(row.at(label + "_search"))).epsilon(1e-12));
      REQUIRE(o < policy.reevaluated.size());
      CHECK(policy.reevaluated[o].value == Approx(std::stod(row.at(label))).epsilon(1e-9));
      CHECK(policy.reevaluated[o].low == Approx(std::stod(row.at(label + "_low"))).epsilon(1e-9));
      CHECK(policy.reevaluated[o].high == Approx(std::stod(row.at(label + "_high"))).epsilon(1e-9));
    }
    // On the evaluation axis the policy sits at its id.
    CHECK(axis_value(r, evaluation, {PlanningAxis::Kind::evaluation, 0}) == static_cast<double>(evaluation));
  }
  fs::remove_all(run.dir);
}
