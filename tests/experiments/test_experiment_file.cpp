// Experiment files: a good file reads into the right experiment, and every kind of mistake is
// reported at its file:line:column with the field and what was expected.

#include "models/governance/experiments/experiment_runner.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace ex = shanzhi::sim::experiments;
using shanzhi::cli_test::contains;
using shanzhi::cli_test::source_dir;
using shanzhi::cli_test::TempDir;
using shanzhi::cli_test::write_file;

namespace {

/// An experiment file whose base is the shipped tiny district, followed by `rest`.
std::string experiment_text(const std::string& experiment_fields, const std::string& rest) {
  const auto base = (source_dir() / "scenarios" / "experiments" / "tiny_district.toml").string();
  return "[experiment]\nbase = \"" + base + "\"\n" + experiment_fields + rest;
}

const std::string good_rest =
    "[design]\n"                                     // line 3 when experiment_fields is empty
    "kind = \"lhs\"\n"
    "samples = 10\n"
    "[[factor]]\n"
    "key = \"admin.leakage\"\n"
    "min = 0\n"
    "max = 1\n"
    "[[outcome]]\n"
    "metric = \"satisfaction_mean\"\n"
    "statistic = \"mean_last_year\"\n";

/// Every diagnostic of loading `text` as an experiment, formatted; empty if it loads.
std::string problems_of(const std::string& text) {
  TempDir dir("experiment_file");
  write_file(dir / "e.toml", text);
  try {
    shanzhi::gov::load_governance_experiment((dir / "e.toml").string());
    return "";
  } catch (const shanzhi::sim::ScenarioError& e) {
    std::string all;
    for (const auto& d : e.diagnostics()) {
      // Strip the temporary folder so expectations can name "e.toml:LINE:COLUMN".
      auto line = d.format();
      const auto folder = dir.path().string() + "/";
      if (line.rfind(folder, 0) == 0) line = line.substr(folder.size());
      all += line + "\n";
    }
    return all;
  }
}

}  // namespace

TEST_CASE("A good experiment file reads into its experiment", "[experiments][experiment_file]") {
  TempDir dir("experiment_file");
  write_file(dir / "e.toml", experiment_text("weeks = 30\nburn_in_weeks = 4\nreplicates = 3\nseed = 99\nname = \"x1\"\n",
                                             good_rest));
  const auto e = shanzhi::gov::load_governance_experiment((dir / "e.toml").string());
  CHECK(e.name == "x1");
  CHECK(e.replicates == 3);
  CHECK(e.master_seed == 99);
  CHECK(e.design.kind == ex::DesignKind::latin_hypercube);
  CHECK(e.design.samples == 10);
  REQUIRE(e.factors.size() == 1);
  CHECK(e.factors[0].key == "admin.leakage");
  REQUIRE(e.outcomes.size() == 1);
  CHECK(e.outcomes[0].label() == "satisfaction_mean/mean_last_year");
  // weeks and burn-in override the base scenario and are located in the experiment file
  CHECK(std::get<std::int64_t>(e.base.values.at("run.weeks").first) == 30);
  CHECK(e.base.values.at("run.weeks").second.line == 3);
  CHECK(std::get<std::int64_t>(e.base.values.at("run.burn_in_weeks").first) == 4);
  CHECK(e.base.values.at("district.residents_per_community").second.file.find("tiny_district.toml") !=
        std::string::npos);
}

TEST_CASE("Defaults of an experiment file are one replicate and seed 1 and the file's name", "[experiments][experiment_file]") {
  TempDir dir("experiment_file");
  write_file(dir / "my_study.toml", experiment_text("", good_rest));
  const auto e = shanzhi::gov::load_governance_experiment((dir / "my_study.toml").string());
  CHECK(e.name == "my_study");
  CHECK(e.replicates == 1);
  CHECK(e.master_seed == 1);
  CHECK(e.outcomes.size() == 1);
}

