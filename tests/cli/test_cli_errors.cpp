// Bad scenario input through the command line: for every kind of mistake, both
// `shanzhi validate FILE` and `shanzhi run FILE --out DIR` must exit with code 2 (not crash),
// say on stderr where the problem is (file:line:column) and which key, and write nothing.

#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

/// Checks one invocation that must be refused as bad input.
void check_refused(const CliResult& r, const std::string& first_line_prefix, const std::vector<std::string>& mentions) {
  INFO(r.describe());
  REQUIRE(r.exited);  // not killed by a signal (a crash) and not hung
  CHECK(r.exit_code == 2);
  CHECK(starts_with(r.err, first_line_prefix));
  for (const auto& m : mentions) {
    INFO("stderr should mention: " << m);
    CHECK(contains(r.err, m));
  }
  CHECK_FALSE(contains(r.out, ": ok"));
  CHECK_FALSE(contains(r.err, "terminate called"));
  CHECK_FALSE(contains(r.err, "Run with --help"));  // a scenario problem, not a command-line one
}

/// Runs `validate TARGET` and `run TARGET --out DIR` in `dir` (plus `extra` arguments) and checks
/// that both refuse the input with the same message and that DIR stays empty.
void expect_rejected(const TempDir& dir, const std::string& target, const std::string& first_line_prefix,
                     const std::vector<std::string>& mentions, const std::vector<std::string>& extra = {}) {
  const auto validated = run_shanzhi(with({"validate", target}, extra), dir.path());
  {
    INFO("shanzhi validate " << target);
    check_refused(validated, first_line_prefix, mentions);
  }

  const fs::path out = dir / "results_out";
  fs::create_directories(out);
  const auto ran = run_shanzhi(with({"run", target, "--out", out.string()}, extra), dir.path());
  {
    INFO("shanzhi run " << target << " --out " << out.string());
    check_refused(ran, first_line_prefix, mentions);
    CHECK(directory_entries(out).empty());
    CHECK_FALSE(fs::exists(dir / "results"));  // nor a default results/runs/... directory
  }
  CHECK(ran.err == validated.err);  // the same diagnostics whichever command read the file
}

/// Writes `bytes` to DIR/NAME and expects both commands to refuse it.
void expect_file_rejected(const std::string& name, const std::string& bytes, const std::string& first_line_prefix,
                          const std::vector<std::string>& mentions) {
  TempDir dir("cli_errors");
  write_file(dir / name, bytes);
  expect_rejected(dir, name, first_line_prefix, mentions);
}

}  // namespace

TEST_CASE("cli errors: TOML syntax errors give file:line:column", "[cli][errors]") {
  SECTION("a value missing after '='") {
    expect_file_rejected("syntax.toml", "[workforce]\npay_ratio = = 1.0\n", "syntax.toml:2:13: error: ",
                         {"invalid TOML"});
  }
  SECTION("an unterminated string") {
    expect_file_rejected("quote.toml", "[run]\nweeks = 3\n[purchase]\nmode = \"tendered\n",
                         "quote.toml:4:", {"invalid TOML"});
  }
  SECTION("an unclosed table header") {
    expect_file_rejected("header.toml", "# comment\n[workforce\npay_ratio = 1.0\n", "header.toml:2:",
                         {"invalid TOML"});
  }
}

TEST_CASE("cli errors: an unknown key suggests the nearest valid key", "[cli][errors]") {
  expect_file_rejected("typo.toml", "[workforce]\npay_rato = 1.0\n", "typo.toml:2:1: error: key 'workforce.pay_rato': ",
                       {"unknown key", "did you mean 'workforce.pay_ratio'?"});
}

TEST_CASE("cli errors: an unknown table suggests the nearest table", "[cli][errors]") {
  expect_file_rejected("table.toml", "[workfroce]\npay_ratio = 1.0\n", "table.toml:1:2: error: key 'workfroce': ",
                       {"unknown table", "did you mean 'workforce'?"});
}

