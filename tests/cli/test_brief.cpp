// `shanzhi brief` (issue 15): one self-contained bilingual page whose numbers are compare's, that
// a real browser opens and prints.

#include "sim/experiments/reported_precision.hpp"
#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

/// The same comparison for brief and compare: the one-community district with the purchase
/// budget and the six rules' cut written on the command line, over more than a year (budgets
/// change when a fiscal year opens).
std::vector<std::string> comparison_args(const std::string& command, const fs::path& out) {
  return {command, tiny_district(), "--with", "purchase.budget_per_community_yuan=300000", "--with",
          "admin.task_cut_share=0.3", "-r", "3", "--weeks", "60", "--threads", "1", "--out", out.string()};
}

/// One row of compare.csv as its fields (no quoted commas in the rows read here).
std::vector<std::string> csv_row(const std::string& csv, const std::string& metric) {
  for (const auto& line : lines_of(csv)) {
    if (line.rfind(metric + ",", 0) != 0) continue;
    std::vector<std::string> fields;
    std::stringstream in(line);
    for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
    return fields;
  }
  return {};
}

/// "+1.73 points (95% interval 1.66 to 1.81)" as the brief must write compare.csv's row.
std::string expected_sentence(const std::vector<std::string>& row, const std::string& unit) {
  namespace ex = shanzhi::sim::experiments;
  const double mean = std::stod(row[7]), low = std::stod(row[8]), high = std::stod(row[9]);
  const double half = (high - low) / 2;
  return ex::shown_value(mean, unit, half, true) + " points (95% interval " + ex::shown_value(mean - half, unit, half) +
         " to " + ex::shown_value(mean + half, unit, half) + ")";
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

/// Width and height from a PNG's IHDR chunk (0, 0 when it is not a PNG).
std::pair<unsigned, unsigned> png_size(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0) return {0, 0};
  const auto be32 = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

}  // namespace

TEST_CASE("brief writes one self-contained bilingual page with compare's numbers", "[cli][brief]") {
  TempDir dir("brief");
  const auto brief = run_shanzhi(comparison_args("brief", dir / "brief"), source_dir(), std::chrono::seconds(300));
  const auto compare = run_shanzhi(comparison_args("compare", dir / "compare"), source_dir(), std::chrono::seconds(300));
  INFO(brief.describe());
  REQUIRE(brief.exit_code == 0);
  REQUIRE(compare.exit_code == 0);
  CHECK(directory_entries(dir / "brief") == std::vector<std::string>{"brief.html"});
  const auto html = read_file(dir / "brief" / "brief.html");

  // Both languages, one shown at a time, and nothing fetched when it opens.
  CHECK(count_of(html, "<article lang=\"zh\">") == 1);
  CHECK(count_of(html, "<article lang=\"en\">") == 1);
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "<link"));
  CHECK_FALSE(contains(html, "src="));
  CHECK_FALSE(contains(html, "href="));
  CHECK_FALSE(contains(html, "url("));
  // Every sentence filled and every word found in the tables (a missing one shows as its key).
  CHECK_FALSE(contains(html, "{}"));
  CHECK_FALSE(contains(html, "population."));
  CHECK_FALSE(contains(html, ">c."));
  CHECK_FALSE(contains(html, ">t."));
  CHECK_FALSE(contains(html, ">h."));

  // The headline sentence carries compare's difference and interval, rounded as compare rounds.
  const auto csv = read_file(dir / "compare" / "compare.csv");
  const auto satisfaction = csv_row(csv, "satisfaction_mean");
  REQUIRE(satisfaction.size() >= 10);
  CHECK(contains(html, "Resident satisfaction changes by " + expected_sentence(satisfaction, satisfaction[1])));
  // The cost per community a year, from compare.json, in the brief's summary.
  CHECK(contains(html, "a community."));
  CHECK(contains(html, "Public cost changes by +¥"));

  // Figures: the satisfaction chart and its difference, and effects by group and category,
  // in each language.
  CHECK(count_of(html, "<svg") >= 2 * 4);
  CHECK(contains(html, "Satisfaction effect by population group"));
  CHECK(contains(html, "各人群的满意度效果"));
  // The policy's changes with where each came from, what the model leaves out, how to reproduce.
  CHECK(contains(html, "purchase.budget_per_community_yuan"));
  CHECK(contains(html, "--with"));
  CHECK(contains(html, "What the model leaves out"));
  CHECK(contains(html, "模型未包含的内容"));
  CHECK(contains(html, "shanzhi compare " + tiny_district()));
  const auto json = read_file(dir / "compare" / "compare.json");
  const auto seeds_at = json.find("\"seeds\": [");
  REQUIRE(seeds_at != std::string::npos);
  const auto seed_begin = json.find('"', seeds_at + 10) + 1;
  const auto first_seed = json.substr(seed_begin, json.find('"', seed_begin) - seed_begin);
  CHECK(contains(html, "replicate seeds " + first_seed));
  // Without --assumptions the brief says what its intervals leave out, not nothing.
  CHECK(contains(html, "Add --assumptions default"));
}

