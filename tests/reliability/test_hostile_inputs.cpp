// Inputs a careless or hostile user may give (issue "Reliability, round two"): a scenario name
// too long for a folder name, an `extends` chain thousands of files deep, an unknown key of a
// million characters and a file with thousands of unknown keys, and results/latest that is a
// real file or folder. Each ends in a clear message and an exit code, never a signal, a hang or a
// silent loss.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// A scenario extending the tiny district, with `extra` lines after the extends line.
void write_tiny_child(const fs::path& file, const std::string& extra) {
  write_file(file, "extends = \"" + tiny_district() + "\"\n" + extra);
}

}  // namespace

TEST_CASE("A scenario name too long for a folder name still runs into a default folder", "[reliability][cli]") {
  TempDir dir("hostile-name");
  write_tiny_child(dir / "long.toml", "[scenario]\nname = \"" + std::string(300, 'n') + "\"\n[run]\nweeks = 2\n");
  const auto run = run_shanzhi({"run", (dir / "long.toml").string(), "--quiet"}, dir.path());
  INFO(run.describe());
  CHECK(run.exited);
  CHECK(run.exit_code == 0);
  std::size_t folders = 0;
  for (const auto& entry : fs::directory_iterator(dir / "results" / "runs")) {
    ++folders;
    CHECK(entry.path().filename().string().size() < 120);
    CHECK(fs::exists(entry.path() / "manifest.json"));
  }
  CHECK(folders == 1);

  const auto compare = run_shanzhi({"compare", (dir / "long.toml").string(), (dir / "long.toml").string(), "-r", "2"},
                                   dir.path());
  INFO(compare.describe());
  CHECK(compare.exited);
  CHECK(compare.exit_code == 0);
}

TEST_CASE("An extends chain thousands of files deep is refused at a stated depth", "[reliability][scenario]") {
  TempDir dir("hostile-extends");
  write_tiny_child(dir / "s0.toml", "");
  constexpr int files = 9000;  // about 8,000 overflowed the stack before the cap
  for (int i = 1; i <= files; ++i)
    write_file(dir / ("s" + std::to_string(i) + ".toml"), "extends = \"s" + std::to_string(i - 1) + ".toml\"\n");
  const auto result = run_shanzhi({"validate", (dir / ("s" + std::to_string(files) + ".toml")).string()}, dir.path());
  INFO(result.describe());
  CHECK(result.exited);
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "extends chain longer than 64 files"));
  CHECK(contains(result.err, ":1:"));  // file:line of the extends that goes too deep

  // A chain of 60 files is fine.
  const auto short_chain = run_shanzhi({"validate", (dir / "s60.toml").string()}, dir.path());
  INFO(short_chain.describe());
  CHECK(short_chain.exit_code == 0);
}