TEST_CASE("Experiment file mistakes are reported at their line and column", "[experiments][experiment_file]") {
  SECTION("unknown field with the nearest name") {
    const auto p = problems_of(experiment_text("replicate = 3\n", good_rest));
    CHECK(contains(p, "e.toml:3:1: error: key 'experiment.replicate': unknown field; did you mean 'experiment.replicates'?"));
  }
  SECTION("unknown table with the nearest name") {
    const auto p = problems_of(experiment_text("", good_rest + "[outcomes]\nmetric = \"x\"\n"));
    CHECK(contains(p, "e.toml:13:2: error: key 'outcomes': unknown table; did you mean 'outcome'?"));
  }
  SECTION("unknown metric with the nearest metric name") {
    auto text = experiment_text("", good_rest);
    text.replace(text.find("\"satisfaction_mean\""), 19, "\"satisfaction_mea\"");
    const auto p = problems_of(text);
    CHECK(contains(p, "e.toml:11:10: error: key 'outcome.metric': unknown metric 'satisfaction_mea'; did you mean "
                      "'satisfaction_mean'?"));
  }
  SECTION("missing base file") {
    const auto p = problems_of("[experiment]\nbase = \"nowhere.toml\"\n" + good_rest);
    CHECK(contains(p, "e.toml:2:8: error: key 'experiment.base': cannot read base scenario"));
    CHECK(contains(p, "no such file"));
  }
  SECTION("no base at all") {
    const auto p = problems_of("[experiment]\nreplicates = 2\n" + good_rest);
    CHECK(contains(p, "e.toml:1:1: error: key 'experiment.base': missing"));
  }
  SECTION("bad design kind") {
    auto text = experiment_text("", good_rest);
    text.replace(text.find("\"lhs\""), 5, "\"lhx\"");
    const auto p = problems_of(text);
    CHECK(contains(p, "e.toml:4:8: error: key 'design.kind': unknown design kind \"lhx\"; expected one of "
                      "full_factorial | lhs | sobol | morris; did you mean 'lhs'?"));
  }
  SECTION("bad statistic") {
    auto text = experiment_text("", good_rest);
    text.replace(text.find("\"mean_last_year\""), 16, "\"meen\"");
    const auto p = problems_of(text);
    CHECK(contains(p, "e.toml:12:13: error: key 'outcome.statistic': unknown statistic \"meen\""));
    CHECK(contains(p, "did you mean 'mean'?"));
  }
  SECTION("replicates below one") {
    const auto p = problems_of(experiment_text("replicates = 0\n", good_rest));
    CHECK(contains(p, "e.toml:3:14: error: key 'experiment.replicates': expected a whole number between 1 and"));
  }
  SECTION("a value of the wrong type") {
    const auto p = problems_of(experiment_text("seed = \"forty-two\"\n", good_rest));
    CHECK(contains(p, "e.toml:3:8: error: key 'experiment.seed': expected a whole number ≥ 0, got \"forty-two\""));
  }
  SECTION("weeks outside the scenario key's range") {
    const auto p = problems_of(experiment_text("weeks = 0\n", good_rest));
    CHECK(contains(p, "e.toml:3:9: error: key 'experiment.weeks': expected a whole number between 1 and 2600"));
  }
  SECTION("samples missing for a design that needs them") {
    auto text = experiment_text("", good_rest);
    text.erase(text.find("samples = 10\n"), 13);
    const auto p = problems_of(text);
    CHECK(contains(p, "e.toml:3:1: error: key 'design.samples': missing: a lhs design needs samples"));
  }
  SECTION("an unknown factor key") {
    auto text = experiment_text("", good_rest);
    text.replace(text.find("admin.leakage"), 13, "admin.leakge");
    const auto p = problems_of(text);
    CHECK(contains(p, "e.toml:7:7: error: key 'admin.leakge': unknown key; did you mean 'admin.leakage'?"));
  }
  SECTION("the seed as a factor") {
    auto text = experiment_text("", good_rest);
    text.replace(text.find("admin.leakage"), 13, "run.seed");
    const auto p = problems_of(text);
    CHECK(contains(p, "key 'run.seed': cannot be a factor"));
  }
  SECTION("an outcome listed twice") {
    const auto p = problems_of(experiment_text("", good_rest + "[[outcome]]\nmetric = \"satisfaction_mean\"\n"
                                                               "statistic = \"mean_last_year\"\n"));
    CHECK(contains(p, "e.toml:13:1: error: key 'outcome': 'satisfaction_mean/mean_last_year' is listed twice"));
  }
  SECTION("no outcomes and no factors") {
    const auto p = problems_of(experiment_text("", "[design]\nkind = \"lhs\"\nsamples = 3\n"));
    CHECK(contains(p, "e.toml: error: no [[factor]] tables"));
    CHECK(contains(p, "e.toml: error: key 'outcome': no [[outcome]] tables"));
  }
  SECTION("invalid TOML") {
    const auto p = problems_of("[experiment\nbase = 1\n");
    CHECK(contains(p, "e.toml:1:12: error: invalid TOML"));
  }
  SECTION("an empty file") {
    const auto p = problems_of("");
    CHECK(contains(p, "e.toml: error: file is empty: an experiment needs"));
  }
  SECTION("every problem at once in file order") {
    const auto p = problems_of(experiment_text("replicates = 0\nseed = -1\n", good_rest));
    const auto first = p.find("e.toml:3:14"), second = p.find("e.toml:4:8");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(first < second);
  }
}