TEST_CASE("brief shows how much each effect depends on the assumptions when they are drawn", "[cli][brief]") {
  TempDir dir("brief_assumptions");
  auto args = comparison_args("brief", dir / "brief");
  args.insert(args.end(), {"--assumptions", "default", "--draws", "8", "--draw-replicates", "1",
                           "--assumption-district", "scenario"});
  const auto brief = run_shanzhi(args, source_dir(), std::chrono::seconds(300));
  INFO(brief.describe());
  REQUIRE(brief.exit_code == 0);
  const auto html = read_file(dir / "brief" / "brief.html");
  CHECK_FALSE(contains(html, "Add --assumptions default"));
  CHECK(contains(html, "The comparison was repeated at 8 draws of the model&#39;s assumed numbers"));
  CHECK(contains(html, "在模型假设参数的 8 组抽样下重复了比较"));
  CHECK(count_of(html, "<th>80% of assumption draws</th>") == 1);
  CHECK(count_of(html, "<th>80% 的假设抽样</th>") == 1);
  // The screen names assumptions only above the noise of 8 draws (2/√8 ≈ 0.71), or says none is.
  CHECK((contains(html, "|ρ| below 0.71 is within noise") || contains(html, "every |ρ| is below 0.71")));
}

TEST_CASE("brief refuses what it cannot do before it runs", "[cli][brief]") {
  TempDir dir("brief_refused");
  const auto no_policy = run_shanzhi({"brief", tiny_district(), "--out", (dir / "a").string()});
  CHECK(no_policy.exit_code == 2);
  CHECK(contains(no_policy.err, "shanzhi brief: name a policy scenario"));
  CHECK_FALSE(fs::exists(dir / "a"));
  // --pdf needs Chromium: without it on PATH, a clear refusal and no folder.
  auto args = comparison_args("brief", dir / "b");
  args.push_back("--pdf");
  args.insert(args.begin(), {"PATH=" + (dir / "empty").string(), shanzhi_binary().string()});
  const auto no_browser = run_program("/usr/bin/env", args);
  INFO(no_browser.describe());
  CHECK(no_browser.exit_code == 2);
  CHECK(contains(no_browser.err, "headless Chromium, which is not installed"));
  CHECK_FALSE(fs::exists(dir / "b"));
}

// Opens the brief in a real browser (Debian's chromium, installed by scripts/setup.sh): the DOM it
// builds holds the headline, a screenshot of each language is a full page, not a blank one, and
// --pdf prints both languages. Slow under the sanitizers, so tagged [slow].
TEST_CASE("brief opens and prints in headless Chromium", "[cli][brief][browser][slow]") {
  TempDir dir("brief_browser");
  auto args = comparison_args("brief", dir / "brief");
  args.push_back("--pdf");
  const auto brief = run_shanzhi(args, source_dir(), std::chrono::seconds(400));
  INFO(brief.describe());
  REQUIRE(brief.exit_code == 0);
  CHECK(directory_entries(dir / "brief") == std::vector<std::string>{"brief-en.pdf", "brief-zh.pdf", "brief.html"});
  for (const auto* pdf : {"brief-en.pdf", "brief-zh.pdf"}) {
    const auto bytes = read_file(dir / "brief" / pdf);
    CHECK(bytes.rfind("%PDF", 0) == 0);
    CHECK(bytes.size() > 20'000);
  }
  const auto page = "file://" + (dir / "brief" / "brief.html").string();
  const std::vector<std::string> headless{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"};
  auto dom_args = headless;
  dom_args.insert(dom_args.end(), {"--dump-dom", page});
  const auto dom = run_program("/usr/bin/chromium", dom_args, dir.path(), std::chrono::seconds(120));
  REQUIRE(dom.exit_code == 0);
  CHECK(contains(dom.out, "居民满意度变化"));
  CHECK(contains(dom.out, "<svg"));
  auto shot_args = headless;
  const auto shot = dir / "brief.png";
  shot_args.insert(shot_args.end(), {"--window-size=900,1400", "--screenshot=" + shot.string(), page});
  const auto screenshot = run_program("/usr/bin/chromium", shot_args, dir.path(), std::chrono::seconds(120));
  REQUIRE(screenshot.exit_code == 0);
  const auto png = read_file(shot);
  CHECK(png_size(png) == std::pair<unsigned, unsigned>{900, 1400});
  // A blank 900×1400 page compresses to a few kB; text, tables and a chart take far more.
  CHECK(png.size() > 60'000);
}