TEST_CASE("A huge unknown key and thousands of unknown keys get a prompt bounded answer", "[reliability][scenario]") {
  TempDir dir("hostile-keys");
  write_tiny_child(dir / "long_key.toml", "[run]\n" + std::string(1'000'000, 'w') + " = 1\n");
  const auto started = std::chrono::steady_clock::now();
  const auto long_key = run_shanzhi({"validate", (dir / "long_key.toml").string()}, dir.path(), std::chrono::seconds(60));
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(long_key.exited);
  CHECK(long_key.exit_code == 2);
  CHECK(contains(long_key.err, "unknown"));
  CHECK(seconds < 30);  // was more than 300 s: a full edit-distance matrix per candidate

  std::string many = "[run]\n";
  for (int i = 0; i < 20000; ++i) many += "wekes" + std::to_string(i) + " = 1\n";
  write_tiny_child(dir / "many.toml", many);
  const auto many_keys = run_shanzhi({"validate", (dir / "many.toml").string()}, dir.path(), std::chrono::seconds(60));
  CHECK(many_keys.exited);
  CHECK(many_keys.exit_code == 2);
  CHECK(contains(many_keys.err, "more problems (fix the first ones and run again)"));
  CHECK(many_keys.err.size() < 50'000);  // about 50 problems shown, not 20,000
}

TEST_CASE("results/latest that is a real file or folder is left alone and the run says so", "[reliability][output]") {
  TempDir dir("hostile-latest");
  write_tiny_child(dir / "t.toml", "[run]\nweeks = 2\n");
  fs::create_directories(dir / "results" / "latest");
  write_file(dir / "results" / "latest" / "mine.txt", "keep me");
  auto run = run_shanzhi({"run", (dir / "t.toml").string(), "--quiet"}, dir.path());
  INFO(run.describe());
  CHECK(run.exit_code == 0);
  CHECK(contains(run.err, "results/latest is a directory, not a link: left as it is"));
  CHECK(read_file(dir / "results" / "latest" / "mine.txt") == "keep me");

  fs::remove_all(dir / "results" / "latest");
  write_file(dir / "results" / "latest", "a file");
  run = run_shanzhi({"run", (dir / "t.toml").string(), "--quiet"}, dir.path());
  CHECK(run.exit_code == 0);
  CHECK(contains(run.err, "results/latest is a file, not a link"));
  CHECK(read_file(dir / "results" / "latest") == "a file");

  fs::remove(dir / "results" / "latest");
  run = run_shanzhi({"run", (dir / "t.toml").string(), "--quiet"}, dir.path());
  CHECK(run.exit_code == 0);
  CHECK(fs::is_symlink(dir / "results" / "latest"));
  CHECK(fs::exists(dir / "results" / "latest" / "manifest.json"));
}

TEST_CASE("Seeds are range-checked as whole numbers and empty option values are refused", "[reliability][cli]") {
  TempDir dir("hostile-numbers");
  // In doubles 4e18 + 100 equals 4e18, the bound: it passed before.
  const auto seed = run_shanzhi({"run", tiny_district(), "--seed", "4000000000000000100", "--out", (dir / "a").string()});
  CHECK(seed.exit_code == 2);
  CHECK(contains(seed.err, "expected a whole number between 0 and 4000000000000000000, got 4000000000000000100"));
  const auto at_bound = run_shanzhi({"validate", tiny_district(), "--set", "run.seed=4000000000000000000"});
  CHECK(at_bound.exit_code == 0);

  write_file(dir / "f.toml", "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n");
  const auto negative = run_shanzhi({"sample", "--design", "lhs", "--params", (dir / "f.toml").string(), "--n", "4",
                                     "--out", (dir / "s.csv").string(), "--seed", "-1"});
  CHECK(negative.exit_code == 2);  // it wrapped to 18446744073709551615 before
  CHECK_FALSE(fs::exists(dir / "s.csv"));

  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run", tiny_district(), "--weeks", ""}, {"run", tiny_district(), "--weeks="},
        {"compare", tiny_district(), tiny_district(), "--seed", ""}}) {
    const auto empty = run_shanzhi(args);
    INFO(empty.describe());
    CHECK(empty.exit_code == 2);
    CHECK(contains(empty.err, "an empty argument"));
  }
}

TEST_CASE("A scenario whose breakdowns would not fit in memory is refused before it runs", "[reliability][scenario]") {
  TempDir dir("hostile-breakdowns");
  // 12,800 small communities with breakdowns every week for 50 years: about 15 GB of rows.
  write_tiny_child(dir / "huge.toml", "[district]\nstreets = 64\ncommunities_per_street = 200\n"
                                      "residents_per_community = 50\nresidents_per_compound = 50\n"
                                      "[run]\nweeks = 2600\nbreakdown_every_weeks = 1\n");
  const auto refused = run_shanzhi({"validate", (dir / "huge.toml").string()}, dir.path());
  INFO(refused.describe());
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "huge.toml:9:25: error: key 'run.breakdown_every_weeks': breakdowns would hold about"));
  CHECK(contains(refused.err, "raise run.breakdown_every_weeks to 13 or more"));
  // The advice works: quarterly breakdowns of the same district pass.
  const auto quarterly = run_shanzhi({"validate", (dir / "huge.toml").string(), "--set", "run.breakdown_every_weeks=13"},
                                     dir.path());
  INFO(quarterly.describe());
  CHECK(quarterly.exit_code == 0);
}