TEST_CASE("An invalid base scenario is reported in the base file", "[experiments][experiment_file]") {
  TempDir dir("experiment_file");
  const auto tiny = (source_dir() / "scenarios" / "experiments" / "tiny_district.toml").string();
  write_file(dir / "base.toml", "extends = \"" + tiny + "\"\n[satisfaction]\nweight_quality = 0.9\n");
  write_file(dir / "e.toml", "[experiment]\nbase = \"base.toml\"\n" + good_rest);
  try {
    shanzhi::gov::load_governance_experiment((dir / "e.toml").string());
    FAIL("an invalid base combination must be refused");
  } catch (const shanzhi::sim::ScenarioError& e) {
    const std::string text = e.what();
    CHECK(contains(text, "base.toml:3:18: error: key 'satisfaction.weight_quality'"));
    CHECK(contains(text, "must sum to 1"));
  }
}

TEST_CASE("The canonical text ignores comments but not values", "[experiments][experiment_file]") {
  TempDir dir("experiment_file");
  const auto load = [&](const std::string& text) {
    write_file(dir / "e.toml", text);
    return ex::canonical_text(shanzhi::gov::load_governance_experiment((dir / "e.toml").string()));
  };
  const auto original = load(experiment_text("", good_rest));
  const auto with_comment = load("# a note\n" + experiment_text("name = \"renamed\"\ndescription = \"d\"\n", good_rest));
  auto changed_text = experiment_text("", good_rest);
  changed_text.replace(changed_text.find("max = 1"), 7, "max = 0.5");
  const auto changed = load(changed_text);
  CHECK(ex::fnv1a_hex(original) == ex::fnv1a_hex(with_comment));
  CHECK(ex::fnv1a_hex(original) != ex::fnv1a_hex(changed));
  CHECK(contains(original, "base.district.residents_per_community = 600"));
  CHECK(ex::fnv1a_hex("") == "cbf29ce484222325");  // FNV-1a's offset basis: the hash of nothing
  CHECK(ex::fnv1a_hex("a") == "af63dc4c8601ec8c");  // published FNV-1a 64 test vector
}

TEST_CASE("Every shipped experiment file loads and plans its runs", "[experiments][experiment_file]") {
  // scenarios/experiments/ holds experiment files (with an [experiment] table), the scenarios
  // they use as a base, and parameter files of `shanzhi sample` (only [[factor]] tables).
  std::size_t experiments = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "scenarios" / "experiments")) {
    if (entry.path().extension() != ".toml") continue;
    const auto text = shanzhi::cli_test::read_file(entry.path());
    if (text.find("[experiment]") == std::string::npos) continue;
    INFO(entry.path().string());
    ex::Experiment experiment;
    REQUIRE_NOTHROW(experiment = shanzhi::gov::load_governance_experiment(entry.path().string()));
    CHECK(experiment.warnings.empty());
    CHECK(ex::plan_experiment(experiment).run_count() >= 2);
    ++experiments;
  }
  CHECK(experiments >= 2);
}