TEST_CASE("cli errors: a value of the wrong type", "[cli][errors]") {
  SECTION("text for a number") {
    expect_file_rejected("text.toml", "[workforce]\npay_ratio = \"high\"\n",
                         "text.toml:2:13: error: key 'workforce.pay_ratio': ",
                         {"expected a number between 0.4 and 2", "\"high\" (text)"});
  }
  SECTION("a boolean for a number") {
    expect_file_rejected("bool.toml", "[workforce]\npay_ratio = true\n",
                         "bool.toml:2:13: error: key 'workforce.pay_ratio': ", {"true (a boolean)"});
  }
  SECTION("an array for a number") {
    expect_file_rejected("array.toml", "[workforce]\npay_ratio = [1.0, 2.0]\n",
                         "array.toml:2:13: error: key 'workforce.pay_ratio': ", {"an array"});
  }
  SECTION("a real number for an integer key") {
    expect_file_rejected("real.toml", "[district]\nstreets = 2.5\n", "real.toml:2:11: error: key 'district.streets': ",
                         {"expected a whole number between 1 and 64", "2.5 (a real number)"});
  }
}

TEST_CASE("cli errors: values out of range at either end", "[cli][errors]") {
  SECTION("a real below its minimum") {
    expect_file_rejected("low.toml", "[workforce]\npay_ratio = 0.1\n", "low.toml:2:13: error: key 'workforce.pay_ratio': ",
                         {"between 0.4 and 2", "got 0.1"});
  }
  SECTION("a real above its maximum") {
    expect_file_rejected("high.toml", "[workforce]\npay_ratio = 5.0\n",
                         "high.toml:2:13: error: key 'workforce.pay_ratio': ", {"between 0.4 and 2", "got 5"});
  }
  SECTION("an integer below its minimum") {
    expect_file_rejected("zero.toml", "[district]\nstreets = 0\n", "zero.toml:2:11: error: key 'district.streets': ",
                         {"between 1 and 64", "got 0"});
  }
  SECTION("an integer above its maximum, as a dotted key") {
    expect_file_rejected("many.toml", "district.streets = 65\n", "many.toml:1:20: error: key 'district.streets': ",
                         {"between 1 and 64", "got 65"});
  }
}

TEST_CASE("cli errors: NaN and infinity are refused", "[cli][errors]") {
  SECTION("nan") {
    expect_file_rejected("nan.toml", "[workforce]\npay_ratio = nan\n", "nan.toml:2:13: error: key 'workforce.pay_ratio': ",
                         {"not a number"});
  }
  SECTION("inf") {
    expect_file_rejected("inf.toml", "[workforce]\npay_ratio = inf\n", "inf.toml:2:13: error: key 'workforce.pay_ratio': ",
                         {"infinity"});
  }
  SECTION("-inf") {
    expect_file_rejected("ninf.toml", "[workforce]\npay_ratio = -inf\n",
                         "ninf.toml:2:13: error: key 'workforce.pay_ratio': ", {"-inf", "infinity"});
  }
}

TEST_CASE("cli errors: an integer too large for 64 bits", "[cli][errors]") {
  // The TOML parser refuses the whole document here, so the message names the number, not the key.
  SECTION("positive") {
    expect_file_rejected("big.toml", "[district]\nstreets = 99999999999999999999\n", "big.toml:2:",
                         {"99999999999999999999", "64 bits"});
  }
  SECTION("negative") {
    expect_file_rejected("small.toml", "[run]\nseed = -99999999999999999999\n", "small.toml:2:",
                         {"99999999999999999999", "64 bits"});
  }
}

TEST_CASE("cli errors: a choice that is not one of the choices", "[cli][errors]") {
  expect_file_rejected("choice.toml", "[purchase]\nmode = \"tendred\"\n", "choice.toml:2:8: error: key 'purchase.mode': ",
                       {"'commissioned', 'tendered'", "got 'tendred'", "did you mean 'tendered'?"});
}