TEST_CASE("validate checks every kind of input file the program reads", "[reliability][cli]") {
  const auto scenarios = source_dir() / "scenarios";
  for (const auto& [file, says] :
       std::vector<std::pair<fs::path, std::string>>{{scenarios / "guangling.toml", "scenario 'guangling'"},
                                                     {scenarios / "experiments" / "tiny_lhs.toml", "experiment 'tiny_lhs'"},
                                                     {scenarios / "optimize" / "tiny_budget.toml", "optimization 'tiny_budget'"},
                                                     {scenarios / "calibrate" / "tiny_recovery.toml", "calibration 'tiny_recovery'"},
                                                     {scenarios / "experiments" / "assumptions_example.toml", "factor file, 8 factors"}}) {
    const auto result = run_shanzhi({"validate", file.string()});
    INFO(result.describe());
    CHECK(result.exit_code == 0);
    CHECK(contains(result.out, says));
  }
  // Each kind's own errors, not a scenario reader's "unknown key 'experiment'".
  TempDir dir("validate-kinds");
  write_file(dir / "bad_experiment.toml", "[experiment]\nbase = \"" + tiny_district() + "\"\nreplicatez = 2\n");
  const auto experiment = run_shanzhi({"validate", (dir / "bad_experiment.toml").string()});
  CHECK(experiment.exit_code == 2);
  CHECK(contains(experiment.err, "did you mean 'experiment.replicates'"));
  CHECK(contains(experiment.err, "missing [design] table"));
  write_file(dir / "bad_factors.toml", "[[factor]]\nkey = \"admin.leakage\"\nmin = 1\nmax = 0\n");
  CHECK(run_shanzhi({"validate", (dir / "bad_factors.toml").string()}).exit_code == 2);
}

TEST_CASE("validate checks lesson files as the window reads them", "[reliability][cli][lessons]") {
  // Every shipped lesson: its keys, both languages, its scenario, and the scenario with each
  // step's levers as they stand by the end of that step.
  for (const auto& entry : fs::directory_iterator(source_dir() / "scenarios" / "lessons")) {
    const auto result = run_shanzhi({"validate", entry.path().string()});
    INFO(result.describe());
    CHECK(result.exit_code == 0);
    CHECK(contains(result.out, ": ok (lesson '"));
  }
  TempDir dir("validate-lessons");
  const std::string head = "[lesson]\ntitle_en = \"T\"\ntitle_zh = \"课\"\nscenario = \"" + tiny_district() + "\"\n";
  const std::string step = "[[step]]\ntext_en = \"a\"\ntext_zh = \"甲\"\nweeks = 4\n";
  // A typo in a lever key: file, line, column and the nearest key.
  write_file(dir / "typo.toml", head + step + "levers = { \"admin.task_cut_shar\" = 0.5 }\n");
  const auto typo = run_shanzhi({"validate", (dir / "typo.toml").string()});
  CHECK(typo.exit_code == 2);
  CHECK(contains(typo.err, "typo.toml:9:"));
  CHECK(contains(typo.err, "did you mean 'admin.task_cut_share'"));
  // A panel that is not a recorded metric: file, line, column, the key and the nearest name.
  write_file(dir / "panel_typo.toml", head + step + "panels = [\"worker_records_hour\"]\n");
  const auto panel_typo = run_shanzhi({"validate", (dir / "panel_typo.toml").string()});
  CHECK(panel_typo.exit_code == 2);
  CHECK(contains(panel_typo.err, "panel_typo.toml:9:11"));
  CHECK(contains(panel_typo.err, "step[1].panels"));
  CHECK(contains(panel_typo.err, "did you mean 'worker_records_hours'"));
  // A step missing its Chinese text.
  write_file(dir / "one_language.toml", head + "[[step]]\ntext_en = \"a\"\nweeks = 4\n");
  const auto one_language = run_shanzhi({"validate", (dir / "one_language.toml").string()});
  CHECK(one_language.exit_code == 2);
  CHECK(contains(one_language.err, "step[1].text_zh"));
  // Levers that are each valid but together not: weights of perceived service that no longer
  // sum to one from step 2 on.
  write_file(dir / "weights.toml", head + step + step + "levers = { \"satisfaction.weight_quality\" = 0.9 }\n");
  const auto weights = run_shanzhi({"validate", (dir / "weights.toml").string()});
  INFO(weights.describe());
  CHECK(weights.exit_code == 2);
  CHECK(contains(weights.err, "step 2's levers make an invalid scenario"));
  // A lesson whose scenario is missing.
  write_file(dir / "no_scenario.toml", "[lesson]\ntitle_en = \"T\"\ntitle_zh = \"课\"\nscenario = \"nowhere.toml\"\n" + step);
  const auto no_scenario = run_shanzhi({"validate", (dir / "no_scenario.toml").string()});
  CHECK(no_scenario.exit_code == 2);
  CHECK(contains(no_scenario.err, "nowhere.toml"));
}

