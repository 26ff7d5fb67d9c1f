// The Compare tab's effects with assumption uncertainty: reading back what
// `shanzhi compare --assumptions` writes, and rounding to what the uncertainty supports.

#include "core/effect_uncertainty.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace shanzhi::viz;

namespace {

struct Folder {
  fs::path path;
  explicit Folder(const std::string& name) : path(fs::temp_directory_path() / ("shanzhi-viz-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
  void write(const std::string& file, const std::string& text) const {
    fs::create_directories((path / file).parent_path());
    std::ofstream(path / file) << text;
  }
};

const char* summary_header =
    "policy,metric,unit,direction,statistic,effect,effect_low,effect_high,replicates,median,q10,q90,q2.5,q97.5,"
    "p_sign,draws,replicates_per_draw,assumption_district\n";

/// One policy as compare writes it: assumptions.csv, assumption_bands.csv, timeseries_bands.csv.
void write_one_policy(const Folder& f) {
  f.write("assumptions.csv",
          std::string(summary_header) +
              "pkg,satisfaction_mean,points 0-100,higher,mean_last_year,15.72,15.5,15.9,10,15.1,12.1,19.0,11.5,20.5,1,64,3,small\n"
              "pkg,unmet_need_share,\"share, 0-1\",lower,mean_last_year,-0.2,-0.21,-0.19,10,-0.2,-0.25,-0.15,-0.3,-0.1,0.95,64,3,small\n");
  f.write("assumption_bands.csv",
          "policy,week,metric,median,q10,q90,q2.5,q97.5,draws\n"
          "pkg,0,satisfaction_mean,0,0,0,0,0,64\n"
          "pkg,1,satisfaction_mean,1,0.5,1.5,0.2,1.8,64\n"
          "pkg,1,unmet_need_share,-0.1,-0.2,0,-0.3,0.1,64\n");
  f.write("timeseries_bands.csv",
          "week,metric,arm,mean,lo,hi\n"
          "0,satisfaction_mean,difference,0,0,0\n"
          "1,satisfaction_mean,difference,1.1,1.0,1.2\n"
          "1,satisfaction_mean,baseline,58,57,59\n");
}

}  // namespace

TEST_CASE("A comparison with assumption uncertainty opens with its effects and bands", "[viz][uncertainty]") {
  Folder f("uncertainty-open");
  write_one_policy(f);
  const auto opened = open_effect_uncertainty(f.path);
  INFO(opened.error);
  REQUIRE(opened.results);
  const auto& r = *opened.results;
  REQUIRE(r.policies == std::vector<std::string>{"pkg"});
  REQUIRE(r.effects.size() == 2);
  const auto* s = r.find("pkg", "satisfaction_mean");
  REQUIRE(s);
  CHECK(s->effect == Approx(15.72));
  CHECK(s->q10 == Approx(12.1));
  CHECK(s->q97_5 == Approx(20.5));
  CHECK(s->draws == 64);
  CHECK(s->shown_half_width() == Approx(3.45));  // the band, wider than the seed interval
  const auto* u = r.find("pkg", "unmet_need_share");
  REQUIRE(u);
  CHECK(u->unit == "share, 0-1");  // a quoted field with a comma
  CHECK(r.find("pkg", "no_such_metric") == nullptr);

  const auto over = r.over_time("pkg", "satisfaction_mean");
  REQUIRE(over.week == std::vector<double>{0, 1});
  CHECK(over.seed_mean[1] == Approx(1.1));
  CHECK(over.q90[1] == Approx(1.5));
  CHECK(over.q2_5[1] == Approx(0.2));
  CHECK(r.over_time("pkg", "unmet_need_share").week.empty());  // no seed band for it
}

TEST_CASE("Effects are shown only as precisely as their uncertainty supports", "[viz][uncertainty]") {
  CHECK(format_effect(15.72, 3.45, "points 0-100") == "+16");
  CHECK(format_effect(15.72, 0.17, "points 0-100") == "+15.7");
  CHECK(format_effect(15.72, 0.0, "points 0-100") == "+15.72");
  CHECK(format_effect(-0.2034, 0.05, "share, 0-1") == "-20%");    // ±5 percentage points
  CHECK(format_effect(-0.2034, 0.004, "share, 0-1") == "-20.3%");
  CHECK(format_effect(350000, 20000, "CNY") == "+¥0.35m");
  CHECK(format_effect(std::nan(""), 1, "points 0-100") == "n/a");
}

TEST_CASE("A folder without assumption results or with a malformed file gives an error naming it",
          "[viz][uncertainty]") {
  Folder f("uncertainty-bad");
  auto opened = open_effect_uncertainty(f.path);
  CHECK_FALSE(opened.results);
  CHECK(opened.error.find("no assumptions.csv") != std::string::npos);
  CHECK(opened.error.find("--assumptions default") != std::string::npos);

  CHECK(open_effect_uncertainty(f.path / "missing").error.find("no such folder") != std::string::npos);

  f.write("assumptions.csv", std::string(summary_header) + "pkg,satisfaction_mean,points,higher,x,abc,1,2,3,4,5,6,7,8,1,64,3,s\n");
  opened = open_effect_uncertainty(f.path / "assumptions.csv");  // the file itself opens its folder
  CHECK_FALSE(opened.results);
  CHECK(opened.error.find("assumptions.csv:2") != std::string::npos);
  CHECK(opened.error.find("'abc' is not a number") != std::string::npos);

  f.write("assumptions.csv", "policy,metric\npkg,satisfaction_mean\n");
  opened = open_effect_uncertainty(f.path);
  CHECK(opened.error.find("no column 'unit'") != std::string::npos);

  f.write("assumptions.csv", std::string(summary_header) + "pkg,satisfaction_mean,points\n");
  opened = open_effect_uncertainty(f.path);
  CHECK(opened.error.find("3 fields, the header has 18") != std::string::npos);
}