TEST_CASE("cli errors: an empty file", "[cli][errors]") {
  SECTION("no bytes at all") {
    expect_file_rejected("empty.toml", "", "empty.toml: error: ", {"file is empty"});
  }
  SECTION("only blank lines") {
    expect_file_rejected("blank.toml", "  \n\n\t\n", "blank.toml: error: ", {"file is empty"});
  }
}

TEST_CASE("cli errors: binary files and NUL bytes", "[cli][errors]") {
  using namespace std::string_literals;
  SECTION("a PNG image") {
    expect_file_rejected("image.toml", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"s, "image.toml:3:1: error: ",
                         {"NUL byte", "binary"});
  }
  SECTION("a NUL byte after valid text") {
    expect_file_rejected("nul.toml", "[run]\nweeks = 3\0\n"s, "nul.toml:2:10: error: ", {"NUL byte"});
  }
  SECTION("a file saved as UTF-16") {
    expect_file_rejected("utf16.toml", "\xFF\xFE[\0r\0u\0n\0]\0\n\0"s, "utf16.toml:1:4: error: ", {"NUL byte"});
  }
}

TEST_CASE("cli errors: invalid UTF-8", "[cli][errors]") {
  SECTION("a Latin-1 byte in a comment") {
    expect_file_rejected("latin1.toml", "# c\n[workforce]\npay_ratio = 1.0 # caf\xE9\n", "latin1.toml:3:22: error: ",
                         {"invalid UTF-8", "0xE9"});
  }
  SECTION("a truncated sequence after multibyte characters") {
    // Two three-byte characters count as two columns; the lone lead byte is column 11.
    expect_file_rejected("cut.toml", "[scenario]\nname = \"\xE5\x96\x84\xE6\xB2\xBB\xE5\"\n", "cut.toml:2:11: error: ",
                         {"invalid UTF-8", "0xE5"});
  }
}

TEST_CASE("cli errors: an extends cycle", "[cli][errors]") {
  SECTION("two files extending each other") {
    TempDir dir("cli_errors");
    write_file(dir / "a.toml", "extends = \"b.toml\"\n[run]\nweeks = 3\n");
    write_file(dir / "b.toml", "# b\nextends = \"a.toml\"\n");
    expect_rejected(dir, "a.toml", "b.toml:2:11: error: key 'extends': ",
                    {"extends cycle", "a.toml -> b.toml -> a.toml"});
  }
  SECTION("a file extending itself") {
    TempDir dir("cli_errors");
    write_file(dir / "self.toml", "extends = \"self.toml\"\n");
    expect_rejected(dir, "self.toml", "self.toml:1:11: error: key 'extends': ", {"extends cycle"});
  }
}

TEST_CASE("cli errors: a missing extends target", "[cli][errors]") {
  SECTION("next to the file") {
    expect_file_rejected("child.toml", "\nextends = \"nope.toml\"\n", "child.toml:2:11: error: key 'extends': ",
                         {"cannot read 'nope.toml'", "no such file"});
  }
  SECTION("resolved relative to the extending file, not the working directory") {
    TempDir dir("cli_errors");
    write_file(dir / "sub" / "child.toml", "extends = \"nope.toml\"\n");
    expect_rejected(dir, "sub/child.toml", "sub/child.toml:1:11: error: key 'extends': ",
                    {"cannot read 'sub/nope.toml'", "no such file"});
  }
}

TEST_CASE("cli errors: a scenario file that does not exist", "[cli][errors]") {
  TempDir dir("cli_errors");
  expect_rejected(dir, "doesnotexist.toml", "doesnotexist.toml: error: ", {"cannot read scenario file", "no such file"});
}

TEST_CASE("cli errors: a directory given as the scenario file", "[cli][errors]") {
  TempDir dir("cli_errors");
  fs::create_directories(dir / "folder.toml");
  expect_rejected(dir, "folder.toml", "folder.toml: error: ", {"is a directory"});
}