TEST_CASE("An output that cannot be written is refused with the same exit code by every command", "[reliability][cli]") {
  TempDir dir("hostile-outputs");
  write_file(dir / "e.toml", "[experiment]\nname = \"outs\"\nbase = \"" + tiny_district() +
                                 "\"\nweeks = 4\nreplicates = 1\n[design]\nkind = \"lhs\"\nsamples = 2\n"
                                 "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
                                 "[[outcome]]\nmetric = \"satisfaction_mean\"\n");
  REQUIRE(run_shanzhi({"sweep", (dir / "e.toml").string(), "--db", (dir / "e.sqlite").string()}).exit_code == 0);
  write_file(dir / "f.toml", "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n");
  write_file(dir / "a_file", "not a folder");
  const auto below_a_file = (dir / "a_file" / "out").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"export", (dir / "e.sqlite").string(), "--csv", below_a_file + ".csv"},
        {"sample", "--design", "lhs", "--params", (dir / "f.toml").string(), "--n", "4", "--out", below_a_file + ".csv"},
        {"plot", (dir / "e.sqlite").string(), "--out", below_a_file},
        {"run", tiny_district(), "--out", below_a_file},
        {"compare", tiny_district(), tiny_district(), "-r", "2", "--out", below_a_file}}) {
    const auto result = run_shanzhi(args);
    INFO(result.describe());
    CHECK(result.exit_code == 2);
  }
}

TEST_CASE("analyze --design morris on a design that is not Morris writes nothing", "[reliability][cli]") {
  TempDir dir("hostile-morris");
  write_file(dir / "f.toml", "[[factor]]\nkey = \"a\"\nmin = 0\nmax = 1\n[[factor]]\nkey = \"b\"\nmin = 0\nmax = 1\n");
  REQUIRE(run_shanzhi({"sample", "--design", "lhs", "--params", (dir / "f.toml").string(), "--n", "6", "--out",
                       (dir / "x.csv").string()})
              .exit_code == 0);
  write_file(dir / "y.csv", "y\n1\n2\n3\n4\n5\n6\n");
  fs::create_directories(dir / "out");
  const auto result = run_shanzhi({"analyze", "--design", "morris", "--params", (dir / "f.toml").string(), "--x",
                                   (dir / "x.csv").string(), "--y", (dir / "y.csv").string(), "--out",
                                   (dir / "out").string()});
  INFO(result.describe());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "X is not a Morris design"));
  CHECK(fs::is_empty(dir / "out"));  // no partial CSV
}

TEST_CASE("Control characters and non-UTF-8 bytes in keys are escaped in messages", "[reliability][cli]") {
  TempDir dir("hostile-escapes");
  write_tiny_child(dir / "esc.toml", "[run]\n\"we\\u001b[31mks\" = 3\n");
  const auto file_key = run_shanzhi({"validate", (dir / "esc.toml").string()});
  CHECK(file_key.exit_code == 2);
  CHECK(contains(file_key.err, "key 'run.we\\x1B[31mks': unknown key"));
  CHECK(file_key.err.find('\x1b') == std::string::npos);  // no raw escape reaches the terminal

  const auto set_key = run_shanzhi({"validate", tiny_district(), "--set", std::string("run.we\x07\xff") + "ks=3"});
  CHECK(set_key.exit_code == 2);
  CHECK(contains(set_key.err, "run.we\\x07\\xFFks"));
  CHECK(set_key.err.find('\x07') == std::string::npos);

  const auto command = run_shanzhi({std::string("ru\x1bn")});
  CHECK(command.exit_code == 2);
  CHECK(contains(command.err, "unknown command 'ru\\x1Bn'; did you mean 'run'?"));
}