TEST_CASE("cli errors: weights that must sum to one", "[cli][errors]") {
  expect_file_rejected("weights.toml", "[satisfaction]\nweight_quality = 0.6\n",
                       "weights.toml:2:18: error: key 'satisfaction.weight_quality': ",
                       {"must sum to 1", "sum to 1.1", "satisfaction.weight_wait", "satisfaction.weight_fit"});
}

TEST_CASE("cli errors: every problem in a file is reported — in file order", "[cli][errors]") {
  TempDir dir("cli_errors");
  write_file(dir / "several.toml", "[workforce]\npay_rato = 1.0\n\n[district]\nstreets = 2.5\n\n[purchase]\nmode = \"x\"\n");
  const std::vector<std::string> lines{
      "several.toml:2:1: error: key 'workforce.pay_rato': ",
      "several.toml:5:11: error: key 'district.streets': ",
      "several.toml:8:8: error: key 'purchase.mode': ",
  };
  expect_rejected(dir, "several.toml", lines[0], {lines[1], lines[2]});
  const auto r = run_shanzhi({"validate", "several.toml"}, dir.path());
  INFO(r.describe());
  CHECK(r.err.find(lines[0]) < r.err.find(lines[1]));
  CHECK(r.err.find(lines[1]) < r.err.find(lines[2]));
}

TEST_CASE("cli errors: bad --set overrides", "[cli][errors]") {
  TempDir dir("cli_errors");
  write_file(dir / "ok.toml", "[run]\nweeks = 2\nburn_in_weeks = 1\n");
  SECTION("an unknown key suggests the nearest") {
    expect_rejected(dir, "ok.toml", "--set: error: key 'workforce.pay_rato': ",
                    {"unknown key", "did you mean 'workforce.pay_ratio'?"}, {"--set", "workforce.pay_rato=1.0"});
  }
  SECTION("a value that is not a number") {
    expect_rejected(dir, "ok.toml", "--set: error: key 'workforce.pay_ratio': ",
                    {"expected a number between 0.4 and 2", "got 'abc'"}, {"--set", "workforce.pay_ratio=abc"});
  }
  SECTION("a real for an integer key") {
    expect_rejected(dir, "ok.toml", "--set: error: key 'run.weeks': ", {"whole number", "got '2.5'"},
                    {"--set", "run.weeks=2.5"});
  }
  SECTION("a value out of range") {
    expect_rejected(dir, "ok.toml", "--set: error: key 'district.streets': ", {"between 1 and 64", "got 0"},
                    {"--set", "district.streets=0"});
  }
  SECTION("an integer too large for 64 bits") {
    expect_rejected(dir, "ok.toml", "--set: error: key 'run.seed': ", {"does not fit a 64-bit integer"},
                    {"--set", "run.seed=99999999999999999999"});
  }
  SECTION("a misspelt choice") {
    expect_rejected(dir, "ok.toml", "--set: error: key 'purchase.mode': ", {"did you mean 'tendered'?"},
                    {"--set", "purchase.mode=tendred"});
  }
  SECTION("no '='") {
    expect_rejected(dir, "ok.toml", "--set: error: ", {"expected key=value", "got 'workforce.pay_ratio'"},
                    {"--set", "workforce.pay_ratio"});
  }
  SECTION("no value after '='") {
    expect_rejected(dir, "ok.toml", "--set: error: key 'workforce.pay_ratio': ", {"no value after '='"},
                    {"--set", "workforce.pay_ratio="});
  }
  SECTION("an override that breaks a rule across keys") {
    expect_rejected(dir, "ok.toml", "--set: error: key 'satisfaction.weight_quality': ", {"must sum to 1"},
                    {"--set", "satisfaction.weight_quality=0.6"});
  }
}

TEST_CASE("cli errors: run's --seed/--weeks/--burn-in are checked like the keys they set", "[cli][errors]") {
  TempDir dir("cli_errors");
  write_file(dir / "ok.toml", "[run]\nweeks = 2\nburn_in_weeks = 1\n");
  const fs::path out = dir / "results_out";
  fs::create_directories(out);
  auto run_with = [&](const std::string& option, const std::string& value) {
    return run_shanzhi({"run", "ok.toml", "--out", out.string(), option, value}, dir.path());
  };
  SECTION("--weeks 0") {
    check_refused(run_with("--weeks", "0"), "--set: error: key 'run.weeks': ", {"between 1 and 2600", "got 0"});
  }
  SECTION("--burn-in too long") {
    check_refused(run_with("--burn-in", "9999"), "--set: error: key 'run.burn_in_weeks': ",
                  {"between 0 and 520", "got 9999"});
  }
  SECTION("--seed below zero") {
    check_refused(run_with("--seed", "-1"), "--set: error: key 'run.seed': ", {"got -1"});
  }
  CHECK(directory_entries(out).empty());
}

TEST_CASE("cli errors: a resident-evaluation weight below 50% is a warning — not an error", "[cli][errors]") {
  TempDir dir("cli_errors");
  write_file(dir / "experiment.toml", "[workforce]\nresident_evaluation_weight = 0.3\n");
  const auto r = run_shanzhi({"validate", "experiment.toml"}, dir.path());
  INFO(r.describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 0);
  CHECK(starts_with(r.err, "experiment.toml:2:30: warning: key 'workforce.resident_evaluation_weight': "));
  CHECK(contains(r.err, "0.3"));
  CHECK(contains(r.err, "50%"));
  CHECK_FALSE(contains(r.err, "error"));
  CHECK(contains(r.out, "experiment.toml: ok"));

  // At 50% or more there is nothing to warn about.
  write_file(dir / "reform.toml", "[workforce]\nresident_evaluation_weight = 0.5\n");
  const auto fine = run_shanzhi({"validate", "reform.toml"}, dir.path());
  INFO(fine.describe());
  CHECK(fine.exit_code == 0);
  CHECK(fine.err.empty());
}

TEST_CASE("cli errors: validate checks every file and fails if any is bad", "[cli][errors]") {
  TempDir dir("cli_errors");
  write_file(dir / "good.toml", "[run]\nweeks = 60\n");
  write_file(dir / "bad.toml", "[workforce]\npay_rato = 1.0\n");
  const auto r = run_shanzhi({"validate", "good.toml", "bad.toml"}, dir.path());
  INFO(r.describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.out, "good.toml: ok"));
  CHECK_FALSE(contains(r.out, "bad.toml: ok"));
  CHECK(starts_with(r.err, "bad.toml:2:1: error: key 'workforce.pay_rato': "));
}

TEST_CASE("cli errors: a horizon shorter than the burn-in is a warning at the weeks key", "[cli][errors]") {
  TempDir dir("cli_errors");
  write_file(dir / "short.toml", "[run]\nburn_in_weeks = 52\nweeks = 20\n");
  const auto r = run_shanzhi({"validate", "short.toml"}, dir.path());
  INFO(r.describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 0);
  CHECK(starts_with(r.err, "short.toml:3:9: warning: key 'run.weeks': "));
  CHECK(contains(r.err, "records 20 weeks after a burn-in of 52"));
  CHECK_FALSE(contains(r.err, "error"));

  // From the command line the warning names the option that set it; equal lengths are fine.
  const auto from_cli = run_shanzhi({"validate", "short.toml", "--set", "run.weeks=10"}, dir.path());
  INFO(from_cli.describe());
  CHECK(from_cli.exit_code == 0);
  CHECK(starts_with(from_cli.err, "--set: warning: key 'run.weeks': "));
  write_file(dir / "even.toml", "[run]\nburn_in_weeks = 52\nweeks = 52\n");
  const auto even = run_shanzhi({"validate", "even.toml"}, dir.path());
  INFO(even.describe());
  CHECK(even.exit_code == 0);
  CHECK(even.err.empty());
}
